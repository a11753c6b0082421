// The job-result contract: one document per asset per job run, with each patch's outcome (zod is the source of truth).
import { z } from 'zod'
import { optional, SCAN_LIMITS, timestamp, withDefault } from './scan'

export const JOB_RESULT_STATUSES = [
  'Job Received',
  'Job Started',
  'Downloading',
  'Downloaded',
  'Download Failed',
  'Installing',
  'Installed',
  'Failed',
  'Pending Reboot',
  'Not Applicable',
  'No Patch Available',
  'Execution Blocked',
  'Canceled',
  'Completed',
] as const

const shortText = z.string().max(SCAN_LIMITS.maxShortText)
const longText = z.string().max(SCAN_LIMITS.maxLongText)

export const jobPatchOutcomeSchema = z.object({
  id: shortText.min(1, 'patch id must not be empty'),
  status: z.enum(JOB_RESULT_STATUSES),
  message: withDefault(longText, ''),
})

export const jobResultDocumentSchema = z
  .object({
    jobId: shortText.min(1, 'jobId must not be empty'),
    runId: shortText.min(1, 'runId must not be empty'),
    assetId: shortText.min(1, 'assetId must not be empty'),
    status: z.enum(JOB_RESULT_STATUSES),
    /** When the agent reported this status; the latest report of a run per asset wins. */
    reportedAt: timestamp,
    startedAt: optional(timestamp),
    finishedAt: optional(timestamp),
    message: withDefault(longText, ''),
    patches: withDefault(z.array(jobPatchOutcomeSchema).max(SCAN_LIMITS.maxPatchesPerScan), []),
  })
  .superRefine((doc, ctx) => {
    // zod runs this refinement even when a field failed above (e.g. a negative epoch): check the types first.
    if (doc.reportedAt instanceof Date && doc.reportedAt.getTime() > Date.now() + SCAN_LIMITS.maxFutureSkewMs) {
      ctx.addIssue({ code: 'custom', path: ['reportedAt'], message: 'reportedAt is in the future' })
    }
    const seen = new Set<string>()
    if (!Array.isArray(doc.patches)) return
    doc.patches.forEach((patch, index) => {
      if (typeof patch?.id !== 'string') return
      if (seen.has(patch.id)) ctx.addIssue({ code: 'custom', path: ['patches', index, 'id'], message: `patch ${patch.id} is listed twice in one job result` })
      seen.add(patch.id)
    })
  })

export type JobResultDocumentInput = z.input<typeof jobResultDocumentSchema>
export type JobResultDocument = z.output<typeof jobResultDocumentSchema>
