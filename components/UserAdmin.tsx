'use client'
// Administration → Users: create, edit (role, tag scope, time zone), disable, reset password, force sign-out, delete.
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { ROLES, type Role, type TagScope } from '@/lib/auth/user'
import type { UserView } from '@/lib/services/user-admin'
import { callApi } from './api-client'
import { describeScope, ScopeInput } from './ScopeInput'

type Notice = { kind: 'ok' | 'error'; text: string; secret?: string } | null

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role}>{role}</option>
      ))}
    </select>
  )
}

function NewUserForm({ knownTags, onDone }: { knownTags: string[]; onDone: (notice: Notice) => void }) {
  const [role, setRole] = useState<Role>('Patch Reader')
  const [scope, setScope] = useState<TagScope>({ all: false, tags: [] })
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    setBusy(true)
    const result = await callApi<{ user: UserView; generatedPassword?: string }>('POST', '/api/v1/admin/users', {
      email: String(data.get('email') ?? ''),
      name: String(data.get('name') ?? ''),
      role,
      // No scope chosen: the server's default for the role applies (Administrators all assets, others none).
      scope: !scope.all && scope.tags.length === 0 ? undefined : scope,
      password: String(data.get('password') ?? '') || undefined,
    })
    setBusy(false)
    if (!result.ok) return onDone({ kind: 'error', text: result.message })
    onDone({
      kind: 'ok',
      text: `Created ${result.data.user.email} (${result.data.user.role}).`,
      secret: result.data.generatedPassword ? `Generated password, shown once: ${result.data.generatedPassword}` : undefined,
    })
  }

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label="New user">
      <h2>New user</h2>
      <div className="field">
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" required />
      </div>
      <div className="field">
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" required />
      </div>
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <RoleSelect id="new-role" value={role} onChange={setRole} />
      </div>
      <div className="field">
        <label htmlFor="new-scope-tags">Tag scope</label>
        <ScopeInput idPrefix="new-scope" scope={scope} knownTags={knownTags} onChange={setScope} />
      </div>
      <div className="field">
        <label htmlFor="new-password">Password</label>
        <input id="new-password" name="password" type="password" autoComplete="new-password" placeholder="empty: generate one" />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Create user
        </button>
      </div>
    </form>
  )
}

function UserEditor({ user, knownTags, onDone }: { user: UserView; knownTags: string[]; onDone: (notice: Notice) => void }) {
  const [name, setName] = useState(user.name)
  const [role, setRole] = useState<Role>(user.role)
  const [scope, setScope] = useState<TagScope>(user.scope)
  const [timeZone, setTimeZone] = useState(user.timeZone)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = await callApi<UserView>('PATCH', `/api/v1/admin/users/${user.id}`, { name, role, scope, timeZone, version: user.version })
    onDone(result.ok ? { kind: 'ok', text: `Saved ${user.email}.` } : { kind: 'error', text: result.message })
  }

  return (
    <form className="user-editor" onSubmit={save} aria-label={`Edit ${user.email}`}>
      <div className="field">
        <label htmlFor={`name-${user.id}`}>Name</label>
        <input id={`name-${user.id}`} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`role-${user.id}`}>Role</label>
        <RoleSelect id={`role-${user.id}`} value={role} onChange={setRole} />
      </div>
      <div className="field">
        <label htmlFor={`scope-${user.id}-tags`}>Tag scope</label>
        <ScopeInput idPrefix={`scope-${user.id}`} scope={scope} knownTags={knownTags} onChange={setScope} />
      </div>
      <div className="field">
        <label htmlFor={`tz-${user.id}`}>Time zone</label>
        <input id={`tz-${user.id}`} value={timeZone} onChange={(event) => setTimeZone(event.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit">Save</button>
      </div>
    </form>
  )
}

export function UserAdmin({ users, knownTags, currentUserId }: { users: UserView[]; knownTags: string[]; currentUserId: string }) {
  const router = useRouter()
  const [notice, setNotice] = useState<Notice>(null)
  const [editing, setEditing] = useState<string | null>(null)
  // A new key after each creation gives a fresh, empty New user form.
  const [newUserFormKey, setNewUserFormKey] = useState(0)

  function done(next: Notice) {
    setNotice(next)
    if (next?.kind === 'ok') {
      setEditing(null)
      router.refresh()
    }
  }

  async function act(user: UserView, label: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    if (method === 'DELETE' && !window.confirm(`Delete ${user.email}? This cannot be undone.`)) return
    const result = await callApi<{ generatedPassword?: string }>(method, url, body)
    if (!result.ok) return done({ kind: 'error', text: result.message })
    const secret = result.data?.generatedPassword ? `New password for ${user.email}, shown once: ${result.data.generatedPassword}` : undefined
    done({ kind: 'ok', text: `${label}: ${user.email}.`, secret })
  }

  return (
    <>
      {notice && (
        <div className={notice.kind === 'ok' ? 'notice' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
          {notice.secret && <code className="secret">{notice.secret}</code>}
        </div>
      )}
      <NewUserForm
        key={newUserFormKey}
        knownTags={knownTags}
        onDone={(next) => {
          if (next?.kind === 'ok') setNewUserFormKey((key) => key + 1)
          done(next)
        }}
      />
      <div className="panel">
        <table className="data users-table" aria-label="Users">
          <thead>
            <tr>
              <th>Email</th>
              <th>Name</th>
              <th>Role</th>
              <th>Tag scope</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === currentUserId
              return [
                <tr key={user.id} data-testid={`user-${user.email}`}>
                  <td>
                    <strong>{user.email}</strong>
                  </td>
                  <td>{user.name}</td>
                  <td>{user.role}</td>
                  <td>
                    {user.scope.all || user.scope.tags.length === 0 ? (
                      <span className={user.scope.all ? undefined : 'muted'}>{describeScope(user.scope)}</span>
                    ) : (
                      user.scope.tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))
                    )}
                  </td>
                  <td>{user.disabled ? 'Disabled' : 'Active'}</td>
                  <td>
                    <div className="user-actions">
                    <button type="button" className="secondary" onClick={() => setEditing(editing === user.id ? null : user.id)}>
                      {editing === user.id ? 'Close' : 'Edit'}
                    </button>
                    {!self && (
                      <button type="button" className="secondary" onClick={() => act(user, user.disabled ? 'Enabled' : 'Disabled', 'PATCH', `/api/v1/admin/users/${user.id}`, { disabled: !user.disabled })}>
                        {user.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                    <button type="button" className="secondary" onClick={() => act(user, 'Password reset', 'POST', `/api/v1/admin/users/${user.id}/password`, {})}>
                      Reset password
                    </button>
                    <button type="button" className="secondary" onClick={() => act(user, 'Signed out', 'POST', `/api/v1/admin/users/${user.id}/sign-out`)}>
                      Force sign-out
                    </button>
                    {!self && (
                      <button type="button" className="danger" onClick={() => act(user, 'Deleted', 'DELETE', `/api/v1/admin/users/${user.id}`)}>
                        Delete
                      </button>
                    )}
                    </div>
                  </td>
                </tr>,
                editing === user.id && (
                  <tr key={`${user.id}-edit`}>
                    <td colSpan={6}>
                      <UserEditor user={user} knownTags={knownTags} onDone={done} />
                    </td>
                  </tr>
                ),
              ]
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
