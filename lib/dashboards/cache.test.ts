// The widget-result cache: what its key depends on, expiry, size bound, and in-flight sharing.
import { describe, expect, it } from 'vitest'
import { planWidget } from '@/widgets/build'
import { DEFAULT_WIDGETS } from '@/widgets/defaults'
import type { WidgetResult } from '@/widgets/result'
import { NO_FILTERS, type DashboardFilters, type Widget } from '@/widgets/schema'
import type { QqlUser } from '@/lib/qql'
import { WidgetResultCache, resultCacheKey } from './cache'

const user: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }
const ok = (id: string): WidgetResult => ({ status: 'ok', widgetId: id, rows: [], notes: [], computedAt: '2026-01-01T00:00:00.000Z', cached: false })
function key(widget: Widget, viewer: QqlUser = user, filters: DashboardFilters = NO_FILTERS, dataVersion = 'v1'): string {
  const plan = planWidget(widget, { user: viewer, filters })
  if (!plan.ok) throw new Error(JSON.stringify(plan.result))
  return resultCacheKey(plan.built.branches, dataVersion)
}

describe('resultCacheKey', () => {
  it('changes with the definition, the filters, the scope and the data version — not with the title or colours', () => {
    const widget = DEFAULT_WIDGETS.missingBySeverity
    const base = key(widget)
    expect(key({ ...widget, title: 'Other title', display: { ...widget.display, colors: {} } })).toBe(base)
    const others = [
      key({ ...widget, query: 'status: Installed' }),
      key(widget, user, { query: 'osFamily: Windows', tags: [] }),
      key(widget, { ...user, scope: { all: false, tags: ['Site-Pune'] } }),
      key(widget, { ...user, scope: { all: true, tags: [] } }),
      key(widget, user, NO_FILTERS, 'v2'),
    ]
    expect(new Set([base, ...others]).size).toBe(6)
  })

  it('a time zone splits the key only for widgets that read dates', () => {
    const berlin = { ...user, timeZone: 'Europe/Berlin' }
    expect(key(DEFAULT_WIDGETS.missingBySeverity, berlin)).toBe(key(DEFAULT_WIDGETS.missingBySeverity))
    expect(key(DEFAULT_WIDGETS.complianceTrend, berlin)).not.toBe(key(DEFAULT_WIDGETS.complianceTrend))
  })
})

describe('WidgetResultCache', () => {
  it('expires entries after their age and keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new WidgetResultCache({ maxAgeMs: 1000, maxEntries: 2 })
    cache.set('a', ok('a'), 0)
    cache.set('b', ok('b'), 0)
    expect(cache.get('a', 500)?.widgetId).toBe('a')
    cache.set('c', ok('c'), 500)
    expect([cache.get('a', 600)?.widgetId, cache.get('b', 600), cache.get('c', 600)?.widgetId]).toEqual(['a', null, 'c'])
    expect(cache.get('a', 1001)).toBeNull()
  })

  it('keeps only results with data, and shares a running execution until it settles', async () => {
    const cache = new WidgetResultCache()
    cache.set('x', { status: 'invalid', widgetId: 'x', problems: [] })
    expect(cache.get('x')).toBeNull()
    let finish!: (result: WidgetResult) => void
    const running = new Promise<WidgetResult>((resolve) => (finish = resolve))
    cache.track('k', running)
    expect(cache.running('k')).toBe(running)
    finish(ok('k'))
    await running
    await Promise.resolve()
    expect(cache.running('k')).toBeUndefined()
  })
})
