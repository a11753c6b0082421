// GET /api/v1/exports lists the caller's export jobs; POST starts a background export job (refused above the row limit).
import { apiRoute } from '@/lib/http/api'
import { listMyExports, startExport, startExportBody } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export' }, ({ db, user }) => listMyExports(db, user))

export const POST = apiRoute({ action: 'data.export', body: startExportBody }, async ({ db, user, body }) =>
  Response.json(await startExport(db, user, body), { status: 202 }),
)
