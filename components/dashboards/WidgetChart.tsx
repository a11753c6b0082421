'use client'
// One ECharts chart of a widget card: tree-shaken echarts/core, theme colours from the tokens (again when the device
// theme flips), resized with its card, clicks handed back as drill-down data, "rendered" reported once it has drawn.
import { useEffect, useRef } from 'react'
import type { PointDrill } from '@/widgets/shared/options'
import { echarts, type WidgetChartOption } from '@/widgets/echarts'
import type { Widget } from '@/widgets/schema'
import { resolveChartColors, themedOption } from './chart-theme'

interface Props {
  widget: Widget
  option: WidgetChartOption
  /** Print and server-side renders: no animation. */
  print: boolean
  onDrill: ((drill: PointDrill) => void) | null
  onRendered: () => void
  label: string
}

export function WidgetChart({ widget, option, print, onDrill, onRendered, label }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const latest = useRef({ onDrill, onRendered })
  useEffect(() => {
    latest.current = { onDrill, onRendered }
  })

  useEffect(() => {
    const element = host.current
    if (element === null) return
    // SVG: a widget draws at most a few hundred shapes, stays crisp in print and PDF, and its shapes are in the DOM.
    const chart = echarts.init(element, null, { renderer: 'svg' })
    const draw = () => chart.setOption(themedOption(option, widget, resolveChartColors(element), { animation: !print, width: element.clientWidth }), { notMerge: true })
    chart.on('finished', () => latest.current.onRendered())
    chart.on('click', (params) => {
      const drill = (params.data as { drill?: PointDrill } | undefined)?.drill
      if (drill) latest.current.onDrill?.(drill)
    })
    draw()
    let drawnNarrow = element.clientWidth < 420
    const resize = new ResizeObserver(() => {
      chart.resize()
      // Crossing the narrow-card width changes the slice labels: draw again.
      if (element.clientWidth < 420 !== drawnNarrow) {
        drawnNarrow = element.clientWidth < 420
        draw()
      }
    })
    resize.observe(element)
    // The "system" theme follows the device: repaint with the other side of each light-dark() token when it flips.
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    scheme.addEventListener('change', draw)
    return () => {
      scheme.removeEventListener('change', draw)
      resize.disconnect()
      chart.dispose()
    }
  }, [option, widget, print])

  return <div ref={host} className="widget-chart" role="img" aria-label={label} data-clickable={onDrill ? 'true' : undefined} />
}
