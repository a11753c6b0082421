'use client'
// "Rebuild" on a widget card written for an older token version: the rebuild dialog for that one widget.
import { useState } from 'react'
import { RebuildDialog } from './RebuildDialog'
import type { DashboardRebuildReport } from './report'

interface Props {
  dashboardId: string
  widgetId: string
  /** Completes the button's name for screen readers: "Rebuild <title>". */
  widgetTitle?: string
  revision: number
  onRebuilt: (report: DashboardRebuildReport) => void
}

export function RebuildWidgetButton({ dashboardId, widgetId, widgetTitle, revision, onRebuilt }: Props) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="small" onClick={() => setOpen(true)}>
        Rebuild{widgetTitle && <span className="visually-hidden"> {widgetTitle}</span>}
      </button>
      <RebuildDialog open={open} onOpenChange={setOpen} dashboardId={dashboardId} revision={revision} widgetIds={[widgetId]} onRebuilt={onRebuilt} />
    </>
  )
}
