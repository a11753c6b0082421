'use client'
// The jobs grid (the page of jobs the server read for the URL's query and filters), with row and bulk actions and their results.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useState } from 'react'
import { useNotice } from '@/components/ui/Notice'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { timeHeader } from '@/lib/format'
import type { JobAction, JobView } from '@/lib/schemas/jobs'
import { JobBulkActions, type BulkOutcome } from './JobBulkActions'
import { JobProgressCell, JobRunTimeCell, JobStatusCell, JobTagsCell } from './JobCells'
import { JobRowActions } from './JobRowActions'
import { JobsEmpty } from './JobsEmpty'
import type { JobPage } from './jobs-api'
import './jobs.css'

const BULK_ACTIONS: JobAction[] = ['enable', 'changeOwner', 'delete']

interface Props {
  data: JobPage
  /** The list's URL parameters (query, token version, filters, sort), kept by the pager. */
  params: Record<string, string>
  /** Whether a query or filter is in use (the empty state then says nothing matched, not how to start). */
  filtered: boolean
  userId: string
  timeZone: string
  canCreate: boolean
  canCreateAdvisory: boolean
}

function columns(timeZone: string, onDone: Parameters<typeof JobRowActions>[0]['onDone']): ColumnDef<JobView>[] {
  return [
    { id: 'status', header: 'Status', sortKey: 'status', cell: (job) => <JobStatusCell job={job} /> },
    {
      id: 'name',
      header: 'Name',
      sortKey: 'name',
      hideable: false,
      cell: (job) => (job.actions.includes('view') ? <Link className="job-name" href={`/jobs/${encodeURIComponent(job.id)}/progress`}><strong>{job.name}</strong></Link> : <strong className="job-name">{job.name}</strong>),
    },
    { id: 'type', header: 'Type', sortKey: 'type', cell: (job) => job.type || '—' },
    { id: 'owner', header: 'Owner', sortKey: 'owner', cell: (job) => job.owner?.email ?? <span className="muted">No owner (advisory)</span> },
    { id: 'schedule', header: 'Schedule', sortKey: 'scheduleType', cell: (job) => job.scheduleText },
    { id: 'patches', header: 'Patches', sortKey: 'patchCount', numeric: true, cell: (job) => (job.patchCount === null ? (job.patches ? 'Dynamic' : '—') : job.patchCount.toLocaleString('en')) },
    { id: 'assets', header: 'Assets', numeric: true, cell: (job) => job.assetCount.toLocaleString('en') },
    { id: 'tags', header: 'Tags', cell: (job) => <JobTagsCell job={job} /> },
    {
      id: 'taggedAssets',
      header: 'Tagged assets',
      numeric: true,
      cell: (job) => (job.targets.tags.length === 0 ? <span className="muted">—</span> : `${job.taggedAssets.included.toLocaleString('en')} of ${job.taggedAssets.matched.toLocaleString('en')}`),
    },
    { id: 'lastRun', header: timeHeader('Last run', timeZone), sortKey: 'lastRun', nowrap: true, cell: (job) => <JobRunTimeCell iso={job.lastRunAt} job={job} timeZone={timeZone} empty="Never" /> },
    { id: 'nextRun', header: timeHeader('Next run', timeZone), sortKey: 'nextRun', nowrap: true, cell: (job) => <JobRunTimeCell iso={job.nextRunAt} job={job} timeZone={timeZone} empty="—" /> },
    { id: 'progress', header: 'Progress', nowrap: true, cell: (job) => <JobProgressCell progress={job.progress} /> },
    { id: 'actions', header: 'Actions', hideable: false, cell: (job) => <JobRowActions job={job} onDone={onDone} /> },
  ]
}

export function JobsList({ data, params, filtered, userId, timeZone, canCreate, canCreateAdvisory }: Props) {
  const router = useRouter()
  const [bulk, setBulk] = useState<BulkOutcome | null>(null)
  const { show, noticeElement } = useNotice()

  const onDone = useCallback(
    (outcome: { kind: 'ok' | 'error'; text: string }) => {
      show(outcome)
      setBulk(null)
      router.refresh()
    },
    [show, router],
  )

  if (data.total === 0 && !filtered) return <JobsEmpty canCreate={canCreate} canCreateAdvisory={canCreateAdvisory} />
  const keep = Object.fromEntries(Object.entries(params).filter(([key]) => !['page', 'pageSize', 'sort', 'dir'].includes(key)))
  // Selection only when some row allows a bulk action (a Reader gets none).
  const canBulk = data.rows.some((job) => job.actions.some((action) => BULK_ACTIONS.includes(action)))
  const grid = gridData(columns(timeZone, onDone), data.rows, (job) => job.id, (job) => ({ label: job.name, testId: `job-${job.id}` }))
  return (
    <>
      {noticeElement}
      {bulk && (
        <div className={`notice ${bulk.refused.length > 0 ? 'notice-error' : 'notice-ok'} bulk-results`} role="status" data-testid="bulk-results">
          <div className="notice-body">
            {bulk.done.length > 0 ? `${bulk.action} ${bulk.done.join(', ')}.` : `${bulk.action} none of the selected jobs.`}
            {bulk.refused.length > 0 && (
              <ul aria-label="Refused">
                {bulk.refused.map((item) => (
                  <li key={item.name}>
                    {item.name}: {item.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <DataGrid
        tableId="jobs"
        userId={userId}
        label="Jobs"
        noun="jobs"
        {...grid}
        paging={{ basePath: '/jobs', keep, sort: params.sort, dir: params.dir as 'asc' | 'desc' | undefined, page: data.page, pageSize: data.pageSize, total: data.total }}
        bulkActions={
          canBulk
            ? (ids, clear) => (
                <JobBulkActions
                  jobs={data.rows}
                  ids={ids}
                  clear={clear}
                  onDone={(outcome) => {
                    show(null)
                    setBulk(outcome)
                    router.refresh()
                  }}
                />
              )
            : undefined
        }
        emptyText="No job matches the search and filters."
      />
    </>
  )
}
