'use client'
// "Rebuild widgets" on a dashboard (or some of its widgets): a dry run shows each widget's before/after, then "Rebuild and save".
import { useEffect, useRef, useState } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Notice, type NoticeMessage } from '@/components/ui/Notice'
import { countsText, rebuildCounts, type DashboardRebuildReport } from './report'
import { RebuildReportList } from './RebuildReportList'

export interface RebuildDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  dashboardId: string
  /** The revision the author sees: a save by someone else in between is refused (409) rather than rebuilt over. */
  revision: number
  /** Only these widgets (a broken card's "Rebuild"); all of the dashboard's by default. */
  widgetIds?: string[]
  /** After a save: the report (its `revision` is the dashboard's new one). */
  onRebuilt: (report: DashboardRebuildReport) => void
}

type State =
  | { step: 'checking' }
  | { step: 'review'; report: DashboardRebuildReport }
  | { step: 'saving'; report: DashboardRebuildReport }
  | { step: 'saved'; report: DashboardRebuildReport }
  | { step: 'failed'; message: string; report: DashboardRebuildReport | null }

export function RebuildDialog({ open, onOpenChange, dashboardId, revision, widgetIds, onRebuilt }: RebuildDialogProps) {
  const [state, setState] = useState<State>({ step: 'checking' })
  const ids = widgetIds?.join(',')
  // The revision at opening is the one checked; the page's new revision after a save must not re-run the check over the report.
  const openedRevision = useRef(revision)
  useEffect(() => {
    if (!open) openedRevision.current = revision
  }, [open, revision])

  useEffect(() => {
    if (!open) return
    let current = true
    const body = { dryRun: true, revision: openedRevision.current, widgetIds: ids === undefined ? null : ids.split(',') }
    void callApi<DashboardRebuildReport>('POST', `/api/v1/dashboards/${dashboardId}/rebuild`, body).then((answer) => {
      if (!current) return
      setState(answer.ok ? { step: 'review', report: answer.data } : { step: 'failed', message: answer.message, report: null })
    })
    return () => {
      current = false
    }
  }, [open, dashboardId, ids])

  async function save(report: DashboardRebuildReport) {
    setState({ step: 'saving', report })
    const body = { dryRun: false, revision: report.revision, widgetIds: ids === undefined ? null : ids.split(',') }
    const answer = await callApi<DashboardRebuildReport>('POST', `/api/v1/dashboards/${dashboardId}/rebuild`, body)
    if (!answer.ok) {
      const reload = answer.status === 409 ? ' Reload the dashboard to see that change, then rebuild again.' : ''
      setState({ step: 'failed', message: `${answer.message}${reload}`, report })
      return
    }
    setState({ step: 'saved', report: answer.data })
    onRebuilt(answer.data)
  }

  const report = state.step === 'checking' ? null : state.report
  const counts = report === null ? null : rebuildCounts(report.widgets)
  const notice: NoticeMessage | null =
    state.step === 'failed'
      ? { kind: 'error', text: state.message }
      : state.step === 'saved' && counts !== null
        ? { kind: 'ok', text: `Saved: ${countsText(counts)}.` }
        : null
  return (
    <Dialog
      title={widgetIds?.length === 1 ? 'Rebuild widget' : 'Rebuild widgets'}
      description="Rewrites queries written for an older token version in the current tokens. Check the changes, then save."
      open={open}
      onOpenChange={(next) => {
        if (!next) setState({ step: 'checking' })
        onOpenChange(next)
      }}
      wide
    >
      <Notice notice={notice} />
      {state.step === 'checking' && <p role="status">Checking the widgets…</p>}
      {report !== null && state.step !== 'saved' && counts !== null && <p className="rebuild-summary">{countsText(counts)}.</p>}
      {report !== null && <RebuildReportList widgets={report.widgets} saved={state.step === 'saved'} />}
      <div className="dialog-actions">
        <DialogCancel label={state.step === 'saved' ? 'Close' : 'Cancel'} />
        {state.step !== 'saved' && (
          <button
            type="button"
            disabled={report === null || counts?.rebuilt === 0 || state.step === 'saving' || state.step === 'failed'}
            aria-busy={state.step === 'saving' || undefined}
            onClick={() => report !== null && void save(report)}
          >
            {state.step === 'saving' ? 'Saving…' : 'Rebuild and save'}
          </button>
        )}
      </div>
    </Dialog>
  )
}
