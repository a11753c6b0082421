// A dashboard: its definition read on the server (404 when it is not the viewer's to open), the grid and its data in the
// browser. `?filters=…&tags=…` filter every widget (a shareable URL); `?print=1` is the chrome-less print layout.
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { DashboardScreen } from '@/components/dashboards/DashboardScreen'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { DomainError } from '@/lib/errors'
import { getDashboard } from '@/lib/services/dashboards'
import type { DashboardFilters } from '@/widgets/schema'

export const dynamic = 'force-dynamic'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** The URL's filters, or null when it names none (the dashboard's saved filters apply). */
function urlFilters(search: Record<string, string | string[] | undefined>): DashboardFilters | null {
  const query = first(search.filters)
  const tags = first(search.tags)
  if (query === undefined && tags === undefined) return null
  return { query: (query ?? '').slice(0, 2000), tags: (tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean).slice(0, 100) }
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const user = await requirePageUser('dashboards.view')
  const { id } = await params
  if (!UUID.test(id)) notFound()
  const search = await searchParams
  let dashboard
  try {
    dashboard = await getDashboard(await getDatabase(), user, id)
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') notFound()
    throw error
  }
  return (
    <DashboardScreen
      key={dashboard.id}
      dashboard={dashboard}
      timeZone={user.timeZone}
      canDownload={can(user, 'dashboards.download')}
      print={first(search.print) === '1'}
      urlFilters={urlFilters(search)}
    />
  )
}
