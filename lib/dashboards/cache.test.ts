// The widget-result cache: what its key depends on, expiry, size bound, and in-flight sharing.
import { describe, expect, it } from 'vitest'
import { DEFAULT_WIDGETS } from '@/widgets/defaults'
import type { WidgetResult } from '@/widgets/result'
import { NO_FILTERS } from '@/widgets/schema'
import { WidgetResultCache, widgetCacheKey } from './cache'

const user = { scope: { all: false, tags: ['B', 'A'] }, timeZone: 'UTC' }
const widget = DEFAULT_WIDGETS.missingBySeverity
const ok = (id: string): WidgetResult => ({ status: 'ok', widgetId: id, rows: [], notes: [], computedAt: '2026-01-01T00:00:00.000Z', cached: false })

describe('widgetCacheKey', () => {
  it('changes with the widget, the filters, the scope, the zone and the data version — not with key order or tag order', () => {
    const key = widgetCacheKey(widget, NO_FILTERS, user, 'v1')
    expect(widgetCacheKey(JSON.parse(JSON.stringify({ ...widget, title: widget.title })), NO_FILTERS, { ...user, scope: { all: false, tags: ['A', 'B'] } }, 'v1')).toBe(key)
    const others = [
      widgetCacheKey({ ...widget, limit: 3 }, NO_FILTERS, user, 'v1'),
      widgetCacheKey(widget, { query: 'osFamily: Windows', tags: [] }, user, 'v1'),
      widgetCacheKey(widget, NO_FILTERS, { ...user, scope: { all: false, tags: ['A'] } }, 'v1'),
      widgetCacheKey(widget, NO_FILTERS, { ...user, timeZone: 'Asia/Kolkata' }, 'v1'),
      widgetCacheKey(widget, NO_FILTERS, user, 'v2'),
    ]
    expect(new Set([key, ...others]).size).toBe(6)
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
