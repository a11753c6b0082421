// A detail page's facts: label / value pairs in a responsive grid.
import type { ReactNode } from 'react'

export function FactGrid({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="panel detail-grid">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
