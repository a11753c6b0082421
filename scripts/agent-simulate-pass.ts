// One pass of the demo agent over HTTP: each asset polls its runs, reports progress and outcomes, then sends a new scan.
import type { AgentInventory } from '@/lib/repositories/agent-inventory'
import { agentJobsResponse, type AgentRun } from '@/lib/schemas/job-runs'
import { applyOutcomes, isRunDue, patchOutcomes, progressReports, scanOf } from './agent-simulate-outcomes'

/** How the agent reaches the server: real HTTP in the CLI, the route handlers in-process in the tests. */
export type AgentTransport = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<{ status: number; json: unknown }>

/** A problem no retry fixes (wrong key, wrong URL, a server without the agent API): the CLI stops with its message. */
export class AgentSetupError extends Error {}

export interface PassOptions {
  seed: number
  now?: () => Date
  /** How many assets talk to the server at once. */
  concurrency?: number
  log?: (line: string) => void
}

export interface PassSummary {
  assets: number
  runs: number
  scans: number
  /** Assets the server does not know (or not for this key's tags). */
  unknown: number
  /** Assets per final status. */
  outcomes: Record<string, number>
  /** Patches installed but waiting for a restart, per asset: the loop restarts those assets on its next pass. */
  pendingReboots: Map<string, string[]>
}

const errorText = (json: unknown) => (json as { error?: { code?: string; message?: string } } | null)?.error

/** A fetch-based transport for a running server with an activation key. */
export function httpTransport(baseUrl: string, key: string): AgentTransport {
  return async (method, path, body) => {
    const url = new URL(path, baseUrl)
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      throw new AgentSetupError(`cannot reach ${url.origin} (${(error as Error).cause ?? (error as Error).message}); is Patchboard running there? Use --url.`)
    }
    const text = await response.text()
    try {
      return { status: response.status, json: JSON.parse(text) }
    } catch {
      throw new AgentSetupError(`${url} answered ${response.status} with something other than JSON; is ${url.origin} a Patchboard server?`)
    }
  }
}

async function call(transport: AgentTransport, method: 'GET' | 'POST', path: string, body?: unknown) {
  const answer = await transport(method, path, body)
  if (answer.status === 401) throw new AgentSetupError(`the server refused the activation key: ${errorText(answer.json)?.message ?? 'unauthorized'} Use --key pbk_… (Administration → Activation keys).`)
  return answer
}

async function simulateAsset(transport: AgentTransport, assetId: string, options: Required<PassOptions>, summary: PassSummary): Promise<void> {
  const polled = await call(transport, 'GET', `/api/v1/agent/jobs?assetId=${encodeURIComponent(assetId)}`)
  if (polled.status === 404) {
    options.log(`  ${assetId}: the server knows no such asset for this key (${errorText(polled.json)?.message ?? 'not found'}); skipped`)
    summary.unknown++
    return
  }
  if (polled.status !== 200) throw new AgentSetupError(`polling jobs for ${assetId} answered ${polled.status}: ${errorText(polled.json)?.message ?? ''}`)
  const due = agentJobsResponse.parse(polled.json).runs.filter((run) => isRunDue(run, options.now()))
  if (due.length === 0) return
  const read = await call(transport, 'GET', `/api/v1/agent/inventory?assetId=${encodeURIComponent(assetId)}`)
  if (read.status !== 200) {
    options.log(`  ${assetId}: ${due.length} run(s) due, but the server knows no inventory of it (${errorText(read.json)?.message ?? read.status}); skipped`)
    return
  }
  let inventory = read.json as AgentInventory
  for (const run of due) inventory = await runOne(transport, run, inventory, options, summary)
  const scan = await call(transport, 'POST', '/api/v1/ingest/scans', scanOf(inventory, options.now()))
  if (scan.status !== 200) throw new Error(`the new scan of ${inventory.asset.name} was refused (${scan.status}): ${JSON.stringify(scan.json).slice(0, 400)}`)
  summary.scans++
}

async function runOne(transport: AgentTransport, run: AgentRun, inventory: AgentInventory, options: Required<PassOptions>, summary: PassSummary): Promise<AgentInventory> {
  const outcomes = patchOutcomes(run, inventory, options.seed)
  const now = options.now()
  const reports = progressReports(run, inventory.assetId, outcomes, now)
  const sent = await call(transport, 'POST', '/api/v1/ingest/job-results', reports)
  if (sent.status !== 200) throw new Error(`job results for ${inventory.asset.name} were refused (${sent.status}): ${JSON.stringify(sent.json).slice(0, 400)}`)
  const final = reports[reports.length - 1]
  summary.runs++
  summary.outcomes[final.status] = (summary.outcomes[final.status] ?? 0) + 1
  const reboot = outcomes.filter((outcome) => outcome.status === 'Pending Reboot').map((outcome) => outcome.id)
  if (reboot.length > 0) summary.pendingReboots.set(inventory.assetId, [...(summary.pendingReboots.get(inventory.assetId) ?? []), ...reboot])
  const counts = outcomes.reduce<Record<string, number>>((all, outcome) => ({ ...all, [outcome.status]: (all[outcome.status] ?? 0) + 1 }), {})
  const detail = Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ')
  options.log(`  ${inventory.asset.name.padEnd(18)} ${run.name}: ${reports.map((report) => report.status).join(' → ')} (${detail})`)
  return applyOutcomes(inventory, run, outcomes, now)
}

/** Plays every asset once: polls, works on the due runs, reports, rescans. Throws AgentSetupError on a wrong key or URL. */
export async function simulatePass(transport: AgentTransport, assetIds: readonly string[], options: PassOptions): Promise<PassSummary> {
  const settings: Required<PassOptions> = { now: () => new Date(), concurrency: 4, log: () => {}, ...options }
  const summary: PassSummary = { assets: assetIds.length, runs: 0, scans: 0, unknown: 0, outcomes: {}, pendingReboots: new Map() }
  let next = 0
  const worker = async () => {
    while (next < assetIds.length) await simulateAsset(transport, assetIds[next++], settings, summary)
  }
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, assetIds.length) }, worker))
  return summary
}

/**
 * The assets restart: each sends a new scan in which the patches that waited for the restart are installed (a real scan
 * sees them only then), everything else as it was. Returns how many assets restarted.
 */
export async function restartPass(transport: AgentTransport, pending: ReadonlyMap<string, readonly string[]>, options: Pick<PassOptions, 'now' | 'log'> = {}): Promise<number> {
  const now = options.now ?? (() => new Date())
  let restarted = 0
  for (const [assetId, patchIds] of pending) {
    const read = await call(transport, 'GET', `/api/v1/agent/inventory?assetId=${encodeURIComponent(assetId)}`)
    if (read.status !== 200) continue
    const installed = new Set(patchIds)
    const inventory = read.json as AgentInventory
    const at = now().toISOString()
    const after = { ...inventory, patches: inventory.patches.map((patch) => (installed.has(patch.id) && patch.status === 'Missing' ? { ...patch, status: 'Installed' as const, installedAt: at } : patch)) }
    const scan = await call(transport, 'POST', '/api/v1/ingest/scans', scanOf(after, now()))
    if (scan.status !== 200) throw new Error(`the scan of ${inventory.asset.name} after its restart was refused (${scan.status}): ${JSON.stringify(scan.json).slice(0, 400)}`)
    options.log?.(`  ${inventory.asset.name.padEnd(18)} restarted: ${patchIds.length} patch(es) that waited for the restart are installed`)
    restarted++
  }
  return restarted
}
