// Licence settings and consumption as the API and the Licenses page show them, and the body a Manager saves: pure zod.
import { z } from 'zod'
import { splitTags } from './activation-keys'

/** The most licences one installation may record (well above any estate Patchboard serves). */
export const MAX_LICENSE_COUNT = 10_000_000

const licenseTags = z
  .array(z.string().trim().min(1, 'A tag must not be empty.').max(256, 'A tag is at most 256 characters.'))
  .max(200, 'At most 200 tags.')
  .transform((tags) => [...new Set(tags)])

const licenseCountSchema = z
  .number({ error: 'Enter the number of licences.' })
  .int('A whole number of licences.')
  .min(0, 'At least 0 licences.')
  .max(MAX_LICENSE_COUNT, `At most ${MAX_LICENSE_COUNT.toLocaleString('en-US')} licences.`)

function checkNoTagInBoth(body: { includeTags: string[]; excludeTags: string[] }, context: z.RefinementCtx): void {
  const both = body.includeTags.filter((tag) => body.excludeTags.includes(tag))
  if (both.length > 0) context.addIssue({ code: 'custom', path: ['excludeTags'], message: `A tag cannot be both included and excluded: ${both.join(', ')}.` })
}

const optionalTags = licenseTags.nullable().optional().transform((tags) => tags ?? [])

export const updateLicenseSettingsBody = z.object({ licenseCount: licenseCountSchema, includeTags: optionalTags, excludeTags: optionalTags }).superRefine(checkNoTagInBoth)
export type UpdateLicenseSettingsInput = z.output<typeof updateLicenseSettingsBody>

/** The Licenses page's form: the count typed as text, the tags comma-separated, then the API's own rules. */
export const licenseForm = z
  .object({ licenseCount: z.string(), includeTags: z.string(), excludeTags: z.string() })
  .transform((form) => ({
    licenseCount: form.licenseCount.trim() === '' ? Number.NaN : Number(form.licenseCount.replaceAll(',', '').trim()),
    includeTags: splitTags(form.includeTags),
    excludeTags: splitTags(form.excludeTags),
  }))
  .pipe(z.object({ licenseCount: licenseCountSchema, includeTags: licenseTags, excludeTags: licenseTags }).superRefine(checkNoTagInBoth))

export const licenseOverviewSchema = z.object({
  /** False until someone saves the settings: then every asset is licensed. */
  configured: z.boolean(),
  /** Whether licences limit anything now: an active paid subscription with saved settings. */
  enforced: z.boolean(),
  /** The subscription tier in effect, so the page can say why licences do not apply. */
  effectiveTier: z.enum(['free', 'trial', 'paid']),
  licenseCount: z.number(),
  includeTags: z.array(z.string()),
  excludeTags: z.array(z.string()),
  /** Patchable assets (carrying an include tag, or any asset when none is set) not excluded: the licences they need. */
  consumed: z.number(),
  /** consumed ÷ licenseCount in whole per cent, may pass 100; null when there are no licences. */
  percent: z.number().nullable(),
  /** Eligible assets beyond the count (the most recently activated ones). */
  overBy: z.number(),
  excluded: z.number(),
  /** Assets carrying no include tag. */
  notIncluded: z.number(),
  totalAssets: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string(),
})
export type LicenseOverview = z.infer<typeof licenseOverviewSchema>

/** "2,140 of 2,000 — 107 %" ("3 of 0" without licences: no percentage). */
export function describeConsumption(overview: Pick<LicenseOverview, 'consumed' | 'licenseCount' | 'percent'>): string {
  const figures = `${overview.consumed.toLocaleString('en-US')} of ${overview.licenseCount.toLocaleString('en-US')}`
  return overview.percent === null ? figures : `${figures} — ${overview.percent} %`
}
