'use client'
// The widget builder: create or edit one widget (data, grouping and metric, display) with a live preview on real data in your scope.
import { useEffect, useMemo, useRef } from 'react'
import type { Path } from 'react-hook-form'
import type { z } from 'zod'
import type { ApiResult } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import { presentWidget } from '@/widgets/present'
import { widgetSchema, type DashboardFilters, type Widget } from '@/widgets/schema'
import { DisplaySection, NameSection } from './DisplaySection'
import { newBuilderValues, valuesOf, type BuilderValues } from './form-model'
import { GroupSection } from './GroupSection'
import { PreviewChart } from './PreviewChart'
import { SourceSection } from './SourceSection'
import { useWidgetPreview, widgetFieldPath, type PreviewState } from './useWidgetPreview'
import './builder.css'

/** The form holds every type's fields; the widget schema keeps the chosen type's and checks its rules. */
const builderSchema = widgetSchema as unknown as z.ZodType<Widget, BuilderValues>

/** A failed save the page reports back (e.g. the dashboard PUT's answer): its field issues land at the builder's fields. */
export type SaveFailure = Extract<ApiResult<unknown>, { ok: false }>

export interface WidgetBuilderDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The dashboard's filters, ANDed into the preview as the dashboard will. */
  dashboardFilters?: DashboardFilters
  /** The widget to edit; absent: a new widget with a fresh id. */
  initial?: Widget
  /** The validated widget; a returned failure keeps the dialog open with its errors shown. */
  onSave: (widget: Widget) => void | SaveFailure | Promise<void | SaveFailure>
  /** The viewer's time zone for date groups and history days (default: the browser's). */
  timeZone?: string
}

/** Where a preview problem's `source` belongs in the form. */
const problemField = (source: string) => (/^seriesQueries\.\d+$/.test(source) ? `${source}.query` : source)
const FORM_FIELDS = new Set(['query', 'groupBy', 'stackBy', 'metric', 'seriesQueries', 'columns', 'series', 'title', 'display'])

function previewIssues(preview: PreviewState): { path: string; message: string }[] {
  if (preview.status === 'error') return preview.issues
  if (preview.status === 'ready' && preview.result.status === 'invalid') return preview.result.problems.map((problem) => ({ path: problemField(problem.source), message: problem.message }))
  return []
}

export function WidgetBuilderDialog({ open, onOpenChange, dashboardFilters, initial, onSave, timeZone }: WidgetBuilderDialogProps) {
  const form = useZodForm(builderSchema, { defaultValues: initial ? valuesOf(initial) : newBuilderValues() })
  // Each opening starts from `initial` (or a new widget); a re-render of the page while open keeps the author's edits.
  const wasOpen = useRef(false)
  useEffect(() => {
    if (open && !wasOpen.current) form.reset(initial ? valuesOf(initial) : newBuilderValues())
    wasOpen.current = open
  }, [open, initial, form])

  const values = form.watch()
  const snapshot = JSON.stringify(values)
  // A stable object per distinct content, so the preview waits for a pause in typing, not for a re-render.
  const stable = useMemo(() => JSON.parse(snapshot) as BuilderValues, [snapshot])
  const preview = useWidgetPreview(stable, dashboardFilters, open)

  // The server's word on the widget (a compile error of the query, a group-by the schema refuses) at the field.
  const serverMarked = useRef<string[]>([])
  useEffect(() => {
    for (const path of serverMarked.current) if (form.getFieldState(path as Path<BuilderValues>).error?.type === 'server') form.clearErrors(path as Path<BuilderValues>)
    const issues = previewIssues(preview).filter((issue) => FORM_FIELDS.has(issue.path.split('.')[0]))
    for (const issue of issues) form.setError(issue.path as Path<BuilderValues>, { type: 'server', message: issue.message })
    serverMarked.current = issues.map((issue) => issue.path)
  }, [preview, form])

  async function save(widget: Widget) {
    const failure = await onSave(widget)
    if (failure) showServerErrors(form, { ...failure, issues: failure.issues.map((issue) => ({ ...issue, path: widgetFieldPath(issue.path) })) })
    else onOpenChange(false)
  }

  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <Dialog title={initial ? `Edit widget: ${initial.title}` : 'New widget'} description="Choose what to count and how to show it; the preview uses real data in your scope." open={open} onOpenChange={onOpenChange} wide>
      <Form form={form} onSubmit={save} label="Widget builder" className="widget-builder">
        <div className="builder-form">
          <NameSection />
          <SourceSection />
          <GroupSection />
          <DisplaySection />
        </div>
        <aside className="builder-preview" aria-label="Preview" aria-busy={preview.status === 'loading'}>
          <h3>Preview</h3>
          <PreviewPane preview={preview} timeZone={zone} />
        </aside>
        <div className="dialog-actions builder-actions">
          <FormError />
          <DialogCancel />
          <SubmitButton pendingLabel="Saving…">{initial ? 'Save widget' : 'Add widget'}</SubmitButton>
        </div>
      </Form>
    </Dialog>
  )
}

function PreviewPane({ preview, timeZone }: { preview: PreviewState; timeZone: string }) {
  const shown = preview.status === 'ready' ? preview : preview.status === 'loading' ? preview.shown : null
  return (
    <div className="builder-preview-body" data-testid="widget-preview" data-preview-state={preview.status}>
      {preview.status === 'incomplete' && <p className="field-hint">{preview.message}</p>}
      {preview.status === 'error' && (
        <p className="error" role="alert">
          {preview.message}
        </p>
      )}
      {preview.status === 'loading' && <p className="field-hint" role="status">Computing on your data…</p>}
      {shown && (
        <>
          <PreviewChart widget={shown.widget} view={presentWidget(shown.widget, shown.result, timeZone)} />
          {shown.result.status === 'ok' && shown.result.notes.map((note) => <p key={note} className="field-hint">{note}</p>)}
        </>
      )}
    </div>
  )
}
