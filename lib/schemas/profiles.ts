// Assessment-profile input and view shapes: pure zod, shared by the API routes and the browser's create/edit form.
import { z } from 'zod'
import { splitTags } from './activation-keys'

export const PROFILE_STATUSES = ['Enabled', 'Disabled'] as const
export type ProfileStatus = (typeof PROFILE_STATUSES)[number]
/** The id of the one default profile (custom profiles have UUIDs). */
export const DEFAULT_PROFILE_ID = 'default'
/** The longest interval a profile may have: 30 days. The shortest depends on the subscription tier (checked on the server). */
export const MAX_INTERVAL_HOURS = 720

const nullable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional())

const profileName = z.string().trim().min(1, 'a profile needs a name').max(100, 'a name has at most 100 characters')
const profileTags = z
  .array(z.string().trim().min(1, 'a tag must not be empty').max(256, 'a tag has at most 256 characters'))
  .min(1, 'a custom profile needs at least one tag: it covers the assets that carry one')
  .max(50, 'a profile has at most 50 tags')
  .transform((tags) => [...new Set(tags)])
const intervalHours = z
  .number('the scan interval is a number of hours')
  .int('the scan interval is a whole number of hours')
  .min(1, 'the scan interval is at least 1 hour')
  .max(MAX_INTERVAL_HOURS, `the scan interval is at most ${MAX_INTERVAL_HOURS} hours (30 days)`)
const revision = z.number().int().min(1, 'a revision is 1 or more')

export const profileIdParams = z.object({ id: z.union([z.literal(DEFAULT_PROFILE_ID), z.uuid('not a profile id')]) })

/** Create a custom profile; Enabled unless said otherwise. */
export const createProfileBody = z.object({
  name: profileName,
  tags: profileTags,
  intervalHours,
  status: nullable(z.enum(PROFILE_STATUSES)),
})

/**
 * Change a profile opened at `revision` (409 naming who saved in between). The default profile takes only
 * `intervalHours`: its name and tags are fixed (it covers every asset no custom profile covers).
 */
export const updateProfileBody = z
  .object({ revision, name: nullable(profileName), tags: nullable(profileTags), intervalHours: nullable(intervalHours) })
  .refine((body) => body.name !== undefined || body.tags !== undefined || body.intervalHours !== undefined, 'change the name, the tags or the interval')

const PROFILE_BULK_ACTIONS = ['delete', 'enable', 'disable'] as const
export const profileBulkBody = z.object({
  action: z.enum(PROFILE_BULK_ACTIONS),
  ids: z.array(z.string().min(1).max(64)).min(1, 'choose at least one profile').max(500, 'at most 500 profiles at once'),
})

export const agentProfileQuery = z.object({ assetId: z.string().trim().min(1, 'assetId names the agent\'s asset').max(256) })

/** The create/edit dialog: tags typed comma-separated, the interval in a number box; checked with the API's own rules. */
export const profileForm = z.object({
  name: profileName,
  tags: z.string().transform(splitTags).pipe(profileTags),
  intervalHours: z.coerce.number('the scan interval is a number of hours').pipe(intervalHours),
})
/** The default profile's edit dialog: only its interval. */
export const defaultProfileForm = profileForm.pick({ intervalHours: true })

/** "Every 6 h" — how the list and the agent describe an interval. */
export function describeInterval(hours: number): string {
  return `Every ${hours} h`
}

/** What a lowered interval was and why: "was 6 h; the subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)". */
export function describeLowering({ fromHours, note }: NonNullable<ProfileView['lowered']>): string {
  const clause = /^[A-Z][a-z]/.test(note) ? note[0].toLowerCase() + note.slice(1) : note
  return `was ${fromHours} h${clause ? `; ${clause}` : ''}`
}

/** The interval in words, and for a profile the Free fallback lowered what it was and why: "Every 24 h — was 6 h; the subscription fell back …". */
export function describeLoweredInterval(profile: Pick<ProfileView, 'intervalHours' | 'lowered'>): string {
  const schedule = describeInterval(profile.intervalHours)
  return profile.lowered === null ? schedule : `${schedule} — ${describeLowering(profile.lowered)}`
}

export type ProfileAction = 'edit' | 'delete' | 'enable' | 'disable'

/** A profile as the API and the page show it; `actions` are what this viewer may do to it now (never delete/enable/disable the default). */
export interface ProfileView {
  id: string
  name: string
  isDefault: boolean
  tags: string[]
  intervalHours: number
  /** "Every 6 h". */
  schedule: string
  status: ProfileStatus
  /** Set when a lapsed subscription lowered the interval: the interval it had, and why (shown beside the interval). */
  lowered: { fromHours: number; note: string } | null
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  revision: number
  /** Assets in the viewer's tag scope whose effective profile this is. */
  assetCount: number
  actions: ProfileAction[]
}

export interface ProfileBulkResult {
  done: string[]
  refused: { id: string; name: string; reason: string }[]
}

/** What the agent is told: the profile that applies to its asset, and why. */
export interface AgentProfileView {
  assetId: string
  profile: { id: string; name: string; isDefault: boolean; intervalHours: number; schedule: string }
  /** e.g. "the asset carries tag Servers of custom profile \"Servers\"", or "no enabled custom profile covers the asset's tags". */
  reason: string
  matchedTags: string[]
  /** Other enabled custom profiles that also cover the asset and lost to the rule (shortest interval, then oldest). */
  overridden: { id: string; name: string; intervalHours: number }[]
}
