'use client'
// The remembered layout of a grid (hidden columns, column order) per user and table, in localStorage — see docs/ui.md for why not the server.
import { useCallback, useMemo, useSyncExternalStore } from 'react'

export interface GridLayout {
  hidden: string[]
  order: string[]
}

const EMPTY: GridLayout = { hidden: [], order: [] }

export const layoutStorageKey = (userId: string, tableId: string) => `patchboard.grid.${userId}.${tableId}`

/** The stored text, parsed; a hand-edited or foreign value reads as the default layout. */
function parse(stored: string | null): GridLayout {
  try {
    const parsed = JSON.parse(stored ?? 'null') as Partial<GridLayout> | null
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])
    return parsed ? { hidden: strings(parsed.hidden), order: strings(parsed.order) } : EMPTY
  } catch {
    return EMPTY
  }
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    // Storage disabled: the default layout.
    return null
  }
}

// Grids on this page re-read when one of them writes (the browser's own `storage` event covers other tabs).
const CHANGED = 'patchboard:grid-layout'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange)
  window.addEventListener(CHANGED, onChange)
  return () => {
    window.removeEventListener('storage', onChange)
    window.removeEventListener(CHANGED, onChange)
  }
}

/** Applies a stored order to the current columns: known ids in the stored order, new columns after them in their own order. */
export function orderColumns(columnIds: string[], order: string[]): string[] {
  const known = order.filter((id) => columnIds.includes(id))
  return [...known, ...columnIds.filter((id) => !known.includes(id))]
}

export function useGridLayout(userId: string, tableId: string) {
  const key = layoutStorageKey(userId, tableId)
  // The server renders the default layout (no storage there); the browser then applies the remembered one.
  const stored = useSyncExternalStore(subscribe, () => readStored(key), () => null)
  const layout = useMemo(() => parse(stored), [stored])

  const update = useCallback(
    (next: GridLayout) => {
      try {
        if (next.hidden.length === 0 && next.order.length === 0) window.localStorage.removeItem(key)
        else window.localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Not remembered (storage full or disabled).
      }
      window.dispatchEvent(new Event(CHANGED))
    },
    [key],
  )
  return { layout, update }
}
