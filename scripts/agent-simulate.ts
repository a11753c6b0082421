// `npm run agent:simulate -- [--url URL] [--key pbk_…] [--assets id1,id2] [--once] [--every N] [--seed S]`: the demo estate's agents.
import { Command, InvalidArgumentError } from 'commander'
import fs from 'node:fs'
import path from 'node:path'
import { assetId } from '@/ingest/demo/assets'
import { DEMO_ACTIVATION_KEY_FILE } from '@/lib/auth/demo-activation-key'
import { AgentSetupError, httpTransport, restartPass, simulatePass } from './agent-simulate-pass'

function wholeNumber(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`)
    return n
  }
}

const options = new Command('agent:simulate')
  .description('Play the demo estate\'s agents against a running Patchboard: pick up due job runs, report progress and outcomes, send new scans')
  .option('--url <url>', 'the running server', 'http://localhost:3000')
  .option('--key <key>', 'activation key (pbk_…); default: PATCHBOARD_ACTIVATION_KEY, else the demo key the first start saved in the data directory')
  .option('--assets <ids>', 'comma-separated asset ids (default: every asset of the demo estate)')
  .option('--estate-assets <n>', 'size of the demo estate (default: PATCHBOARD_SEED_ASSETS or 2000)', wholeNumber('--estate-assets', 1, 1_000_000))
  .option('--once', 'one pass, then exit')
  .option('--every <seconds>', 'seconds between passes', wholeNumber('--every', 1, 86_400), 30)
  .option('--seed <n>', 'random seed of the outcomes (same seed, same outcomes)', wholeNumber('--seed', 0, 2 ** 31), 1)
  .parse()
  .opts<{ url: string; key?: string; assets?: string; estateAssets?: number; once?: boolean; every: number; seed: number }>()

function fail(message: string): never {
  console.error(`agent:simulate: ${message}`)
  process.exit(1)
}

function activationKey(): string {
  if (options.key) return options.key
  if (process.env.PATCHBOARD_ACTIVATION_KEY) return process.env.PATCHBOARD_ACTIVATION_KEY
  const file = path.join(path.resolve(process.env.PATCHBOARD_DATA_DIR ?? './data'), DEMO_ACTIVATION_KEY_FILE)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  return fail(`no activation key: pass --key pbk_… (Administration → Activation keys), set PATCHBOARD_ACTIVATION_KEY, or seed the demo estate (it saves one to ${file}).`)
}

function assetIds(): string[] {
  if (options.assets !== undefined) {
    const ids = options.assets.split(',').map((id) => id.trim()).filter((id) => id !== '')
    return ids.length > 0 ? ids : fail('--assets lists no asset id.')
  }
  const count = options.estateAssets ?? Number(process.env.PATCHBOARD_SEED_ASSETS ?? 2000)
  if (!Number.isInteger(count) || count < 1) fail('PATCHBOARD_SEED_ASSETS must be a whole number ≥ 1 (or pass --estate-assets / --assets).')
  // The demo estate's asset ids depend only on the seed (1 on first start) and the index (ingest/demo/assets.ts).
  return Array.from({ length: count }, (_, index) => assetId(1, index))
}

try {
  new URL(options.url)
} catch {
  fail(`--url ${JSON.stringify(options.url)} is not a URL (e.g. http://localhost:3000).`)
}
const transport = httpTransport(options.url, activationKey())
const ids = assetIds()

/** Assets whose patches wait for a restart since the last pass: the loop restarts them at the start of the next one. */
let pendingReboots = new Map<string, string[]>()

async function pass(): Promise<void> {
  const started = Date.now()
  console.log(`${new Date().toISOString()} polling ${ids.length} asset(s) at ${options.url}`)
  if (pendingReboots.size > 0) await restartPass(transport, pendingReboots, { log: (line) => console.log(line) })
  const summary = await simulatePass(transport, ids, { seed: options.seed, log: (line) => console.log(line) })
  pendingReboots = summary.pendingReboots
  const outcomes = Object.entries(summary.outcomes).map(([status, n]) => `${n} ${status}`).join(', ')
  const unknown = summary.unknown > 0 ? `, ${summary.unknown} asset(s) unknown to the server` : ''
  console.log(`  ${summary.runs} run(s) worked on${outcomes ? ` (${outcomes})` : ''}, ${summary.scans} new scan(s) sent${unknown}, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (summary.unknown === summary.assets) throw new AgentSetupError(`the server knows none of the ${summary.assets} asset(s): is it seeded with the demo estate (or pass --assets)?`)
}

try {
  await pass()
  while (!options.once) {
    await new Promise((resolve) => setTimeout(resolve, options.every * 1000))
    await pass()
  }
} catch (error) {
  fail(error instanceof AgentSetupError ? error.message : `failed: ${(error as Error).message}`)
}
