'use client'
// The run's donut: assets per status group (done, pending reboot, failed, in progress, waiting, not needed) around the
// finished percentage — tree-shaken ECharts, colours from the design tokens (again when the device theme flips).
import { useEffect, useRef } from 'react'
import { echarts, type WidgetChartOption } from '@/widgets/echarts'
import { groupCounts } from './status-groups'
import './progress.css'

interface Props {
  counts: Partial<Record<string, number>>
  total: number
  percent: number
}

/** A token's colour as ECharts can paint it (the custom property itself holds an unresolved light-dark()). */
function resolver(host: HTMLElement): (token: string) => string {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  host.appendChild(probe)
  const cache = new Map<string, string>()
  return (token) => {
    if (!cache.has(token)) {
      probe.style.color = `var(${token})`
      cache.set(token, getComputedStyle(probe).color)
    }
    return cache.get(token) as string
  }
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
  useEffect(() => {
    const element = host.current
    if (element === null) return
    const chart = echarts.init(element, null, { renderer: 'svg' })
    const draw = () => chart.setOption(chartOption({ counts, total, percent }, resolver(element), getComputedStyle(element).fontFamily), { notMerge: true })
    draw()
    const resize = new ResizeObserver(() => chart.resize())
    resize.observe(element)
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    scheme.addEventListener('change', draw)
    return () => {
      scheme.removeEventListener('change', draw)
      resize.disconnect()
      chart.dispose()
    }
  }, [counts, total, percent])

  const words = groupCounts(counts).map((group) => `${group.count} ${group.label.toLowerCase()}`).join(', ')
  return <div ref={host} className="progress-chart" role="img" aria-label={`Assets by status: ${words || 'none yet'}; ${percent}% of ${total} finished`} />
}
