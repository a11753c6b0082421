'use client'
// Administration → Activation keys: create a key (shown once), list keys by prefix with tags and last use, revoke after a confirmation.
import { useRouter } from 'next/navigation'
import { formatDateTime, timeHeader } from '@/lib/format'
import { activationKeyForm } from '@/lib/schemas/activation-keys'
import type { ActivationKeyView } from '@/lib/services/activation-keys'
import { callApi } from './api-client'
import { useConfirm } from './ui/ConfirmDialog'
import { Form, FormError, SubmitButton } from './ui/form/Form'
import { TextField } from './ui/form/Field'
import { showServerErrors, useZodForm } from './ui/form/useZodForm'
import { gridData, type ColumnDef } from './ui/grid/columns'
import { DataGrid } from './ui/grid/DataGrid'
import { useNotice } from './ui/Notice'

export function ActivationKeyAdmin({ keys, timeZone, userId }: { keys: ActivationKeyView[]; timeZone: string; userId: string }) {
  const router = useRouter()
  const { show, noticeElement } = useNotice()
  const { confirm, confirmDialog } = useConfirm()
  const form = useZodForm(activationKeyForm, { defaultValues: { title: '', tags: '' } })

  async function create(values: ReturnType<typeof activationKeyForm.parse>) {
    const result = await callApi<{ key: string; displayPrefix: string }>('POST', '/api/v1/admin/activation-keys', values)
    if (!result.ok) return showServerErrors(form, result)
    form.reset()
    show({ kind: 'ok', text: `Created the key ${result.data.displayPrefix} — copy it now, it is not shown again:`, secret: result.data.key })
    router.refresh()
  }

  async function revoke(key: ActivationKeyView) {
    const confirmed = await confirm({ title: `Revoke ${key.displayPrefix}?`, description: 'Agents using this key can no longer send data. This cannot be undone.', confirmLabel: 'Revoke key', danger: true })
    if (!confirmed) return
    const result = await callApi('DELETE', `/api/v1/admin/activation-keys/${key.id}`)
    show(result.ok ? { kind: 'ok', text: `Revoked the key ${key.displayPrefix}; agents using it are refused from now on.` } : { kind: 'error', text: result.message })
    router.refresh()
  }

  const columns: ColumnDef<ActivationKeyView>[] = [
    { id: 'key', header: 'Key', hideable: false, cell: (k) => <code>{k.displayPrefix}</code> },
    { id: 'title', header: 'Title', sortKey: 'title', sortValue: (k) => k.title.toLowerCase(), cell: (k) => k.title || <span className="muted">—</span> },
    { id: 'tags', header: 'Tags', cell: (k) => k.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) },
    { id: 'created', header: timeHeader('Created', timeZone), sortKey: 'created', sortValue: (k) => k.createdAt, cell: (k) => <>{formatDateTime(k.createdAt, timeZone)} <span className="muted">by {k.createdBy}</span></> },
    { id: 'lastUsed', header: timeHeader('Last used', timeZone), sortKey: 'lastUsed', sortValue: (k) => k.lastUsedAt ?? '', cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : <span className="muted">never</span>) },
    {
      id: 'status',
      header: 'Status',
      sortKey: 'status',
      sortValue: (k) => k.status,
      cell: (k) => <span className={`status status-${k.status.toLowerCase()}`}>{k.status}{k.revokedAt ? ` ${formatDateTime(k.revokedAt, timeZone, { zone: true })}` : ''}</span>,
    },
    {
      id: 'actions',
      header: 'Actions',
      hideable: false,
      cell: (k) =>
        k.status === 'Active' && (
          <button type="button" className="danger small" onClick={() => revoke(k)}>
            Revoke
          </button>
        ),
    },
  ]

  return (
    <>
      {noticeElement}
      {confirmDialog}
      <Form form={form} onSubmit={create} label="New activation key" className="panel form-grid">
        <h2>New activation key</h2>
        <FormError />
        <TextField name="title" label="Title" maxLength={200} placeholder="e.g. Berlin office agents" />
        <TextField name="tags" label="Tags (comma-separated)" placeholder="e.g. Site-Berlin, Workstations" />
        <div className="form-actions">
          <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
        </div>
      </Form>
      <DataGrid tableId="activation-keys" userId={userId} label="Activation keys" noun="activation keys" {...gridData(columns, keys, (k) => k.id)} bounded={false} emptyText="No activation keys yet." />
    </>
  )
}
