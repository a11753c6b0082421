'use client'
// "Rebuild all dashboards" for Administrators (the list page mounts it for them; the API refuses anyone else with 403):
// a dry run over every dashboard, then one save, each dashboard reported.
import { useState } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Notice, type NoticeMessage } from '@/components/ui/Notice'
import { countsText, rebuildCounts, type DashboardRebuildReport } from './report'
import { RebuildReportList } from './RebuildReportList'

type Reports = { dashboards: DashboardRebuildReport[] }

/** Dashboards with anything to say first; wholly unchanged ones only counted. */
function ReportsView({ reports, saved }: { reports: Reports; saved: boolean }) {
  const outdated = reports.dashboards.filter((report) => report.widgets.some((line) => line.outcome !== 'unchanged'))
  const current = reports.dashboards.length - outdated.length
  return (
    <>
      <p className="rebuild-summary">
        {outdated.length === 0 ? 'Every dashboard is written in current tokens.' : `${outdated.length} dashboard${outdated.length === 1 ? '' : 's'} with outdated widgets`}
        {current > 0 && outdated.length > 0 && `; ${current} already current`}.
      </p>
      {outdated.map((report) => (
        <section key={report.dashboardId} className="rebuild-dashboard" aria-label={report.name}>
          <h3>
            <a href={`/dashboards/${report.dashboardId}`}>{report.name}</a>
          </h3>
          <p className="field-hint">{countsText(rebuildCounts(report.widgets))}</p>
          <RebuildReportList widgets={report.widgets} saved={saved && report.saved} />
        </section>
      ))}
    </>
  )
}

export function RebuildAllButton({ onRebuilt }: { onRebuilt?: (reports: Reports) => void }) {
  const [open, setOpen] = useState(false)
  const [reports, setReports] = useState<Reports | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)

  async function run(dryRun: boolean) {
    setBusy(true)
    const answer = await callApi<Reports>('POST', '/api/v1/dashboards/rebuild', { dryRun })
    setBusy(false)
    if (!answer.ok) return setNotice({ kind: 'error', text: answer.message })
    setReports(answer.data)
    setSaved(!dryRun)
    if (!dryRun) {
      const written = answer.data.dashboards.filter((report) => report.saved).length
      setNotice({ kind: 'ok', text: `Saved ${written} dashboard${written === 1 ? '' : 's'}.` })
      onRebuilt?.(answer.data)
    }
  }

  const anythingToRebuild = reports?.dashboards.some((report) => report.widgets.some((line) => line.outcome === 'rebuilt')) ?? false
  return (
    <Dialog
      title="Rebuild all dashboards"
      description="Rewrites every dashboard's widgets written for an older token version in the current tokens."
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) return
        setReports(null)
        setNotice(null)
        setSaved(false)
        void run(true)
      }}
      trigger={
        <button type="button" className="secondary">
          Rebuild all dashboards
        </button>
      }
      wide
    >
      <Notice notice={notice} />
      {reports === null && busy && <p role="status">Checking every dashboard…</p>}
      {reports !== null && <ReportsView reports={reports} saved={saved} />}
      <div className="dialog-actions">
        <DialogCancel label={saved ? 'Close' : 'Cancel'} />
        {!saved && (
          <button type="button" disabled={busy || !anythingToRebuild} aria-busy={busy || undefined} onClick={() => void run(false)}>
            {busy && reports !== null ? 'Saving…' : 'Rebuild and save all'}
          </button>
        )}
      </div>
    </Dialog>
  )
}
