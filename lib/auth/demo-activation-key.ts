// The demo estate's activation key: created on first start so `npm run agent:simulate` can play the agents, saved mode 600.
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from '@/clickhouse/client'
import { createActivationKey } from '@/lib/services/activation-keys'

export const DEMO_ACTIVATION_KEY_FILE = 'demo-activation-key'
const TITLE = 'Demo agents (npm run agent:simulate)'

/** Creates the demo key (audited as `system`) and writes it to `<dataDir>/demo-activation-key`, readable only by you. */
export async function createDemoActivationKey(db: Database, dataDir: string): Promise<string> {
  const created = await createActivationKey(db, { id: 'system', email: 'system' }, { title: TITLE, tags: [] })
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, DEMO_ACTIVATION_KEY_FILE)
  fs.writeFileSync(file, `${created.key}\n`, { mode: 0o600 })
  fs.chmodSync(file, 0o600)
  return file
}
