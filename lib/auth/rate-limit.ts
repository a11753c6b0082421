// Sign-in rate limiting: sliding windows in memory (one server process) per client address and per address + email.

export interface RateLimitRule {
  /** Attempts allowed inside the window. */
  limit: number
  windowMs: number
}

export const SIGN_IN_LIMITS = {
  perAddressAndEmail: { limit: 10, windowMs: 5 * 60_000 },
  perAddress: { limit: 50, windowMs: 5 * 60_000 },
} as const satisfies Record<string, RateLimitRule>

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string }

/** Attempt times per key, oldest first; keys whose window is empty are dropped so memory stays bounded. */
export class SlidingWindowLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(private readonly rule: RateLimitRule) {}

  /** How long until the key may try again (0 = now), without recording an attempt. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now)
    if (recent.length < this.rule.limit) return 0
    return recent[recent.length - this.rule.limit] + this.rule.windowMs - now
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now)
    recent.push(now)
    this.attempts.set(key, recent)
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.attempts.get(key) ?? []).filter((at) => at > now - this.rule.windowMs)
    if (kept.length === 0) this.attempts.delete(key)
    return kept
  }
}

export class SignInRateLimiter {
  private readonly byAddressAndEmail = new SlidingWindowLimiter(SIGN_IN_LIMITS.perAddressAndEmail)
  private readonly byAddress = new SlidingWindowLimiter(SIGN_IN_LIMITS.perAddress)

  /** Records the attempt when it is allowed; a refused attempt is not counted, so waiting always helps. */
  attempt(address: string, email: string, now = Date.now()): RateLimitDecision {
    const pairKey = `${address}\n${email.trim().toLowerCase()}`
    const waitMs = Math.max(this.byAddressAndEmail.waitMs(pairKey, now), this.byAddress.waitMs(address, now))
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000)
      return { allowed: false, retryAfterSeconds, message: `Too many sign-in attempts, try again in ${retryAfterSeconds} s.` }
    }
    this.byAddressAndEmail.record(pairKey, now)
    this.byAddress.record(address, now)
    return { allowed: true }
  }
}

const globalForLimiter = globalThis as unknown as { patchboardSignInLimiter?: SignInRateLimiter }

/** The process-wide limiter (kept on globalThis so `next dev` reloads keep the counts). */
export function signInRateLimiter(): SignInRateLimiter {
  globalForLimiter.patchboardSignInLimiter ??= new SignInRateLimiter()
  return globalForLimiter.patchboardSignInLimiter
}

/** The client address of a request: the first X-Forwarded-For hop (Next sets it from the socket), else X-Real-IP. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined
    if (headers instanceof Headers) return headers.get(name) ?? undefined
    const value = headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  return read('x-forwarded-for')?.split(',')[0]?.trim() || read('x-real-ip')?.trim() || 'unknown'
}
