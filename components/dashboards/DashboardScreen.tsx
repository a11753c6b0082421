'use client'
// The dashboard page: the header, the filters (kept in the URL), the grid of widget cards fed by one data request, edit
// mode for those who may edit (layout and widgets saved with the revision; a 409 says who saved and offers a reload), and
// the print layout the PNG/PDF renderer reads (no chrome, no animation, data-dashboard-ready once every card has drawn).
import { useCallback, useMemo, useState } from 'react'
import { callApi } from '@/components/api-client'
import { MenuItem } from '@/components/ui/DropdownMenu'
import { Notice, useNotice } from '@/components/ui/Notice'
import { formatDateTime } from '@/lib/format'
import type { DashboardView } from '@/lib/services/dashboards'
import type { DashboardRebuildReport } from '@/lib/services/dashboards-data'
import type { DashboardDefinition, LayoutItem } from '@/widgets/dashboard'
import type { DashboardFilters, Widget } from '@/widgets/schema'
import { DashboardFilterBar } from './DashboardFilterBar'
import { DashboardGrid } from './DashboardGrid'
import { DashboardHeader, refreshChoice } from './DashboardHeader'
import { WidgetBuilderDialog } from './builder/WidgetBuilderDialog'
import { WidgetLibraryDialog } from './builder/WidgetLibraryDialog'
import { DashboardFileMenuItems } from './file/DashboardFileMenuItems'
import { RebuildDialog } from './rebuild/RebuildDialog'
import { RebuildWidgetButton } from './rebuild/RebuildWidgetButton'
import { EditTools, WidgetEditMenu } from './EditTools'
import { completeLayout, completeLayouts, withBreakpointLayout, withWidget } from './layout'
import { useDashboardData } from './useDashboardData'
import { WidgetCard } from './WidgetCard'
import { WidgetExportMenu } from './WidgetExportMenu'
import './dashboard.css'

interface Props {
  dashboard: DashboardView
  timeZone: string
  canDownload: boolean
  print: boolean
  /** The filters named in the URL (`filters`, `tags`), or null for the dashboard's saved ones. */
  urlFilters: DashboardFilters | null
}

function filtersUrl(filters: DashboardFilters, print: boolean): string {
  const params = new URLSearchParams(window.location.search)
  params.set('filters', filters.query)
  params.set('tags', filters.tags.join(','))
  if (!print) params.delete('print')
  return `${window.location.pathname}?${params.toString()}`
}

export function DashboardScreen({ dashboard: initial, timeZone, canDownload, print, urlFilters }: Props) {
  const [saved, setSaved] = useState(initial)
  const [draft, setDraft] = useState<DashboardDefinition>(initial.definition)
  const [editing, setEditing] = useState(false)
  const [conflict, setConflict] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  /** The widget builder: closed (null), a new widget ({}), or one to edit. */
  const [builder, setBuilder] = useState<{ initial?: Widget } | null>(null)
  const [library, setLibrary] = useState(false)
  const [rebuilding, setRebuilding] = useState(false)
  const [filters, setFilters] = useState<DashboardFilters | null>(urlFilters)
  const [refreshSeconds, setRefreshSeconds] = useState(print ? 0 : refreshChoice(initial.definition.refreshSeconds))
  const { show, noticeElement } = useNotice()
  const data = useDashboardData(saved.id, filters, print ? 0 : refreshSeconds)

  const definition = editing ? draft : saved.definition
  const layouts = useMemo(() => completeLayouts(definition), [definition])
  const applied = filters ?? data.data?.filters ?? saved.definition.filters
  const results = useMemo(() => new Map((data.data?.results ?? []).map((result) => [result.widgetId, result])), [data.data])
  const dirty = editing && JSON.stringify(draft) !== JSON.stringify(saved.definition)

  // Which cards have drawn their final state for the current answer: the renderer waits for all of them.
  const [rendered, setRendered] = useState<{ generation: number; ids: ReadonlySet<string> }>({ generation: 0, ids: new Set() })
  const generation = data.generation
  const onRendered = useCallback(
    (widgetId: string) =>
      setRendered((current) => {
        const base = current.generation === generation ? current.ids : new Set<string>()
        if (base.has(widgetId) && current.generation === generation) return current
        return { generation, ids: new Set([...base, widgetId]) }
      }),
    [generation],
  )
  const ready = data.data !== null && !data.loading && rendered.generation === generation && definition.widgets.every((widget) => rendered.ids.has(widget.id))

  function applyFilters(next: DashboardFilters) {
    setFilters(next)
    window.history.replaceState(null, '', filtersUrl(next, print))
  }

  async function save() {
    setSaving(true)
    const result = await callApi<DashboardView>('PUT', `/api/v1/dashboards/${saved.id}`, { revision: saved.revision, definition: { ...draft, ...completeLayouts(draft) } })
    setSaving(false)
    if (result.ok) {
      setSaved(result.data)
      setDraft(result.data.definition)
      setEditing(false)
      setConflict(null)
      show({ kind: 'ok', text: `Saved (revision ${result.data.revision}).` })
      data.reload()
    } else if (result.status === 409) setConflict(result.message)
    else show({ kind: 'error', text: result.message })
  }

  async function setHome() {
    const result = await callApi<{ homeId: string | null }>('PUT', '/api/v1/dashboards/home', { dashboardId: saved.id })
    if (result.ok) {
      setSaved((current) => ({ ...current, isHome: true }))
      show({ kind: 'ok', text: `“${saved.name}” now opens when you sign in.` })
    } else show({ kind: 'error', text: result.message })
  }

  /** After a rebuild saved the dashboard: its new definition and revision, then its data. */
  async function afterRebuild(report: DashboardRebuildReport) {
    if (!report.saved) return
    const result = await callApi<DashboardView>('GET', `/api/v1/dashboards/${saved.id}`)
    if (result.ok) {
      setSaved(result.data)
      setDraft(result.data.definition)
    }
    data.reload()
  }

  const changeWidgets = (change: (widgets: Widget[], layout: LayoutItem[]) => { widgets: Widget[]; layout: LayoutItem[] }) =>
    setDraft((current) => ({ ...current, ...change(current.widgets, completeLayout(current)) }))

  const downloadParams = new URLSearchParams({ ...(filters ? { filters: filters.query, tags: filters.tags.join(',') } : {}), format: '' })
  const cards = definition.widgets.map((widget) => ({
    id: widget.id,
    node: (
      <WidgetCard
        widget={widget}
        result={results.get(widget.id) ?? null}
        filters={applied}
        timeZone={timeZone}
        print={print}
        onRendered={onRendered}
        actions={
          editing ? (
            <WidgetEditMenu widget={widget} onEdit={(one) => setBuilder({ initial: one })} onChange={changeWidgets} />
          ) : print ? undefined : (
            <WidgetExportMenu dashboardId={saved.id} widget={widget} filters={applied} onError={(text) => show({ kind: 'error', text })} onDone={(filename) => show({ kind: 'ok', text: `Exported ${filename}.` })} />
          )
        }
        rebuild={saved.canEdit && !editing && !print ? <RebuildWidgetButton dashboardId={saved.id} widgetId={widget.id} widgetTitle={widget.title} revision={saved.revision} onRebuilt={(report) => void afterRebuild(report)} /> : undefined}
      />
    ),
  }))

  return (
    <div className={print ? 'dashboard dashboard-print' : 'dashboard'}>
      {print ? (
        <header className="dashboard-header">
          <h1>{saved.name}</h1>
          <p className="dashboard-meta">
            {data.data && (data.data.newestScanAt ? `Newest scan ${formatDateTime(data.data.newestScanAt, timeZone, { zone: true })}` : 'No scans in your scope yet')}
            {(applied.query || applied.tags.length > 0) && ` · Filters: ${[applied.query, ...applied.tags.map((tag) => `tag ${tag}`)].filter(Boolean).join(', ')}`}
          </p>
        </header>
      ) : (
        <>
          <DashboardHeader
            name={saved.name}
            description={saved.description}
            timeZone={timeZone}
            refreshedAt={data.data?.refreshedAt ?? null}
            newestScanAt={data.data?.newestScanAt ?? null}
            loading={data.loading}
            refreshSeconds={refreshSeconds}
            onRefreshSeconds={setRefreshSeconds}
            onRefresh={data.refresh}
            edit={saved.canEdit && !editing ? { editing, onToggle: () => setEditing(true) } : null}
            isHome={saved.isHome}
            onSetHome={() => void setHome()}
            menuItems={
              <>
                <DashboardFileMenuItems dashboardId={saved.id} onError={(text) => show({ kind: 'error', text })} onDone={(filename) => show({ kind: 'ok', text: `Exported ${filename}.` })} />
                {saved.canEdit && <MenuItem onSelect={() => setRebuilding(true)}>Rebuild widgets…</MenuItem>}
              </>
            }
            downloadBase={canDownload ? `/api/v1/dashboards/${saved.id}/download?${downloadParams.toString()}` : null}
            editTools={
              editing ? (
                <EditTools
                  dirty={dirty}
                  saving={saving}
                  onAdd={() => setBuilder({})}
                  onLibrary={() => setLibrary(true)}
                  onSave={() => void save()}
                  onDiscard={() => {
                    setDraft(saved.definition)
                    setEditing(false)
                    setConflict(null)
                  }}
                />
              ) : undefined
            }
          />
          {conflict && (
            <div className="notice notice-error" role="alert">
              <div className="notice-body">
                {conflict} Your changes are still on this page until you reload.
                <div className="form-actions">
                  <button type="button" className="secondary small" onClick={() => window.location.reload()}>
                    Reload (discard my changes)
                  </button>
                </div>
              </div>
            </div>
          )}
          {noticeElement}
          <WidgetBuilderDialog
            open={builder !== null}
            onOpenChange={(open) => !open && setBuilder(null)}
            dashboardFilters={applied}
            initial={builder?.initial}
            timeZone={timeZone}
            onSave={(widget) => {
              changeWidgets((widgets, current) => withWidget(widgets, current, widget))
              setBuilder(null)
            }}
          />
          <WidgetLibraryDialog
            open={library}
            onOpenChange={setLibrary}
            onAdd={(widget) => changeWidgets((widgets, current) => withWidget(widgets, current, widget))}
          />
          {saved.canEdit && <RebuildDialog open={rebuilding} onOpenChange={setRebuilding} dashboardId={saved.id} revision={saved.revision} onRebuilt={(report) => void afterRebuild(report)} />}
          {/* Keyed by the applied query: a new one (or Clear) starts the box from it; picking tags keeps the tag panel open. */}
          <DashboardFilterBar key={applied.query} applied={applied} onApply={applyFilters} />
        </>
      )}
      {data.error && <Notice notice={{ kind: 'error', text: `The dashboard's data could not be read: ${data.error}` }} />}
      {definition.widgets.length === 0 ? (
        <div className="panel empty" data-testid="dashboard-grid" data-dashboard-ready={data.data ? 'true' : 'false'}>
          This dashboard has no widgets yet.{saved.canEdit ? ' Choose “Edit layout”, then add one.' : ''}
        </div>
      ) : (
        <DashboardGrid layout={layouts.layout} layouts={layouts.layouts} editing={editing} onLayoutChange={(breakpoint, next) => setDraft((current) => withBreakpointLayout(current, breakpoint, next))} ready={ready}>
          {cards}
        </DashboardGrid>
      )}
    </div>
  )
}
