// Start-up preparation before the server opens the database: migrations, first Administrator, first-start seed with demo users.
import { readDatabaseConfig } from '@/clickhouse/config'
import { runMigrations } from '@/clickhouse/migrate'
import { describeInitialAdmin, ensureInitialAdmin } from '@/lib/auth/bootstrap'
import { createDemoActivationKey } from '@/lib/auth/demo-activation-key'
import { createDemoUsers, describeDemoUsers } from '@/lib/auth/demo-users'
import { needsFirstStartSeed, seedDemoEstate } from '@/ingest/seed'
import { DomainError } from '@/lib/errors'
import { putSetting } from '@/lib/repositories/settings'
import { seedDemoJobs } from './agent-simulate-demo-jobs'
import { progressBar, runWithDatabase } from './cli'

const seedAssets = Number(process.env.PATCHBOARD_SEED_ASSETS ?? 2000)
const seedDays = Number(process.env.PATCHBOARD_SEED_DAYS ?? 30)
if (!Number.isInteger(seedAssets) || seedAssets < 0 || !Number.isInteger(seedDays) || seedDays < 1) {
  console.error('patchboard: PATCHBOARD_SEED_ASSETS must be a whole number ≥ 0 and PATCHBOARD_SEED_DAYS ≥ 1.')
  process.exit(1)
}

await runWithDatabase(async (db) => {
  const report = await runMigrations(db)
  if (report.applied.length > 0) console.log(`Applied migrations: ${report.applied.join(', ')}`)
  const admin = await ensureInitialAdmin(db, readDatabaseConfig().dataDir)
  if (admin) console.log(describeInitialAdmin(admin, readDatabaseConfig().dataDir))
  if (!(await needsFirstStartSeed(db))) return
  if (seedAssets === 0) {
    await putSetting(db, 'demo.seeded', JSON.stringify({ assets: 0, at: new Date().toISOString() }))
    console.log('First start with PATCHBOARD_SEED_ASSETS=0: starting with an empty estate.')
    return
  }
  const demoUsers = await createDemoUsers(db, readDatabaseConfig().dataDir)
  if (demoUsers.length > 0) console.log(describeDemoUsers(demoUsers, readDatabaseConfig().dataDir))
  const keyFile = await createDemoActivationKey(db, readDatabaseConfig().dataDir)
  console.log(`Created the demo agents' activation key (npm run agent:simulate reads it), saved to ${keyFile}, readable only by you.`)
  console.log(`First start: seeding a demo estate of ${seedAssets} assets × ${seedDays} days (only this once).`)
  const bar = progressBar('Seeding demo estate')
  bar.start(seedAssets * seedDays, 0, { unit: 'scans', detail: '' })
  const summary = await seedDemoEstate(db, { assets: seedAssets, days: seedDays, seed: 1 }, (p) =>
    bar.update(p.scans, { detail: `day ${p.day + 1}/${p.days}` }),
  )
  bar.stop()
  console.log(`Seeded ${summary.scans} scans (${summary.findings} findings) in ${(summary.elapsedMs / 1000).toFixed(1)} s.`)
  // PATCHBOARD_SEED_JOBS=0: the estate without demo jobs (the e2e server: its specs start from an empty Jobs list).
  if (process.env.PATCHBOARD_SEED_JOBS === '0') return
  try {
    const demoJobs = await seedDemoJobs(db)
    console.log(`Created demo jobs: ${demoJobs.jobs.join('; ')} (the demo agents already reported on ${demoJobs.reportedAssets} assets of the completed one).`)
  } catch (error) {
    // Demo jobs are a convenience: a refusal (e.g. a subscription without jobs) must not stop the first start.
    if (!(error instanceof DomainError)) throw error
    console.log(`Demo jobs not created: ${error.message}`)
  }
})
