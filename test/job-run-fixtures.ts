// Test fixtures for the demo agent and the job exports: three scanned Pune assets, a Patch User's enabled weekly job on them
// with two patches, Run now, an activation key, and route-handler transports for the agent and for users.
import type { Database } from '@/clickhouse/client'
import { parseScanDocument } from '@/ingest/schema/scan-fast'
import type { ScanDocumentInput } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import type { JobView } from '@/lib/schemas/jobs'
import { createActivationKey } from '@/lib/services/activation-keys'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { callRoute, discoverRouteHandlers } from './route-harness'
import type { AgentTransport } from '@/scripts/agent-simulate-pass'

export const ASSETS = ['pun-1', 'pun-2', 'pun-3']
export const JOB_PATCHES = ['KB-CHROME-131', 'KB-7ZIP-2409']

const PATCHES = [
  { id: 'KB-CHROME-131', title: 'Google Chrome 131.0.6778.86', vendorSeverity: 'Critical' as const },
  { id: 'KB-7ZIP-2409', title: '7-Zip 24.09', vendorSeverity: 'Important' as const },
  { id: 'KB-OTHER', title: '=HYPERLINK("http://x","other patch")', vendorSeverity: 'Low' as const },
]

/** Each asset misses both job patches except pun-3, which has 7-Zip already; every asset also misses KB-OTHER. */
function scan(index: number, at: string): ScanDocumentInput {
  const id = ASSETS[index]
  return {
    scanId: `${id}-${at}`,
    scannedAt: at,
    asset: { id, name: `WKS-PUN-${index + 1}`, operatingSystem: 'Windows 11 Enterprise 24H2', ipAddresses: [`10.30.0.${index + 1}`], tags: ['Site-Pune'], timeZone: 'Asia/Kolkata' },
    patches: PATCHES.map((patch) => ({ ...patch, publishedAt: '2026-11-20T00:00:00Z', status: id === 'pun-3' && patch.id === 'KB-7ZIP-2409' ? ('Installed' as const) : ('Missing' as const) })),
  }
}

export interface JobRunFixture {
  api: Api
  user: Caller
  key: string
  job: JobView
  runId: string
  agent: AgentTransport
}

export async function seedJobRun(db: Database): Promise<JobRunFixture> {
  const at = new Date(Date.now() - 3_600_000).toISOString()
  await writeScans(db, ASSETS.map((_, index) => {
    const parsed = parseScanDocument(scan(index, at))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    return parsed.doc
  }))
  const { key } = await createActivationKey(db, { id: 'system', email: 'system' }, { title: 'test agents', tags: [] })
  const user = await createCaller(db, 'Patch User', 'uma@test.io', { all: false, tags: ['Site-Pune'] })
  const api = await dashboardApi()
  const created = await api(user, 'POST', '/api/v1/jobs', {
    basics: { name: 'Weekly browsers and tools', type: 'Install' },
    targets: { assetIds: ASSETS },
    patches: { mode: 'list', patchIds: JOB_PATCHES },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue'] }, timeZone: 'Asia/Kolkata' },
  })
  if (created.status !== 200) throw new Error(`create job: ${created.text}`)
  const job = created.json as unknown as JobView
  const enabled = await api(user, 'POST', `/api/v1/jobs/${job.id}/enable`)
  if (enabled.status !== 200) throw new Error(`enable job: ${enabled.text}`)
  const ran = await api(user, 'POST', `/api/v1/jobs/${job.id}/run`)
  if (ran.status !== 200) throw new Error(`run now: ${ran.text}`)
  const routes = await discoverRouteHandlers()
  const agent: AgentTransport = async (method, path, body) => {
    const pathname = new URL(path, 'http://x').pathname
    const route = routes.find((candidate) => candidate.method === method && candidate.path === pathname)
    if (!route) return { status: 404, json: { error: { code: 'NO_ROUTE', message: `no route ${pathname}` } } }
    const answer = await callRoute(route, { url: path, token: key, body })
    return { status: answer.status, json: answer.json }
  }
  return { api, user, key, job, runId: (ran.json as { runId: string }).runId, agent }
}
