// The subscription as the API and the banner show it, the body an Administrator saves, and its rules in words: pure zod.
import { z } from 'zod'

export const SUBSCRIPTION_TIERS = ['free', 'trial', 'paid'] as const
export const tierSchema = z.enum(SUBSCRIPTION_TIERS)
export type SubscriptionTier = z.infer<typeof tierSchema>

export const TIER_LABELS: Record<SubscriptionTier, string> = { free: 'Free', trial: 'Trial', paid: 'Paid' }

/** A fresh install starts on a trial of this many days from the server's first start. */
export const TRIAL_DAYS = 30
/** The shortest scan interval a tier allows, in hours (PRODUCT §5). */
export const MIN_SCAN_INTERVAL_HOURS: Record<SubscriptionTier, number> = { free: 24, trial: 4, paid: 4 }

export const subscriptionViewSchema = z.object({
  /** What was bought or granted. */
  tier: tierSchema,
  /** What applies now: `free` once a trial or paid subscription has expired. */
  effectiveTier: tierSchema,
  /** ISO instant the trial or paid subscription ends; null for Free. */
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  minScanIntervalHours: z.number(),
  /** Whether deployment and uninstall jobs may be created, enabled and run. */
  jobsAllowed: z.boolean(),
  /** When an Administrator last changed it (null: the trial a fresh install started with) and who. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
})
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>

/**
 * The expiry as the form sends it: a calendar date (the subscription runs to the end of that day, UTC) or an ISO
 * instant with an offset. Past dates are allowed: recording a lapsed subscription applies the Free fallback at once.
 */
export const expirySchema = z.union(
  [z.iso.date().transform((date) => `${date}T23:59:59.999Z`), z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString())],
  { error: 'Enter the expiry as a date, YYYY-MM-DD (or an ISO date and time with an offset).' },
)

/** Free has no expiry; a trial or paid subscription needs one (the issue names the field). */
function checkExpiryForTier(body: { tier: SubscriptionTier; expiresAt?: string | null }, context: z.RefinementCtx): void {
  if (body.tier === 'free' && body.expiresAt) context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'A Free subscription has no expiry date; leave it empty.' })
  if (body.tier !== 'free' && !body.expiresAt) context.addIssue({ code: 'custom', path: ['expiresAt'], message: `A ${TIER_LABELS[body.tier]} subscription needs an expiry date.` })
}

export const updateSubscriptionBody = z.object({ tier: tierSchema, expiresAt: expirySchema.nullable().optional() }).superRefine(checkExpiryForTier)
export type UpdateSubscriptionInput = z.output<typeof updateSubscriptionBody>

/** The Subscription page's form: the date box is text, ignored for Free (the page hides it), checked with the API's own rules. */
export const subscriptionForm = z
  .object({ tier: tierSchema, expiresAt: z.string() })
  .transform((form) => ({ tier: form.tier, expiresAt: form.tier === 'free' || form.expiresAt.trim() === '' ? null : form.expiresAt.trim() }))
  .pipe(z.object({ tier: tierSchema, expiresAt: expirySchema.nullable() }).superRefine(checkExpiryForTier))

/** What PUT answers: the subscription now, and what the Free fallback changed if saving it applied one. */
export const subscriptionUpdateSchema = subscriptionViewSchema.extend({
  fallback: z.object({ reason: z.string(), profilesChanged: z.number(), jobsDisabled: z.number() }).nullable(),
})
export type SubscriptionUpdate = z.infer<typeof subscriptionUpdateSchema>

const UTC_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The UTC calendar date of an instant (a date-only expiry ends at the end of its UTC day), as the banner prints it: 2026-12-31. */
export function utcDate(expiresAt: string): string {
  return UTC_DATE.format(new Date(expiresAt))
}

/** A trial or paid subscription in running text: "the trial", "the paid subscription". */
export function periodName(tier: SubscriptionTier): string {
  return tier === 'trial' ? 'the trial' : tier === 'paid' ? 'the paid subscription' : 'the Free subscription'
}

/** What a tier limits, in words ("" when nothing). */
export function tierLimits(tier: SubscriptionTier): string {
  return tier === 'free' ? `scans at most every ${MIN_SCAN_INTERVAL_HOURS.free} h, no deployment or uninstall jobs` : `scans at most every ${MIN_SCAN_INTERVAL_HOURS[tier]} h`
}

/** The banner's sentence: which tier applies, until when, and what it limits. */
export function describeSubscription(view: Pick<SubscriptionView, 'tier' | 'effectiveTier' | 'expiresAt' | 'expired'>): string {
  if (view.expired && view.expiresAt) return `Free — ${periodName(view.tier)} ended on ${utcDate(view.expiresAt)}; ${tierLimits('free')}`
  if (view.effectiveTier === 'free' || !view.expiresAt) return `${TIER_LABELS[view.effectiveTier]} — ${tierLimits(view.effectiveTier)}`
  return `${TIER_LABELS[view.effectiveTier]} until ${utcDate(view.expiresAt)} — ${tierLimits(view.effectiveTier)}`
}
