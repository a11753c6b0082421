// A count's change since N days ago, as the card and the builder's preview show it: an arrow for the direction, green when the change is good news and red when bad (the widget's increaseIsGood).
import type { CountComparison as Comparison } from '@/widgets/count/options'

export function CountComparison({ comparison }: { comparison: Comparison }) {
  return (
    <span className="widget-count-comparison" data-trend={comparison.trend ?? undefined} style={comparison.good === null ? undefined : { color: comparison.good ? 'var(--success)' : 'var(--danger)' }}>
      {comparison.trend === 'up' || comparison.trend === 'down' ? <span aria-hidden="true">{comparison.trend === 'up' ? '▲ ' : '▼ '}</span> : null}
      {comparison.text}
    </span>
  )
}
