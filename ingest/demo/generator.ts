// Deterministic demo estate: Windows assets whose patch state evolves day by day, emitted as scan documents for ingest.
import type { ScanDocumentInput, VENDOR_SEVERITIES } from '../schema/scan'
import { MAINTENANCE_SLOTS, createAssets, type DemoAsset } from './assets'
import { DAY_MS, buildCatalog, freezePatch, type DemoCatalog, type PatchCatalogInput, type ScanPatchInput } from './catalog'
import { hashInts, mulberry32, unitHash } from './random'

export interface EstateOptions {
  assets: number
  /** 1 to 366 day slots, each ending at endDate minus a whole number of days. */
  days: number
  /** Any integer. */
  seed: number
  /** Default: now, truncated to the hour. */
  endDate?: Date
}

export interface DemoEstate {
  catalogSize: number
  /** The patch catalog as known at endDate (e.g. for a catalog feed); scans carry the same fields inline, as of their scan time. */
  catalog: readonly PatchCatalogInput[]
  /**
   * Scan documents for one day index (0 = oldest day, days-1 = the last day), one per asset (an asset may
   * skip a day ~3% of the time; every asset scans on the last day). Deterministic for (options, day).
   * Patch objects are shared between documents and frozen.
   */
  scansForDay(day: number): ScanDocumentInput[]
}

/** An install day slot that never comes (the patch stays missing). */
const NEVER = -1
const SKIP_CHANCE = 0.03
/** Scan times wander by up to 20 minutes from day to day. */
const SCAN_JITTER_MS = 20 * 60_000
/** Median days from release to install on an ordinary workstation, by vendor severity. */
const MEDIAN_DAYS_TO_PATCH: Record<(typeof VENDOR_SEVERITIES)[number], number> = { Critical: 3, Important: 7, Moderate: 12, Low: 20, None: 25 }

/**
 * Per-asset patch state, kept compact: the applicable patches of all assets back to back (asset i owns
 * [offsets[i], offsets[i+1])), each with the day slot it gets installed in, counted back from endDate.
 */
interface InstallSchedule {
  offsets: Int32Array
  patches: Uint16Array
  installSlots: Int16Array
}

/**
 * Draws when each asset installs each applicable patch: an exponential delay after release whose median
 * grows for servers, laggards, lower severities and manual downloads, or never (stuck). Installing a newer
 * release of a stream also installs the older ones it supersedes (cumulative updates, browser versions).
 */
function scheduleInstalls(assets: readonly DemoAsset[], catalog: DemoCatalog, seed: number, endMs: number): InstallSchedule {
  const offsets = new Int32Array(assets.length + 1)
  assets.forEach((asset, i) => {
    offsets[i + 1] = offsets[i] + asset.streams.reduce((sum, stream) => sum + catalog.streams[stream].length, 0)
  })
  const patches = new Uint16Array(offsets[assets.length])
  const installSlots = new Int16Array(offsets[assets.length])
  for (const asset of assets) {
    const rng = mulberry32(hashInts(seed, asset.index, 0x1a57a11))
    const stuckChance = asset.laggard ? 0.3 : asset.server ? 0.07 : 0.03
    const slowdown = (asset.server ? 2.5 : 1) * (asset.laggard ? 6 : 1)
    let position = offsets[asset.index]
    for (const stream of asset.streams) {
      const members = catalog.streams[stream]
      let newest = NEVER
      for (let i = members.length - 1; i >= 0; i--) {
        const patch = catalog.patches[members[i]]
        let own = NEVER
        if (rng() >= Math.min(0.95, stuckChance * patch.stuckFactor)) {
          const delayDays = (-Math.log(1 - rng()) / Math.LN2) * MEDIAN_DAYS_TO_PATCH[patch.severity] * patch.deployFactor * slowdown
          own = Math.max(NEVER, Math.floor((endMs - asset.maintenanceOffsetMs - patch.publishedMs) / DAY_MS - delayDays))
        }
        newest = Math.max(newest, own)
        patches[position + i] = members[i]
        installSlots[position + i] = newest
      }
      position += members.length
    }
  }
  return { offsets, patches, installSlots }
}

function checkOptions({ assets, days, seed, endDate }: EstateOptions): void {
  if (!Number.isInteger(assets) || assets < 0) throw new RangeError(`assets must be a non-negative integer, got ${assets}`)
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new RangeError(`days must be an integer from 1 to 366, got ${days}`)
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`)
  if (endDate && Number.isNaN(endDate.getTime())) throw new RangeError('endDate is not a valid date')
}

export function createDemoEstate(options: EstateOptions): DemoEstate {
  checkOptions(options)
  const { days, seed } = options
  const endMs = options.endDate ? options.endDate.getTime() : Math.floor(Date.now() / 3_600_000) * 3_600_000
  const catalog = buildCatalog(endMs)
  const assets = createAssets(options.assets, seed, catalog, endMs, days)
  const { offsets, patches, installSlots } = scheduleInstalls(assets, catalog, seed, endMs)
  const catalogSize = catalog.patches.length
  // Hot-loop views of the catalog.
  const publishedMs = Float64Array.from(catalog.patches, (patch) => patch.publishedMs)
  const supersededAtMs = Float64Array.from(catalog.patches, (patch) => patch.supersededAtMs)
  const streamOf = Int32Array.from(catalog.patches, (patch) => patch.stream)
  const missingCurrent = catalog.patches.map((patch): ScanPatchInput => freezePatch({ ...patch.current, status: 'Missing' }))
  const missingSuperseded = catalog.patches.map((patch): ScanPatchInput => freezePatch({ ...(patch.superseded ?? patch.current), status: 'Missing' }))
  // Local copies: transpiled module imports become property getters, which cost in the inner loop.
  const dayMs = DAY_MS
  const maintenanceSlots = MAINTENANCE_SLOTS
  // Installed entries are shared by assets with the same install slot and maintenance window; the previous
  // call's entries are reused (consecutive days mostly repeat them), older ones are left to the GC.
  let previousInstalled = new Map<number, ScanPatchInput>()

  function scansForDay(day: number): ScanDocumentInput[] {
    if (!Number.isInteger(day) || day < 0 || day >= days) throw new RangeError(`day must be an integer from 0 to ${days - 1}, got ${day}`)
    const slotsBeforeEnd = days - 1 - day
    const slotEndMs = endMs - slotsBeforeEnd * dayMs
    const scanSuffix = new Date(slotEndMs).toISOString().slice(0, 13)
    const installed = new Map<number, ScanPatchInput>()
    const installedAtText = new Map<number, string>()
    const documents: ScanDocumentInput[] = []
    for (const asset of assets) {
      if (slotsBeforeEnd > 0 && unitHash(seed, asset.index, day, 0x5c1) < SKIP_CHANCE) continue
      const scannedMs = slotEndMs - asset.scanOffsetMs - (hashInts(seed, asset.index, day) % SCAN_JITTER_MS)
      const { removedStream, removedAtMs, maintenanceOffsetMs, maintenanceSlot } = asset
      const reported: ScanPatchInput[] = []
      for (let j = offsets[asset.index], end = offsets[asset.index + 1]; j < end; j++) {
        const index = patches[j]
        if (publishedMs[index] > scannedMs) continue
        if (streamOf[index] === removedStream && scannedMs >= removedAtMs) continue
        const superseded = scannedMs >= supersededAtMs[index]
        const slot = installSlots[j]
        const installedMs = endMs - slot * dayMs - maintenanceOffsetMs
        if (slot === NEVER || installedMs > scannedMs) {
          reported.push(superseded ? missingSuperseded[index] : missingCurrent[index])
          continue
        }
        const key = ((slot * maintenanceSlots + maintenanceSlot) * catalogSize + index) * 2 + (superseded ? 1 : 0)
        let entry = installed.get(key)
        if (entry === undefined) {
          entry = previousInstalled.get(key)
          if (entry !== undefined) installed.set(key, entry)
        }
        if (entry === undefined) {
          let installedAt = installedAtText.get(installedMs)
          if (installedAt === undefined) {
            installedAt = new Date(installedMs).toISOString()
            installedAtText.set(installedMs, installedAt)
          }
          entry = Object.freeze({ ...(superseded ? missingSuperseded[index] : missingCurrent[index]), status: 'Installed' as const, installedAt })
          installed.set(key, entry)
        }
        reported.push(entry)
      }
      documents.push({ scanId: `${asset.asset.id}-${scanSuffix}`, scannedAt: new Date(scannedMs).toISOString(), asset: asset.asset, patches: reported })
    }
    previousInstalled = installed
    return documents
  }

  return {
    catalogSize,
    catalog: Object.freeze(catalog.patches.map((patch) => patch.superseded ?? patch.current)),
    scansForDay,
  }
}
