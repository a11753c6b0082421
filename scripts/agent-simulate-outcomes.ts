// The demo agent's decisions, pure: which runs are due, how each patch of a run ends, the reports in order, the scan after.
import { hashInts, hashString, mulberry32, pick, pickWeighted, type Random } from '@/ingest/demo/random'
import type { ScanDocumentInput } from '@/ingest/schema/scan'
import type { JobResultDocumentInput } from '@/ingest/schema/job-result'
import type { AgentInventory } from '@/lib/repositories/agent-inventory'
import { FINISHED_RUN_STATUSES, type AgentRun, type JobResultStatus, type RunAssetStatus } from '@/lib/schemas/job-runs'

export type PatchOutcome = { id: string; status: JobResultStatus; message: string }

/** How often a patch the asset misses ends which way: most install, some fail, some wait for a reboot. */
const INSTALL_ODDS: readonly (readonly ['Installed' | 'Failed' | 'Download Failed' | 'Pending Reboot', number])[] = [
  ['Installed', 70],
  ['Pending Reboot', 14],
  ['Failed', 11],
  ['Download Failed', 5],
]
const FAILURES: Record<'Failed' | 'Download Failed', readonly string[]> = {
  Failed: [
    'Installation failed with error 0x80070643 (fatal error during installation).',
    'Installation failed with error 0x800f0922: not enough space in the system reserved partition.',
    'The installer exited with code 1603; a newer version is in use by a running process.',
  ],
  'Download Failed': ['Download failed: the distribution point did not answer within 120 s.', 'Download failed: the file hash did not match the catalog.'],
}

/** A run the agent should work on now: due, its window still open, and not yet finished for this asset. */
export function isRunDue(run: AgentRun, now: Date): boolean {
  if ((FINISHED_RUN_STATUSES as readonly string[]).includes(run.status)) return false
  return Date.parse(run.scheduledAt) <= now.getTime() && Date.parse(run.windowEndsAt) > now.getTime()
}

/** One random stream per (seed, run, asset, patch): the same seed gives the same outcomes whatever the order. */
function rngFor(seed: number, runId: string, assetId: string, patchId: string): Random {
  return mulberry32(hashInts(seed, hashString(runId), hashString(assetId), hashString(patchId)))
}

/**
 * Each patch's outcome on this asset. Install: a patch the asset misses installs, fails or waits for a reboot; one it
 * does not miss (installed already, or not applicable to it at all) is Not Applicable. Uninstall: an installed patch
 * is removed (Completed) or fails; one that is not installed is Not Applicable.
 */
export function patchOutcomes(run: AgentRun, inventory: AgentInventory, seed: number): PatchOutcome[] {
  const current = new Map(inventory.patches.map((patch) => [patch.id, patch.status]))
  return run.patchIds.map((id) => {
    const rng = rngFor(seed, run.runId, inventory.assetId, id)
    const status = current.get(id)
    if (run.type === 'Uninstall') {
      if (status !== 'Installed') return { id, status: 'Not Applicable', message: 'The patch is not installed on this asset.' }
      return rng() < 0.9 ? { id, status: 'Completed', message: 'Uninstalled.' } : { id, status: 'Failed', message: 'Uninstall failed: the patch is a permanent part of the OS.' }
    }
    if (status !== 'Missing') {
      return { id, status: 'Not Applicable', message: status === 'Installed' ? 'Already installed.' : 'The patch does not apply to this asset.' }
    }
    const outcome = pickWeighted(rng, INSTALL_ODDS)
    if (outcome === 'Installed') return { id, status: outcome, message: '' }
    if (outcome === 'Pending Reboot') return { id, status: outcome, message: 'Installed; the asset must restart to finish.' }
    return { id, status: outcome, message: pick(rng, FAILURES[outcome]) }
  })
}

/** The asset's status once the run is over: any failure fails it, then a pending reboot, then done (or nothing to do). */
export function finalStatus(run: AgentRun, outcomes: readonly PatchOutcome[]): { status: RunAssetStatus & JobResultStatus; message: string } {
  const failed = outcomes.filter((outcome) => outcome.status === 'Failed' || outcome.status === 'Download Failed')
  if (failed.length > 0) return { status: 'Failed', message: `${failed.length} of ${outcomes.length} patches failed: ${failed[0].message}` }
  const reboot = outcomes.filter((outcome) => outcome.status === 'Pending Reboot').length
  if (reboot > 0) return { status: 'Pending Reboot', message: `${reboot} of ${outcomes.length} patches wait for a restart.` }
  if (outcomes.every((outcome) => outcome.status === 'Not Applicable')) return { status: 'Not Applicable', message: 'No patch of the job applies to this asset.' }
  return run.type === 'Uninstall' ? { status: 'Completed', message: 'Uninstalled.' } : { status: 'Installed', message: 'All applicable patches installed.' }
}

/** Seconds before `now` each progress report is dated, oldest first; the final report is dated `now`. */
const STEPS: readonly { status: JobResultStatus; secondsBefore: number }[] = [
  { status: 'Job Received', secondsBefore: 40 },
  { status: 'Downloading', secondsBefore: 30 },
  { status: 'Installing', secondsBefore: 15 },
]

/** The job-result documents the agent sends for one run, in order: received, downloading, installing, then the outcome. */
export function progressReports(run: AgentRun, assetId: string, outcomes: readonly PatchOutcome[], now: Date): JobResultDocumentInput[] {
  const at = (secondsBefore: number) => new Date(now.getTime() - secondsBefore * 1000).toISOString()
  const startedAt = at(STEPS[0].secondsBefore)
  const steps = STEPS.filter((step) => step.status === 'Job Received' || outcomes.some((outcome) => outcome.status !== 'Not Applicable'))
  const final = finalStatus(run, outcomes)
  return [
    ...steps.map((step) => ({ jobId: run.jobId, runId: run.runId, assetId, status: step.status, reportedAt: at(step.secondsBefore), startedAt, message: '', patches: [] })),
    { jobId: run.jobId, runId: run.runId, assetId, status: final.status, reportedAt: now.toISOString(), startedAt, finishedAt: now.toISOString(), message: final.message, patches: [...outcomes] },
  ]
}

/**
 * The asset's inventory after a run: installed patches Installed at `now`, uninstalled ones Missing, every other patch
 * as it was. A patch pending a reboot stays Missing until the asset restarts (a real scan does not see it before).
 */
export function applyOutcomes(inventory: AgentInventory, run: AgentRun, outcomes: readonly PatchOutcome[], now: Date): AgentInventory {
  const changed = new Map(outcomes.map((outcome) => [outcome.id, outcome.status]))
  const patches = inventory.patches.map((patch) => {
    const outcome = changed.get(patch.id)
    if (run.type === 'Install' && outcome === 'Installed') return { ...patch, status: 'Installed' as const, installedAt: now.toISOString() }
    if (run.type === 'Uninstall' && outcome === 'Completed') return { ...patch, status: 'Missing' as const, installedAt: null }
    return patch
  })
  return { ...inventory, patches }
}

/** A complete scan of the asset (a scan replaces the asset's state, so every patch it reports is in it). */
export function scanOf(inventory: AgentInventory, now: Date): ScanDocumentInput {
  return {
    scanId: `${inventory.assetId}-agent-${now.toISOString()}`,
    scannedAt: now.toISOString(),
    asset: inventory.asset,
    patches: inventory.patches.map((patch) => ({ id: patch.id, title: patch.title, status: patch.status, installedAt: patch.installedAt })),
  }
}
