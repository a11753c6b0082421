// `npm run seed -- --assets N --days D --seed S`: generates the demo estate and feeds it through the scan writer.
import { Command, InvalidArgumentError } from 'commander'
import { runMigrations } from '@/clickhouse/migrate'
import { seedDemoEstate } from '@/ingest/seed'
import { progressBar, runWithDatabase } from './cli'

function positiveInt(name: string, max: number) {
  return (value: string) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`)
    return n
  }
}

const options = new Command('seed')
  .description('Generate a deterministic demo estate and write it through the scan writer')
  .option('--assets <n>', 'number of assets', positiveInt('--assets', 1_000_000), 2000)
  .option('--days <n>', 'days of scan history', positiveInt('--days', 365), 30)
  .option('--seed <n>', 'random seed (same seed, same estate)', positiveInt('--seed', 2 ** 31), 1)
  .parse()
  .opts<{ assets: number; days: number; seed: number }>()

await runWithDatabase(async (db) => {
  await runMigrations(db)
  const bar = progressBar('Seeding')
  bar.start(options.assets * options.days, 0, { unit: 'scans', detail: '' })
  const summary = await seedDemoEstate(db, options, (p) =>
    bar.update(p.scans, { detail: `day ${p.day + 1}/${p.days}, ${p.findings.toLocaleString('en')} findings` }),
  )
  bar.stop()
  console.log(
    `Seeded ${summary.assets} assets × ${summary.days} days: ${summary.scans} scans, ${summary.findings} findings, ` +
      `catalog of ${summary.catalogSize} patches in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
      `(${summary.scansPerSecond} scans/s, ${summary.findingsPerSecond} findings/s).`,
  )
})
