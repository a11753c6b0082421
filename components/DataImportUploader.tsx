'use client'
// Data import: drop or pick files, upload each with a progress bar (the server ingests while it receives), show the report.
import { useRouter } from 'next/navigation'
import { useRef, useState, type DragEvent } from 'react'
import type { IngestKind, IngestReport } from '@/ingest/pipeline'
import { gridData, type ColumnDef } from './ui/grid/columns'
import { DataGrid } from './ui/grid/DataGrid'

interface Upload {
  file: string
  /** 0–1 of the bytes sent; the server processes them as they arrive. */
  sent: number
  state: 'uploading' | 'processing' | 'done' | 'failed'
  report?: IngestReport
  message?: string
}

const KINDS: { value: IngestKind; label: string }[] = [
  { value: 'scans', label: 'Scan results' },
  { value: 'catalog', label: 'Patch catalog' },
  { value: 'job-results', label: 'Job results' },
]

function send(file: File, kind: IngestKind, onProgress: (sent: number) => void): Promise<{ status: number; body: (IngestReport & { error?: { message: string } }) | { error?: { message: string } } }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    request.open('POST', `/api/v1/admin/data-import?kind=${kind}&fileName=${encodeURIComponent(file.name)}`)
    request.setRequestHeader('content-type', /\.(ndjson|jsonl)(\.gz)?$/i.test(file.name) ? 'application/x-ndjson' : 'application/json')
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total)
    request.onload = () => {
      let body = {}
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = { error: { message: `The server answered ${request.status} without a report.` } }
      }
      resolve({ status: request.status, body })
    }
    request.onerror = () => resolve({ status: 0, body: { error: { message: 'The upload failed: the connection to the server broke.' } } })
    request.send(file)
  })
}

export function DataImportUploader({ userId }: { userId: string }) {
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<IngestKind>('scans')
  const [dragging, setDragging] = useState(false)
  const [uploads, setUploads] = useState<Upload[]>([])

  const update = (index: number, change: Partial<Upload>) => setUploads((all) => all.map((upload, i) => (i === index ? { ...upload, ...change } : upload)))

  async function uploadAll(files: File[]) {
    if (files.length === 0) return
    const start = uploads.length
    setUploads((all) => [...all, ...files.map((file): Upload => ({ file: file.name, sent: 0, state: 'uploading' }))])
    for (const [offset, file] of files.entries()) {
      const index = start + offset
      const { body } = await send(file, kind, (sent) => update(index, { sent, state: sent >= 1 ? 'processing' : 'uploading' }))
      if ('accepted' in body) update(index, { sent: 1, state: body.failure ? 'failed' : 'done', report: body, message: body.error?.message })
      else update(index, { sent: 1, state: 'failed', message: body.error?.message ?? 'The upload failed.' })
    }
    router.refresh()
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault()
    setDragging(false)
    void uploadAll([...event.dataTransfer.files])
  }

  return (
    <section className="panel upload-panel" aria-label="Upload files">
      <div className="upload-controls">
        <div className="field">
          <label htmlFor="import-kind">Documents in the files</label>
          <select id="import-kind" value={kind} onChange={(event) => setKind(event.target.value as IngestKind)}>
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">JSON (one document or an array), NDJSON (.ndjson, .jsonl: one document a line), optionally gzip-compressed (.gz).</p>
      </div>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        onClick={() => input.current?.click()}
        role="button"
        tabIndex={0}
        onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && input.current?.click()}
      >
        Drop files here, or click to choose
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Choose files"
          accept=".json,.ndjson,.jsonl,.gz,application/json"
          onChange={(event) => {
            void uploadAll([...(event.target.files ?? [])])
            event.target.value = ''
          }}
        />
      </div>
      {uploads.map((upload, index) => (
        <UploadResult key={index} upload={upload} userId={userId} />
      ))}
    </section>
  )
}

type ReportError = IngestReport['errors'][number]

const ERROR_COLUMNS: ColumnDef<ReportError>[] = [
  { id: 'line', header: 'Line', numeric: true, cell: (error) => error.line },
  { id: 'document', header: 'Document', cell: (error) => error.scanId ?? <span className="muted">—</span> },
  { id: 'field', header: 'Field', cell: (error) => <code>{error.path || '(document)'}</code> },
  { id: 'problem', header: 'Problem', hideable: false, cell: (error) => error.message },
]

function UploadResult({ upload, userId }: { upload: Upload; userId: string }) {
  const { report } = upload
  const label = { uploading: `Uploading… ${Math.round(upload.sent * 100)}%`, processing: 'Processing…', done: 'Done', failed: 'Failed' }[upload.state]
  return (
    <div className="upload-result" data-testid="upload-result">
      <div className="upload-head">
        <strong>{upload.file}</strong>
        <span className={`upload-state upload-${upload.state}`}>{label}</span>
      </div>
      <progress className="upload-progress" max={1} value={upload.state === 'processing' ? undefined : upload.sent} aria-label={`Progress of ${upload.file}`} />
      {upload.message && (
        <div className={upload.state === 'failed' ? 'error' : 'warning'} role="alert">
          {upload.message}
        </div>
      )}
      {report && (
        <>
          <dl className="report-counts" data-testid="ingest-report">
            <div><dt>Accepted</dt><dd>{report.accepted.toLocaleString('en')}</dd></div>
            <div><dt>Rejected</dt><dd className={report.rejected > 0 ? 'count-missing' : undefined}>{report.rejected.toLocaleString('en')}</dd></div>
            <div><dt>Duplicates</dt><dd>{report.duplicates.toLocaleString('en')}</dd></div>
            <div><dt>Older than current</dt><dd>{report.stale.toLocaleString('en')}</dd></div>
            <div><dt>Findings</dt><dd>{report.findings.toLocaleString('en')}</dd></div>
            <div><dt>Unknown fields ignored</dt><dd>{report.unknownFields.toLocaleString('en')}</dd></div>
            <div><dt>Time</dt><dd>{(report.durationMs / 1000).toFixed(1)} s</dd></div>
          </dl>
          {report.errors.length > 0 && (
            <DataGrid
              tableId="ingest-report-errors"
              userId={userId}
              label={`Errors in ${upload.file}`}
              noun="errors shown"
              {...gridData(ERROR_COLUMNS, report.errors, (error) => `${error.line}:${error.path}:${error.message}`)}
              bounded={false}
            />
          )}
          {report.errorsTotal > report.errors.length && <p className="hint">… and {report.errorsTotal - report.errors.length} more errors; every rejected document is kept in the quarantine, which Administrators see below.</p>}
        </>
      )}
    </div>
  )
}
