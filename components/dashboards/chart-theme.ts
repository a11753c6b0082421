// Widget chart colours from the design tokens (so dark mode works): axis, legend and tooltip colours, severity and status
// keys in the theme's severity colours everywhere, other groups in the token palette unless the author chose a colour.
import type { WidgetChartOption } from '@/widgets/echarts'
import type { Widget } from '@/widgets/schema'
import { OTHER_KEY } from '@/widgets/shared/data'

/** Group keys whose colour is the product's, not the widget's: Critical is red and Low green on every chart, "Other" neutral. */
const SEMANTIC_TOKENS: Record<string, string> = {
  [OTHER_KEY]: '--chart-other',
  Critical: '--sev-critical',
  Important: '--sev-important',
  Moderate: '--sev-moderate',
  Low: '--sev-low',
  None: '--sev-none',
  Missing: '--sev-critical',
  Installed: '--sev-low',
  installed: '--sev-low',
  Failed: '--sev-critical',
}
const PALETTE_TOKENS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8']
const UI_TOKENS = ['--text', '--text-muted', '--border', '--surface-raised', '--surface'] as const

/** Below this card width slice labels give the share and the legend names the groups (a redraw when a card crosses it). */
export const NARROW_CARD_PX = 420

export interface ChartColors {
  ui: Record<(typeof UI_TOKENS)[number], string>
  semantic: Record<string, string>
  palette: string[]
  font: string
}

/**
 * Resolves the tokens on `host` (a custom property holds the unresolved `light-dark(…)`; a resolved `color` is an rgb()
 * string ECharts can paint with).
 */
export function resolveChartColors(host: HTMLElement): ChartColors {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  host.appendChild(probe)
  const resolve = (token: string) => {
    probe.style.color = `var(${token})`
    return getComputedStyle(probe).color
  }
  const ui = Object.fromEntries(UI_TOKENS.map((token) => [token, resolve(token)])) as ChartColors['ui']
  const semantic = Object.fromEntries(Object.entries(SEMANTIC_TOKENS).map(([key, token]) => [key, resolve(token)]))
  const palette = PALETTE_TOKENS.map(resolve)
  const font = getComputedStyle(host).fontFamily
  probe.remove()
  return { ui, semantic, palette, font }
}

interface DataItem {
  drill?: { key: string; series: string }
  itemStyle?: { color?: string }
  [key: string]: unknown
}
type Series = { type?: string; radius?: unknown; data?: unknown[]; itemStyle?: { color?: string }; lineStyle?: { color?: string }; label?: object; [key: string]: unknown }

function axisStyle(axis: unknown, colors: ChartColors): unknown {
  if (axis === undefined) return axis
  const style = (one: Record<string, unknown>) => ({
    ...one,
    // hideOverlap: long tick labels ("40 assets") on a narrow card drop some ticks instead of running together.
    axisLabel: { ...(one.axisLabel as object), color: colors.ui['--text-muted'], fontSize: 12, hideOverlap: true },
    axisLine: { lineStyle: { color: colors.ui['--border'] } },
    axisTick: { lineStyle: { color: colors.ui['--border'] } },
    splitLine: { lineStyle: { color: colors.ui['--border'] } },
  })
  return Array.isArray(axis) ? axis.map(style) : style(axis as Record<string, unknown>)
}

/**
 * The widget's option in the current theme. Colours per group: a severity/status key → the theme's colour; a colour
 * the author chose for the key → kept; else the palette (slices and stacked series by position, a single series of
 * bars one colour, since the bars' position already tells them apart).
 */
export function themedOption(option: WidgetChartOption, widget: Widget, colors: ChartColors, options: { animation: boolean; width?: number }): WidgetChartOption {
  // A slice label names its group where there is room; on a narrow card the legend names them and labels give the share.
  const narrow = (options.width ?? Infinity) < NARROW_CARD_PX
  const chosen = widget.display.colors
  const colorFor = (key: string, index: number) => colors.semantic[key] ?? chosen[key] ?? colors.palette[index % colors.palette.length]
  const seriesList = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as Series[]
  const single = seriesList.length === 1
  const series = seriesList.map((one, seriesIndex) => {
    const items = (one.data ?? []) as DataItem[]
    const seriesKey = items.find((item) => item?.drill)?.drill?.series ?? ''
    const seriesColor = colorFor(seriesKey, seriesIndex)
    if (one.type === 'pie') {
      return {
        ...one,
        center: ['50%', '45%'],
        // Room for the outside labels on a narrow card.
        ...(narrow ? { radius: Array.isArray(one.radius) ? ['36%', '56%'] : '56%' } : {}),
        minShowLabelAngle: 8,
        label: { ...one.label, ...(narrow ? { formatter: '{d} %' } : {}), color: colors.ui['--text'], fontSize: 12, width: 140, overflow: 'truncate' },
        itemStyle: { borderColor: colors.ui['--surface'], borderWidth: 2 },
        data: items.map((item, index) => ({ ...item, itemStyle: { color: colorFor(item.drill?.key ?? '', index) } })),
      }
    }
    if (one.type === 'bar' && single) {
      // One series: a bar takes its key's own colour (severities, an author's choice), else the series colour.
      const base = chosen[seriesKey] ?? colors.palette[0]
      return { ...one, data: items.map((item) => ({ ...item, itemStyle: { color: colors.semantic[item.drill?.key ?? ''] ?? chosen[item.drill?.key ?? ''] ?? base } })) }
    }
    return {
      ...one,
      itemStyle: { ...one.itemStyle, color: seriesColor },
      ...(one.type === 'line' ? { lineStyle: { ...one.lineStyle, color: seriesColor, width: 2 } } : {}),
      data: items.map((item) => (typeof item === 'object' && item !== null ? { ...item, itemStyle: undefined } : item)),
    }
  })
  const legend = option.legend as Record<string, unknown> | undefined
  const tooltip = option.tooltip as Record<string, unknown> | undefined
  return {
    ...option,
    animation: options.animation,
    // Short, so the page is readable (and "ready" for the renderer) soon after the data arrives.
    animationDuration: 300,
    textStyle: { color: colors.ui['--text'], fontFamily: colors.font },
    legend: legend && {
      ...legend,
      textStyle: { color: colors.ui['--text-muted'], fontSize: 12, width: 120, overflow: 'truncate' },
      pageTextStyle: { color: colors.ui['--text-muted'] },
      pageIconColor: colors.ui['--text'],
      pageIconInactiveColor: colors.ui['--border'],
    },
    tooltip: tooltip && {
      ...tooltip,
      backgroundColor: colors.ui['--surface-raised'],
      borderColor: colors.ui['--border'],
      textStyle: { color: colors.ui['--text'] },
      className: 'widget-tooltip',
      confine: true,
    },
    xAxis: axisStyle(option.xAxis, colors) as WidgetChartOption['xAxis'],
    yAxis: axisStyle(option.yAxis, colors) as WidgetChartOption['yAxis'],
    series: series as WidgetChartOption['series'],
  }
}
