// @vitest-environment jsdom
// The rebuild dialog over the demo's token-version-1 dashboard: the dry run's diff shows what each query loses and gains,
// a widget that cannot be rebuilt says why and what to write instead, and "Rebuild and save" sends the revision it showed.
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_V1_DASHBOARD } from '@/widgets/defaults'
import { rebuildWidgets } from '@/widgets/rebuild'
import { RebuildDialog } from './RebuildDialog'
import { wordDiff, type DashboardRebuildReport, type WidgetRebuildLine } from './report'

const DASHBOARD_ID = '5d7a0f3e-1111-4222-8333-444455556666'

/** The report the API builds from the same pure rebuild functions (lib/services/dashboards-data.ts reportLine). */
function demoReport(saved: boolean, revision: number): DashboardRebuildReport {
  const widgets = rebuildWidgets(DEMO_V1_DASHBOARD.widgets).report.map(({ widgetId, title, outcome }): WidgetRebuildLine => {
    if (outcome.outcome === 'rebuilt') return { widgetId, title, outcome: 'rebuilt', changes: outcome.changes, before: outcome.before, after: outcome.after }
    if (outcome.outcome === 'notRebuildable') return { widgetId, title, outcome: 'notRebuildable', reasons: outcome.reasons }
    return { widgetId, title, outcome: 'unchanged' }
  })
  return { dashboardId: DASHBOARD_ID, name: DEMO_V1_DASHBOARD.name, saved, revision, widgets }
}

const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
  const body = JSON.parse(String(init?.body)) as { dryRun: boolean; revision: number }
  const report = body.dryRun ? demoReport(false, body.revision) : demoReport(true, body.revision + 1)
  return new Response(JSON.stringify(report), { status: 200, headers: { 'content-type': 'application/json' } })
})

beforeEach(() => {
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('wordDiff', () => {
  it('keeps the unchanged words and marks only the rewritten ones', () => {
    const diff = wordDiff('status: Missing AND asset.os: "Windows Server"', 'status: Missing AND asset.operatingSystem: "Windows Server"')
    expect(diff.before.filter((part) => part.kind === 'removed').map((part) => part.text)).toEqual(['asset.os:'])
    expect(diff.after.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual(['asset.operatingSystem:'])
    expect(diff.after.map((part) => part.text).join('')).toBe('status: Missing AND asset.operatingSystem: "Windows Server"')
  })
})

describe('RebuildDialog', () => {
  it('shows each rebuilt query as a before/after diff and names what cannot be rebuilt, with what to write instead', async () => {
    render(<RebuildDialog open onOpenChange={() => undefined} dashboardId={DASHBOARD_ID} revision={4} onRebuilt={() => undefined} />)
    const severity = await screen.findByRole('listitem', { name: 'Missing by severity: Rebuilt' })
    expect(within(severity).getByLabelText('Missing by severity: query before').querySelector('del')?.textContent).toBe('asset.os:')
    expect(within(severity).getByLabelText('Missing by severity: query after').querySelector('ins')?.textContent).toBe('asset.operatingSystem:')
    // The group-by token changed too, and the colour of High follows it to Important.
    expect(within(severity).getByText('Group by')).toBeTruthy()
    expect(within(severity).getByText('patch.vendorSeverity', { selector: 'ins' })).toBeTruthy()
    expect(within(severity).getByText(/colour of group `High` is now the colour of `Important`/)).toBeTruthy()

    const rollups = screen.getByRole('listitem', { name: 'Missing update rollups: Not rebuildable' })
    expect(within(rollups).getByText(/was removed in token version 2: write category: "Update Rollups" instead/)).toBeTruthy()
    expect(screen.getByRole('listitem', { name: 'Assets by OS family: Unchanged' })).toBeTruthy()
    expect(screen.getByText('3 widgets rebuilt, 1 unchanged, 1 not rebuildable.')).toBeTruthy()
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toMatchObject({ dryRun: true, revision: 4 })
  })

  it('saves with the revision it showed and reports the outcome', async () => {
    const user = userEvent.setup()
    const onRebuilt = vi.fn()
    render(<RebuildDialog open onOpenChange={() => undefined} dashboardId={DASHBOARD_ID} revision={4} onRebuilt={onRebuilt} />)
    await user.click(await screen.findByRole('button', { name: 'Rebuild and save' }))
    expect(await screen.findByText('Saved: 3 widgets rebuilt, 1 unchanged, 1 not rebuildable.')).toBeTruthy()
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toMatchObject({ dryRun: false, revision: 4 })
    expect(onRebuilt).toHaveBeenCalledWith(expect.objectContaining({ saved: true, revision: 5 }))
  })

  it('offers no save when nothing can be rebuilt', async () => {
    fetchMock.mockImplementationOnce(async () => {
      const report = demoReport(false, 2)
      return new Response(JSON.stringify({ ...report, widgets: report.widgets.filter((line) => line.outcome !== 'rebuilt') }), { status: 200 })
    })
    render(<RebuildDialog open onOpenChange={() => undefined} dashboardId={DASHBOARD_ID} revision={2} widgetIds={['0c3d7a10-0003-4000-8000-000000000004']} onRebuilt={() => undefined} />)
    await screen.findByRole('listitem', { name: 'Missing update rollups: Not rebuildable' })
    expect(screen.getByRole('button', { name: 'Rebuild and save' }).hasAttribute('disabled')).toBe(true)
  })
})
