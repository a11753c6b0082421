'use client'
// A widget's card: title and description hint, then its chart, number or table — each point, row or number drilling
// down to the matching list — or, for a widget that cannot show data, the reason (and Rebuild where that helps).
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react'
import { searchHref } from '@/components/search/search-href'
import { Tooltip } from '@/components/ui/Tooltip'
import { drillDown } from '@/widgets/drill-down'
import { presentWidget, type WidgetView } from '@/widgets/present'
import type { WidgetResult } from '@/widgets/result'
import type { DashboardFilters, Widget } from '@/widgets/schema'
import type { PointDrill } from '@/widgets/shared/options'
import { CountComparison } from './CountComparison'
import { WidgetChart } from './WidgetChart'
import { WidgetProblem } from './WidgetProblem'

interface Props {
  widget: Widget
  /** Null while the dashboard's data is loading. */
  result: WidgetResult | null
  filters: DashboardFilters
  timeZone: string
  print: boolean
  onRendered: (widgetId: string) => void
  /** Edit-mode controls (the card's menu) and the Rebuild action of a broken widget, supplied by the page. */
  actions?: ReactNode
  rebuild?: ReactNode
}

type DataView = Exclude<WidgetView, { kind: 'problem' }>

function useDrill(widget: Widget, filters: DashboardFilters, view: WidgetView | null) {
  return useMemo(() => {
    if (view === null || view.kind === 'problem') return null
    const grid = view.grid
    return (click: PointDrill | null) => {
      const target = drillDown(widget, filters, click, grid)
      return target === null ? null : searchHref(`/${target.list}`, target.query, target.tokenVersion)
    }
  }, [widget, filters, view])
}

function hasData(view: DataView): boolean {
  if (view.kind === 'count') return true
  return view.grid.keys.length > 0 && view.grid.series.some((series) => series.values.some((value) => value !== null && value !== 0))
}

export function WidgetCard({ widget, result, filters, timeZone, print, onRendered, actions, rebuild }: Props) {
  const router = useRouter()
  const view = useMemo(() => (result === null ? null : presentWidget(widget, result, timeZone)), [widget, result, timeZone])
  const hrefFor = useDrill(widget, filters, view)
  const drawsChart = view?.kind === 'chart' && hasData(view)
  // Numbers, tables, problems and empty states are final as soon as they are in the DOM; a chart says so when drawn.
  useEffect(() => {
    if (view !== null && !drawsChart) onRendered(widget.id)
  }, [view, drawsChart, onRendered, widget.id])

  let body: ReactNode
  if (view === null) body = <p className="widget-loading">Loading…</p>
  else if (view.kind === 'problem') body = <WidgetProblem result={view.result} rebuild={rebuild} />
  else if (!hasData(view)) body = <p className="widget-empty">No matching data{filters.query || filters.tags.length > 0 ? ' with the dashboard filters' : ''}.</p>
  else if (view.kind === 'chart') {
    const drill = hrefFor && ((click: PointDrill) => {
      const href = hrefFor(click)
      if (href) router.push(href)
    })
    const drillable = widget.entity !== 'history' && hrefFor !== null && hrefFor({ key: view.grid.keys[0], series: view.grid.series[0]?.key ?? '' }) !== null
    body = <WidgetChart widget={widget} option={view.option} print={print} onDrill={drillable ? drill : null} onRendered={() => onRendered(widget.id)} label={widget.title} />
  } else if (view.kind === 'count') body = <CountBody view={view} href={hrefFor?.(null) ?? null} />
  else body = <TableBody view={view} hrefFor={hrefFor} />

  return (
    <section className="widget-card" aria-labelledby={`widget-title-${widget.id}`} data-testid="widget-card" data-widget-id={widget.id} data-state={view === null ? 'loading' : view.kind}>
      <header className="widget-head">
        <h2 id={`widget-title-${widget.id}`} className="widget-title">
          {widget.title}
        </h2>
        {widget.description && (
          <Tooltip content={widget.description}>
            <button type="button" className="widget-info" aria-label={`About ${widget.title}: ${widget.description}`}>
              <span aria-hidden="true">i</span>
            </button>
          </Tooltip>
        )}
        {actions}
      </header>
      <div className="widget-body">{body}</div>
      {view !== null && view.kind !== 'problem' && view.notes.length > 0 && <p className="widget-note">{view.notes.join(' ')}</p>}
    </section>
  )
}

function CountBody({ view, href }: { view: Extract<WidgetView, { kind: 'count' }>; href: string | null }) {
  const number = (
    <span className="widget-count-value" data-testid="count-value" style={view.color ? ({ '--threshold': view.color } as CSSProperties) : undefined} data-threshold={view.color ? 'true' : undefined}>
      {view.text}
    </span>
  )
  return (
    <div className="widget-count">
      {href ? (
        <Link href={href} className="widget-count-link" aria-label={`${view.text}: open the matching list`}>
          {number}
        </Link>
      ) : (
        number
      )}
      {view.ratio && <span className="widget-count-ratio">{view.ratio.text}</span>}
      {view.comparison && <CountComparison comparison={view.comparison} />}
    </div>
  )
}

function TableBody({ view, hrefFor }: { view: Extract<WidgetView, { kind: 'table' }>; hrefFor: ((click: PointDrill | null) => string | null) | null }) {
  return (
    <div className="widget-table-scroll">
      <table className="data widget-table">
        <thead>
          <tr>
            <th scope="col">Group</th>
            {view.columns.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => {
            const href = hrefFor?.({ key: row.key, series: '' }) ?? null
            return (
              <tr key={row.key}>
                <th scope="row">{href ? <Link href={href}>{row.label}</Link> : row.label}</th>
                {row.cells.map((cell, index) => (
                  <td key={index} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
