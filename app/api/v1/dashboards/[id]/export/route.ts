// GET /api/v1/dashboards/:id/export: the dashboard as a versioned JSON file (a download).
import { NextResponse } from 'next/server'
import { apiRoute } from '@/lib/http/api'
import { dashboardIdParams } from '@/lib/services/dashboards'
import { exportDashboardFile } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.view', params: dashboardIdParams }, async ({ db, user, params }) => {
  const { file, filename } = await exportDashboardFile(db, user, params.id)
  return NextResponse.json(file, { headers: { 'content-disposition': `attachment; filename="${filename}"` } })
})
