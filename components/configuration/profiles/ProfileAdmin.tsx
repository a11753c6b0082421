'use client'
// Configuration → Profiles: the profiles table (row menu: view, edit, enable/disable, delete as the server allows; bulk actions
// on a selection of custom profiles), the New profile button, and the view and edit dialogs.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, type ReactNode } from 'react'
import { callApi } from '@/components/api-client'
import { FactGrid } from '@/components/FactGrid'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { ActionMenu, type MenuAction } from '@/components/ui/DropdownMenu'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { useNotice, type NoticeMessage } from '@/components/ui/Notice'
import { formatDateTime, timeHeader } from '@/lib/format'
import { printLiteral } from '@/lib/qql/browser'
import { describeLoweredInterval, describeLowering, type ProfileBulkResult, type ProfileView } from '@/lib/schemas/profiles'
import { ProfileDialog } from './ProfileDialog'
import './profiles.css'

interface Props {
  profiles: ProfileView[]
  canManage: boolean
  minIntervalHours: number
  knownTags: string[]
  timeZone: string
  userId: string
}

type BulkAction = 'enable' | 'disable' | 'delete'
const BULK_LABELS: Record<BulkAction, string> = { enable: 'Enabled', disable: 'Disabled', delete: 'Deleted' }

const assetsHref = (profile: ProfileView) => `/assets?q=${encodeURIComponent(`profile: ${printLiteral(profile.name)}`)}`

export function ProfileAdmin({ profiles, canManage, minIntervalHours, knownTags, timeZone, userId }: Props) {
  const router = useRouter()
  const { show, noticeElement } = useNotice()
  const { confirm, confirmDialog } = useConfirm()
  const [editing, setEditing] = useState<ProfileView | 'new' | null>(null)
  const [viewing, setViewing] = useState<ProfileView | null>(null)

  function done(notice: NoticeMessage) {
    show(notice)
    if (notice.kind === 'ok') router.refresh()
  }

  async function act(profile: ProfileView, action: BulkAction) {
    if (action === 'delete') {
      const confirmed = await confirm({
        title: `Delete ${profile.name}?`,
        description: `Its ${profile.assetCount} assets in your scope fall to another profile covering their tags, or to the default profile.`,
        confirmLabel: 'Delete profile',
        danger: true,
      })
      if (!confirmed) return
    }
    const result = action === 'delete' ? await callApi('DELETE', `/api/v1/profiles/${profile.id}`) : await callApi('POST', `/api/v1/profiles/${profile.id}/${action}`)
    done(result.ok ? { kind: 'ok', text: `${BULK_LABELS[action]} ${profile.name}.` } : { kind: 'error', text: result.message })
  }

  async function bulk(ids: string[], action: BulkAction, clear: () => void) {
    const chosen = profiles.filter((profile) => ids.includes(profile.id))
    if (action === 'delete') {
      const confirmed = await confirm({ title: `Delete ${chosen.length} profiles?`, description: `${chosen.map((profile) => profile.name).join(', ')}: their assets fall to another covering profile or the default.`, confirmLabel: `Delete ${chosen.length} profiles`, danger: true })
      if (!confirmed) return
    }
    const result = await callApi<ProfileBulkResult>('POST', '/api/v1/profiles/bulk', { action, ids })
    clear()
    if (!result.ok) return done({ kind: 'error', text: result.message })
    const { done: changed, refused } = result.data
    const text = `${BULK_LABELS[action]} ${changed.length} of ${ids.length} profiles.${refused.map((refusal) => ` ${refusal.name}: ${refusal.reason}`).join('')}`
    done({ kind: refused.length > 0 ? 'error' : 'ok', text })
    if (refused.length > 0 && changed.length > 0) router.refresh()
  }

  function actionsFor(profile: ProfileView): MenuAction[] {
    const actions: MenuAction[] = [{ label: 'View', onSelect: () => setViewing(profile) }]
    if (profile.actions.includes('edit')) actions.push({ label: 'Edit', onSelect: () => setEditing(profile) })
    if (profile.actions.includes('enable')) actions.push({ label: 'Enable', onSelect: () => void act(profile, 'enable') })
    if (profile.actions.includes('disable')) actions.push({ label: 'Disable', onSelect: () => void act(profile, 'disable') })
    if (profile.actions.includes('delete')) actions.push({ label: 'Delete', danger: true, onSelect: () => void act(profile, 'delete') })
    return actions
  }

  const columns: ColumnDef<ProfileView>[] = [
    { id: 'status', header: 'Status', sortKey: 'status', sortValue: (p) => p.status, cell: (p) => <span className={`status status-${p.status.toLowerCase()}`}>{p.status}</span> },
    {
      id: 'name',
      header: 'Name',
      sortKey: 'name',
      hideable: false,
      nowrap: true,
      sortValue: (p) => (p.isDefault ? '' : p.name.toLowerCase()),
      cell: (p) => (
        <>
          <strong>{p.name}</strong>
          {p.isDefault && <span className="muted"> (default)</span>}
        </>
      ),
    },
    { id: 'created', header: timeHeader('Created', timeZone), sortKey: 'created', nowrap: true, sortValue: (p) => p.createdAt, cell: (p) => formatDateTime(p.createdAt, timeZone) },
    {
      id: 'schedule',
      header: 'Schedule',
      sortKey: 'schedule',
      sortValue: (p) => p.intervalHours,
      cell: (p) => (
        <>
          <span className="profile-schedule">{p.schedule}</span>
          {p.lowered && <span className="profile-lowered"> — {describeLowering(p.lowered)}</span>}
        </>
      ),
    },
    {
      id: 'tags',
      header: 'Tags',
      cell: (p) => (p.isDefault ? <span className="muted">All other assets</span> : p.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)),
    },
    { id: 'assets', header: 'Assets covered', sortKey: 'assets', numeric: true, sortValue: (p) => p.assetCount, cell: (p) => <Link href={assetsHref(p)}>{p.assetCount.toLocaleString('en')}</Link> },
    { id: 'actions', header: 'Actions', hideable: false, cell: (p) => <ActionMenu target={p.name} actions={actionsFor(p)} /> },
  ]
  const grid = gridData(columns, profiles, (p) => p.id, (p) => ({ label: p.name, testId: `profile-${p.name}`, selectable: !p.isDefault }))

  return (
    <>
      {noticeElement}
      {confirmDialog}
      {canManage && (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing('new')}>
            New profile
          </button>
        </div>
      )}
      <DataGrid
        tableId="profiles"
        userId={userId}
        label="Assessment profiles"
        noun="profiles"
        bounded={false}
        {...grid}
        bulkActions={
          canManage
            ? (ids, clear) => (
                <>
                  <button type="button" className="secondary small" onClick={() => bulk(ids, 'enable', clear)}>
                    Enable
                  </button>
                  <button type="button" className="secondary small" onClick={() => bulk(ids, 'disable', clear)}>
                    Disable
                  </button>
                  <button type="button" className="danger small" onClick={() => bulk(ids, 'delete', clear)}>
                    Delete
                  </button>
                </>
              )
            : undefined
        }
      />
      {viewing && <ProfileDetails profile={viewing} timeZone={timeZone} onClose={() => setViewing(null)} />}
      {editing && (
        <ProfileDialog
          profile={editing === 'new' ? null : editing}
          knownTags={knownTags}
          minIntervalHours={minIntervalHours}
          onClose={() => setEditing(null)}
          onSaved={(notice) => {
            setEditing(null)
            done(notice)
          }}
        />
      )}
    </>
  )
}

function ProfileDetails({ profile, timeZone, onClose }: { profile: ProfileView; timeZone: string; onClose: () => void }) {
  const facts: [string, ReactNode][] = [
    ['Status', profile.status],
    ['Schedule', describeLoweredInterval(profile)],
    ['Tags', profile.isDefault ? 'None: it covers every asset no enabled custom profile covers' : profile.tags.join(', ')],
    ['Assets covered (your scope)', <Link key="assets" href={assetsHref(profile)}>{profile.assetCount.toLocaleString('en')} assets</Link>],
    ['Created', `${formatDateTime(profile.createdAt, timeZone, { zone: true })} by ${profile.createdBy}`],
    ['Last changed', `${formatDateTime(profile.updatedAt, timeZone, { zone: true })} by ${profile.updatedBy}`],
  ]
  return (
    <Dialog title={profile.isDefault ? `${profile.name} (default profile)` : profile.name} open onOpenChange={(open) => !open && onClose()}>
      <FactGrid facts={facts} className="profile-facts" />
      <div className="dialog-actions">
        <DialogCancel label="Close" />
      </div>
    </Dialog>
  )
}
