// @vitest-environment jsdom
// The progress page body as an operator reads it: the job's facts, figures naming what they count, each asset's status and
// its expandable patch outcomes, the Export button only with data.export, and before the first run what to expect.
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JobProgressView } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import { JobProgressScreen } from './JobProgressScreen'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }))
vi.mock('./ProgressChart', () => ({ ProgressChart: ({ percent }: { percent: number }) => <div role="img" aria-label={`chart ${percent}`} /> }))
vi.mock('@/components/search/QqlSearchBox', () => ({ QqlSearchBox: () => <div data-testid="qql" /> }))
afterEach(cleanup)

const job = {
  id: 'j1', name: 'Weekly browsers', type: 'Install', status: 'Enabled', scheduleText: 'Weekly on Tue at 22:00 Asia/Kolkata',
  owner: { id: 'u1', email: 'uma@example.test' }, actions: ['view', 'runNow'],
} as unknown as JobView
const run = { runId: 'r1', scheduledAt: '2026-12-01T16:30:00.000Z', createdAt: '2026-12-01T16:30:00.000Z', assetCount: 3 }
const progress: JobProgressView = {
  job: { id: 'j1', name: 'Weekly browsers', type: 'Install' },
  runs: [run],
  run,
  counts: { Installed: 1, Failed: 1, Downloading: 1 },
  total: 3,
  finished: 2,
  failed: 1,
  percent: 66.7,
  patchOutcomes: [{ id: 'KB1', title: 'Chrome 131', counts: { Installed: 1, Failed: 1 } }],
  assets: {
    rows: [
      { assetId: 'a1', assetName: 'WKS-1', status: 'Installed', message: 'All applicable patches installed.', reportedAt: '2026-12-01T17:00:00.000Z', patches: [{ id: 'KB1', title: 'Chrome 131', status: 'Installed', message: '' }] },
      { assetId: 'a2', assetName: 'WKS-2', status: 'Failed', message: '1 of 1 patches failed: error 0x80070643', reportedAt: '2026-12-01T17:00:00.000Z', patches: [{ id: 'KB1', title: 'Chrome 131', status: 'Failed', message: 'error 0x80070643' }] },
      { assetId: 'a3', assetName: 'WKS-3', status: 'Downloading', message: '', reportedAt: null, patches: [] },
    ],
    total: 3, page: 1, pageSize: 50,
  },
}
const input = { runId: '', status: '', q: '', page: 1, pageSize: 50 }
const show = (view: JobProgressView, canExport = true) =>
  render(<JobProgressScreen job={job} progress={view} input={input} user={{ id: 'u1', timeZone: 'Asia/Kolkata' }} canExport={canExport} queryError="" />)

describe('JobProgressScreen', () => {
  it('shows the job, the figures, the run in the user zone and each asset with its outcome', () => {
    show(progress)
    expect(screen.getByRole('heading', { name: 'Progress of Weekly browsers' })).toBeTruthy()
    expect(screen.getByText('Weekly on Tue at 22:00 Asia/Kolkata')).toBeTruthy()
    expect(screen.getByTestId('progress-percent').textContent).toBe('66.7%')
    expect(screen.getByTestId('progress-done').textContent).toBe('1')
    expect(screen.getByTestId('progress-failed').textContent).toBe('1')
    expect(screen.getByText('In progress: updates every 5 s.')).toBeTruthy()
    expect(screen.getByRole('option', { name: /01 Dec 2026, 22:00 .*3 assets/ })).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Assets of the run' })
    const failed = within(table).getByText('WKS-2').closest('tr') as HTMLElement
    // The asset's badge and, inside the outcomes, the patch's.
    expect(within(failed).getAllByText('Failed', { selector: '.run-status' })).toHaveLength(2)
    expect(within(failed).getByText('1 patch: 1 Failed')).toBeTruthy()
    expect(within(failed).getByText(/error 0x80070643$/, { selector: 'li span' })).toBeTruthy()
    expect(within(within(table).getByText('WKS-3').closest('tr') as HTMLElement).getByText('Not yet')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy()
  })

  it('offers no Export without data.export, and before the first run says when runs appear', () => {
    show({ ...progress, runs: [], run: null, counts: {}, total: 0, finished: 0, failed: 0, percent: 0, patchOutcomes: [], assets: { rows: [], total: 0, page: 1, pageSize: 50 } }, false)
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull()
    expect(screen.getByText(/This job has not run yet\. Its runs appear here when they are due or when you click Run now/)).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })
})
