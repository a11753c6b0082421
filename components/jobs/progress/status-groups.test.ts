// Unit tests of the progress page's status groups: every run-asset status lands in the group an operator expects.
import { describe, expect, it } from 'vitest'
import { JOB_RESULT_STATUSES, RUN_ASSET_SERVER_STATUSES } from '@/lib/schemas/job-runs'
import { groupCounts, groupOf } from './status-groups'

describe('groupOf', () => {
  it('groups each status', () => {
    const groups = Object.fromEntries([...RUN_ASSET_SERVER_STATUSES, ...JOB_RESULT_STATUSES].map((status) => [status, groupOf(status)]))
    expect(groups).toEqual({
      Assigned: 'waiting',
      'Skipped: Not Licensed': 'notNeeded',
      'Skipped: Excluded by License': 'notNeeded',
      'Skipped: Out of Scope': 'notNeeded',
      'Job Received': 'working',
      'Job Started': 'working',
      Downloading: 'working',
      Downloaded: 'working',
      'Download Failed': 'failed',
      Installing: 'working',
      Installed: 'done',
      Failed: 'failed',
      'Pending Reboot': 'reboot',
      'Not Applicable': 'notNeeded',
      'No Patch Available': 'notNeeded',
      'Execution Blocked': 'failed',
      Canceled: 'notNeeded',
      Completed: 'done',
    })
  })

  it('sums the counts per group in chart order, leaving out empty groups', () => {
    expect(groupCounts({ Installed: 2, Failed: 1, 'Download Failed': 1, Assigned: 0, Downloading: 3 }).map(({ group, count, statuses }) => ({ group, count, statuses }))).toEqual([
      { group: 'done', count: 2, statuses: ['Installed'] },
      { group: 'failed', count: 2, statuses: ['Failed', 'Download Failed'] },
      { group: 'working', count: 3, statuses: ['Downloading'] },
    ])
  })
})
