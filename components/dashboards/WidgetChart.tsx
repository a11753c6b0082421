'use client'
// One ECharts chart of a widget card: tree-shaken echarts/core, theme colours from the tokens (again when the device
// theme flips), resized with its card, clicks handed back as drill-down data, "rendered" reported once it has drawn.
import { useEffect, useRef } from 'react'
import { useEchart } from '@/components/charts/useEchart'
import type { PointDrill } from '@/widgets/shared/options'
import type { WidgetChartOption } from '@/widgets/echarts'
import type { Widget } from '@/widgets/schema'
import { NARROW_CARD_PX, resolveChartColors, themedOption } from './chart-theme'

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

  const drawnNarrow = useRef(false)
  useEchart(
    host,
    {
      draw: (chart, element) => {
        drawnNarrow.current = element.clientWidth < NARROW_CARD_PX
        chart.setOption(themedOption(option, widget, resolveChartColors(element), { animation: !print, width: element.clientWidth }), { notMerge: true })
      },
      onInit: (chart) => {
        chart.on('finished', () => latest.current.onRendered())
        chart.on('click', (params) => {
          const drill = (params.data as { drill?: PointDrill } | undefined)?.drill
          if (drill) latest.current.onDrill?.(drill)
        })
      },
      // Crossing the narrow-card width changes the slice labels: draw again.
      redrawOnResize: (element) => element.clientWidth < NARROW_CARD_PX !== drawnNarrow.current,
    },
    [option, widget, print],
  )

  return <div ref={host} className="widget-chart" role="img" aria-label={label} data-clickable={onDrill ? 'true' : undefined} />
}
