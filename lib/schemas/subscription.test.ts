// The banner's sentence per state, and the expiry the form sends: what every user reads under the top bar.
import { describe, expect, it } from 'vitest'
import { describeSubscription, subscriptionForm, utcDate } from './subscription'

describe('the subscription banner', () => {
  it('names the tier in effect, until when, and what it limits', () => {
    expect(describeSubscription({ tier: 'trial', effectiveTier: 'trial', expiresAt: '2026-12-31T23:59:59.999Z', expired: false })).toBe('Trial until 2026-12-31 — scans at most every 4 h')
    expect(describeSubscription({ tier: 'paid', effectiveTier: 'paid', expiresAt: '2027-06-30T23:59:59.999Z', expired: false })).toBe('Paid until 2027-06-30 — scans at most every 4 h')
    expect(describeSubscription({ tier: 'free', effectiveTier: 'free', expiresAt: null, expired: false })).toBe('Free — scans at most every 24 h, no deployment or uninstall jobs')
    expect(describeSubscription({ tier: 'trial', effectiveTier: 'free', expiresAt: '2026-12-01T23:59:59.999Z', expired: true })).toBe(
      'Free — the trial ended on 2026-12-01; scans at most every 24 h, no deployment or uninstall jobs',
    )
    expect(describeSubscription({ tier: 'paid', effectiveTier: 'free', expiresAt: '2026-12-01T23:59:59.999Z', expired: true })).toContain('Free — the paid subscription ended on 2026-12-01')
  })

  it('prints the UTC day of an instant, whatever the server zone', () => {
    expect(utcDate('2026-12-31T23:59:59.999Z')).toBe('2026-12-31')
    expect(utcDate('2027-01-01T00:30:00+02:00')).toBe('2026-12-31')
  })
})

describe('the Subscription form', () => {
  it('ignores the date box on Free, needs it otherwise, and sends the end of the chosen UTC day', () => {
    expect(subscriptionForm.parse({ tier: 'free', expiresAt: '2027-01-01' })).toEqual({ tier: 'free', expiresAt: null })
    expect(subscriptionForm.parse({ tier: 'paid', expiresAt: ' 2027-01-01 ' })).toEqual({ tier: 'paid', expiresAt: '2027-01-01T23:59:59.999Z' })
    expect(subscriptionForm.safeParse({ tier: 'trial', expiresAt: '' }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['expiresAt', 'A Trial subscription needs an expiry date.']])
  })
})
