// The demo agent against the real routes (in-process handlers, real engine): a run's results land on the progress API,
// the new scans install what it installed and keep everything else, missing counts drop, and a wrong key stops it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { JobProgressView } from '@/lib/schemas/job-runs'
import { createActivationKey } from '@/lib/services/activation-keys'
import { openTestDatabase } from '@/test/database'
import { callRoute, discoverRouteHandlers } from '@/test/route-harness'
import { ASSETS, JOB_PATCHES, seedJobRun, type JobRunFixture } from '@/test/job-run-fixtures'
import { AgentSetupError, restartPass, simulatePass } from './agent-simulate-pass'

let db: Database
let close: () => Promise<void>
let fixture: JobRunFixture

const missingCounts = async () =>
  Object.fromEntries(
    (await db.query<{ asset_id: string; n: number }>('SELECT asset_id, missing_count AS n FROM assets FINAL ORDER BY asset_id')).map((row) => [row.asset_id, Number(row.n)]),
  )
const statuses = async (assetId: string) =>
  Object.fromEntries(
    (await db.query<{ patch_id: string; status: string }>('SELECT patch_id, status FROM findings FINAL WHERE asset_id = {assetId:String} AND is_deleted = 0', { assetId })).map((row) => [row.patch_id, row.status]),
  )

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  fixture = await seedJobRun(db)
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

describe('agent:simulate against the routes', () => {
  it("reports every asset's run, rescans it, and the job's installs lower the missing counts", async () => {
    const before = await missingCounts()
    expect(before).toEqual({ 'pun-1': 3, 'pun-2': 3, 'pun-3': 2 })
    const lines: string[] = []
    const summary = await simulatePass(fixture.agent, ASSETS, { seed: 3, log: (line) => lines.push(line) })
    expect(summary).toMatchObject({ assets: 3, runs: 3, scans: 3, unknown: 0 })
    expect(lines.join('\n')).toContain('Job Received → Downloading → Installing →')

    const progress = await fixture.api(fixture.user, 'GET', `/api/v1/jobs/${fixture.job.id}/progress`)
    expect(progress.status, progress.text).toBe(200)
    const view = progress.json as unknown as JobProgressView
    expect(view.run?.runId).toBe(fixture.runId)
    expect(view.total).toBe(3)
    expect(view.finished).toBe(3)
    expect(view.percent).toBe(100)
    // pun-3 has 7-Zip already: that patch is Not Applicable there.
    const pun3 = view.assets.rows.find((row) => row.assetId === 'pun-3')
    expect(pun3?.patches.find((patch) => patch.id === 'KB-7ZIP-2409')?.status).toBe('Not Applicable')

    const waiting = view.assets.rows.flatMap((row) => row.patches.filter((patch) => patch.status === 'Pending Reboot').map((patch) => `${row.assetId}/${patch.id}`))
    expect([...summary.pendingReboots].flatMap(([asset, patches]) => patches.map((patch) => `${asset}/${patch}`)).sort()).toEqual(waiting.sort())

    const after = await missingCounts()
    const installed = view.assets.rows.flatMap((row) => row.patches.filter((patch) => patch.status === 'Installed').map((patch) => `${row.assetId}/${patch.id}`))
    expect(installed.length).toBeGreaterThan(0)
    for (const asset of ASSETS) {
      const mine = installed.filter((entry) => entry.startsWith(`${asset}/`)).length
      expect(after[asset], asset).toBe(before[asset] - mine)
      const now = await statuses(asset)
      // Everything else the asset reported stays as it was: KB-OTHER is still missing, still reported.
      expect(now['KB-OTHER']).toBe('Missing')
      for (const patch of JOB_PATCHES) if (installed.includes(`${asset}/${patch}`)) expect(now[patch]).toBe('Installed')
    }
    // The agent's new scans carry the asset's zone from the inventory: it stays known.
    const zones = await db.query<{ time_zone: string }>('SELECT DISTINCT time_zone FROM assets FINAL')
    expect(zones).toEqual([{ time_zone: 'Asia/Kolkata' }])
  })

  it('restarts an asset: the patches that waited for the restart are installed in its next scan, the rest kept', async () => {
    const before = await missingCounts()
    expect(await restartPass(fixture.agent, new Map([['pun-1', ['KB-OTHER']]]))).toBe(1)
    expect((await statuses('pun-1'))['KB-OTHER']).toBe('Installed')
    expect((await missingCounts())['pun-1']).toBe(before['pun-1'] - 1)
    expect((await missingCounts())['pun-2']).toBe(before['pun-2'])
  })

  it('picks nothing up once the run is finished for every asset (a second pass sends nothing)', async () => {
    const summary = await simulatePass(fixture.agent, ASSETS, { seed: 3 })
    expect(summary).toMatchObject({ runs: 0, scans: 0 })
  })

  it('stops with a clear message on a wrong activation key, and skips an asset the server does not know', async () => {
    const routes = await discoverRouteHandlers()
    const wrongKey = async (method: 'GET' | 'POST', path: string) => {
      const route = routes.find((candidate) => candidate.method === method && candidate.path === new URL(path, 'http://x').pathname)!
      const answer = await callRoute(route, { url: path, token: 'pbk_000000000000_wrongwrongwrongwrongwrongwrongwrongwrongwro' })
      return { status: answer.status, json: answer.json }
    }
    await expect(simulatePass(wrongKey, ASSETS, { seed: 1 })).rejects.toThrow(AgentSetupError)
    await expect(simulatePass(wrongKey, ASSETS, { seed: 1 })).rejects.toThrow(/refused the activation key/)
    const summary = await simulatePass(fixture.agent, ['no-such-asset'], { seed: 1 })
    expect(summary).toMatchObject({ unknown: 1, runs: 0 })
  })

  it("GET /api/v1/agent/inventory gives the asset's whole current state, and a key with tags reads only the assets it tags", async () => {
    const read = await fixture.agent('GET', '/api/v1/agent/inventory?assetId=pun-1')
    expect(read.status).toBe(200)
    const inventory = read.json as { asset: { name: string; tags: string[]; timeZone: string }; patches: { id: string; status: string }[] }
    expect(inventory.asset).toMatchObject({ name: 'WKS-PUN-1', tags: ['Site-Pune'], timeZone: 'Asia/Kolkata' })
    expect(inventory.patches.map((patch) => patch.id)).toEqual(['KB-7ZIP-2409', 'KB-CHROME-131', 'KB-OTHER'])
    const { key: berlinKey } = await createActivationKey(db, { id: 'system', email: 'system' }, { title: 'Berlin site', tags: ['Site-Berlin'] })
    const route = (await discoverRouteHandlers()).find((candidate) => candidate.method === 'GET' && candidate.path === '/api/v1/agent/inventory')!
    const other = await callRoute(route, { url: '/api/v1/agent/inventory?assetId=pun-1', token: berlinKey })
    expect(other.status).toBe(404)
    const unknown = await fixture.agent('GET', '/api/v1/agent/inventory?assetId=nope')
    expect(unknown.status).toBe(404)
    const bad = await fixture.agent('GET', '/api/v1/agent/inventory')
    expect(bad.status).toBe(400)
  })
})
