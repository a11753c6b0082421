'use client'
// The builder's live preview of one widget view: an ECharts chart (widgets/echarts.ts), a number, a table, or the problem.
import { useEffect, useRef } from 'react'
import { echarts, type WidgetChartOption } from '@/widgets/echarts'
import type { WidgetView } from '@/widgets/present'

/** Text colours from the theme (resolved on the host, which is styled with the tokens) laid over the option's axes and legend. */
function themed(option: WidgetChartOption, host: HTMLElement): WidgetChartOption {
  const text = getComputedStyle(host).color
  const axis = (value: unknown) => (Array.isArray(value) ? value.map(() => ({ axisLabel: { color: text } })) : { axisLabel: { color: text } })
  const patch: WidgetChartOption = { backgroundColor: 'transparent', textStyle: { color: text } }
  if (option.xAxis !== undefined) patch.xAxis = axis(option.xAxis) as WidgetChartOption['xAxis']
  if (option.yAxis !== undefined) patch.yAxis = axis(option.yAxis) as WidgetChartOption['yAxis']
  if (option.legend !== undefined) patch.legend = { textStyle: { color: text } }
  return patch
}

function ChartPreview({ option, points }: { option: WidgetChartOption; points: number }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = host.current
    if (element === null) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    chart.setOption(option)
    chart.setOption(themed(option, element))
    const resize = new ResizeObserver(() => chart.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.dispose()
    }
  }, [option])
  return <div ref={host} className="widget-preview-chart" data-testid="preview-chart" data-points={points} role="img" aria-label="Chart preview" />
}

export function PreviewChart({ view }: { view: WidgetView }) {
  switch (view.kind) {
    case 'chart':
      return <ChartPreview option={view.option} points={view.grid.keys.length} />
    case 'count':
      return (
        <div className="widget-preview-count" data-testid="preview-count">
          <span className="widget-preview-number" style={view.color === null ? undefined : { color: view.color }}>
            {view.text}
          </span>
          {view.ratio && <span className="widget-preview-sub">{view.ratio.text}</span>}
          {view.comparison && <span className="widget-preview-sub">{view.comparison.text}</span>}
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
      return <PreviewProblem result={view.result} />
  }
}

function PreviewProblem({ result }: { result: Extract<WidgetView, { kind: 'problem' }>['result'] }) {
  const lines =
    result.status === 'invalid'
      ? result.problems.map((problem) => `${problem.source}: ${problem.message}`)
      : result.status === 'failed'
        ? [result.message]
        : result.reasons.map((reason) => reason.message)
  const heading = { invalid: 'This widget cannot be computed', failed: 'The engine refused this widget', needsRebuild: 'Written for an older token version', broken: 'Written for an older token version and cannot be rebuilt' }[result.status]
  return (
    <div className="widget-preview-problem" role="alert">
      <strong>{heading}</strong>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  )
}
