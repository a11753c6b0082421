'use client'
// Row selection of the grid: the checkboxes (with an indeterminate "some selected" state) and the bar of bulk actions.
import { useEffect, useRef, type ReactNode } from 'react'

export function SelectCell({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: (checked: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate && !checked
  }, [indeterminate, checked])
  return <input ref={ref} type="checkbox" aria-label={label} checked={checked} onChange={(event) => onChange(event.target.checked)} />
}

export function SelectionBar({ count, onClear, children }: { count: number; onClear: () => void; children: ReactNode }) {
  return (
    <div className="selection-bar" role="region" aria-label="Selected rows">
      <strong aria-live="polite">{count.toLocaleString('en')} selected</strong>
      {children}
      <button type="button" className="link" onClick={onClear}>
        Clear selection
      </button>
    </div>
  )
}
