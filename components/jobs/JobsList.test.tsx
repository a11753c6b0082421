// @vitest-environment jsdom
// The Jobs list before any job exists: how each kind of user starts; and a query that matches nothing is not that state.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JobView } from '@/lib/schemas/jobs'
import { JobsList } from './JobsList'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))
afterEach(cleanup)

const EMPTY = { rows: [], total: 0, page: 1, pageSize: 50 }
const renderList = (props: Partial<Parameters<typeof JobsList>[0]>) =>
  render(<JobsList data={EMPTY} params={{}} filtered={false} userId="u1" timeZone="UTC" canCreate={false} canCreateAdvisory={false} {...props} />)

describe('JobsList with no jobs', () => {
  it('shows a Patch User the three ways to create a job', () => {
    renderList({ canCreate: true })
    expect(screen.getByRole('heading', { name: 'No jobs yet' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Create a job' }).getAttribute('href')).toBe('/jobs/new')
    expect(screen.getByRole('link', { name: 'Assets' }).getAttribute('href')).toBe('/assets')
    expect(screen.getByRole('link', { name: 'Patches' }).getAttribute('href')).toBe('/patches')
  })

  it('offers Patch Security a job advisory, and a Reader only says where jobs will appear', () => {
    renderList({ canCreateAdvisory: true })
    expect(screen.getByRole('link', { name: 'job advisory' }).getAttribute('href')).toBe('/jobs/new?advisory=1')
    cleanup()
    renderList({})
    expect(screen.getByText(/Jobs you are assigned to appear here/)).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('shows the empty grid, not the first-run help, when a query or filter matches nothing', () => {
    renderList({ canCreate: true, filtered: true, params: { q: 'name: nothing' } })
    expect(screen.queryByRole('heading', { name: 'No jobs yet' })).toBeNull()
    expect(screen.getByRole('table', { name: 'Jobs' })).toBeTruthy()
  })
})

const SCHEDULE = { schedule: { type: 'Daily' as const, time: '22:00', startDate: null }, patchWindowHours: 4, downloadRandomizationMinutes: 0, opportunisticDownload: false }
const job = (id: string, timeZone: string): JobView => ({
  id, name: `Nightly ${id}`, description: '', type: 'Install', status: 'Enabled', isAdvisory: false, owner: { id: 'u1', email: 'u1@test.io' }, coAuthors: [],
  targets: { assetIds: ['a1'], tags: [], tagMatch: 'Any', exclusionTags: [], exclusionMatch: 'Any' }, patches: { mode: 'list', patchIds: ['p1'] },
  schedule: { ...SCHEDULE, timeZone }, scheduleText: 'Daily at 22:00', options: { reboot: { mode: 'allow' }, messages: { before: '', during: '', after: '' } },
  missing: [], disabledReason: '', createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z', lastRunAt: null,
  nextRunAt: timeZone === '' ? '2026-12-01T08:00:00.000Z' : '2026-12-01T21:00:00.000Z', patchCount: 1, assetCount: 1, taggedAssets: { matched: 0, included: 0 }, progress: null, version: 1, actions: ['view'],
})

describe('JobsList run times', () => {
  it("shows an agent-time job's next run as the wall-clock time each asset runs it, others in the viewer's zone", () => {
    renderList({ data: { rows: [job('agent', ''), job('berlin', 'Europe/Berlin')], total: 2, page: 1, pageSize: 50 }, timeZone: 'Europe/Berlin' })
    // 08:00 UTC is when 22:00 first comes (UTC+14); each asset runs it at 22:00 its own time.
    expect(screen.getByTestId('job-agent').textContent).toContain('01 Dec 2026, 22:00 agent time')
    expect(screen.getByTestId('job-berlin').textContent).toContain('01 Dec 2026, 22:00')
    expect(screen.getByTestId('job-berlin').textContent).not.toContain('agent time')
  })
})
