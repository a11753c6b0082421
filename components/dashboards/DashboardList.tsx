'use client'
// The dashboards list: mine, shared with me, and (Administrators) all; create, import, rename, duplicate, share, delete, set
// as home; Administrators also rebuild every dashboard's widgets.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { ActionMenu, type MenuAction } from '@/components/ui/DropdownMenu'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { useNotice } from '@/components/ui/Notice'
import { Tabs } from '@/components/ui/Tabs'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { DashboardSummary, DashboardView } from '@/lib/services/dashboards'
import { ImportDashboardButton } from './file/ImportDashboardButton'
import { RebuildAllButton } from './rebuild/RebuildAllButton'
import './dashboard.css'

interface Props {
  dashboards: DashboardSummary[]
  canCreate: boolean
  /** Administrators see every dashboard: an "All" tab. */
  seesAll: boolean
  userId: string
  timeZone: string
}

/** A dialog asking for a name (create, rename), with the server's answer shown inside it. */
function NameDialog({ title, label, initial, open, onOpenChange, onSubmit }: { title: string; label: string; initial: string; open: boolean; onOpenChange: (open: boolean) => void; onSubmit: (name: string) => Promise<string | null> }) {
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (name.trim() === '') return setError('A dashboard needs a name.')
    setBusy(true)
    const failure = await onSubmit(name.trim())
    setBusy(false)
    setError(failure)
  }
  return (
    <Dialog title={title} open={open} onOpenChange={onOpenChange}>
      <form className="form-stack" aria-label={title} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="dashboard-name">{label}</label>
          <input id="dashboard-name" value={name} maxLength={200} autoFocus aria-invalid={error !== null} onChange={(event) => setName(event.target.value)} />
          {error && <span className="field-error">{error}</span>}
        </div>
        <div className="dialog-actions">
          <DialogCancel />
          <button type="submit" disabled={busy} aria-busy={busy || undefined}>
            {title}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function DashboardList({ dashboards, canCreate, seesAll, userId, timeZone }: Props) {
  const router = useRouter()
  const { confirm, confirmDialog } = useConfirm()
  const { show, noticeElement } = useNotice()
  const [creating, setCreating] = useState(false)
  const [renaming, setRenaming] = useState<DashboardSummary | null>(null)

  async function act<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, done: (data: T) => string): Promise<string | null> {
    const result = await callApi<T>(method, url, body)
    if (!result.ok) {
      show({ kind: 'error', text: result.message })
      return result.message
    }
    show({ kind: 'ok', text: done(result.data) })
    router.refresh()
    return null
  }

  function actionsFor(dashboard: DashboardSummary): MenuAction[] {
    const url = `/api/v1/dashboards/${dashboard.id}`
    const actions: MenuAction[] = [
      {
        label: dashboard.isHome ? 'Your home dashboard' : 'Set as my home',
        disabled: dashboard.isHome,
        onSelect: () => void act('PUT', '/api/v1/dashboards/home', { dashboardId: dashboard.id }, () => `“${dashboard.name}” now opens when you sign in.`),
      },
    ]
    if (canCreate) actions.push({ label: 'Duplicate', onSelect: () => void act<DashboardView>('POST', `${url}/duplicate`, {}, (copy) => `Created “${copy.name}”.`) })
    if (dashboard.canEdit) {
      actions.push(
        { label: 'Rename', onSelect: () => setRenaming(dashboard) },
        dashboard.shared
          ? { label: 'Make private', onSelect: () => void act('PATCH', url, { shared: false, revision: dashboard.revision }, () => `“${dashboard.name}” is private now.`) }
          : { label: 'Share with everyone (view)', onSelect: () => void act('PATCH', url, { shared: true, revision: dashboard.revision }, () => `Everyone may view “${dashboard.name}” now.`) },
        {
          label: 'Delete',
          danger: true,
          onSelect: async () => {
            const yes = await confirm({ title: `Delete “${dashboard.name}”?`, description: `Its ${dashboard.widgetCount} widgets go with it; this cannot be undone.`, confirmLabel: 'Delete dashboard', danger: true })
            if (yes) await act('DELETE', `${url}?revision=${dashboard.revision}`, undefined, () => `Deleted “${dashboard.name}”.`)
          },
        },
      )
    }
    return actions
  }

  const columns: ColumnDef<DashboardSummary>[] = [
    {
      id: 'name', header: 'Name', hideable: false, sortKey: 'name', sortValue: (d) => d.name.toLowerCase(),
      cell: (d) => (
        <span className="dashboard-badges">
          <Link href={`/dashboards/${d.id}`}>
            <strong>{d.name}</strong>
          </Link>
          {d.isHome && <span className="tag">Home</span>}
          {d.isDefault && <span className="tag">Default</span>}
        </span>
      ),
    },
    { id: 'owner', header: 'Owner', sortKey: 'owner', sortValue: (d) => d.owner.email, cell: (d) => (d.mine ? 'You' : d.owner.email === 'system' ? 'Patchboard' : d.owner.email) },
    { id: 'sharing', header: 'Sharing', cell: (d) => (d.shared ? 'Everyone may view' : 'Private') },
    { id: 'widgets', header: 'Widgets', numeric: true, sortKey: 'widgets', sortValue: (d) => d.widgetCount, cell: (d) => d.widgetCount },
    { id: 'updated', header: timeHeader('Updated', timeZone), nowrap: true, sortKey: 'updated', sortValue: (d) => d.updatedAt, cell: (d) => formatDateTime(d.updatedAt, timeZone) },
    { id: 'actions', header: 'Actions', hideable: false, cell: (d) => <ActionMenu target={d.name} actions={actionsFor(d)} /> },
  ]
  const grid = (rows: DashboardSummary[], tableId: string, label: string) => (
    <DataGrid tableId={tableId} userId={userId} label={label} noun="dashboards" {...gridData(columns, rows, (d) => d.id)} emptyText="No dashboards here yet." />
  )
  const mine = dashboards.filter((d) => d.mine)
  const shared = dashboards.filter((d) => !d.mine && (d.shared || !seesAll))
  const tabs = [
    { value: 'mine', label: `Mine (${mine.length})`, content: grid(mine, 'dashboards-mine', 'My dashboards') },
    { value: 'shared', label: `Shared with me (${shared.length})`, content: grid(shared, 'dashboards-shared', 'Shared dashboards') },
    ...(seesAll ? [{ value: 'all', label: `All (${dashboards.length})`, content: grid(dashboards, 'dashboards-all', 'All dashboards') }] : []),
  ]

  return (
    <>
      {noticeElement}
      {(canCreate || seesAll) && (
        <div className="dashboard-list-actions">
          {canCreate && (
            <>
              <button type="button" onClick={() => setCreating(true)}>
                New dashboard
              </button>
              <ImportDashboardButton onImported={() => router.refresh()} />
            </>
          )}
          {seesAll && <RebuildAllButton onRebuilt={() => router.refresh()} />}
        </div>
      )}
      <Tabs label="Dashboards" tabs={tabs} defaultValue={mine.length > 0 ? 'mine' : 'shared'} />
      {creating && (
        <NameDialog
          title="Create dashboard"
          label="Name"
          initial=""
          open
          onOpenChange={setCreating}
          onSubmit={async (name) => {
            const result = await callApi<DashboardView>('POST', '/api/v1/dashboards', { name })
            if (!result.ok) return result.message
            router.push(`/dashboards/${result.data.id}`)
            return null
          }}
        />
      )}
      {renaming && (
        <NameDialog
          title="Rename dashboard"
          label="New name"
          initial={renaming.name}
          open
          onOpenChange={(open) => !open && setRenaming(null)}
          onSubmit={async (name) => {
            const failure = await act('PATCH', `/api/v1/dashboards/${renaming.id}`, { name, revision: renaming.revision }, () => `Renamed to “${name}”.`)
            if (failure === null) setRenaming(null)
            return failure
          }}
        />
      )}
      {confirmDialog}
    </>
  )
}
