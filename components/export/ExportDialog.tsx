'use client'
// The Export button and dialog of a list (Assets, Patches, Findings, Jobs, job progress): format, columns, what will be
// exported in words, the row count; then a direct download (up to the direct limit) or a background job followed on My exports.
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Notice, type NoticeMessage } from '@/components/ui/Notice'
import type { ExportJobView, ExportPreview } from '@/lib/services/exports'
import { ColumnPicker } from './ColumnPicker'
import { rememberColumns, rememberedColumns } from './column-choice'
import './export.css'

export interface ExportDialogProps {
  entity: 'assets' | 'patches' | 'findings' | 'jobs' | 'jobProgress'
  /** The list's QQL query and its token version, exactly as on screen. */
  query: string
  version: number
  /** The list's sort key and direction (absent: the entity's default order). */
  sort?: string
  dir?: 'asc' | 'desc'
  /** Whose remembered column choice to use (localStorage is per user and list). */
  userId: string
  /**
   * A service-backed export (jobs, job progress) with its own routes: the preview URL, and the download URL with the
   * screen's parameters (format, columns and bom are added). Above the direct limit the same parameters start the
   * background job (`options` of POST /api/v1/exports).
   */
  source?: { previewUrl: string; downloadUrl: string; noun: string }
}

type Format = 'csv' | 'xlsx'

const count = (n: number) => n.toLocaleString('en')

/** The direct-download URL of the core export route (GET /api/v1/export streams the file). */
function directUrl(props: ExportDialogProps, format: Format, columns: string[], bom: boolean): string {
  if (props.source) {
    const [path, kept = ''] = props.source.downloadUrl.split('?', 2)
    const params = new URLSearchParams(kept)
    params.set('format', format)
    params.set('columns', columns.join(','))
    if (format === 'csv' && bom) params.set('bom', '1')
    return `${path}?${params}`
  }
  const params = new URLSearchParams({ entity: props.entity, format, q: props.query, v: String(props.version), columns: columns.join(',') })
  if (props.sort) params.set('sort', props.sort)
  if (props.dir) params.set('dir', props.dir)
  if (format === 'csv' && bom) params.set('bom', '1')
  return `/api/v1/export?${params}`
}

export function ExportDialog(props: ExportDialogProps) {
  const { entity, query, version, sort, dir, userId } = props
  const previewUrl = props.source?.previewUrl
  const [open, setOpen] = useState(false)
  const [preview, setPreview] = useState<ExportPreview | null>(null)
  const [failure, setFailure] = useState<NoticeMessage | null>(null)
  const [format, setFormat] = useState<Format>('xlsx')
  const [bom, setBom] = useState(true)
  const [columns, setColumns] = useState<string[]>([])
  const [started, setStarted] = useState<ExportJobView | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!open) return
    let current = true
    const params = new URLSearchParams({ entity, q: query, v: String(version) })
    void callApi<ExportPreview>('GET', previewUrl ?? `/api/v1/exports/preview?${params}`).then((result) => {
      if (!current) return
      if (!result.ok) return setFailure({ kind: 'error', text: result.message })
      setPreview(result.data)
      setColumns(rememberedColumns(userId, entity, result.data.columns))
    })
    return () => {
      current = false
    }
  }, [open, entity, query, version, userId, previewUrl])

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) {
      setPreview(null)
      setFailure(null)
      setStarted(null)
    }
  }

  const chooseColumns = (ids: string[]) => {
    setColumns(ids)
    rememberColumns(userId, entity, ids)
  }

  const startJob = async () => {
    setBusy(true)
    const options = props.source ? { options: Object.fromEntries(new URLSearchParams(props.source.downloadUrl.split('?', 2)[1] ?? '')) } : {}
    const body = { entity, format, q: query, v: version, columns, sort: sort ?? null, dir: dir ?? null, bom: format === 'csv' && bom, ...options }
    const result = await callApi<ExportJobView>('POST', '/api/v1/exports', body)
    setBusy(false)
    if (result.ok) setStarted(result.data)
    else setFailure({ kind: 'error', text: result.message })
  }

  const ready = preview?.ok ? preview : null
  const tooLarge = ready !== null && ready.rows > ready.maxRows
  const direct = ready !== null && ready.rows <= ready.directMaxRows
  const noColumns = columns.length === 0

  return (
    <Dialog
      title={`Export ${props.source?.noun ?? entity}`}
      description="The rows of this list as on screen: the same query, sort and tag scope."
      open={open}
      onOpenChange={onOpenChange}
      wide
      trigger={
        <button type="button" className="secondary">
          Export
        </button>
      }
    >
      <Notice notice={failure} />
      {preview && !preview.ok && <Notice notice={{ kind: 'error', text: `The query cannot be exported as it is: ${preview.errors.join('; ')}` }} />}
      {!preview && !failure && <p className="export-loading">Counting the rows…</p>}
      {ready && !started && (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (!direct) void startJob()
          }}
        >
          <p className="export-summary" data-testid="export-summary">
            <strong>{count(ready.rows)}</strong> {ready.rows === 1 ? 'row' : 'rows'}: {ready.explain}.
          </p>
          {tooLarge && (
            <Notice
              notice={{ kind: 'error', text: `That is more than the limit of ${count(ready.maxRows)} rows per export. Narrow the query (for example by site, severity or status).` }}
            />
          )}
          <fieldset className="radio-group">
            <legend>Format</legend>
            {(['xlsx', 'csv'] as const).map((value) => (
              <label key={value} className="inline">
                <input type="radio" name="format" value={value} checked={format === value} onChange={() => setFormat(value)} />
                {value === 'xlsx' ? 'Excel (XLSX)' : 'CSV'}
              </label>
            ))}
          </fieldset>
          {format === 'csv' && (
            <label className="inline export-bom">
              <input type="checkbox" checked={bom} onChange={(event) => setBom(event.target.checked)} />
              Start with a byte order mark (Excel then reads accents and other scripts correctly)
            </label>
          )}
          <ColumnPicker columns={ready.columns} chosen={columns} onChange={chooseColumns} />
          <p className="field-hint">
            {direct
              ? `Up to ${count(ready.directMaxRows)} rows download at once.`
              : `Above ${count(ready.directMaxRows)} rows the file is written in the background: follow it, and download it, on My exports.`}
          </p>
          <div className="dialog-actions">
            <DialogCancel />
            {direct ? (
              <a
                className={`button${noColumns ? ' disabled' : ''}`}
                href={noColumns ? undefined : directUrl(props, format, columns, bom)}
                aria-disabled={noColumns}
                download
                onClick={() => setTimeout(() => onOpenChange(false), 0)}
              >
                Download {format.toUpperCase()}
              </a>
            ) : (
              <button type="submit" disabled={tooLarge || noColumns || busy} aria-busy={busy}>
                Start background export
              </button>
            )}
          </div>
        </form>
      )}
      {started && (
        <>
          <Notice notice={{ kind: 'ok', text: `Export started: ${count(started.rowsTotal)} rows as ${started.format.toUpperCase()}, written in the background.` }} />
          <div className="dialog-actions">
            <DialogCancel label="Close" />
            <Link className="button" href="/exports">
              Open My exports
            </Link>
          </div>
        </>
      )}
    </Dialog>
  )
}
