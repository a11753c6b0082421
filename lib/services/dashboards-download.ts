// Dashboard download (Administrators: dashboards.download): the page the requester would see, as PNG or PDF, audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { appendAudit } from '@/lib/repositories/audit'
import { DOWNLOAD_FORMATS, renderDashboardPage } from '@/lib/dashboards/render'
import { fileSlug, viewableDashboard } from './dashboards'

/** `filters` and `tags` as for the data endpoint: the download shows the dashboard filtered as on screen. */
export const dashboardDownloadQuery = z.object({
  format: z.enum(DOWNLOAD_FORMATS, { message: 'format is png or pdf' }),
  filters: z.string().max(2000).optional(),
  tags: z.string().max(10_000).optional(),
})

const CONTENT_TYPES = { png: 'image/png', pdf: 'application/pdf' } as const

export async function downloadDashboard(db: Database, user: SessionUser, id: string, query: z.infer<typeof dashboardDownloadQuery>) {
  const dashboard = await viewableDashboard(db, user, id)
  const search = new URLSearchParams({ print: '1' })
  if (query.filters !== undefined) search.set('filters', query.filters)
  if (query.tags !== undefined) search.set('tags', query.tags)
  const bytes = await renderDashboardPage(db, user, { path: `/dashboards/${id}?${search}`, format: query.format })
  await appendAudit(db, { actor: user, action: 'dashboard.download', entity: 'dashboard', entityId: id, after: { format: query.format, filters: query.filters ?? null, tags: query.tags ?? null } })
  return { bytes, contentType: CONTENT_TYPES[query.format], filename: `${fileSlug(dashboard.name)}.${query.format}` }
}
