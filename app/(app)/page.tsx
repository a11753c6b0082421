// Home: the user's home dashboard, else the default one (executives land on a dashboard, not on a list).
import { redirect } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { requirePageUser } from '@/lib/auth/page'
import { landingPath } from '@/lib/services/dashboards-setup'

export const dynamic = 'force-dynamic'

export default async function Home() {
  const user = await requirePageUser('dashboards.view')
  redirect(await landingPath(await getDatabase(), user))
}
