'use client'
// The builder's live preview of one widget view, drawn as the dashboard draws it (its WidgetChart and WidgetProblem), but
// without drill-down: a click in the preview must not navigate away from an unsaved widget.
import type { WidgetView } from '@/widgets/present'
import type { Widget } from '@/widgets/schema'
import { CountComparison } from '../CountComparison'
import { WidgetChart } from '../WidgetChart'
import { WidgetProblem } from '../WidgetProblem'

const noop = () => undefined

export function PreviewChart({ widget, view }: { widget: Widget; view: WidgetView }) {
  switch (view.kind) {
    case 'chart':
      return (
        <div className="widget-preview-chart" data-testid="preview-chart" data-points={view.grid.keys.length}>
          <WidgetChart widget={widget} option={view.option} print={false} onDrill={null} onRendered={noop} label={`Preview: ${widget.title}`} />
        </div>
      )
    case 'count':
      return (
        <div className="widget-preview-count" data-testid="preview-count">
          <span className="widget-preview-number" style={view.color === null ? undefined : { color: view.color }}>
            {view.text}
          </span>
          {view.ratio && <span className="widget-preview-sub">{view.ratio.text}</span>}
          {view.comparison && <CountComparison comparison={view.comparison} />}
        </div>
      )
    case 'table':
      return (
        <table className="widget-preview-table" data-testid="preview-table" aria-label="Table preview">
          <thead>
            <tr>
              <th scope="col">Group</th>
              {view.columns.map((column) => (
                <th key={column.key} scope="col" className="numeric">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, index) => (
                  <td key={index} className="numeric">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )
    case 'problem':
      return <WidgetProblem result={view.result} />
  }
}
