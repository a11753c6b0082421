// What an agent fetches with its activation key: the open runs assigned to its asset, each with the resolved patch list.
import type { Database } from '@/clickhouse/client'
import { notFound } from '@/lib/errors'
import { agentAssetExists, agentRunsFor, type AgentRunRow } from '@/lib/repositories/job-runs'
import type { AgentJobsResponse, AgentRun } from '@/lib/schemas/job-runs'
import { jobOptionsSchema } from '@/lib/schemas/jobs'

function toAgentRun(run: AgentRunRow): AgentRun {
  const stored = JSON.parse(run.options || '{}') as Record<string, unknown>
  const options = jobOptionsSchema.safeParse(stored)
  return {
    jobId: run.jobId,
    runId: run.runId,
    name: run.jobName,
    type: run.jobType === 'Uninstall' ? 'Uninstall' : 'Install',
    scheduledAt: run.scheduledAt,
    windowEndsAt: run.windowEndsAt,
    patchIds: run.patchIds,
    downloadRandomizationMinutes: Number(stored.downloadRandomizationMinutes) || 0,
    opportunisticDownload: stored.opportunisticDownload === true,
    options: options.success ? options.data : jobOptionsSchema.parse({}),
    status: run.status,
  }
}

/**
 * The runs the asset should work on now (due, window open, its part not finished, the job not disabled or deleted). A
 * key with tags reads only the assets it tags: an unknown asset and another site's asset both answer 404.
 */
export async function agentJobs(db: Database, assetId: string, keyTags: readonly string[], now = new Date()): Promise<AgentJobsResponse> {
  if (!(await agentAssetExists(db, assetId, keyTags))) throw notFound(`No asset ${assetId} reported with this activation key's tags.`)
  const runs = await agentRunsFor(db, assetId, now)
  return { assetId, runs: runs.map(toAgentRun) }
}
