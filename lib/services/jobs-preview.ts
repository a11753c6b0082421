// The wizard's server checks: one step validated on its own, the live targets preview and the patches preview (a dynamic query resolved as a run would).
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { authorize, can } from '@/lib/auth/policy'
import type { SessionUser, TagScope } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { JOB_STEPS, JOB_TYPES, jobPatchesSchema, jobTargetsSchema, type JobStep } from '@/lib/schemas/jobs'
import { resolveDynamicPatches } from '@/lib/repositories/job-runs-patches'
import { assetIdsInScopes, previewJobTargets, type TargetPreview } from '@/lib/repositories/job-targets'
import { listPatches } from '@/lib/repositories/patches'
import { findUserById } from '@/lib/repositories/users'
import { viewableJob } from './jobs-access'

const STEP_NAMES = Object.keys(JOB_STEPS) as [JobStep, ...JobStep[]]
export const validateStepBody = z.object({ step: z.enum(STEP_NAMES), value: z.unknown() })
export const targetsPreviewBody = z.object({
  targets: jobTargetsSchema,
  /** The owner whose scope the job runs in (default: you); `jobId` also applies that job's scope constraints. */
  ownerId: z.string().trim().min(1).max(256).nullish(),
  jobId: z.string().trim().min(1).max(256).nullish(),
})
/** `type`: an uninstall job's dynamic query resolves to installed patches, an install job's (the default) to missing ones. */
export const patchesPreviewBody = z.object({ patches: jobPatchesSchema, type: z.enum(JOB_TYPES).nullish() })

/** One wizard step checked by the server's schema: ok, or a 400 whose details name each failing field path. */
export function validateJobStep(body: z.infer<typeof validateStepBody>): { ok: true } {
  const parsed = JOB_STEPS[body.step].safeParse(body.value)
  if (parsed.success) return { ok: true }
  const details = parsed.error.issues.map((issue) => ({ path: [body.step, ...issue.path].join('.'), message: issue.message }))
  throw invalid('INVALID_STEP', `The ${body.step} step is not valid: ${details.map((detail) => `${detail.path}: ${detail.message}`).join('; ')}`, details)
}

/**
 * The scopes a preview counts in: the owner's (you, another owner you may manage, or the job's) and the job's scope
 * constraints — and always your own, so a preview never shows an asset you may not see.
 */
async function previewScopes(db: Database, user: SessionUser, ownerId: string | null | undefined, jobId: string | null | undefined): Promise<TagScope[]> {
  const job = jobId ? await viewableJob(db, user, jobId) : null
  const id = ownerId ?? job?.ownerId ?? user.id
  const owner = id === user.id ? user : await findUserById(db, id)
  if (owner === null) throw invalid('JOB_OWNER_UNKNOWN', 'No such user to own the job.', { ownerId: id })
  return [user.scope, owner.scope, ...(job?.scopeConstraints ?? [])]
}

export async function previewTargets(db: Database, user: SessionUser, body: z.infer<typeof targetsPreviewBody>): Promise<TargetPreview> {
  return previewJobTargets(db, body.targets, await previewScopes(db, user, body.ownerId, body.jobId))
}

export interface PatchesPreview {
  count: number
  patches: { id: string; title: string; vendorSeverity: string; missing: number }[]
}

const PREVIEW_SIZE = 50

/**
 * The patches a job would run with, in your scope: a fixed list as listed (newest first), a dynamic query resolved as a
 * run resolves it — only non-superseded patches missing on an asset you see, at most 2,000, newest first.
 */
export async function previewPatches(db: Database, user: SessionUser, body: z.infer<typeof patchesPreviewBody>): Promise<PatchesPreview> {
  authorize(user, can(user, 'jobs.create') ? 'jobs.create' : 'jobs.createAdvisory')
  const { patches } = body
  const ids =
    patches.mode === 'list'
      ? patches.patchIds
      : await resolveDynamicPatches(db, {
          query: patches.query,
          version: patches.version ?? null,
          type: body.type ?? 'Install',
          owner: { scope: user.scope, timeZone: user.timeZone },
          assetIds: await assetIdsInScopes(db, [user.scope]),
        })
  if (ids.length === 0) return { count: 0, patches: [] }
  const page = await listPatches(db, user.scope, {
    filter: { where: 'has({previewIds:Array(String)}, p.patch_id)', params: { previewIds: ids } },
    sort: 'published',
    dir: 'desc',
    page: 1,
    pageSize: PREVIEW_SIZE,
  })
  return { count: page.total, patches: page.rows.map((row) => ({ id: row.id, title: row.title, vendorSeverity: row.vendorSeverity, missing: row.missingCount })) }
}
