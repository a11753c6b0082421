// Job input schemas (one per wizard step, and the whole job) and the job view: pure zod shared by the API, the scheduler and the wizard.
import { z } from 'zod'
import { timeZoneSchema } from '@/lib/auth/user'
import { JOB_SCHEDULE_TYPES, JOB_STATUSES, JOB_TARGET_TAG_MATCHES, JOB_TYPES } from '@/lib/qql/tokens/fields'

export { JOB_SCHEDULE_TYPES, JOB_STATUSES, JOB_TARGET_TAG_MATCHES, JOB_TYPES }
export type JobType = (typeof JOB_TYPES)[number]
export type JobStatus = (typeof JOB_STATUSES)[number]
export type JobScheduleType = (typeof JOB_SCHEDULE_TYPES)[number]

/** Limits of a job's lists (PRODUCT §5: a dynamic patch query resolves to at most 2,000 patches). */
export const JOB_LIMITS = {
  maxPatches: 2000,
  maxTargetAssets: 10_000,
  maxTags: 100,
  maxCoAuthors: 50,
  patchWindowHours: { min: 1, max: 168 },
  maxDownloadRandomizationMinutes: 120,
  patchTuesdayOffsetDays: { min: -28, max: 28 },
  maxMessageLength: 500,
} as const

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const tag = z.string().trim().min(1, 'A tag must not be empty.').max(256)
const id = z.string().trim().min(1).max(256)
const uniqueList = <T extends z.ZodTypeAny>(item: T, max: number, what: string) =>
  z.array(item).max(max, `At most ${max.toLocaleString('en-US')} ${what}.`).transform((values) => [...new Set(values)] as z.output<T>[])

/** A wall-clock time of day, 24 h (`22:00`), read in the job's time zone. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 22:00.')
/** A calendar date (`2026-12-24`), read in the job's time zone. */
export const calendarDateSchema = z.iso.date('Use a date such as 2026-12-24.')

/** When a job runs: a discriminated union on `type` (the job's schedule type). */
export const scheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('On-demand') }),
  z.object({ type: z.literal('Once'), date: calendarDateSchema, time: timeOfDaySchema }),
  z.object({ type: z.literal('Daily'), time: timeOfDaySchema, startDate: calendarDateSchema.nullish() }),
  z.object({
    type: z.literal('Weekly'),
    time: timeOfDaySchema,
    days: z.array(z.enum(WEEKDAYS)).min(1, 'Choose at least one day of the week.').transform((days) => WEEKDAYS.filter((day) => days.includes(day))),
    startDate: calendarDateSchema.nullish(),
  }),
  z.object({
    type: z.literal('Monthly'),
    time: timeOfDaySchema,
    /** A day of the month (29–31 fall back to the month's last day in shorter months), or the nth (or last) weekday. */
    on: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('date'), day: z.number().int().min(1).max(31) }),
      z.object({ kind: z.literal('weekday'), nth: z.union([z.number().int().min(1).max(5), z.literal('last')]), weekday: z.enum(WEEKDAYS) }),
    ]),
    startDate: calendarDateSchema.nullish(),
  }),
  z.object({
    type: z.literal('Patch Tuesday'),
    time: timeOfDaySchema,
    /** Days after (positive) or before (negative) the second Tuesday of the month. */
    offsetDays: z.number().int().min(JOB_LIMITS.patchTuesdayOffsetDays.min).max(JOB_LIMITS.patchTuesdayOffsetDays.max),
    startDate: calendarDateSchema.nullish(),
  }),
])
export type Schedule = z.infer<typeof scheduleSchema>

/** Step 1 — basic information. */
export const jobBasicsSchema = z.object({
  name: z.string().trim().min(1, 'Give the job a name.').max(200),
  description: z.string().trim().max(2000).nullish().transform((value) => value ?? ''),
  type: z.enum(JOB_TYPES),
})

/** Step 2 — targets: assets and/or tags (Any/All), minus assets carrying the exclusion tags (Any/All). */
export const jobTargetsSchema = z.object({
  assetIds: uniqueList(id, JOB_LIMITS.maxTargetAssets, 'target assets').default([]),
  tags: uniqueList(tag, JOB_LIMITS.maxTags, 'target tags').default([]),
  tagMatch: z.enum(JOB_TARGET_TAG_MATCHES).default('Any'),
  exclusionTags: uniqueList(tag, JOB_LIMITS.maxTags, 'exclusion tags').default([]),
  exclusionMatch: z.enum(JOB_TARGET_TAG_MATCHES).default('Any'),
})

/** Step 3 — patches: a fixed list, or a dynamic patches QQL resolved before each run; never both. */
export const jobPatchesSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('list'), patchIds: uniqueList(id, JOB_LIMITS.maxPatches, 'patches') }),
  z.object({
    mode: z.literal('dynamic'),
    query: z.string().trim().min(1, 'Write the patches query the job resolves before each run.').max(10_000),
    /** The token-schema version the query is written for; omitted: the current one. */
    version: z.number().int().min(1).nullish(),
  }),
])

/** Step 4 — schedule, its time zone ('' or null: each agent's own), the patch window and the download options. */
export const jobScheduleStepSchema = z.object({
  schedule: scheduleSchema,
  timeZone: z.union([z.literal(''), timeZoneSchema]).nullish().transform((zone) => zone ?? ''),
  patchWindowHours: z.number().int().min(JOB_LIMITS.patchWindowHours.min).max(JOB_LIMITS.patchWindowHours.max).default(24),
  downloadRandomizationMinutes: z.number().int().min(0).max(JOB_LIMITS.maxDownloadRandomizationMinutes).default(0),
  opportunisticDownload: z.boolean().default(false),
})

const message = z.string().trim().max(JOB_LIMITS.maxMessageLength).nullish().transform((value) => value ?? '')

/** Step 5 — options: reboot handling and the messages shown to the asset's user. */
export const jobOptionsSchema = z.object({
  reboot: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('allow') }),
      z.object({ mode: z.literal('suppress') }),
      z.object({
        mode: z.literal('defer'),
        deferCount: z.number().int().min(1).max(10),
        intervalMinutes: z.number().int().min(15).max(1440),
        countdownMinutes: z.number().int().min(1).max(60),
      }),
    ])
    .default({ mode: 'allow' }),
  messages: z.object({ before: message, during: message, after: message }).default({ before: '', during: '', after: '' }),
})

/** Step 6 — co-authors (user ids): same or higher role than the owner's and a scope at least as large. */
export const jobCoAuthorsSchema = z.object({ coAuthorIds: uniqueList(id, JOB_LIMITS.maxCoAuthors, 'co-authors').default([]) })

/** The wizard's steps, in order, each validated on its own (the server answers `details` per field of the failing step). */
export const JOB_STEPS = {
  basics: jobBasicsSchema,
  targets: jobTargetsSchema,
  patches: jobPatchesSchema,
  schedule: jobScheduleStepSchema,
  options: jobOptionsSchema,
  coAuthors: jobCoAuthorsSchema,
} as const
export type JobStep = keyof typeof JOB_STEPS

/**
 * A whole job as created or saved: basics are required; a missing targets/patches/schedule (null) leaves the job
 * partially configured — it is stored but cannot be enabled or run.
 */
export const jobInputSchema = z.object({
  basics: jobBasicsSchema,
  targets: jobTargetsSchema.nullish().transform((value) => value ?? null),
  patches: jobPatchesSchema.nullish().transform((value) => value ?? null),
  schedule: jobScheduleStepSchema.nullish().transform((value) => value ?? null),
  options: jobOptionsSchema.default({ reboot: { mode: 'allow' }, messages: { before: '', during: '', after: '' } }),
  coAuthors: jobCoAuthorsSchema.default({ coAuthorIds: [] }),
})
export type JobInput = z.output<typeof jobInputSchema>
export type JobInputDraft = z.input<typeof jobInputSchema>

/** What a job still lacks before it can be enabled or run. */
export const JOB_MISSING_PARTS = ['patches', 'targets', 'schedule'] as const
export type JobMissingPart = (typeof JOB_MISSING_PARTS)[number]

/** The actions a user may take on one job, computed on the server from the permission table and ownership. */
export const JOB_ACTIONS = ['view', 'edit', 'clone', 'enable', 'disable', 'runNow', 'changeOwner', 'assign', 'delete'] as const
export type JobAction = (typeof JOB_ACTIONS)[number]

export interface JobPerson {
  id: string
  email: string
}

/** One job as the API answers it (list rows and the detail page). */
export interface JobView {
  id: string
  name: string
  description: string
  type: JobType | ''
  status: JobStatus
  isAdvisory: boolean
  owner: JobPerson | null
  coAuthors: JobPerson[]
  targets: z.output<typeof jobTargetsSchema>
  patches: z.output<typeof jobPatchesSchema> | null
  schedule: z.output<typeof jobScheduleStepSchema> | null
  /** The schedule in words, e.g. "Weekly on Tue, Thu at 22:00 Europe/Berlin"; "Not scheduled" when missing. */
  scheduleText: string
  options: z.output<typeof jobOptionsSchema>
  /** Empty when the job is fully configured. */
  missing: JobMissingPart[]
  /** Why the job is disabled when the server disabled it (e.g. the subscription fell back to Free); '' otherwise. */
  disabledReason: string
  createdAt: string
  updatedAt: string
  lastRunAt: string | null
  nextRunAt: string | null
  /** Fixed-list patches; null for a dynamic job (resolved at run time). */
  patchCount: number | null
  /** Assets the job includes now (targets ∩ the owner's scope, minus exclusions). */
  assetCount: number
  /** Of the in-scope assets the target tags match, how many the job includes. */
  taggedAssets: { matched: number; included: number }
  /** The latest run's progress, null before the first run. */
  progress: { runId: string; done: number; total: number; failed: number } | null
  /** Stored version: saves send it back; a newer stored version answers 409. */
  version: number
  actions: JobAction[]
}
