// An asset's current inventory as its agent last reported it (the asset's fields and each current patch status), for agents.
import type { Database } from '@/clickhouse/client'
import type { OS_FAMILIES } from '@/ingest/schema/scan'

export interface AgentInventory {
  assetId: string
  /** When the asset's current state was scanned (ISO, UTC). */
  scannedAt: string
  asset: {
    id: string
    name: string
    operatingSystem: string
    osFamily: (typeof OS_FAMILIES)[number]
    architecture: string
    ipAddresses: string[]
    lastLoggedOnUser: string
    tags: string[]
    activatedAt: string
    /** The asset's IANA time zone as last reported ('' when never reported). */
    timeZone: string
  }
  /** Every patch the asset currently reports, with its status; catalog fields live in the catalog and are not repeated. */
  patches: { id: string; title: string; status: 'Missing' | 'Installed'; installedAt: string | null }[]
}

interface AssetRow {
  asset_id: string
  name: string
  operating_system: string
  os_family: (typeof OS_FAMILIES)[number]
  architecture: string
  ip_addresses: string[]
  last_logged_on_user: string
  tags: string[]
  activated_at: string
  last_scan_at: string
  time_zone: string
}

const iso = (value: string) => new Date(value).toISOString()

/**
 * The asset's inventory, or null when there is no such asset or it does not carry every one of `requiredTags` (a key
 * with tags reads only the assets it tags, so a site's key cannot read another site's machines).
 */
export async function loadAgentInventory(db: Database, assetId: string, requiredTags: readonly string[]): Promise<AgentInventory | null> {
  const [asset] = await db.query<AssetRow>(
    `SELECT asset_id, name, operating_system, os_family, architecture, ip_addresses, last_logged_on_user, tags, activated_at, last_scan_at, time_zone
     FROM assets FINAL WHERE asset_id = {assetId:String} AND hasAll(tags, {tags:Array(String)}) LIMIT 1`,
    { assetId, tags: [...requiredTags] },
  )
  if (!asset) return null
  const patches = await db.query<{ patch_id: string; title: string; status: 'Missing' | 'Installed'; installed_at: string | null }>(
    `SELECT f.patch_id AS patch_id, p.title AS title, f.status AS status, f.installed_at AS installed_at
     FROM (SELECT patch_id, status, installed_at FROM findings FINAL WHERE asset_id = {assetId:String} AND is_deleted = 0) AS f
     LEFT JOIN (SELECT patch_id, title FROM patches FINAL
                WHERE patch_id IN (SELECT patch_id FROM findings FINAL WHERE asset_id = {assetId:String})) AS p ON p.patch_id = f.patch_id
     ORDER BY f.patch_id`,
    { assetId },
  )
  return {
    assetId: asset.asset_id,
    scannedAt: iso(asset.last_scan_at),
    asset: {
      id: asset.asset_id,
      name: asset.name,
      operatingSystem: asset.operating_system,
      osFamily: asset.os_family,
      architecture: asset.architecture,
      ipAddresses: asset.ip_addresses,
      lastLoggedOnUser: asset.last_logged_on_user,
      tags: asset.tags,
      activatedAt: iso(asset.activated_at),
      timeZone: asset.time_zone,
    },
    patches: patches.map((row) => ({
      id: row.patch_id,
      title: row.title || row.patch_id,
      status: row.status,
      installedAt: row.installed_at === null ? null : iso(row.installed_at),
    })),
  }
}
