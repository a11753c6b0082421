'use client'
// One ECharts instance (SVG) on a host element for as long as it is mounted: drawn, resized with its box, drawn again
// when the device theme flips (light-dark() tokens resolve to the other side), disposed on unmount.
import { useEffect, type DependencyList, type RefObject } from 'react'
import { echarts } from '@/widgets/echarts'

type Chart = ReturnType<typeof echarts.init>

export interface EchartHooks {
  /** Sets the option (notMerge) from the element's current tokens and size. */
  draw: (chart: Chart, element: HTMLDivElement) => void
  /** Once after init: event handlers (clicks, "finished"). */
  onInit?: (chart: Chart) => void
  /** After each resize; return true to draw again (e.g. a narrow card lays out its labels differently). */
  redrawOnResize?: (element: HTMLDivElement) => boolean
}

/** A token's colour as ECharts can paint it: a custom property holds an unresolved light-dark(); a computed `color` is rgb(). */
export function tokenColor(host: HTMLElement, token: string): string {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  probe.style.color = `var(${token})`
  host.appendChild(probe)
  const color = getComputedStyle(probe).color
  probe.remove()
  return color
}

export function useEchart(host: RefObject<HTMLDivElement | null>, hooks: EchartHooks, deps: DependencyList): void {
  useEffect(() => {
    const element = host.current
    if (element === null) return
    // SVG: these charts draw at most a few hundred shapes, stay crisp in print and PDF, and their shapes are in the DOM.
    const chart = echarts.init(element, null, { renderer: 'svg' })
    const draw = () => hooks.draw(chart, element)
    hooks.onInit?.(chart)
    draw()
    const resize = new ResizeObserver(() => {
      chart.resize()
      if (hooks.redrawOnResize?.(element)) draw()
    })
    resize.observe(element)
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    scheme.addEventListener('change', draw)
    return () => {
      scheme.removeEventListener('change', draw)
      resize.disconnect()
      chart.dispose()
    }
    // The caller names what the drawing depends on; `hooks` is a fresh object each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}
