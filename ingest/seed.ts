// Feeds the generated demo estate through the scan writer, day by day, reporting progress.
import type { Database } from '@/clickhouse/client'
import { countAssetScans, mergeVersionedTables } from '@/lib/repositories/estate'
import { getSetting, putSetting } from '@/lib/repositories/settings'
import { createDemoEstate, type EstateOptions } from './demo/generator'
import type { ScanDocument, ScanDocumentInput } from './schema/scan'
import { parseScanDocument } from './schema/scan-fast'
import { writeScans } from './writer'

/** Scans per writer call: one asset appears at most once per day, so a chunk never reorders an asset's history. */
const SCANS_PER_BATCH = 2_000

export interface SeedProgress {
  day: number
  days: number
  scans: number
  findings: number
  elapsedMs: number
}

export interface SeedSummary extends SeedProgress {
  assets: number
  catalogSize: number
  scansPerSecond: number
  findingsPerSecond: number
}

/** Findings reported by the scans (asset × patch rows received), the figure the throughput is measured in. */
export async function seedDemoEstate(db: Database, options: EstateOptions, onProgress?: (progress: SeedProgress) => void): Promise<SeedSummary> {
  const started = Date.now()
  const estate = createDemoEstate(options)
  const progress: SeedProgress = { day: 0, days: options.days, scans: 0, findings: 0, elapsedMs: 0 }
  /** Validated like any agent's scans (the fast validator, same rules as the zod schema); a reject is a generator bug. */
  const validate = (docs: ScanDocumentInput[]): ScanDocument[] =>
    docs.map((doc) => {
      const parsed = parseScanDocument(doc)
      if (!parsed.ok) throw new Error(`demo estate produced an invalid scan: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
      return parsed.doc
    })
  const write = async (day: number, batch: ScanDocument[]) => {
    await writeScans(db, batch)
    progress.scans += batch.length
    progress.findings += batch.reduce((sum, doc) => sum + doc.patches.length, 0)
    progress.elapsedMs = Date.now() - started
    onProgress?.({ ...progress, day })
  }
  // Batches go to the writer one after another (an asset's scans stay in time order); validating the next batch
  // overlaps with the engine writing the previous one, and only two validated batches are held at a time.
  let writing: Promise<void> = Promise.resolve()
  for (let day = 0; day < options.days; day++) {
    const inputs = estate.scansForDay(day)
    for (let i = 0; i < inputs.length; i += SCANS_PER_BATCH) {
      const batch = validate(inputs.slice(i, i + SCANS_PER_BATCH))
      await writing
      writing = write(day, batch)
    }
    await writing
    progress.day = day + 1
  }
  // Merge the versioned tables once, so FINAL reads of the fresh estate cost nothing.
  await mergeVersionedTables(db)
  await putSetting(db, 'demo.seeded', JSON.stringify({ ...options, at: new Date().toISOString() }))
  const seconds = Math.max(0.001, (Date.now() - started) / 1000)
  return {
    ...progress,
    elapsedMs: Date.now() - started,
    assets: options.assets,
    catalogSize: estate.catalogSize,
    scansPerSecond: Math.round(progress.scans / seconds),
    findingsPerSecond: Math.round(progress.findings / seconds),
  }
}

/** First start only: never after a seed has run, and never over data that came from elsewhere. */
export async function needsFirstStartSeed(db: Database): Promise<boolean> {
  if (await getSetting(db, 'demo.seeded')) return false
  return (await countAssetScans(db)) === 0
}
