// Widget-result cache: keyed by what the result depends on — the widget's compiled SQL and parameters (its definition,
// the dashboard filters, the viewer's scope and, where dates are read, time zone) and the data version; identical
// concurrent requests share one execution (in-flight map); entries expire after a while (relative dates such as now-7d).
import crypto from 'node:crypto'
import type { WidgetResult } from '@/widgets/result'
import type { Branch } from '@/widgets/shared/query'

export interface CacheOptions {
  maxEntries: number
  /** Results older than this are computed again even when no data changed ("now-7d" moves). */
  maxAgeMs: number
}

const DEFAULTS: CacheOptions = { maxEntries: 2_000, maxAgeMs: 5 * 60_000 }

type OkResult = Extract<WidgetResult, { status: 'ok' }>

/** JSON with object keys sorted, so two equal definitions give one key whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The cache key of a widget's branches. The compiled SQL and parameters are a function of the widget definition, the
 * filters, the scope and the time zone (only where the SQL reads it), so viewers whose widget compiles alike — the same
 * scope, and a zone that makes no difference — share one result; the title or colours never split it.
 */
export function resultCacheKey(branches: readonly Branch[], dataVersion: string): string {
  return crypto.createHash('sha256').update(canonical({ branches, dataVersion })).digest('hex')
}

export class WidgetResultCache {
  private readonly entries = new Map<string, { result: OkResult; storedAt: number }>()
  private readonly inFlight = new Map<string, Promise<WidgetResult>>()
  private readonly options: CacheOptions

  constructor(options: Partial<CacheOptions> = {}) {
    this.options = { ...DEFAULTS, ...options }
  }

  get(key: string, now = Date.now()): OkResult | null {
    const entry = this.entries.get(key)
    if (entry === undefined) return null
    if (now - entry.storedAt > this.options.maxAgeMs) {
      this.entries.delete(key)
      return null
    }
    // Least recently used last out: a read moves the entry to the end.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.result
  }

  set(key: string, result: WidgetResult, now = Date.now()): void {
    if (result.status !== 'ok') return
    this.entries.delete(key)
    this.entries.set(key, { result, storedAt: now })
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }

  /** The execution already running for this key, if any. */
  running(key: string): Promise<WidgetResult> | undefined {
    return this.inFlight.get(key)
  }

  /** Registers a running execution until it settles; later identical requests await it instead of running again. */
  track(key: string, execution: Promise<WidgetResult>): void {
    this.inFlight.set(key, execution)
    const forget = () => {
      if (this.inFlight.get(key) === execution) this.inFlight.delete(key)
    }
    execution.then(forget, forget)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}

const globalCache = globalThis as typeof globalThis & { patchboardWidgetCache?: WidgetResultCache }

/** The process-wide cache (one per server process; the data version in the database keeps processes consistent). */
export function sharedWidgetCache(): WidgetResultCache {
  globalCache.patchboardWidgetCache ??= new WidgetResultCache()
  return globalCache.patchboardWidgetCache
}
