// Turns validated scan documents into rows: current findings per asset, change events, scan summaries, catalog.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import type { PatchCatalogEntry, ScanDocument, ScanPatch } from './schema/scan'

/** Rows per INSERT: large enough to be fast, small enough to keep memory flat. */
const INSERT_CHUNK = 50_000

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
  firstSeenAt: string
  installedAt: string | null
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
    // A newer modification wins; without one, the later write wins.
    version: patch.modifiedAt ? patch.modifiedAt.getTime() : now.getTime(),
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
  return rows.length
}

async function insertChunked(db: Database, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(table, rows.slice(i, i + INSERT_CHUNK))
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
    states.get(row.asset_id)?.findings.set(row.patch_id, { status: row.status, firstSeenAt: row.first_seen_at, installedAt: row.installed_at })
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

/**
 * Writes a batch of validated scans. Per asset, scans apply in time order: a newer scan replaces the current
 * findings (unreported pairs are tombstoned), writes only the pairs that changed, and logs each change as an
 * event. A scan older than the asset's latest is kept in history only. Re-sent scans change nothing.
 */
export async function writeScans(db: Database, docs: ScanDocument[], options: WriteScansOptions = {}): Promise<WriteScansResult> {
  const receivedAt = options.receivedAt ?? new Date()
  const extraTags = options.extraTags ?? []
  const result: WriteScansResult = { accepted: 0, duplicates: 0, stale: 0, findingsWritten: 0, events: 0 }
  if (docs.length === 0) return result

  const identified = docs.map((doc) => ({ doc, scanId: scanIdentity(doc) }))
  const assetIds = [...new Set(docs.map((doc) => doc.asset.id))]
  const alreadyKnown = await knownScanIds(db, assetIds, identified.map((item) => item.scanId))
  const fresh: typeof identified = []
  for (const item of identified) {
    if (alreadyKnown.has(item.scanId)) {
      result.duplicates++
    } else {
      alreadyKnown.add(item.scanId)
      fresh.push(item)
    }
  }
  if (fresh.length === 0) return result

  await upsertCatalog(db, fresh.flatMap((item) => item.doc.patches), receivedAt)
  const states = await loadAssetStates(db, assetIds)

  const findingRows: object[] = []
  const eventRows: object[] = []
  const assetRows: object[] = []
  const scanRows: object[] = []
  fresh.sort((a, b) => a.doc.scannedAt.getTime() - b.doc.scannedAt.getTime())

  for (const { doc, scanId } of fresh) {
    const scannedAtMs = doc.scannedAt.getTime()
    const scannedAt = iso(scannedAtMs)
    let state = states.get(doc.asset.id)
    const applies = !state || scannedAtMs > state.lastScanAt
    const severities = new Map(doc.patches.map((patch) => [patch.id, patch]))
    const counts = { missing: 0, installed: 0, missingCritical: 0, missingSecurity: 0 }
    for (const patch of doc.patches) {
      if (patch.status === 'Missing') {
        counts.missing++
        if (patch.vendorSeverity === 'Critical') counts.missingCritical++
        if (patch.isSecurity) counts.missingSecurity++
      } else {
        counts.installed++
      }
    }
    const tags = [...new Set([...doc.asset.tags, ...extraTags])]
    result.accepted++
    scanRows.push({
      scan_id: scanId,
      asset_id: doc.asset.id,
      scanned_at: scannedAt,
      received_at: iso(receivedAt),
      applied: applies ? 1 : 0,
      os_family: doc.asset.osFamily,
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
      states.set(doc.asset.id, state)
    }

    const event = (patchId: string, kind: FindingEvent, previous: string, firstSeenAt: string) => {
      eventRows.push({
        event_at: scannedAt,
        asset_id: doc.asset.id,
        patch_id: patchId,
        event: kind,
        previous_status: previous,
        vendor_severity: severities.get(patchId)?.vendorSeverity ?? '',
        first_seen_at: firstSeenAt,
        scan_id: scanId,
      })
    }
    const reported = new Set<string>()
    for (const patch of doc.patches) {
      reported.add(patch.id)
      const current = state.findings.get(patch.id)
      if (current && current.status === patch.status) continue
      const firstSeenAt = current?.firstSeenAt ?? scannedAt
      const installedAt = patch.status === 'Installed' ? iso(patch.installedAt ?? scannedAtMs) : null
      const next: CurrentFinding = { status: patch.status, firstSeenAt, installedAt }
      state.findings.set(patch.id, next)
      findingRows.push({
        asset_id: doc.asset.id, patch_id: patch.id, status: patch.status, first_seen_at: firstSeenAt,
        installed_at: installedAt, changed_at: scannedAt, scan_id: scanId, version: scannedAtMs, is_deleted: 0,
      })
      event(patch.id, patch.status === 'Missing' ? 'missing' : 'installed', current?.status ?? '', firstSeenAt)
    }
    for (const [patchId, current] of state.findings) {
      if (reported.has(patchId)) continue
      state.findings.delete(patchId)
      findingRows.push({
        asset_id: doc.asset.id, patch_id: patchId, status: current.status, first_seen_at: current.firstSeenAt,
        installed_at: current.installedAt, changed_at: scannedAt, scan_id: scanId, version: scannedAtMs, is_deleted: 1,
      })
      event(patchId, 'removed', current.status, current.firstSeenAt)
    }
    state.lastScanAt = scannedAtMs
    state.activatedAt = doc.asset.activatedAt ? iso(doc.asset.activatedAt) : (state.activatedAt ?? scannedAt)
    assetRows.push({
      asset_id: doc.asset.id,
      name: doc.asset.name,
      operating_system: doc.asset.operatingSystem,
      os_family: doc.asset.osFamily,
      architecture: doc.asset.architecture,
      ip_addresses: doc.asset.ipAddresses,
      last_logged_on_user: doc.asset.lastLoggedOnUser,
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
  await insertChunked(db, 'findings', findingRows)
  await insertChunked(db, 'finding_events', eventRows)
  await insertChunked(db, 'assets', assetRows)
  await insertChunked(db, 'asset_scans', scanRows)
  result.findingsWritten = findingRows.length
  result.events = eventRows.length
  return result
}
