// The job progress page's body (server-rendered): the job's facts, run picker and filters, figures and donut, the asset table, Export.
import Link from 'next/link'
import { ExportDialog } from '@/components/export/ExportDialog'
import { QqlSearchBox } from '@/components/search/QqlSearchBox'
import { Notice } from '@/components/ui/Notice'
import { gridData } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { formatDateTime } from '@/lib/format'
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'
import { FINISHED_RUN_STATUSES, type JobProgressView } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import { AutoRefresh } from './AutoRefresh'
import { ProgressChart } from './ProgressChart'
import { ProgressFilters } from './ProgressFilters'
import { runAssetColumns } from './run-asset-columns'
import { groupCounts, type StatusGroup } from './status-groups'

export interface ProgressInput {
  runId: string
  status: string
  q: string
  page: number
  pageSize: number
}

interface Props {
  job: JobView
  progress: JobProgressView
  input: ProgressInput
  user: { id: string; timeZone: string }
  canExport: boolean
  /** Why the asset query in the URL was not applied ('' when it was). */
  queryError: string
}

const count = (n: number) => n.toLocaleString('en')

/** The URL parameters the page keeps (the run once chosen, the status, the query), without empty ones. */
function kept(input: ProgressInput, runId: string): Record<string, string> {
  return Object.fromEntries(Object.entries({ runId, status: input.status, q: input.q }).filter(([, value]) => value !== ''))
}

export function JobProgressScreen({ job, progress, input, user, canExport, queryError }: Props) {
  const path = `/jobs/${encodeURIComponent(job.id)}/progress`
  const run = progress.run
  const runId = run?.runId ?? ''
  const keep = kept(input, input.runId === '' ? '' : runId)
  const withoutQuery = Object.fromEntries(Object.entries(keep).filter(([name]) => name !== 'q'))
  const active = run !== null && progress.finished < progress.total
  const statuses = Object.entries(progress.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([status, n]) => ({ status, count: n ?? 0 }))
  const groups = groupCounts(progress.counts)
  const group = (name: StatusGroup) => groups.find((entry) => entry.group === name)?.count ?? 0
  // The export names the run on screen, so a run that starts meanwhile does not change what is exported.
  const exportParams = new URLSearchParams({ job: job.id, ...keep, ...(runId ? { runId } : {}) })
  const running = Object.entries(progress.counts).reduce((sum, [status, n]) => sum + ((FINISHED_RUN_STATUSES as readonly string[]).includes(status) ? 0 : (n ?? 0)), 0)
  return (
    <>
      <p className="muted">
        <Link href="/jobs">Jobs</Link> ›
      </p>
      <h1>Progress of {job.name}</h1>
      <p className="job-facts">
        <span>
          Type <strong>{job.type || 'not chosen'}</strong>
        </span>
        <span>
          Schedule <strong>{job.scheduleText}</strong>
        </span>
        <span>
          Owner <strong>{job.owner?.email ?? 'none (advisory)'}</strong>
        </span>
        <span>
          Status <strong>{job.status}</strong>
        </span>
      </p>
      <div className="progress-toolbar">
        <ProgressFilters
          path={path}
          params={keep}
          runs={progress.runs.map((r) => ({ id: r.runId, label: `${formatDateTime(r.scheduledAt, user.timeZone, { zone: true })} · ${count(r.assetCount)} assets` }))}
          runId={runId}
          statuses={statuses}
          status={input.status}
        />
        {canExport && run && (
          <ExportDialog
            entity="jobProgress"
            query={input.q}
            version={CURRENT_TOKEN_VERSION}
            userId={user.id}
            source={{ previewUrl: `/api/v1/export/job-progress/preview?${exportParams}`, downloadUrl: `/api/v1/export/job-progress?${exportParams}`, noun: 'job progress' }}
          />
        )}
      </div>
      {run === null ? (
        <p className="panel">This job has not run yet. Its runs appear here when they are due{job.actions.includes('runNow') ? ' or when you click Run now on the Jobs list' : ''}.</p>
      ) : (
        <>
          <section className="progress-summary" aria-label="Run summary">
            <div className="progress-side">
              <dl className="progress-figures">
                <div>
                  <dt>Finished</dt>
                  <dd data-testid="progress-percent">{progress.percent}%</dd>
                </div>
                <div>
                  <dt>Assets in the run</dt>
                  <dd data-testid="progress-total">{count(progress.total)}</dd>
                </div>
                <div>
                  <dt>Assets done</dt>
                  <dd data-testid="progress-done">{count(group('done'))}</dd>
                </div>
                <div>
                  <dt>Assets pending reboot</dt>
                  <dd data-testid="progress-reboot">{count(group('reboot'))}</dd>
                </div>
                <div className="figure-failed">
                  <dt>Assets failed</dt>
                  <dd data-testid="progress-failed">{count(progress.failed)}</dd>
                </div>
              </dl>
              <AutoRefresh active={active} seconds={5} />
              {running > 0 && <p className="muted">{count(running)} assets still waiting or working.</p>}
            </div>
            <div className="progress-chart-card">
              <h2>Assets by status</h2>
              <ProgressChart counts={progress.counts} total={progress.total} percent={progress.percent} />
            </div>
          </section>
          <QqlSearchBox
            key={input.q}
            entity="assets"
            basePath={Object.keys(withoutQuery).length > 0 ? `${path}?${new URLSearchParams(withoutQuery)}` : path}
            initialQuery={input.q}
            initialVersion={CURRENT_TOKEN_VERSION}
            recent={[]}
            placeholder="Filter the assets, e.g. tags.name: Site-Pune or name: WKS*"
            suggestUrl="/api/v1/qql/suggest"
          />
          {queryError && <Notice notice={{ kind: 'error', text: `${queryError} Every asset of the run is listed instead.` }} />}
          <DataGrid
            tableId="job-progress"
            userId={user.id}
            label="Assets of the run"
            noun="assets"
            emptyText="No asset of this run matches these filters."
            {...gridData(runAssetColumns(user.timeZone), progress.assets.rows, (row) => row.assetId)}
            paging={{ basePath: path, keep, page: progress.assets.page, pageSize: progress.assets.pageSize, total: progress.assets.total }}
          />
        </>
      )}
    </>
  )
}
