// The server's subscription check (on globalThis, like the database): once at start-up, then on a timer, so the Free fallback happens on time with nobody signed in.
import type { Database } from '@/clickhouse/client'
import { countOf } from '@/lib/format'
import { applySubscriptionFallback, type FallbackEffects, type FallbackResult } from './subscription-fallback'

/** How often the server checks whether the subscription has lapsed. */
export const CHECK_INTERVAL_MS = 60_000

export interface SubscriptionCheckOptions {
  effects: FallbackEffects
  intervalMs: number
  /** The time a check reads (tests: a fake clock). */
  clock: () => Date
}

const globalForChecks = globalThis as unknown as { patchboardSubscriptionTimer?: ReturnType<typeof setInterval> }

function describeResult(result: FallbackResult): string {
  return `patchboard: ${result.reason}: ${countOf(result.profilesChanged, 'profile')} lowered to a 24 h scan interval, ${countOf(result.jobsDisabled, 'job')} disabled.`
}

/**
 * Start-up step: checks now (a server that was down when the subscription lapsed applies the fallback as it starts),
 * then every `intervalMs`. `effects` are what the fallback changes (instrumentation.ts passes subscription-effects.ts). A failed timed check is logged and retried at the next tick. Restarting replaces the timer.
 */
export async function startSubscriptionChecks(db: Database, overrides: Partial<SubscriptionCheckOptions> & Pick<SubscriptionCheckOptions, 'effects'>): Promise<string[]> {
  const options: SubscriptionCheckOptions = { intervalMs: CHECK_INTERVAL_MS, clock: () => new Date(), ...overrides }
  stopSubscriptionChecks()
  const check = () => applySubscriptionFallback(db, options.effects, options.clock())
  const atStart = await check()
  const timer = setInterval(() => {
    check().then(
      (result) => result && console.log(describeResult(result)),
      (error: unknown) => console.error(`patchboard: the subscription check failed: ${(error as Error).message}`),
    )
  }, options.intervalMs)
  timer.unref?.()
  globalForChecks.patchboardSubscriptionTimer = timer
  return atStart ? [describeResult(atStart)] : []
}

/** Stops the timer (tests, shutdown). */
export function stopSubscriptionChecks(): void {
  clearInterval(globalForChecks.patchboardSubscriptionTimer)
  globalForChecks.patchboardSubscriptionTimer = undefined
}
