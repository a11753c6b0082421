// A detail page's facts: label / value pairs in a responsive grid.
import type { ReactNode } from 'react'

/** `className`: another layout (e.g. label and value side by side in a dialog) instead of the detail page's panel grid. */
export function FactGrid({ facts, className = 'panel detail-grid' }: { facts: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={className}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
