'use client'
// My exports: the user's export jobs with status, a progress bar (rows written of the total, an ETA), cancel, download
// links and expiry; polls the API while a job is queued or running.
import { useCallback, useEffect, useState } from 'react'
import { callApi } from '@/components/api-client'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { useNotice } from '@/components/ui/Notice'
import { isQqlDescribed } from '@/lib/export/export-description'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { ExportJobView } from '@/lib/services/exports'
import './export.css'

const POLL_MS = 1_500
const count = (n: number) => n.toLocaleString('en')

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

function eta(seconds: number | null): string {
  if (seconds === null) return 'estimating time left…'
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`
  return `about ${(seconds / 3600).toFixed(1)} h left`
}

const STATUS_LABELS: Record<ExportJobView['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
  expired: 'Expired',
}

const isActive = (job: ExportJobView) => job.status === 'queued' || job.status === 'running'

function Progress({ job }: { job: ExportJobView }) {
  if (job.status === 'queued') return <span className="export-progress-text">Waiting: two exports of yours run at a time.</span>
  if (job.status !== 'running') return <span className="export-progress-text">{job.rowsTotal > 0 ? `${count(job.rowsWritten)} of ${count(job.rowsTotal)} rows` : '—'}</span>
  // Until the runner has counted the rows there is no total to show progress against.
  const label = job.finishing
    ? `All ${count(job.rowsTotal)} rows read; finishing the file…`
    : job.rowsTotal === 0
      ? 'Counting the rows…'
      : `${job.percent} % — ${count(job.rowsWritten)} of ${count(job.rowsTotal)} rows, ${eta(job.etaSeconds)}`
  return (
    <div className="export-progress">
      <progress max={100} value={job.percent} aria-label={`Progress of the ${job.title} export`} />
      <span className="export-progress-text" data-testid="export-progress-text">
        {label}
      </span>
    </div>
  )
}

export function ExportJobList({ initialJobs, userId, timeZone }: { initialJobs: ExportJobView[]; userId: string; timeZone: string }) {
  const [jobs, setJobs] = useState(initialJobs)
  const { show, noticeElement } = useNotice()

  const reload = useCallback(async () => {
    const result = await callApi<{ jobs: ExportJobView[] }>('GET', '/api/v1/exports')
    if (result.ok) setJobs(result.data.jobs)
  }, [])

  const active = jobs.some(isActive)
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => void reload(), POLL_MS)
    return () => clearInterval(timer)
  }, [active, reload])

  const cancel = async (job: ExportJobView) => {
    const result = await callApi<ExportJobView>('POST', `/api/v1/exports/${job.id}/cancel`)
    show(result.ok ? { kind: 'ok', text: result.data.error || 'Export canceled.' } : { kind: 'error', text: result.message })
    await reload()
  }

  const columns: ColumnDef<ExportJobView>[] = [
    {
      id: 'export',
      header: 'Export',
      hideable: false,
      cell: (job) => (
        <>
          <strong>
            {job.title} · {job.format.toUpperCase()}
          </strong>
          <div className="export-note" data-testid="export-description">
            {isQqlDescribed(job.entity) && job.query.trim() ? <code>{job.description}</code> : job.description}
          </div>
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (job) => (
        <>
          <span className={`export-status export-status-${job.status}`}>{STATUS_LABELS[job.status]}</span>
          {job.error && <div className={job.status === 'failed' ? 'export-error' : 'export-note'}>{job.error}</div>}
        </>
      ),
    },
    { id: 'progress', header: 'Progress', cell: (job) => <Progress job={job} /> },
    { id: 'size', header: 'Size', numeric: true, nowrap: true, cell: (job) => (job.status === 'done' ? `${size(job.bytes)}${job.sheets > 1 ? ` · ${job.sheets} sheets` : ''}` : '—') },
    { id: 'created', header: timeHeader('Started', timeZone), nowrap: true, cell: (job) => formatDateTime(job.createdAt, timeZone) },
    {
      id: 'expires',
      header: timeHeader('Expires', timeZone),
      nowrap: true,
      cell: (job) => (job.status === 'done' && job.expiresAt ? formatDateTime(job.expiresAt, timeZone) : '—'),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideable: false,
      nowrap: true,
      cell: (job) =>
        job.downloadUrl ? (
          <a className="button small" href={job.downloadUrl} download={job.fileName}>
            Download<span className="visually-hidden"> {job.fileName}</span>
          </a>
        ) : isActive(job) ? (
          <button type="button" className="secondary small" onClick={() => void cancel(job)}>
            Cancel<span className="visually-hidden"> the {job.title} export</span>
          </button>
        ) : null,
    },
  ]

  return (
    <>
      {noticeElement}
      <DataGrid
        tableId="exports"
        userId={userId}
        label="My exports"
        noun="exports"
        emptyText="No exports yet: use Export on Assets, Patches, Findings, Jobs or a job's progress."
        {...gridData(columns, jobs, (job) => job.id, (job) => ({ label: `${job.title} ${job.format} export`, testId: `export-${job.id}` }))}
      />
    </>
  )
}
