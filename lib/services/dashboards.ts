// Dashboards as the API serves them: who may view and change which, create/rename/share/duplicate/delete/save with an
// optimistic-concurrency revision (saves of one dashboard serialised in-process), home choice, every change audited.
import crypto from 'node:crypto'
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { can, decideResourceAccess } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, forbidden, notFound } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { serialisedByKey } from '@/lib/repositories/change-lock'
import {
  deleteDashboard,
  findDashboard,
  findHomeDashboardId,
  listDashboards,
  setHomeDashboardId,
  writeDashboard,
  type DashboardRecord,
  type DashboardSummaryRecord,
} from '@/lib/repositories/dashboards'
import { getSetting } from '@/lib/repositories/settings'
import { dashboardDefinitionSchema, type DashboardDefinition } from '@/widgets/dashboard'
import { mapNarrowLayouts } from '@/widgets/layouts'
import { widgetSchema, type Widget } from '@/widgets/schema'

/** The setting naming the default "Patch Management" dashboard (created once, lib/services/dashboards-setup.ts). */
export const DEFAULT_DASHBOARD_SETTING = 'dashboards.default'
/** Owner of the dashboards Patchboard itself creates: only Administrators may change them. */
export const SYSTEM_OWNER = { id: 'system', email: 'system' } as const

const nullable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional())
const revisionSchema = z.number().int().min(1, 'a revision is 1 or more')

export const dashboardIdParams = z.object({ id: z.uuid('not a dashboard id') })
/** Create: a name, optionally widgets, layout, filters, refresh and sharing (an empty grid by default). */
export const createDashboardBody = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { widgets: [], layout: [], ...v } : v),
  z.intersection(dashboardDefinitionSchema, z.object({ shared: nullable(z.boolean()) })),
)
/** Save: the revision the author started from and the whole definition (name, widgets, layout, filters, refresh). */
export const saveDashboardBody = z.object({ revision: revisionSchema, definition: dashboardDefinitionSchema })
/** Rename, describe, share or unshare; `revision` (optional) refuses the change when someone saved in between. */
export const updateDashboardBody = z
  .object({
    revision: nullable(revisionSchema),
    name: nullable(z.string().trim().min(1, 'a dashboard needs a name').max(200)),
    description: nullable(z.string().max(2000)),
    shared: nullable(z.boolean()),
  })
  .refine((body) => body.name !== undefined || body.description !== undefined || body.shared !== undefined, 'change the name, the description or the sharing')
export const duplicateDashboardBody = z.object({ name: nullable(z.string().trim().min(1).max(200)) })
export const deleteDashboardQuery = z.object({ revision: nullable(z.coerce.number().int().min(1)) })
export const homeDashboardBody = z.object({ dashboardId: z.uuid('not a dashboard id').nullable() })

export type CreateDashboardInput = z.infer<typeof createDashboardBody>

type Actor = Pick<SessionUser, 'id' | 'email'>

/** A stored definition read back: widgets the current schema refuses are set apart (shown as invalid), never a 500. */
export interface StoredDefinition {
  definition: DashboardDefinition
  unreadable: { widgetId: string; title: string; message: string }[]
}

export function readDefinition(record: DashboardRecord): StoredDefinition {
  const stored = JSON.parse(record.definition) as Partial<DashboardDefinition>
  const unreadable: StoredDefinition['unreadable'] = []
  const widgets: Widget[] = []
  for (const candidate of stored.widgets ?? []) {
    const parsed = widgetSchema.safeParse(candidate)
    if (parsed.success) widgets.push(parsed.data)
    else {
      const raw = candidate as { id?: string; title?: string }
      unreadable.push({ widgetId: String(raw.id ?? ''), title: String(raw.title ?? ''), message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })
    }
  }
  const ids = new Set(widgets.map((widget) => widget.id))
  const layouts = mapNarrowLayouts(stored.layouts, (layout) => layout.filter((item) => ids.has(item.widgetId)))
  return {
    definition: {
      name: record.name,
      description: record.description,
      widgets,
      layout: (stored.layout ?? []).filter((item) => ids.has(item.widgetId)),
      ...(Object.keys(layouts).length > 0 && { layouts }),
      filters: stored.filters ?? { query: '', tags: [] },
      refreshSeconds: stored.refreshSeconds ?? 0,
    },
    unreadable,
  }
}

/** A dashboard's name as a file name (ASCII letters, digits and dashes). */
export const fileSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dashboard'

const storedJson = (definition: DashboardDefinition) =>
  JSON.stringify({ widgets: definition.widgets, layout: definition.layout, layouts: definition.layouts, filters: definition.filters, refreshSeconds: definition.refreshSeconds })

/** Own and shared dashboards; Administrators (dashboards.editAny) open every dashboard. */
export const mayView = (user: SessionUser, dashboard: Pick<DashboardRecord, 'ownerId' | 'shared'>) => dashboard.ownerId === user.id || dashboard.shared || can(user, 'dashboards.editAny')
/** Own dashboards with dashboards.editOwn, anyone's with dashboards.editAny (Administrators). */
const mayEdit = (user: SessionUser, dashboard: DashboardSummaryRecord | DashboardRecord) =>
  can(user, dashboard.ownerId === user.id ? 'dashboards.editOwn' : 'dashboards.editAny')

/** A dashboard the user may open (recorded as the request's resource decision); a private one of someone else is 404. */
export async function viewableDashboard(db: Database, user: SessionUser, id: string): Promise<DashboardRecord> {
  const dashboard = await findDashboard(db, id)
  if (!decideResourceAccess(`dashboard:${id}`, dashboard !== null && mayView(user, dashboard)) || dashboard === null) {
    throw notFound('No such dashboard, or it is private to its owner.')
  }
  return dashboard
}

/** A dashboard the user may change: their own, or anyone's for Administrators; a shared one of someone else is 403. */
export async function editableDashboard(db: Database, user: SessionUser, id: string): Promise<DashboardRecord> {
  const dashboard = await findDashboard(db, id)
  const visible = dashboard !== null && mayView(user, dashboard)
  const allowed = decideResourceAccess(`dashboard:${id}`, visible && mayEdit(user, dashboard))
  if (!visible || dashboard === null) throw notFound('No such dashboard, or it is private to its owner.')
  if (!allowed) throw forbidden('Only its owner or an Administrator may change this dashboard.', { owner: dashboard.ownerEmail })
  return dashboard
}

/**
 * Runs `change` after every earlier change of the same dashboard in this process has finished (lib/repositories/change-lock.ts;
 * docs/dashboards.md, "Concurrency").
 */
export function serialisedChange<T>(dashboardId: string, change: () => Promise<T>): Promise<T> {
  return serialisedByKey(`dashboard:${dashboardId}`, change)
}

/** 409 when the dashboard moved on since the author's revision: who saved, when, and at which revision. */
export function assertRevision(dashboard: DashboardRecord, expected: number | undefined): void {
  if (expected === undefined || expected === dashboard.revision) return
  throw conflict(
    'DASHBOARD_CHANGED',
    `${dashboard.updatedByEmail} saved this dashboard at ${dashboard.updatedAt} UTC (revision ${dashboard.revision}) after you opened revision ${expected}. Nothing was saved: reload to see their changes, then apply yours again.`,
    { revision: dashboard.revision, expectedRevision: expected, updatedBy: { id: dashboard.updatedById, email: dashboard.updatedByEmail }, updatedAt: dashboard.updatedAt },
  )
}

const auditState = (record: DashboardRecord) => ({ ...record, definition: JSON.parse(record.definition) as unknown })

async function writeChange(db: Database, actor: Actor, action: string, before: DashboardRecord | null, next: DashboardRecord): Promise<DashboardRecord> {
  const written = await writeDashboard(db, { ...next, updatedById: actor.id, updatedByEmail: actor.email, updatedAt: new Date().toISOString() })
  await appendAudit(db, { actor, action, entity: 'dashboard', entityId: written.id, before: before ? auditState(before) : undefined, after: auditState(written) })
  return written
}

/** Creates a dashboard owned by `owner` (a user, or SYSTEM_OWNER for the ones Patchboard ships), audited as `action`. */
export async function createDashboardRecord(db: Database, actor: Actor, owner: Actor, definition: DashboardDefinition, shared: boolean, action = 'dashboard.create'): Promise<DashboardRecord> {
  const now = new Date().toISOString()
  const record: DashboardRecord = {
    id: crypto.randomUUID(), name: definition.name, description: definition.description, ownerId: owner.id, ownerEmail: owner.email, shared,
    definition: storedJson(definition), createdByEmail: actor.email, createdAt: now, updatedById: actor.id, updatedByEmail: actor.email, updatedAt: now, revision: 1, version: 0,
  }
  return writeChange(db, actor, action, null, record)
}

/** Replaces a dashboard's definition under the lock, after its revision check; the result has the next revision. */
export async function replaceDefinition(db: Database, actor: Actor, record: DashboardRecord, definition: DashboardDefinition, action: string): Promise<DashboardRecord> {
  const next = { ...record, name: definition.name, description: definition.description, definition: storedJson(definition), revision: record.revision + 1 }
  return writeChange(db, actor, action, record, next)
}

export interface DashboardSummary {
  id: string
  name: string
  description: string
  owner: { id: string; email: string }
  shared: boolean
  widgetCount: number
  revision: number
  createdAt: string
  updatedAt: string
  updatedBy: { id: string; email: string }
  /** Owned by the viewer / may be changed by the viewer / the default dashboard / the viewer's home. */
  mine: boolean
  canEdit: boolean
  isDefault: boolean
  isHome: boolean
}

export interface DashboardView extends Omit<DashboardSummary, 'widgetCount'> {
  definition: DashboardDefinition
  /** Stored widgets this release cannot read (left out of `definition`): a save without them drops them, so say so. */
  unreadableWidgets: StoredDefinition['unreadable']
}

function summaryOf(user: SessionUser, record: DashboardSummaryRecord, marks: { defaultId: string | null; homeId: string | null }): DashboardSummary {
  return {
    id: record.id, name: record.name, description: record.description, owner: { id: record.ownerId, email: record.ownerEmail }, shared: record.shared,
    widgetCount: record.widgetCount, revision: record.revision, createdAt: record.createdAt, updatedAt: record.updatedAt,
    updatedBy: { id: record.updatedById, email: record.updatedByEmail }, mine: record.ownerId === user.id, canEdit: mayEdit(user, record),
    isDefault: record.id === marks.defaultId, isHome: record.id === marks.homeId,
  }
}

async function marksFor(db: Database, user: SessionUser) {
  const [defaultId, homeId] = await Promise.all([getSetting(db, DEFAULT_DASHBOARD_SETTING), findHomeDashboardId(db, user.id)])
  return { defaultId, homeId }
}

export async function viewOf(db: Database, user: SessionUser, record: DashboardRecord): Promise<DashboardView> {
  const { definition, unreadable } = readDefinition(record)
  const { widgetCount: _count, ...summary } = summaryOf(user, { ...record, widgetCount: definition.widgets.length }, await marksFor(db, user))
  return { ...summary, definition, unreadableWidgets: unreadable }
}

/** Own and shared dashboards (Administrators: every dashboard), with the default's and the home's ids. */
export async function dashboardsFor(db: Database, user: SessionUser) {
  const [records, marks] = await Promise.all([listDashboards(db, { userId: user.id, everyone: can(user, 'dashboards.editAny') }), marksFor(db, user)])
  // A deleted default or home dashboard is named by neither.
  const listed = (id: string | null) => (id !== null && records.some((record) => record.id === id) ? id : null)
  return { dashboards: records.map((record) => summaryOf(user, record, marks)), defaultId: listed(marks.defaultId), homeId: listed(marks.homeId), canCreate: can(user, 'dashboards.editOwn') }
}

export async function getDashboard(db: Database, user: SessionUser, id: string): Promise<DashboardView> {
  return viewOf(db, user, await viewableDashboard(db, user, id))
}

export async function createDashboard(db: Database, user: SessionUser, input: CreateDashboardInput): Promise<DashboardView> {
  const { shared, ...definition } = input
  return viewOf(db, user, await createDashboardRecord(db, user, user, definition, shared ?? false))
}

export async function saveDashboard(db: Database, user: SessionUser, id: string, body: z.infer<typeof saveDashboardBody>): Promise<DashboardView> {
  const saved = await serialisedChange(id, async () => {
    const record = await editableDashboard(db, user, id)
    assertRevision(record, body.revision)
    return replaceDefinition(db, user, record, body.definition, 'dashboard.save')
  })
  return viewOf(db, user, saved)
}

export async function updateDashboard(db: Database, user: SessionUser, id: string, body: z.infer<typeof updateDashboardBody>): Promise<DashboardView> {
  const saved = await serialisedChange(id, async () => {
    const record = await editableDashboard(db, user, id)
    assertRevision(record, body.revision)
    const action = body.shared !== undefined && body.name === undefined && body.description === undefined ? (body.shared ? 'dashboard.share' : 'dashboard.unshare') : 'dashboard.update'
    const next = { ...record, name: body.name ?? record.name, description: body.description ?? record.description, shared: body.shared ?? record.shared, revision: record.revision + 1 }
    return writeChange(db, user, action, record, next)
  })
  return viewOf(db, user, saved)
}

/** A private copy owned by the caller, with new widget ids (so the copies never share cache or drill-down identity). */
export async function duplicateDashboard(db: Database, user: SessionUser, id: string, body: z.infer<typeof duplicateDashboardBody>): Promise<DashboardView> {
  const { definition } = readDefinition(await viewableDashboard(db, user, id))
  const ids = new Map(definition.widgets.map((widget) => [widget.id, crypto.randomUUID()]))
  const copy: DashboardDefinition = {
    ...definition,
    name: body.name ?? `${definition.name} (copy)`,
    widgets: definition.widgets.map((widget) => ({ ...widget, id: ids.get(widget.id)! })),
    layout: definition.layout.map((item) => ({ ...item, widgetId: ids.get(item.widgetId)! })),
    layouts: mapNarrowLayouts(definition.layouts, (layout) => layout.map((item) => ({ ...item, widgetId: ids.get(item.widgetId)! }))),
  }
  return viewOf(db, user, await createDashboardRecord(db, user, user, copy, false, 'dashboard.duplicate'))
}

export async function removeDashboard(db: Database, user: SessionUser, id: string, revision: number | undefined): Promise<{ deleted: string }> {
  await serialisedChange(id, async () => {
    const record = await editableDashboard(db, user, id)
    assertRevision(record, revision)
    await deleteDashboard(db, record)
    await appendAudit(db, { actor: user, action: 'dashboard.delete', entity: 'dashboard', entityId: id, before: auditState(record) })
  })
  return { deleted: id }
}

/** Sets (or with null clears) the dashboard `/` opens for the caller; it must be one they may view. */
export async function chooseHomeDashboard(db: Database, user: SessionUser, dashboardId: string | null): Promise<{ homeId: string | null }> {
  if (dashboardId !== null) await viewableDashboard(db, user, dashboardId)
  else decideResourceAccess(`dashboardHome:${user.id}`, true)
  await setHomeDashboardId(db, user.id, dashboardId)
  return { homeId: dashboardId }
}
