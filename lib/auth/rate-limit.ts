// Sign-in throttling in memory (one server process): a limit per source address and progressive per-account delays — never a lock-out.

export interface RateLimitRule {
  /** Attempts allowed inside the window. */
  limit: number
  windowMs: number
}

const DEFAULT_SOURCE_LIMIT = 50

/**
 * Attempts one source address may make in the window: `PATCHBOARD_SIGNIN_SOURCE_LIMIT` (a whole number ≥ 1, e.g. for
 * an office whose people all sign in through one NAT address), else 50. A value that is not such a number is named in
 * a warning and the default applies.
 */
export function sourceLimitFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SOURCE_LIMIT
  const limit = Number(value)
  if (Number.isInteger(limit) && limit >= 1) return limit
  console.warn(`patchboard: PATCHBOARD_SIGNIN_SOURCE_LIMIT=${JSON.stringify(value)} is not a whole number of at least 1; using ${DEFAULT_SOURCE_LIMIT}.`)
  return DEFAULT_SOURCE_LIMIT
}

/** One source address, whatever emails it tries. */
export const SOURCE_LIMIT: RateLimitRule = { limit: sourceLimitFrom(process.env.PATCHBOARD_SIGNIN_SOURCE_LIMIT), windowMs: 5 * 60_000 }

/**
 * Progressive delays per account: after `freeFailures` failed sign-ins for one email (from any source) inside
 * `windowMs`, a source that failed for that email waits `baseMs · 2^(failures − freeFailures)` (at most `maxMs`)
 * after its own last try before trying that email again. A source that has not tried the email yet is never
 * delayed by others' failures, so an attacker elsewhere cannot keep the owner out; success clears the account.
 */
export const ACCOUNT_DELAYS = { freeFailures: 3, baseMs: 1_000, maxMs: 60_000, windowMs: 15 * 60_000 } as const

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string }

/** Event times per key inside a sliding window, oldest first; keys whose window is empty are dropped. */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>()

  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    return this.recent(key, now).length
  }

  /** How long until fewer than `limit` events are inside the window (0 = now). */
  waitMs(key: string, now: number, limit: number): number {
    const recent = this.recent(key, now)
    return recent.length < limit ? 0 : recent[recent.length - limit] + this.windowMs - now
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now)
    recent.push(now)
    this.events.set(key, recent)
  }

  forget(key: string): void {
    this.events.delete(key)
  }

  /** Drops every key whose window is empty, so memory stays bounded by recent activity. */
  prune(now: number): void {
    for (const key of [...this.events.keys()]) this.recent(key, now)
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs)
    if (kept.length === 0) this.events.delete(key)
    return kept
  }
}

const normaliseEmail = (email: string) => email.trim().toLowerCase()
const PRUNE_INTERVAL_MS = 60_000

/**
 * Keys are the email *text*, whether or not such a user exists, so throttled answers reveal nothing about which
 * accounts exist. Refused attempts are not counted: waiting always helps.
 */
export class SignInThrottle {
  private readonly bySource = new SlidingWindow(SOURCE_LIMIT.windowMs)
  private readonly accountFailures = new SlidingWindow(ACCOUNT_DELAYS.windowMs)
  /** Last failed try per source + email. */
  private readonly lastPairFailure = new Map<string, number>()
  private lastPrune = 0

  /** Whether this source may try this email now; an allowed attempt counts against the source's limit. */
  attempt(source: string, email: string, now = Date.now()): ThrottleDecision {
    this.prune(now)
    const pairKey = `${source}\n${normaliseEmail(email)}`
    const lastFailure = this.lastPairFailure.get(pairKey)
    const pairWait = lastFailure === undefined ? 0 : lastFailure + this.accountDelayMs(email, now) - now
    const waitMs = Math.max(this.bySource.waitMs(source, now, SOURCE_LIMIT.limit), pairWait)
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000)
      return { allowed: false, retryAfterSeconds, message: `Too many sign-in attempts, try again in ${retryAfterSeconds} s.` }
    }
    this.bySource.record(source, now)
    return { allowed: true }
  }

  recordFailure(source: string, email: string, now = Date.now()): void {
    this.accountFailures.record(normaliseEmail(email), now)
    this.lastPairFailure.set(`${source}\n${normaliseEmail(email)}`, now)
  }

  /** The right password ends the account's delays everywhere (failures before it were not this person's). */
  recordSuccess(email: string): void {
    const account = normaliseEmail(email)
    this.accountFailures.forget(account)
    for (const key of [...this.lastPairFailure.keys()]) if (key.endsWith(`\n${account}`)) this.lastPairFailure.delete(key)
  }

  /** The delay a source that failed for this email must wait between its tries, from the account's recent failures. */
  accountDelayMs(email: string, now = Date.now()): number {
    const failures = this.accountFailures.count(normaliseEmail(email), now)
    if (failures < ACCOUNT_DELAYS.freeFailures) return 0
    return Math.min(ACCOUNT_DELAYS.baseMs * 2 ** (failures - ACCOUNT_DELAYS.freeFailures), ACCOUNT_DELAYS.maxMs)
  }

  private prune(now: number): void {
    if (now - this.lastPrune < PRUNE_INTERVAL_MS) return
    this.lastPrune = now
    this.bySource.prune(now)
    this.accountFailures.prune(now)
    for (const [key, at] of this.lastPairFailure) if (at <= now - ACCOUNT_DELAYS.windowMs) this.lastPairFailure.delete(key)
  }
}

const globalForThrottle = globalThis as unknown as { patchboardSignInThrottle?: SignInThrottle }

/** The process-wide throttle (kept on globalThis so `next dev` reloads keep the counts). */
export function signInThrottle(): SignInThrottle {
  globalForThrottle.patchboardSignInThrottle ??= new SignInThrottle()
  return globalForThrottle.patchboardSignInThrottle
}
