// Dashboards: the viewer's own, those shared with everyone, and for Administrators every dashboard; create and manage them.
import { getDatabase } from '@/clickhouse/client'
import { DashboardList } from '@/components/dashboards/DashboardList'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { dashboardsFor } from '@/lib/services/dashboards'

export const dynamic = 'force-dynamic'

export default async function DashboardsPage() {
  const user = await requirePageUser('dashboards.view')
  const { dashboards, canCreate } = await dashboardsFor(await getDatabase(), user)
  return (
    <>
      <h1>Dashboards</h1>
      <p className="subtitle">Open a dashboard, or make your own from QQL widgets. Widgets always show the data in your own scope.</p>
      <DashboardList dashboards={dashboards} canCreate={canCreate} seesAll={can(user, 'dashboards.editAny')} userId={user.id} timeZone={user.timeZone} />
    </>
  )
}
