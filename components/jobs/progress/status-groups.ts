// How the progress page groups run-asset statuses for its chart and badges: done, pending reboot, failed, working, waiting, not needed.
import { FAILED_RUN_STATUSES, type RunAssetStatus } from '@/lib/schemas/job-runs'

export type StatusGroup = 'done' | 'reboot' | 'failed' | 'working' | 'waiting' | 'notNeeded'

export const STATUS_GROUPS: readonly { group: StatusGroup; label: string; token: string }[] = [
  { group: 'done', label: 'Done', token: '--success' },
  { group: 'reboot', label: 'Pending reboot', token: '--warning' },
  { group: 'failed', label: 'Failed', token: '--danger' },
  { group: 'working', label: 'In progress', token: '--accent' },
  { group: 'waiting', label: 'Waiting for the agent', token: '--chart-3' },
  { group: 'notNeeded', label: 'Not needed or skipped', token: '--sev-none' },
]

const WORKING = new Set<string>(['Job Received', 'Job Started', 'Downloading', 'Downloaded', 'Installing'])
const NOT_NEEDED = new Set<string>(['Not Applicable', 'No Patch Available', 'Canceled'])

export function groupOf(status: RunAssetStatus | string): StatusGroup {
  if (status === 'Installed' || status === 'Completed') return 'done'
  if (status === 'Pending Reboot') return 'reboot'
  if ((FAILED_RUN_STATUSES as readonly string[]).includes(status)) return 'failed'
  if (WORKING.has(status)) return 'working'
  if (status === 'Assigned') return 'waiting'
  if (NOT_NEEDED.has(status) || status.startsWith('Skipped')) return 'notNeeded'
  return 'working'
}

/** Assets per group, in the chart's order, without empty groups. */
export function groupCounts(counts: Partial<Record<string, number>>): { group: StatusGroup; label: string; token: string; count: number; statuses: string[] }[] {
  return STATUS_GROUPS.map((entry) => {
    const statuses = Object.keys(counts).filter((status) => groupOf(status) === entry.group && (counts[status] ?? 0) > 0)
    return { ...entry, statuses, count: statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0) }
  }).filter((entry) => entry.count > 0)
}
