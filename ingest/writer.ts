// Turns validated scan documents into rows: current findings per asset, change events, scan summaries, catalog.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { advanceDataVersion } from '@/lib/repositories/data-version'
import type { PatchCatalogEntry, ScanDocument, ScanPatch } from './schema/scan'

/** Rows per INSERT: large enough to be fast, small enough to keep memory flat. */
const INSERT_CHUNK = 50_000
/** Findings (each with its event) per staged load: one load per batch as the pipeline sizes them. */
const STAGE_CHUNK = 150_000

export interface WriteScansOptions {
  /** Tags added to every asset in these scans (e.g. the activation key's tags). */
  extraTags?: string[]
  receivedAt?: Date
}

export interface WriteScansResult {
  /** Scans recorded (including stale ones, which go to history only). */
  accepted: number
  /** Scans already recorded before (same scanId, or same asset, time and content). */
  duplicates: number
  /** Scans older than the asset's latest: kept in history, current state untouched. */
  stale: number
  findingsWritten: number
  events: number
}

interface CurrentFinding {
  status: ScanPatch['status']
  firstSeenMs: number
  installedMs: number | null
}

interface AssetState {
  lastScanAt: number
  activatedAt: string | null
  findings: Map<string, CurrentFinding>
}

type FindingEvent = 'missing' | 'installed' | 'removed'

const iso = (date: Date | number) => new Date(date).toISOString()

/** A scan's identity: its own scanId, or a digest of asset, time and content (so re-sends are harmless). */
export function scanIdentity(doc: ScanDocument): string {
  if (doc.scanId) return doc.scanId
  const digest = crypto.createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 32)
  return `auto-${digest}`
}

const CATALOG_FIELDS = [
  'id', 'qids', 'title', 'vendor', 'product', 'appFamily', 'kb', 'cves', 'bulletin', 'category', 'vendorSeverity',
  'isSecurity', 'isSuperseded', 'supersededBy', 'supersedes', 'rebootRequired', 'downloadMethod', 'architecture',
  'publishedAt', 'modifiedAt',
] as const satisfies readonly (keyof PatchCatalogEntry)[]

export function catalogHash(patch: PatchCatalogEntry): string {
  const fields = CATALOG_FIELDS.map((field) => patch[field])
  return crypto.createHash('sha1').update(JSON.stringify(fields)).digest('hex')
}

export function patchRow(patch: PatchCatalogEntry, hash: string, now: Date) {
  return {
    patch_id: patch.id,
    qids: patch.qids,
    title: patch.title,
    vendor: patch.vendor,
    products: patch.product,
    app_family: patch.appFamily,
    kb: patch.kb,
    cves: patch.cves,
    bulletin: patch.bulletin,
    category: patch.category,
    vendor_severity: patch.vendorSeverity,
    is_security: patch.isSecurity,
    is_superseded: patch.isSuperseded,
    superseded_by: patch.supersededBy,
    supersedes: patch.supersedes,
    reboot_required: patch.rebootRequired,
    download_method: patch.downloadMethod,
    architecture: patch.architecture,
    published_at: iso(patch.publishedAt ?? 0),
    modified_at: iso(patch.modifiedAt ?? patch.publishedAt ?? 0),
    content_hash: hash,
    updated_at: iso(now),
    // The newest modification wins. A description without a modification date counts as of its publication, so it
    // can describe a new patch but never undo a dated catalog update (e.g. a patch that became superseded).
    version: (patch.modifiedAt ?? patch.publishedAt)?.getTime() ?? 0,
  }
}

/** Upserts catalog entries that are new or changed; unchanged ones cost one lookup and no write. */
export async function upsertCatalog(db: Database, patches: Iterable<PatchCatalogEntry>, now = new Date()): Promise<number> {
  const byId = new Map<string, PatchCatalogEntry>()
  for (const patch of patches) {
    const known = byId.get(patch.id)
    if (!known || (patch.modifiedAt?.getTime() ?? 0) >= (known.modifiedAt?.getTime() ?? 0)) byId.set(patch.id, patch)
  }
  if (byId.size === 0) return 0
  const stored = await db.query<{ patch_id: string; content_hash: string; version: number }>(
    'SELECT patch_id, content_hash, version FROM patches FINAL WHERE patch_id IN {ids:Array(String)}',
    { ids: [...byId.keys()] },
  )
  const storedById = new Map(stored.map((row) => [row.patch_id, row]))
  const rows = []
  for (const patch of byId.values()) {
    const hash = catalogHash(patch)
    const current = storedById.get(patch.id)
    if (current?.content_hash === hash) continue
    const row = patchRow(patch, hash, now)
    // An older description of the patch (e.g. inline in a late scan) must not undo a newer catalog update.
    if (current && row.version < current.version) continue
    rows.push(row)
  }
  await insertChunked(db, 'patches', rows)
  if (rows.length > 0) await advanceDataVersion(db)
  return rows.length
}

async function insertChunked(db: Database, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(table, rows.slice(i, i + INSERT_CHUNK))
}

/**
 * Findings and their events are the bulk of a write: one TabSeparated row per changed pair (in PAIR_STRUCTURE
 * order) is built straight into bytes, loaded into the engine once, and split there into a `findings` row and a
 * `finding_events` row (the two INSERT … SELECTs of STAGE_STATEMENTS), so JavaScript neither builds nor the engine
 * parses two rows. What a row shares with its scan (asset id, scan id, scan time) is staged once per scan
 * (SCAN_STRUCTURE) and joined by the scan's number. Times travel as epoch milliseconds, which the engine reads far
 * faster than date texts. All values travel as data, never in the SQL text.
 */
const PAIR_STRUCTURE = [
  'scan UInt32', 'patch_id String', 'status String', 'first_seen_ms Int64', 'installed_ms Nullable(Int64)', 'is_deleted UInt8',
  'event String', 'previous_status String', 'vendor_severity String',
].join(', ')
const SCAN_STRUCTURE = 'scan UInt32, asset_id String, scan_id String, at_ms Int64'
const FINDING_COLUMNS = 'asset_id, patch_id, status, first_seen_at, installed_at, changed_at, scan_id, version, is_deleted'

const STAGED_PAIRS = `(SELECT r.*, s.asset_id AS asset_id, s.scan_id AS scan_id, s.at_ms AS at_ms,
      fromUnixTimestamp64Milli(s.at_ms, 'UTC') AS changed_at, fromUnixTimestamp64Milli(r.first_seen_ms, 'UTC') AS first_seen_at
    FROM {pairs} AS r INNER JOIN {scans} AS s ON s.scan = r.scan)`
const STAGE_STATEMENTS = [
  `INSERT INTO findings (${FINDING_COLUMNS})
   SELECT asset_id, patch_id, status, first_seen_at, if(installed_ms IS NULL, NULL, fromUnixTimestamp64Milli(assumeNotNull(installed_ms), 'UTC')),
     changed_at, scan_id, toUInt64(at_ms), is_deleted
   FROM ${STAGED_PAIRS}`,
  `INSERT INTO finding_events (event_at, asset_id, patch_id, event, previous_status, vendor_severity, first_seen_at, scan_id)
   SELECT changed_at, asset_id, patch_id, event, previous_status, vendor_severity, first_seen_at, scan_id
   FROM ${STAGED_PAIRS}`,
]

const TSV_SPECIAL = /[\\\t\n\r]/
const TSV_SPECIAL_ALL = /[\\\t\n\r]/g
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
/** A text field of a TabSeparated row. */
const tsv = (value: string) => (TSV_SPECIAL.test(value) ? value.replace(TSV_SPECIAL_ALL, (c) => TSV_ESCAPES[c]) : value)

/** TabSeparated rows written straight into a growing buffer (no string per row outlives its write). */
class RowBuffer {
  private buffer = Buffer.allocUnsafe(1 << 20)
  private length = 0
  rows = 0

  push(row: string): void {
    const needed = this.length + row.length * 3 + 1
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2))
      this.buffer.copy(grown, 0, 0, this.length)
      this.buffer = grown
    }
    this.length += this.buffer.write(row, this.length)
    this.buffer[this.length++] = 0x0a
    this.rows++
  }

  /** The rows so far; the buffer starts over. */
  take(): Buffer {
    const rows = this.buffer.subarray(0, this.length)
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 20, this.length + (this.length >> 3)))
    this.length = 0
    this.rows = 0
    return rows
  }
}

/** The validated enum values, as the module's own constants (a batch then keeps no per-document copy of them). */
const canonicalStatus = (status: ScanPatch['status']): ScanPatch['status'] => (status === 'Missing' ? 'Missing' : 'Installed')
function canonicalSeverity(severity: ScanPatch['vendorSeverity']): ScanPatch['vendorSeverity'] {
  switch (severity) {
    case 'Critical': return 'Critical'
    case 'Important': return 'Important'
    case 'Moderate': return 'Moderate'
    case 'Low': return 'Low'
    case 'None': return 'None'
    default: return severity
  }
}

async function loadAssetStates(db: Database, assetIds: string[]): Promise<Map<string, AssetState>> {
  const states = new Map<string, AssetState>()
  const assets = await db.query<{ asset_id: string; last_scan_at: string; activated_at: string }>(
    'SELECT asset_id, last_scan_at, activated_at FROM assets FINAL WHERE asset_id IN {ids:Array(String)}',
    { ids: assetIds },
  )
  for (const row of assets) {
    states.set(row.asset_id, { lastScanAt: Date.parse(row.last_scan_at), activatedAt: row.activated_at, findings: new Map() })
  }
  if (states.size === 0) return states
  const findings = await db.query<{ asset_id: string; patch_id: string; status: ScanPatch['status']; first_seen_at: string; installed_at: string | null }>(
    `SELECT asset_id, patch_id, status, first_seen_at, installed_at
     FROM findings FINAL WHERE asset_id IN {ids:Array(String)} AND is_deleted = 0`,
    { ids: [...states.keys()] },
  )
  for (const row of findings) {
    states.get(row.asset_id)?.findings.set(row.patch_id, {
      status: row.status,
      firstSeenMs: Date.parse(row.first_seen_at),
      installedMs: row.installed_at === null ? null : Date.parse(row.installed_at),
    })
  }
  return states
}

async function knownScanIds(db: Database, assetIds: string[], scanIds: string[]): Promise<Set<string>> {
  const rows = await db.query<{ scan_id: string }>(
    'SELECT DISTINCT scan_id FROM asset_scans WHERE asset_id IN {assets:Array(String)} AND scan_id IN {scans:Array(String)}',
    { assets: assetIds, scans: scanIds },
  )
  return new Set(rows.map((row) => row.scan_id))
}

/** What the writer keeps of a validated scan: enough for its findings, events, summary and asset row. */
interface CompactScan {
  scanId: string
  asset: ScanDocument['asset']
  scannedAtMs: number
  patchIds: string[]
  /** 'Missing' | 'Installed' per patch, and when installed (NaN: not sent). */
  statuses: ScanPatch['status'][]
  installedAtMs: Float64Array
  severities: ScanPatch['vendorSeverity'][]
  counts: { missing: number; installed: number; missingCritical: number; missingSecurity: number }
}

/**
 * Scans collected for one write. Adding a scan keeps only what the write needs (and each patch's catalog data
 * once per batch), so a large batch does not hold every document's full patch objects in memory.
 */
export class ScanBatch {
  readonly scans: CompactScan[] = []
  /** The newest inline catalog data of each patch in the batch. */
  readonly catalog = new Map<string, PatchCatalogEntry>()
  findings = 0

  add(doc: ScanDocument): void {
    const patches = doc.patches
    const patchIds = new Array<string>(patches.length)
    const statuses = new Array<ScanPatch['status']>(patches.length)
    const severities = new Array<ScanPatch['vendorSeverity']>(patches.length)
    const installedAtMs = new Float64Array(patches.length)
    const counts = { missing: 0, installed: 0, missingCritical: 0, missingSecurity: 0 }
    for (let i = 0; i < patches.length; i++) {
      const patch = patches[i]
      const known = this.catalog.get(patch.id)
      // The batch keeps one copy of each patch id and the enum constants, not every document's own strings.
      patchIds[i] = known ? known.id : patch.id
      statuses[i] = canonicalStatus(patch.status)
      severities[i] = canonicalSeverity(patch.vendorSeverity)
      installedAtMs[i] = patch.installedAt ? patch.installedAt.getTime() : Number.NaN
      if (patch.status === 'Missing') {
        counts.missing++
        if (patch.vendorSeverity === 'Critical') counts.missingCritical++
        if (patch.isSecurity) counts.missingSecurity++
      } else {
        counts.installed++
      }
      if (!known || (patch.modifiedAt?.getTime() ?? 0) >= (known.modifiedAt?.getTime() ?? 0)) this.catalog.set(patch.id, patch)
    }
    this.findings += patches.length
    this.scans.push({ scanId: scanIdentity(doc), asset: doc.asset, scannedAtMs: doc.scannedAt.getTime(), patchIds, statuses, installedAtMs, severities, counts })
  }

  get size(): number {
    return this.scans.length
  }
}

/**
 * Writes a batch of validated scans. Per asset, scans apply in time order: a newer scan replaces the current
 * findings (unreported pairs are tombstoned), writes only the pairs that changed, and logs each change as an
 * event. A scan older than the asset's latest is kept in history only. Re-sent scans change nothing.
 */
export async function writeScans(db: Database, docs: ScanDocument[], options: WriteScansOptions = {}): Promise<WriteScansResult> {
  const batch = new ScanBatch()
  for (const doc of docs) batch.add(doc)
  return writeScanBatch(db, batch, options)
}

export async function writeScanBatch(db: Database, batch: ScanBatch, options: WriteScansOptions = {}): Promise<WriteScansResult> {
  const receivedAt = options.receivedAt ?? new Date()
  const extraTags = options.extraTags ?? []
  const result: WriteScansResult = { accepted: 0, duplicates: 0, stale: 0, findingsWritten: 0, events: 0 }
  if (batch.size === 0) return result

  const assetIds = [...new Set(batch.scans.map((scan) => scan.asset.id))]
  const alreadyKnown = await knownScanIds(db, assetIds, batch.scans.map((scan) => scan.scanId))
  const fresh: CompactScan[] = []
  for (const scan of batch.scans) {
    if (alreadyKnown.has(scan.scanId)) {
      result.duplicates++
    } else {
      alreadyKnown.add(scan.scanId)
      fresh.push(scan)
    }
  }
  if (fresh.length === 0) return result

  await upsertCatalog(db, batch.catalog.values(), receivedAt)
  const states = await loadAssetStates(db, assetIds)

  // Each row is a finding and its event (see STAGE_STATEMENTS); full chunks are kept as bytes until written.
  const rows = new RowBuffer()
  const chunks: Buffer[] = []
  // Per applied scan (SCAN_STRUCTURE; a pair row's `scan` is its number, from 1): asset id, scan id, scan time.
  const scanEntries = new RowBuffer()
  let findingsWritten = 0
  const assetRows: object[] = []
  const scanRows: object[] = []
  fresh.sort((a, b) => a.scannedAtMs - b.scannedAtMs)

  for (const scan of fresh) {
    const { scanId, asset, scannedAtMs, counts } = scan
    const scannedAt = iso(scannedAtMs)
    let state = states.get(asset.id)
    const applies = !state || scannedAtMs > state.lastScanAt
    const tags = [...new Set([...asset.tags, ...extraTags])]
    result.accepted++
    scanRows.push({
      scan_id: scanId,
      asset_id: asset.id,
      scanned_at: scannedAt,
      received_at: iso(receivedAt),
      applied: applies ? 1 : 0,
      os_family: asset.osFamily,
      tags,
      missing_count: counts.missing,
      installed_count: counts.installed,
      missing_critical_count: counts.missingCritical,
      missing_security_count: counts.missingSecurity,
    })
    if (!applies) {
      result.stale++
      continue
    }
    if (!state) {
      state = { lastScanAt: 0, activatedAt: null, findings: new Map() }
      states.set(asset.id, state)
    }

    // What every row of this scan shares (asset id, scan id, scan time) is written once, as the scan's entry.
    const scanIndex = scanEntries.rows + 1
    scanEntries.push(`${scanIndex}\t${tsv(asset.id)}\t${tsv(scanId)}\t${scannedAtMs}`)
    const row = (patchId: string, status: string, firstSeenMs: number, installedMs: number | null, deleted: 0 | 1, kind: FindingEvent, previous: string, severity: string) => {
      // Columns: PAIR_STRUCTURE.
      rows.push(`${scanIndex}\t${tsv(patchId)}\t${status}\t${firstSeenMs}\t${installedMs ?? '\\N'}\t${deleted}\t${kind}\t${previous}\t${severity}`)
      if (rows.rows >= STAGE_CHUNK) chunks.push(rows.take())
    }
    const reported = new Set<string>()
    for (let i = 0; i < scan.patchIds.length; i++) {
      const patchId = scan.patchIds[i]
      const status = scan.statuses[i]
      reported.add(patchId)
      const current = state.findings.get(patchId)
      if (current && current.status === status) continue
      const firstSeenMs = current?.firstSeenMs ?? scannedAtMs
      const installedMs = status === 'Installed' ? (Number.isNaN(scan.installedAtMs[i]) ? scannedAtMs : scan.installedAtMs[i]) : null
      state.findings.set(patchId, { status, firstSeenMs, installedMs })
      findingsWritten++
      row(patchId, status, firstSeenMs, installedMs, 0, status === 'Missing' ? 'missing' : 'installed', current?.status ?? '', scan.severities[i])
    }
    for (const [patchId, current] of state.findings) {
      if (reported.has(patchId)) continue
      state.findings.delete(patchId)
      findingsWritten++
      // A patch no longer reported has no severity in this scan.
      row(patchId, current.status, current.firstSeenMs, current.installedMs, 1, 'removed', current.status, '')
    }
    state.lastScanAt = scannedAtMs
    state.activatedAt = asset.activatedAt ? iso(asset.activatedAt) : (state.activatedAt ?? scannedAt)
    assetRows.push({
      asset_id: asset.id,
      name: asset.name,
      operating_system: asset.operatingSystem,
      os_family: asset.osFamily,
      architecture: asset.architecture,
      ip_addresses: asset.ipAddresses,
      last_logged_on_user: asset.lastLoggedOnUser,
      time_zone: asset.timeZone,
      tags,
      activated_at: state.activatedAt,
      last_scan_at: scannedAt,
      last_scan_id: scanId,
      missing_count: counts.missing,
      installed_count: counts.installed,
      missing_critical_count: counts.missingCritical,
      missing_security_count: counts.missingSecurity,
      updated_at: iso(receivedAt),
      version: scannedAtMs,
    })
  }

  // Current state first, the scan record last: the scan record is what marks a scan as already received.
  if (rows.rows > 0) chunks.push(rows.take())
  const scans = scanEntries.take()
  for (const pairs of chunks) {
    await db.insertStaged([{ name: 'pairs', structure: PAIR_STRUCTURE, data: pairs }, { name: 'scans', structure: SCAN_STRUCTURE, data: scans }], STAGE_STATEMENTS)
  }
  await insertChunked(db, 'assets', assetRows)
  await insertChunked(db, 'asset_scans', scanRows)
  await advanceDataVersion(db)
  result.findingsWritten = findingsWritten
  result.events = findingsWritten
  return result
}
