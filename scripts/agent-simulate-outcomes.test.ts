// Unit tests of the demo agent's decisions: due runs, per-patch outcomes, the report sequence, the scan after a run.
import { describe, expect, it } from 'vitest'
import type { AgentInventory } from '@/lib/repositories/agent-inventory'
import type { AgentRun } from '@/lib/schemas/job-runs'
import { applyOutcomes, finalStatus, isRunDue, patchOutcomes, progressReports, scanOf } from './agent-simulate-outcomes'

const NOW = new Date('2026-12-02T10:00:00.000Z')
const run = (patch: Partial<AgentRun> = {}): AgentRun => ({
  jobId: 'job-1', runId: 'run-1', name: 'Weekly browsers', type: 'Install', scheduledAt: '2026-12-02T09:00:00.000Z', windowEndsAt: '2026-12-02T13:00:00.000Z',
  patchIds: ['KB1', 'KB2', 'KB3'], downloadRandomizationMinutes: 0, opportunisticDownload: false,
  options: {} as AgentRun['options'], status: 'Assigned', ...patch,
})
const inventory: AgentInventory = {
  assetId: 'a-1', scannedAt: '2026-12-01T08:00:00.000Z',
  asset: { id: 'a-1', name: 'WKS-0001', operatingSystem: 'Windows 11', osFamily: 'Windows', architecture: 'x64', ipAddresses: ['10.0.0.1'], lastLoggedOnUser: 'jdoe', tags: ['Site-Pune'], activatedAt: '2026-01-01T00:00:00.000Z', timeZone: 'Asia/Kolkata' },
  patches: [
    { id: 'KB1', title: 'Patch one', status: 'Missing', installedAt: null },
    { id: 'KB2', title: 'Patch two', status: 'Installed', installedAt: '2026-11-01T00:00:00.000Z' },
    { id: 'KB9', title: 'Unrelated', status: 'Missing', installedAt: null },
  ],
}

describe('isRunDue', () => {
  it('works on runs that are due, in their window and not finished for the asset', () => {
    expect(isRunDue(run(), NOW)).toBe(true)
    expect(isRunDue(run({ status: 'Downloading' }), NOW)).toBe(true)
    expect(isRunDue(run({ scheduledAt: '2026-12-02T11:00:00.000Z' }), NOW)).toBe(false)
    expect(isRunDue(run({ windowEndsAt: '2026-12-02T09:30:00.000Z' }), NOW)).toBe(false)
    for (const status of ['Installed', 'Failed', 'Pending Reboot', 'Not Applicable']) expect(isRunDue(run({ status }), NOW)).toBe(false)
  })
})

describe('patchOutcomes', () => {
  it('marks patches the asset does not miss Not Applicable, saying why', () => {
    const outcomes = patchOutcomes(run(), inventory, 1)
    expect(outcomes.find((o) => o.id === 'KB2')).toEqual({ id: 'KB2', status: 'Not Applicable', message: 'Already installed.' })
    expect(outcomes.find((o) => o.id === 'KB3')).toEqual({ id: 'KB3', status: 'Not Applicable', message: 'The patch does not apply to this asset.' })
    expect(['Installed', 'Pending Reboot', 'Failed', 'Download Failed']).toContain(outcomes.find((o) => o.id === 'KB1')?.status)
  })

  it('is deterministic per seed and mixes installs, reboots and failures with messages over many assets', () => {
    const many = Array.from({ length: 400 }, (_, i) => patchOutcomes(run({ patchIds: ['KB1'] }), { ...inventory, assetId: `a-${i}` }, 7)[0])
    expect(Array.from({ length: 400 }, (_, i) => patchOutcomes(run({ patchIds: ['KB1'] }), { ...inventory, assetId: `a-${i}` }, 7)[0])).toEqual(many)
    const statuses = new Set(many.map((o) => o.status))
    expect(statuses).toEqual(new Set(['Installed', 'Pending Reboot', 'Failed', 'Download Failed']))
    expect(many.filter((o) => o.status === 'Installed').length).toBeGreaterThan(200)
    for (const failure of many.filter((o) => o.status.includes('Failed'))) expect(failure.message).not.toBe('')
  })

  it('uninstalls only installed patches', () => {
    const outcomes = patchOutcomes(run({ type: 'Uninstall' }), inventory, 1)
    expect(outcomes.find((o) => o.id === 'KB1')?.status).toBe('Not Applicable')
    expect(['Completed', 'Failed']).toContain(outcomes.find((o) => o.id === 'KB2')?.status)
  })
})

describe('finalStatus and progressReports', () => {
  it('fails the asset on any failure, then a pending reboot, then installed', () => {
    expect(finalStatus(run(), [{ id: 'KB1', status: 'Installed', message: '' }, { id: 'KB2', status: 'Failed', message: 'error 0x1' }])).toEqual({ status: 'Failed', message: '1 of 2 patches failed: error 0x1' })
    expect(finalStatus(run(), [{ id: 'KB1', status: 'Installed', message: '' }, { id: 'KB2', status: 'Pending Reboot', message: '' }]).status).toBe('Pending Reboot')
    expect(finalStatus(run(), [{ id: 'KB1', status: 'Installed', message: '' }, { id: 'KB2', status: 'Not Applicable', message: '' }]).status).toBe('Installed')
    expect(finalStatus(run(), [{ id: 'KB2', status: 'Not Applicable', message: '' }]).status).toBe('Not Applicable')
  })

  it('reports received, downloading, installing, then the outcome with per-patch results, dated in order', () => {
    const outcomes = [{ id: 'KB1', status: 'Installed' as const, message: '' }]
    const reports = progressReports(run(), 'a-1', outcomes, NOW)
    expect(reports.map((r) => r.status)).toEqual(['Job Received', 'Downloading', 'Installing', 'Installed'])
    const times = reports.map((r) => Date.parse(String(r.reportedAt)))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    expect(new Set(times).size).toBe(4)
    expect(reports[3]).toMatchObject({ jobId: 'job-1', runId: 'run-1', assetId: 'a-1', patches: outcomes, finishedAt: NOW.toISOString() })
    const nothing = progressReports(run(), 'a-1', [{ id: 'KB2', status: 'Not Applicable', message: '' }], NOW)
    expect(nothing.map((r) => r.status)).toEqual(['Job Received', 'Not Applicable'])
  })
})

describe('applyOutcomes and scanOf', () => {
  it('sends the whole inventory with only the installed patches changed', () => {
    const after = applyOutcomes(inventory, run(), [{ id: 'KB1', status: 'Installed', message: '' }, { id: 'KB2', status: 'Not Applicable', message: '' }], NOW)
    const scan = scanOf(after, NOW)
    expect(scan.asset).toEqual(inventory.asset)
    expect(scan.asset.timeZone).toBe('Asia/Kolkata')
    expect(scan.patches).toEqual([
      { id: 'KB1', title: 'Patch one', status: 'Installed', installedAt: NOW.toISOString() },
      { id: 'KB2', title: 'Patch two', status: 'Installed', installedAt: '2026-11-01T00:00:00.000Z' },
      { id: 'KB9', title: 'Unrelated', status: 'Missing', installedAt: null },
    ])
  })

  it('keeps a patch pending a reboot missing, and an uninstalled one becomes missing', () => {
    expect(applyOutcomes(inventory, run(), [{ id: 'KB1', status: 'Pending Reboot', message: '' }], NOW).patches[0].status).toBe('Missing')
    expect(applyOutcomes(inventory, run({ type: 'Uninstall' }), [{ id: 'KB2', status: 'Completed', message: '' }], NOW).patches[1]).toMatchObject({ status: 'Missing', installedAt: null })
  })
})
