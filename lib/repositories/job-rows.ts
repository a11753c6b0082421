// The jobs table's row as the engine answers it, and its mapping to and from a StoredJob (JSON columns read leniently).
import { z } from 'zod'
import { tagScopeSchema } from '@/lib/auth/user'
import { jobOptionsSchema, jobScheduleStepSchema, scheduleSchema, type JobStatus, type JobType } from '@/lib/schemas/jobs'
import type { JobOptions, JobPatches, JobScheduleStep, StoredJob } from './jobs'

/** A job's options when none were chosen (or the stored JSON is unreadable): reboot allowed, no messages. */
export const DEFAULT_OPTIONS: JobOptions = { reboot: { mode: 'allow' }, messages: { before: '', during: '', after: '' } }

export interface JobRow {
  job_id: string
  name: string
  description: string
  type: string
  status: string
  is_advisory: boolean
  owner_id: string
  owner_email: string
  co_author_ids: string[]
  co_author_emails: string[]
  patch_ids: string[]
  dynamic_patch_query: string
  dynamic_query_version: number
  target_asset_ids: string[]
  target_tags: string[]
  target_tag_match: string
  exclusion_tags: string[]
  exclusion_tag_match: string
  schedule_type: string
  schedule: string
  time_zone: string
  patch_window_minutes: number
  options: string
  created_at: string
  updated_at: string
  last_run_at: string | null
  next_run_at: string | null
  disabled_reason: string
  scope_constraints: string
  first_enabled_at: string | null
  created_by_id: string
  created_by_email: string
  updated_by_id: string
  updated_by_email: string
  assigned_by_email: string
  assigned_at: string | null
  revision: number
  version: number
}

export const JOB_COLUMNS = `job_id, name, description, type, status, is_advisory, owner_id, owner_email, co_author_ids, co_author_emails,
  patch_ids, dynamic_patch_query, dynamic_query_version, target_asset_ids, target_tags, target_tag_match, exclusion_tags,
  exclusion_tag_match, schedule_type, schedule, time_zone, patch_window_minutes, options, created_at, updated_at, last_run_at,
  next_run_at, disabled_reason, scope_constraints, first_enabled_at, created_by_id, created_by_email, updated_by_id,
  updated_by_email, assigned_by_email, assigned_at, revision, version`

/** The engine answers DateTime64 as `2026-12-02 01:03:07.000` (UTC): the API speaks ISO 8601. */
export function isoTime(value: string): string
export function isoTime(value: string | null): string | null
export function isoTime(value: string | null): string | null {
  if (value === null || value === '') return null
  return value.includes('T') ? value : `${value.replace(' ', 'T')}Z`
}

function parseJson(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Stored JSON the current schema refuses (an older release, a hand edit) reads as "not configured", never a 500. */
function readSchedule(row: JobRow): JobScheduleStep | null {
  const schedule = scheduleSchema.safeParse({ ...(parseJson(row.schedule) as object | null), type: row.schedule_type })
  if (!schedule.success) return null
  const options = (parseJson(row.options) ?? {}) as Record<string, unknown>
  const step = jobScheduleStepSchema.safeParse({
    schedule: schedule.data,
    timeZone: row.time_zone,
    patchWindowHours: Math.round(Number(row.patch_window_minutes) / 60) || undefined,
    downloadRandomizationMinutes: options.downloadRandomizationMinutes,
    opportunisticDownload: options.opportunisticDownload,
  })
  return step.success ? step.data : null
}

function readPatches(row: JobRow): JobPatches | null {
  if (row.dynamic_patch_query !== '') return { mode: 'dynamic', query: row.dynamic_patch_query, version: Number(row.dynamic_query_version) || null }
  return row.patch_ids.length > 0 ? { mode: 'list', patchIds: row.patch_ids } : null
}

export function fromRow(row: JobRow): StoredJob {
  const options = jobOptionsSchema.safeParse(parseJson(row.options) ?? {})
  const constraints = z.array(tagScopeSchema).safeParse(parseJson(row.scope_constraints) ?? [])
  return {
    id: row.job_id,
    name: row.name,
    description: row.description,
    type: row.type as JobType | '',
    status: row.status as JobStatus,
    isAdvisory: Boolean(row.is_advisory),
    ownerId: row.owner_id,
    ownerEmail: row.owner_email,
    coAuthorIds: row.co_author_ids,
    coAuthorEmails: row.co_author_emails,
    targets: {
      assetIds: row.target_asset_ids,
      tags: row.target_tags,
      tagMatch: row.target_tag_match === 'All' ? 'All' : 'Any',
      exclusionTags: row.exclusion_tags,
      exclusionMatch: row.exclusion_tag_match === 'All' ? 'All' : 'Any',
    },
    patches: readPatches(row),
    schedule: readSchedule(row),
    options: options.success ? options.data : DEFAULT_OPTIONS,
    disabledReason: row.disabled_reason,
    scopeConstraints: constraints.success ? constraints.data : [],
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    lastRunAt: isoTime(row.last_run_at),
    nextRunAt: isoTime(row.next_run_at),
    firstEnabledAt: isoTime(row.first_enabled_at),
    createdById: row.created_by_id,
    createdByEmail: row.created_by_email,
    updatedById: row.updated_by_id,
    updatedByEmail: row.updated_by_email,
    assignedByEmail: row.assigned_by_email,
    assignedAt: isoTime(row.assigned_at),
    revision: Number(row.revision),
    version: Number(row.version),
  }
}

export function toRow(job: StoredJob, isDeleted = false) {
  const { schedule: step, patches } = job
  const { type: scheduleType = '', ...scheduleDetails } = step?.schedule ?? {}
  return {
    job_id: job.id,
    name: job.name,
    description: job.description,
    type: job.type,
    status: job.status,
    is_advisory: job.isAdvisory,
    owner_id: job.ownerId,
    owner_email: job.ownerEmail,
    co_author_ids: job.coAuthorIds,
    co_author_emails: job.coAuthorEmails,
    patch_ids: patches?.mode === 'list' ? patches.patchIds : [],
    dynamic_patch_query: patches?.mode === 'dynamic' ? patches.query : '',
    dynamic_query_version: patches?.mode === 'dynamic' ? (patches.version ?? 0) : 0,
    target_asset_ids: job.targets.assetIds,
    target_tags: job.targets.tags,
    target_tag_match: job.targets.tagMatch,
    exclusion_tags: job.targets.exclusionTags,
    exclusion_tag_match: job.targets.exclusionMatch,
    schedule_type: scheduleType,
    schedule: step ? JSON.stringify(scheduleDetails) : '',
    time_zone: step?.timeZone ?? '',
    patch_window_minutes: (step?.patchWindowHours ?? 0) * 60,
    options: JSON.stringify({
      ...job.options,
      downloadRandomizationMinutes: step?.downloadRandomizationMinutes ?? 0,
      opportunisticDownload: step?.opportunisticDownload ?? false,
    }),
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    last_run_at: job.lastRunAt,
    next_run_at: job.nextRunAt,
    disabled_reason: job.disabledReason,
    scope_constraints: job.scopeConstraints.length > 0 ? JSON.stringify(job.scopeConstraints) : '',
    first_enabled_at: job.firstEnabledAt,
    created_by_id: job.createdById,
    created_by_email: job.createdByEmail,
    updated_by_id: job.updatedById,
    updated_by_email: job.updatedByEmail,
    assigned_by_email: job.assignedByEmail,
    assigned_at: job.assignedAt,
    revision: job.revision,
    version: job.version,
    is_deleted: isDeleted ? 1 : 0,
  }
}
