'use client'
// "Import dashboard": pick an exported JSON file, import it as a new private dashboard, and report what was migrated or dropped.
import Link from 'next/link'
import { useRef, useState } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Notice } from '@/components/ui/Notice'

interface ImportAnswer {
  dashboard: { id: string; name: string; definition: { widgets: unknown[] } }
  migratedFrom: number | null
  dropped: string[]
}

type Outcome = { ok: true; file: string; answer: ImportAnswer } | { ok: false; file: string; message: string }

/** Reads the picked file as JSON; a file that is not JSON is refused here with the reason, before any request. */
async function importFile(file: File): Promise<Outcome> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await file.text())
  } catch {
    return { ok: false, file: file.name, message: `${file.name} is not a JSON file (export a dashboard from its menu: Export JSON).` }
  }
  const answer = await callApi<ImportAnswer>('POST', '/api/v1/dashboards/import', parsed)
  return answer.ok ? { ok: true, file: file.name, answer: answer.data } : { ok: false, file: file.name, message: answer.message }
}

export function ImportDashboardButton({ onImported }: { onImported?: (dashboardId: string) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  async function picked(file: File | undefined) {
    if (file === undefined) return
    setBusy(true)
    const result = await importFile(file)
    setBusy(false)
    setOutcome(result)
    if (input.current) input.current.value = ''
    if (result.ok) onImported?.(result.answer.dashboard.id)
  }

  return (
    <>
      <input ref={input} type="file" accept="application/json,.json" hidden aria-label="Dashboard file to import" onChange={(event) => void picked(event.target.files?.[0])} />
      <button type="button" className="secondary" disabled={busy} aria-busy={busy || undefined} onClick={() => input.current?.click()}>
        {busy ? 'Importing…' : 'Import dashboard'}
      </button>
      <Dialog title={outcome?.ok ? 'Dashboard imported' : 'Import refused'} open={outcome !== null} onOpenChange={(open) => !open && setOutcome(null)}>
        {outcome !== null && !outcome.ok && <Notice notice={{ kind: 'error', text: outcome.message }} />}
        {outcome?.ok && <ImportReport outcome={outcome} />}
        <div className="dialog-actions">
          <DialogCancel label="Close" />
          {outcome?.ok && (
            <Link className="button" href={`/dashboards/${outcome.answer.dashboard.id}`}>
              Open {outcome.answer.dashboard.name}
            </Link>
          )}
        </div>
      </Dialog>
    </>
  )
}

function ImportReport({ outcome }: { outcome: Extract<Outcome, { ok: true }> }) {
  const { dashboard, migratedFrom, dropped } = outcome.answer
  const widgets = dashboard.definition.widgets.length
  return (
    <div className="import-report" role="status">
      <p>
        {outcome.file} became the private dashboard <strong>{dashboard.name}</strong> with {widgets} widget{widgets === 1 ? '' : 's'} (new ids).
      </p>
      {migratedFrom !== null && <p>The file was in format version {migratedFrom} and was migrated to the current format.</p>}
      {dropped.length === 0 ? (
        <p>Nothing was left out.</p>
      ) : (
        <>
          <p>Left out:</p>
          <ul>
            {dropped.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p className="field-hint">Widgets written for an older token version show “Rebuild” on the dashboard.</p>
    </div>
  )
}
