// Dashboards and each user's home dashboard: one typed function per query; every write is a new row version (ReplacingMergeTree).
import type { Database } from '@/clickhouse/client'
import { assetScopeCondition, type QqlScope } from '@/lib/qql'
import { nextRowVersion } from './versioning'

/** A dashboard as stored: `definition` is the JSON of its widgets, layout, filters and refresh interval. */
export interface DashboardRecord {
  id: string
  name: string
  description: string
  ownerId: string
  ownerEmail: string
  shared: boolean
  definition: string
  createdByEmail: string
  createdAt: string
  updatedById: string
  updatedByEmail: string
  updatedAt: string
  revision: number
  version: number
}

/** A dashboard in a list: no definition, only how many widgets it has. */
export type DashboardSummaryRecord = Omit<DashboardRecord, 'definition'> & { widgetCount: number }

const SUMMARY_COLUMNS = `dashboard_id AS id, name, description, owner_id AS ownerId, owner_email AS ownerEmail, shared,
  created_by_email AS createdByEmail, created_at AS createdAt, updated_by_id AS updatedById, updated_by_email AS updatedByEmail,
  updated_at AS updatedAt, revision, version`

function toRow(dashboard: DashboardRecord, isDeleted = false) {
  return {
    dashboard_id: dashboard.id,
    name: dashboard.name,
    description: dashboard.description,
    owner_id: dashboard.ownerId,
    owner_email: dashboard.ownerEmail,
    shared: dashboard.shared,
    definition: dashboard.definition,
    created_by_email: dashboard.createdByEmail,
    created_at: dashboard.createdAt,
    updated_by_id: dashboard.updatedById,
    updated_by_email: dashboard.updatedByEmail,
    updated_at: dashboard.updatedAt,
    revision: dashboard.revision,
    version: dashboard.version,
    is_deleted: isDeleted ? 1 : 0,
  }
}

const numeric = <T extends { revision: number; version: number }>(row: T): T => ({ ...row, revision: Number(row.revision), version: Number(row.version) })

/** Dashboards a user may open (their own and shared ones), or every dashboard (`everyone`: Administrators), by name. */
export async function listDashboards(db: Database, filter: { userId: string; everyone: boolean }): Promise<DashboardSummaryRecord[]> {
  const rows = await db.query<DashboardSummaryRecord>(
    `SELECT ${SUMMARY_COLUMNS}, toUInt32(JSONLength(definition, 'widgets')) AS widgetCount FROM dashboards FINAL
     WHERE is_deleted = 0 AND ({everyone:Bool} OR owner_id = {userId:String} OR shared)
     ORDER BY lowerUTF8(name), dashboard_id`,
    filter,
  )
  return rows.map((row) => ({ ...numeric(row), widgetCount: Number(row.widgetCount) }))
}

/** Every dashboard with its definition (rebuilding all of them). */
export async function listAllDashboards(db: Database): Promise<DashboardRecord[]> {
  const rows = await db.query<DashboardRecord>(`SELECT ${SUMMARY_COLUMNS}, definition FROM dashboards FINAL WHERE is_deleted = 0 ORDER BY dashboard_id`)
  return rows.map(numeric)
}

export async function findDashboard(db: Database, id: string): Promise<DashboardRecord | null> {
  const rows = await db.query<DashboardRecord>(`SELECT ${SUMMARY_COLUMNS}, definition FROM dashboards FINAL WHERE dashboard_id = {id:String} AND is_deleted = 0`, { id })
  return rows[0] ? numeric(rows[0]) : null
}

/** Writes a dashboard's new state (create or change); the caller has checked the revision it replaces. */
export async function writeDashboard(db: Database, dashboard: DashboardRecord): Promise<DashboardRecord> {
  const written = { ...dashboard, version: nextRowVersion(dashboard.version) }
  await db.insert('dashboards', [toRow(written)])
  return written
}

export async function deleteDashboard(db: Database, dashboard: DashboardRecord): Promise<void> {
  await db.insert('dashboards', [toRow({ ...dashboard, version: nextRowVersion(dashboard.version) }, true)])
}

/** The dashboard a user chose as home ('' or null when none). */
export async function findHomeDashboardId(db: Database, userId: string): Promise<string | null> {
  const rows = await db.query<{ dashboardId: string }>('SELECT dashboard_id AS dashboardId FROM dashboard_homes FINAL WHERE user_id = {userId:String}', { userId })
  return rows[0]?.dashboardId || null
}

export async function setHomeDashboardId(db: Database, userId: string, dashboardId: string | null): Promise<void> {
  await db.insert('dashboard_homes', [{ user_id: userId, dashboard_id: dashboardId ?? '', updated_at: new Date().toISOString(), version: nextRowVersion() }])
}

/** Data freshness of a dashboard: the newest scan of an asset in the viewer's scope (null when none). */
export async function newestScanInScope(db: Database, scope: QqlScope): Promise<string | null> {
  const condition = assetScopeCondition(scope)
  const rows = await db.query<{ at: string | null }>(
    `SELECT if(count() = 0, NULL, max(a.last_scan_at)) AS at FROM assets AS a FINAL WHERE ${condition?.where ?? '1'}`,
    condition?.params ?? {},
  )
  return rows[0]?.at ?? null
}
