// The dashboards Patchboard ships (the default "Patch Management" one on first start, the demo's token-version-1 one with
// the demo estate), each created once and never again on restart, and which dashboard `/` opens for a user.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { findDashboard, findHomeDashboardId, listDashboards } from '@/lib/repositories/dashboards'
import { getSetting, putSetting } from '@/lib/repositories/settings'
import { DEFAULT_DASHBOARD, DEMO_V1_DASHBOARD } from '@/widgets/defaults'
import type { DashboardDefinition } from '@/widgets/dashboard'
import { createDashboardRecord, DEFAULT_DASHBOARD_SETTING, mayView, SYSTEM_OWNER } from './dashboards'

/** The setting naming the demo's legacy dashboard, once created. */
export const DEMO_DASHBOARD_SETTING = 'dashboards.demoV1'
export const DEMO_DASHBOARD_NAME = 'Legacy (v1) — needs rebuild'

/** Creates a shared system dashboard unless the setting says it was created before (even if deleted since). */
async function ensureOnce(db: Database, setting: string, definition: DashboardDefinition): Promise<string | null> {
  if ((await getSetting(db, setting)) !== null) return null
  const record = await createDashboardRecord(db, SYSTEM_OWNER, SYSTEM_OWNER, definition, true)
  await putSetting(db, setting, record.id)
  return record.id
}

/** Whether the first start seeded the demo estate (scripts/prepare.ts records `demo.seeded` with its asset count). */
async function demoEstateSeeded(db: Database): Promise<boolean> {
  const seeded = await getSetting(db, 'demo.seeded')
  if (seeded === null) return false
  try {
    return Number((JSON.parse(seeded) as { assets?: number }).assets ?? 0) > 0
  } catch {
    return false
  }
}

/**
 * Start-up (once per server process, after migrations): the default dashboard on first start, and with the demo estate
 * the demo's v1 dashboard. Idempotent: a restart finds the settings and creates nothing.
 */
export async function ensureStartDashboards(db: Database): Promise<string[]> {
  const created: string[] = []
  if (await ensureOnce(db, DEFAULT_DASHBOARD_SETTING, DEFAULT_DASHBOARD)) created.push(`Created the default dashboard "${DEFAULT_DASHBOARD.name}".`)
  if ((await demoEstateSeeded(db)) && (await ensureOnce(db, DEMO_DASHBOARD_SETTING, { ...DEMO_V1_DASHBOARD, name: DEMO_DASHBOARD_NAME }))) {
    created.push(`Created the demo dashboard "${DEMO_DASHBOARD_NAME}" (token version 1: open it and choose Rebuild widgets).`)
  }
  return created
}

/**
 * Where `/` takes a user: their home dashboard, else the default one, else the first dashboard they may open, else the
 * dashboards list (executives land on a dashboard, not on a list, whenever there is one).
 */
export async function landingPath(db: Database, user: SessionUser): Promise<string> {
  for (const id of [await findHomeDashboardId(db, user.id), await getSetting(db, DEFAULT_DASHBOARD_SETTING)]) {
    if (!id) continue
    const dashboard = await findDashboard(db, id)
    if (dashboard !== null && mayView(user, dashboard)) return `/dashboards/${id}`
  }
  const [first] = await listDashboards(db, { userId: user.id, everyone: false })
  return first ? `/dashboards/${first.id}` : '/dashboards'
}
