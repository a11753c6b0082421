// Jobs: every job of the subscription with its status, schedule in words, counts and progress; QQL search, filters, row and bulk actions.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { ExportDialog } from '@/components/export/ExportDialog'
import { JobFilters } from '@/components/jobs/JobFilters'
import { JobsList } from '@/components/jobs/JobsList'
import { SearchBar } from '@/components/search/SearchBar'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { fetchJobPage, jobListQuery } from '@/lib/services/jobs'
import { readListInput } from '@/lib/services/page-input'
import { recentSearchesFor, searchForPage } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('jobs.viewAssigned')
  const raw = await searchParams
  const input = readListInput(jobListQuery, raw)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'jobs', input.q, input.v)
  const recent = await recentSearchesFor(db, user, 'jobs')
  const data = search.ok ? await fetchJobPage(db, user, input) : null
  // The pager keeps the query and filters as the URL has them.
  const params = Object.fromEntries(['q', 'v', 'status', 'scheduleType', 'type', 'mine', 'coAuthored', 'sort', 'dir'].flatMap((key) => (typeof raw[key] === 'string' && raw[key] !== '' ? [[key, raw[key]]] : [])))
  const filtered = input.q.trim() !== '' || input.status.length + input.scheduleType.length + input.type.length > 0 || input.mine || input.coAuthored
  const canCreate = can(user, 'jobs.create')
  const canCreateAdvisory = can(user, 'jobs.createAdvisory')
  // The export holds exactly the list's rows: the same query, filters and sort (GET /api/v1/export/jobs, docs/export.md).
  const exportParams = new URLSearchParams(Object.entries(params)).toString()
  return (
    <>
      <div className="jobs-head">
        <div>
          <h1>Jobs</h1>
          <p className="subtitle">Patch deployment and uninstall jobs, their schedules and their latest run.</p>
        </div>
        <div className="jobs-head-actions">
          {canCreate && (
            <Link className="button" href="/jobs/new">
              New job
            </Link>
          )}
          {canCreateAdvisory && (
            <Link className="button" href="/jobs/new?advisory=1">
              New advisory
            </Link>
          )}
          {can(user, 'data.export') && data && data.total > 0 && (
            <ExportDialog
              entity="jobs"
              query={input.q}
              version={input.v}
              userId={user.id}
              source={{ previewUrl: `/api/v1/export/jobs/preview?${exportParams}`, downloadUrl: `/api/v1/export/jobs?${exportParams}`, noun: 'jobs' }}
            />
          )}
        </div>
      </div>
      <SearchBar entity="jobs" basePath="/jobs" query={input.q} version={input.v} recent={recent} quickFilters={[]} placeholder="e.g. status: Enabled and scheduleType: Weekly and targetTag: Site-Berlin" />
      <JobFilters />
      {data && (
        <JobsList
          data={data}
          params={params}
          filtered={filtered}
          userId={user.id}
          timeZone={user.timeZone}
          canCreate={canCreate}
          canCreateAdvisory={canCreateAdvisory}
        />
      )}
    </>
  )
}
