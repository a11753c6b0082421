'use client'
// Administration → Users: the users table (row menu: edit, disable, reset password, force sign-out, delete; bulk actions on a selection).
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { UserView } from '@/lib/services/user-admin'
import { callApi } from './api-client'
import { useConfirm } from './ui/ConfirmDialog'
import { ActionMenu, type MenuAction } from './ui/DropdownMenu'
import { gridData, type ColumnDef } from './ui/grid/columns'
import { DataGrid } from './ui/grid/DataGrid'
import { useNotice, type NoticeMessage } from './ui/Notice'
import { EditUserDialog } from './users/EditUserDialog'
import { NewUserForm } from './users/NewUserForm'

type Method = 'POST' | 'PATCH' | 'DELETE'

export function UserAdmin({ users, knownTags, currentUserId }: { users: UserView[]; knownTags: string[]; currentUserId: string }) {
  const router = useRouter()
  const { show, noticeElement } = useNotice()
  const { confirm, confirmDialog } = useConfirm()
  const [editing, setEditing] = useState<UserView | null>(null)

  function done(notice: NoticeMessage) {
    show(notice)
    if (notice.kind === 'ok') router.refresh()
  }

  /** One call on one user; returns the generated password when the server made one. */
  async function call(user: UserView, method: Method, url: string, body?: unknown): Promise<{ ok: boolean; message?: string; password?: string }> {
    const result = await callApi<{ generatedPassword?: string } | null>(method, url.replace(':id', user.id), body)
    return result.ok ? { ok: true, password: result.data?.generatedPassword } : { ok: false, message: result.message }
  }

  async function act(user: UserView, label: string, method: Method, url: string, body?: unknown) {
    const result = await call(user, method, url, body)
    if (!result.ok) return done({ kind: 'error', text: result.message ?? 'The change failed.' })
    done({ kind: 'ok', text: result.password ? `${label}: ${user.email}. New password, shown once:` : `${label}: ${user.email}.`, secret: result.password })
  }

  async function remove(user: UserView) {
    const confirmed = await confirm({ title: `Delete ${user.email}?`, description: 'The account and its API tokens are deleted. This cannot be undone.', confirmLabel: 'Delete user', danger: true })
    if (confirmed) await act(user, 'Deleted', 'DELETE', '/api/v1/admin/users/:id')
  }

  async function bulk(ids: string[], label: string, method: Method, url: string, clear: () => void) {
    const chosen = users.filter((user) => ids.includes(user.id) && (method !== 'DELETE' || user.id !== currentUserId))
    if (method === 'DELETE') {
      const confirmed = await confirm({ title: `Delete ${chosen.length} users?`, description: `${chosen.map((user) => user.email).join(', ')} and their API tokens are deleted. This cannot be undone.`, confirmLabel: `Delete ${chosen.length} users`, danger: true })
      if (!confirmed) return
    }
    const failures: string[] = []
    for (const user of chosen) {
      const result = await call(user, method, url)
      if (!result.ok) failures.push(`${user.email}: ${result.message}`)
    }
    clear()
    done(failures.length > 0 ? { kind: 'error', text: `${label} ${chosen.length - failures.length} of ${chosen.length}. ${failures.join(' ')}` } : { kind: 'ok', text: `${label} ${chosen.length} users.` })
  }

  function actionsFor(user: UserView): MenuAction[] {
    const self = user.id === currentUserId
    const actions: MenuAction[] = [{ label: 'Edit', onSelect: () => setEditing(user) }]
    if (!self) actions.push({ label: user.disabled ? 'Enable' : 'Disable', onSelect: () => act(user, user.disabled ? 'Enabled' : 'Disabled', 'PATCH', '/api/v1/admin/users/:id', { disabled: !user.disabled }) })
    actions.push({ label: 'Reset password', onSelect: () => act(user, 'Password reset', 'POST', '/api/v1/admin/users/:id/password', {}) })
    actions.push({ label: 'Force sign-out', onSelect: () => act(user, 'Signed out', 'POST', '/api/v1/admin/users/:id/sign-out') })
    if (!self) actions.push({ label: 'Delete', danger: true, onSelect: () => void remove(user) })
    return actions
  }

  const columns: ColumnDef<UserView>[] = [
    { id: 'email', header: 'Email', sortKey: 'email', hideable: false, sortValue: (u) => u.email, cell: (u) => <strong>{u.email}</strong> },
    { id: 'name', header: 'Name', sortKey: 'name', sortValue: (u) => u.name.toLowerCase(), cell: (u) => u.name },
    { id: 'role', header: 'Role', sortKey: 'role', sortValue: (u) => u.role, cell: (u) => u.role },
    {
      id: 'scope',
      header: 'Tag scope',
      cell: (u) => (u.scope.all || u.scope.tags.length === 0 ? <span className={u.scope.all ? undefined : 'muted'}>{u.scopeSummary}</span> : u.scope.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)),
    },
    { id: 'timeZone', header: 'Time zone', sortKey: 'timeZone', sortValue: (u) => u.timeZone, cell: (u) => u.timeZone },
    { id: 'status', header: 'Status', sortKey: 'status', sortValue: (u) => u.status, cell: (u) => <span className={`status status-${u.status.toLowerCase()}`}>{u.status}</span> },
    { id: 'actions', header: 'Actions', hideable: false, cell: (u) => <ActionMenu target={u.email} actions={actionsFor(u)} /> },
  ]
  const grid = gridData(columns, users, (u) => u.id, (u) => ({ label: u.email, testId: `user-${u.email}` }))

  return (
    <>
      {noticeElement}
      {confirmDialog}
      <NewUserForm knownTags={knownTags} onCreated={done} />
      <DataGrid
        tableId="users"
        userId={currentUserId}
        label="Users"
        noun="users"
        {...grid}
        bulkActions={(ids, clear) => (
          <>
            <button type="button" className="secondary small" onClick={() => bulk(ids, 'Signed out', 'POST', '/api/v1/admin/users/:id/sign-out', clear)}>
              Force sign-out
            </button>
            <button type="button" className="danger small" onClick={() => bulk(ids, 'Deleted', 'DELETE', '/api/v1/admin/users/:id', clear)}>
              Delete
            </button>
          </>
        )}
      />
      {editing && (
        <EditUserDialog
          user={editing}
          knownTags={knownTags}
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
