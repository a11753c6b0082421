// Job runs as agents fetch them (GET /api/v1/agent/jobs) and job progress as the progress page reads it: shared shapes.
import { z } from 'zod'
import { JOB_RESULT_STATUSES } from '../../ingest/schema/job-result'
import { jobOptionsSchema, type JobType } from './jobs'

export { JOB_RESULT_STATUSES }
export type JobResultStatus = (typeof JOB_RESULT_STATUSES)[number]

/**
 * A run asset's status before any agent report: assigned and waiting for the agent, or skipped by the server with the
 * reason (outside the owner's scope after an owner change, excluded or unlicensed by the licence rules).
 */
export const RUN_ASSET_SERVER_STATUSES = ['Assigned', 'Skipped: Not Licensed', 'Skipped: Excluded by License', 'Skipped: Out of Scope'] as const
export type RunAssetStatus = JobResultStatus | (typeof RUN_ASSET_SERVER_STATUSES)[number]

/** Statuses after which an asset's part of a run is over (for percentages and the agent's pick-up); skipped assets too. */
export const FINISHED_RUN_STATUSES: readonly RunAssetStatus[] = [
  'Skipped: Not Licensed',
  'Skipped: Excluded by License',
  'Skipped: Out of Scope',
  'Installed',
  'Completed',
  'Failed',
  'Download Failed',
  'Not Applicable',
  'No Patch Available',
  'Execution Blocked',
  'Canceled',
  'Pending Reboot',
]
/** Finished statuses that count as a failure in progress and in the "Failed patch installs" widget. */
export const FAILED_RUN_STATUSES: readonly RunAssetStatus[] = ['Failed', 'Download Failed', 'Execution Blocked']

/** GET /api/v1/agent/jobs?assetId=…: the query an agent sends with its activation key. */
export const agentJobsQuery = z.object({ assetId: z.string().trim().min(1).max(256) })

/** One run assigned to the asking asset, with its resolved patch list. */
export const agentRunSchema = z.object({
  jobId: z.string(),
  runId: z.string(),
  name: z.string(),
  type: z.enum(['Install', 'Uninstall']),
  /** When the run is due on this asset (ISO, UTC) and when its patch window closes there (agent-zone jobs: in the asset's zone). */
  scheduledAt: z.string(),
  windowEndsAt: z.string(),
  patchIds: z.array(z.string()),
  downloadRandomizationMinutes: z.number().int(),
  opportunisticDownload: z.boolean(),
  options: jobOptionsSchema,
  /** The asset's latest reported status in this run; 'Assigned' before its first report. */
  status: z.string(),
})
export type AgentRun = z.infer<typeof agentRunSchema>
export const agentJobsResponse = z.object({ assetId: z.string(), runs: z.array(agentRunSchema) })
export type AgentJobsResponse = z.infer<typeof agentJobsResponse>

/** One asset of a run as the progress page lists it. */
export interface RunAssetProgress {
  assetId: string
  assetName: string
  status: RunAssetStatus
  message: string
  reportedAt: string | null
  patches: { id: string; title: string; status: JobResultStatus; message: string }[]
}

export interface JobRunSummary {
  runId: string
  scheduledAt: string
  createdAt: string
  assetCount: number
}

/** GET /api/v1/jobs/:id/progress: one run (the latest unless `runId`), its counts per status and a page of assets. */
export interface JobProgressView {
  job: { id: string; name: string; type: JobType | '' }
  runs: JobRunSummary[]
  run: JobRunSummary | null
  counts: Partial<Record<RunAssetStatus, number>>
  total: number
  finished: number
  failed: number
  /** Finished ÷ total, 0–100, one decimal. */
  percent: number
  /** Per patch of the run: how many assets reached each outcome. */
  patchOutcomes: { id: string; title: string; counts: Partial<Record<JobResultStatus, number>> }[]
  assets: { rows: RunAssetProgress[]; total: number; page: number; pageSize: number }
}
