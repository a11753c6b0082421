// Sign-in throttling: per-source limits and progressive per-account delays that slow guessing without ever locking the owner out.
import { describe, expect, it, vi } from 'vitest'
import { ACCOUNT_DELAYS, SignInThrottle, SOURCE_LIMIT, sourceLimitFrom } from './rate-limit'

const START = 1_000_000

/** Fails `count` sign-ins for the email from the source, each as soon as the throttle allows; returns the time after. */
function failRepeatedly(throttle: SignInThrottle, source: string, email: string, count: number): number {
  let now = START
  for (let i = 0; i < count; i++) {
    const decision = throttle.attempt(source, email, now)
    if (!decision.allowed) {
      now += decision.retryAfterSeconds * 1000
      expect(throttle.attempt(source, email, now).allowed).toBe(true)
    }
    throttle.recordFailure(source, email, now)
  }
  return now
}

describe('sign-in throttle', () => {
  it('limits one source address however many emails it tries, and lets it in again after the window', () => {
    const throttle = new SignInThrottle()
    for (let i = 0; i < SOURCE_LIMIT.limit; i++) expect(throttle.attempt('203.0.113.9', `u${i}@x.io`, START).allowed).toBe(true)
    const refused = throttle.attempt('203.0.113.9', 'new@x.io', START)
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: SOURCE_LIMIT.windowMs / 1000, message: `Too many sign-in attempts, try again in ${SOURCE_LIMIT.windowMs / 1000} s.` })
    expect(throttle.attempt('198.51.100.1', 'new@x.io', START).allowed).toBe(true)
    expect(throttle.attempt('203.0.113.9', 'new@x.io', START + SOURCE_LIMIT.windowMs + 1).allowed).toBe(true)
  })

  it('delays a failing source progressively for that account, up to a bound — never a lock-out', () => {
    const throttle = new SignInThrottle()
    let now = START
    for (let i = 0; i < ACCOUNT_DELAYS.freeFailures; i++) {
      expect(throttle.attempt('203.0.113.9', 'admin@x.io', now).allowed).toBe(true)
      throttle.recordFailure('203.0.113.9', 'admin@x.io', now)
    }
    const waits: number[] = []
    for (let i = 0; i < 10; i++) {
      const refused = throttle.attempt('203.0.113.9', 'admin@x.io', now)
      expect(refused.allowed).toBe(false)
      if (refused.allowed) break
      waits.push(refused.retryAfterSeconds)
      now += refused.retryAfterSeconds * 1000
      expect(throttle.attempt('203.0.113.9', 'Admin@X.io', now).allowed).toBe(true)
      throttle.recordFailure('203.0.113.9', 'admin@x.io', now)
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8])
    expect(Math.max(...waits)).toBe(ACCOUNT_DELAYS.maxMs / 1000)
  })

  it("never keeps the account's owner out: a new source is not delayed by others' failures, and success clears them", () => {
    const throttle = new SignInThrottle()
    const now = failRepeatedly(throttle, '203.0.113.9', 'admin@x.io', 12)
    expect(throttle.accountDelayMs('admin@x.io', now)).toBe(ACCOUNT_DELAYS.maxMs)
    // The attacker's own next try is delayed; the owner, from another address, tries at once.
    expect(throttle.attempt('203.0.113.9', 'admin@x.io', now).allowed).toBe(false)
    expect(throttle.attempt('192.0.2.50', 'admin@x.io', now).allowed).toBe(true)
    throttle.recordSuccess('admin@x.io')
    expect(throttle.accountDelayMs('admin@x.io', now)).toBe(0)
    expect(throttle.attempt('203.0.113.9', 'admin@x.io', now).allowed).toBe(true)
  })

  it('treats an email that belongs to no user exactly like one that does (keys are the email text)', () => {
    const throttle = new SignInThrottle()
    const known = failRepeatedly(throttle, '203.0.113.9', 'admin@x.io', 6)
    const unknown = failRepeatedly(throttle, '203.0.113.10', 'nobody@x.io', 6)
    expect(throttle.attempt('203.0.113.10', 'nobody@x.io', unknown)).toEqual(throttle.attempt('203.0.113.9', 'admin@x.io', known))
  })
})

describe('PATCHBOARD_SIGNIN_SOURCE_LIMIT', () => {
  it('raises the per-source limit to a whole number, and names a bad value while keeping the default', () => {
    expect(sourceLimitFrom(undefined)).toBe(50)
    expect(sourceLimitFrom(' ')).toBe(50)
    expect(sourceLimitFrom('400')).toBe(400)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const bad of ['0', '-3', '2.5', 'many']) expect(sourceLimitFrom(bad)).toBe(50)
    expect(warn).toHaveBeenCalledTimes(4)
    expect(warn.mock.calls[3][0]).toContain('PATCHBOARD_SIGNIN_SOURCE_LIMIT="many" is not a whole number of at least 1; using 50.')
    warn.mockRestore()
  })
})
