// Job progress (GET /api/v1/jobs/:id/progress): a run's counts, percentage, per-patch outcomes and a page of assets, in the viewer's scope.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { notFound } from '@/lib/errors'
import { patchTitles, runAssetPage, runPatchOutcomes, runStatusCounts, runSummaries, type ProgressAssets } from '@/lib/repositories/job-progress'
import { loadRun } from '@/lib/repositories/job-runs'
import { pageNumberSchema, pageSizeSchema } from '@/lib/repositories/paging'
import {
  FAILED_RUN_STATUSES,
  FINISHED_RUN_STATUSES,
  JOB_RESULT_STATUSES,
  RUN_ASSET_SERVER_STATUSES,
  type JobProgressView,
  type JobResultStatus,
  type JobRunSummary,
  type RunAssetStatus,
} from '@/lib/schemas/job-runs'
import { viewableJob } from './jobs-access'
import { requireSearch } from './search'

const RUN_ASSET_STATUSES: readonly string[] = [...RUN_ASSET_SERVER_STATUSES, ...JOB_RESULT_STATUSES]

/** `status`: one status or several, comma-separated (e.g. `Failed,Pending Reboot`); the asset page shows only those. */
const statusFilter = z
  .string()
  .max(2000)
  .nullish()
  .transform((value) => (value ?? '').split(',').map((status) => status.trim()).filter((status) => status !== ''))
  .refine((statuses) => statuses.every((status) => RUN_ASSET_STATUSES.includes(status)), {
    message: `Unknown status: use ${RUN_ASSET_STATUSES.join(', ')}.`,
  })

export const jobProgressQuery = z.object({
  runId: z.string().trim().min(1).max(256).nullish(),
  status: statusFilter,
  /** An assets QQL query: only matching assets count and list (always inside the viewer's scope). */
  q: z.string().max(10_000).default(''),
  page: pageNumberSchema,
  pageSize: pageSizeSchema,
})
export type JobProgressQuery = z.output<typeof jobProgressQuery>

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10)

/** The run to show: the one asked for (404 when it is not this job's), else the latest; null before the first run. */
async function chosenRun(db: Database, jobId: string, runs: JobRunSummary[], runId: string | null | undefined): Promise<JobRunSummary | null> {
  if (!runId) return runs[0] ?? null
  const listed = runs.find((run) => run.runId === runId)
  if (listed) return listed
  const stored = await loadRun(db, runId)
  if (!stored || stored.jobId !== jobId) throw notFound(`The job has no run ${runId}.`)
  return { runId: stored.runId, scheduledAt: stored.scheduledAt, createdAt: stored.createdAt, assetCount: 0 }
}

/**
 * A job's progress for a viewer who may view the job: only assets in their tag scope (and matching `q`) count and list.
 * Counts, percentages and per-patch outcomes cover those assets; `status` narrows only the asset page.
 */
export async function jobProgress(db: Database, user: SessionUser, jobId: string, query: JobProgressQuery): Promise<JobProgressView> {
  const job = await viewableJob(db, user, jobId)
  const assets: ProgressAssets = { scope: user.scope, filter: requireSearch('assets', query.q, user) }
  const runs = await runSummaries(db, job.id, assets)
  const run = await chosenRun(db, job.id, runs, query.runId)
  const view: JobProgressView = {
    job: { id: job.id, name: job.name, type: job.type },
    runs,
    run,
    counts: {},
    total: 0,
    finished: 0,
    failed: 0,
    percent: 0,
    patchOutcomes: [],
    assets: { rows: [], total: 0, page: query.page, pageSize: query.pageSize },
  }
  if (!run) return view
  // One after the other: bound queries run one at a time on the embedded engine anyway.
  const stored = await loadRun(db, run.runId)
  const counts = await runStatusCounts(db, run.runId, assets)
  const outcomes = await runPatchOutcomes(db, run.runId, assets)
  const rows = await runAssetPage(db, run.runId, assets, { statuses: query.status, page: query.page, pageSize: query.pageSize })
  const patchIds = [...new Set([...(stored?.patchIds ?? []), ...outcomes.map((outcome) => outcome.patchId)])]
  const titles = await patchTitles(db, patchIds)
  const sum = (statuses: readonly RunAssetStatus[]) => statuses.reduce((total, status) => total + (counts.get(status) ?? 0), 0)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const perPatch = new Map<string, Partial<Record<JobResultStatus, number>>>(patchIds.map((id) => [id, {}]))
  for (const outcome of outcomes) perPatch.get(outcome.patchId)![outcome.status] = outcome.n
  return {
    ...view,
    run: { ...run, assetCount: total },
    counts: Object.fromEntries(counts),
    total,
    finished: sum(FINISHED_RUN_STATUSES),
    failed: sum(FAILED_RUN_STATUSES),
    percent: percentOf(sum(FINISHED_RUN_STATUSES), total),
    patchOutcomes: patchIds.map((id) => ({ id, title: titles.get(id) ?? id, counts: perPatch.get(id)! })),
    assets: {
      rows: rows.map((row) => ({ ...row, patches: row.patches.map((patch) => ({ ...patch, title: titles.get(patch.id) ?? patch.id })) })),
      total: query.status.length === 0 ? total : sum(query.status as RunAssetStatus[]),
      page: query.page,
      pageSize: query.pageSize,
    },
  }
}
