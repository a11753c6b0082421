'use client'
// The builder's live preview: the form's widget, once valid and unchanged for a moment, computed by POST /api/v1/widgets/preview.
import { useEffect, useMemo, useState } from 'react'
import { callApi, type FieldIssue } from '@/components/api-client'
import type { WidgetResult } from '@/widgets/result'
import { widgetSchema, type DashboardFilters, type Widget } from '@/widgets/schema'

export const PREVIEW_DELAY_MS = 600

export type PreviewState =
  | { status: 'incomplete'; message: string }
  /** `shown`: the last preview, kept on screen while the next one computes. */
  | { status: 'loading'; widget: Widget; shown: { widget: Widget; result: WidgetResult } | null }
  | { status: 'ready'; widget: Widget; result: WidgetResult }
  | { status: 'error'; message: string; issues: FieldIssue[] }

/** Server paths of a widget (`widget.query` in a preview, `definition.widgets.3.query` in a save) as builder fields. */
export function widgetFieldPath(path: string): string {
  return path.replace(/^(definition\.)?widgets\.\d+\./, '').replace(/^widget\./, '')
}

/**
 * Previews `values` (the form's current values) after PREVIEW_DELAY_MS without change: typing does not send a request per
 * keystroke, and an answer to an older request never replaces a newer one.
 */
export function useWidgetPreview(values: unknown, filters: DashboardFilters | undefined, open: boolean): PreviewState {
  const parsed = useMemo(() => widgetSchema.safeParse(values), [values])
  const key = parsed.success ? JSON.stringify([parsed.data, filters ?? null]) : null
  const [state, setState] = useState<PreviewState>({ status: 'incomplete', message: 'Complete the widget to see a preview.' })

  useEffect(() => {
    if (!open || key === null) return
    const [widget, filterValue] = JSON.parse(key) as [Widget, DashboardFilters | null]
    let current = true
    const timer = setTimeout(async () => {
      setState((previous) => ({ status: 'loading', widget, shown: previous.status === 'ready' ? { widget: previous.widget, result: previous.result } : previous.status === 'loading' ? previous.shown : null }))
      const answer = await callApi<WidgetResult>('POST', '/api/v1/widgets/preview', { widget, filters: filterValue })
      if (!current) return
      if (answer.ok) setState({ status: 'ready', widget, result: answer.data })
      else setState({ status: 'error', message: answer.message, issues: answer.issues.map((issue) => ({ ...issue, path: widgetFieldPath(issue.path) })) })
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, open])

  if (!parsed.success) {
    const first = parsed.error.issues[0]
    return { status: 'incomplete', message: first ? `The preview starts once the widget is complete (${first.path.join('.') || 'widget'}: ${first.message}).` : 'Complete the widget to see a preview.' }
  }
  return state
}
