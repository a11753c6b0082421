'use client'
// The run's donut: assets per status group (done, pending reboot, failed, in progress, waiting, not needed) around the
// finished percentage — tree-shaken ECharts, colours from the design tokens (again when the device theme flips).
import { useRef } from 'react'
import { tokenColor, useEchart } from '@/components/charts/useEchart'
import type { WidgetChartOption } from '@/widgets/echarts'
import { groupCounts } from './status-groups'
import './progress.css'

interface Props {
  counts: Partial<Record<string, number>>
  total: number
  percent: number
}

function chartOption(props: Props, color: (token: string) => string, font: string): WidgetChartOption {
  const groups = groupCounts(props.counts)
  return {
    animation: false,
    textStyle: { fontFamily: font },
    tooltip: { trigger: 'item', formatter: '{b}: {c} assets ({d}%)' },
    legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { color: color('--text'), fontSize: 13 }, formatter: (name: string) => `${name}  ${groups.find((g) => g.label === name)?.count ?? 0}` },
    series: [
      {
        type: 'pie',
        radius: ['58%', '82%'],
        center: ['32%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'center', formatter: () => `${props.percent}%\nfinished`, color: color('--text'), fontSize: 20, fontWeight: 'bold', lineHeight: 26 },
        labelLine: { show: false },
        itemStyle: { borderColor: color('--surface'), borderWidth: 2 },
        data: groups.map((group) => ({ name: group.label, value: group.count, itemStyle: { color: color(group.token) } })),
      },
    ],
  }
}

export function ProgressChart(props: Props) {
  const host = useRef<HTMLDivElement>(null)
  const { counts, total, percent } = props
  useEchart(
    host,
    { draw: (chart, element) => chart.setOption(chartOption({ counts, total, percent }, (token) => tokenColor(element, token), getComputedStyle(element).fontFamily), { notMerge: true }) },
    [counts, total, percent],
  )

  const words = groupCounts(counts).map((group) => `${group.count} ${group.label.toLowerCase()}`).join(', ')
  return <div ref={host} className="progress-chart" role="img" aria-label={`Assets by status: ${words || 'none yet'}; ${percent}% of ${total} finished`} />
}
