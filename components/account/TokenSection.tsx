'use client'
// Account → API tokens: create one (shown once), list them with times in the user's zone and the server's status, revoke after a confirmation.
import { useRouter } from 'next/navigation'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import type { NoticeMessage } from '@/components/ui/Notice'
import { formatDateTime, timeHeader } from '@/lib/format'
import { createTokenForm, TOKEN_LIFETIMES } from '@/lib/schemas/account'
import type { TokenView } from '@/lib/services/api-tokens'

interface Props {
  tokens: TokenView[]
  userId: string
  timeZone: string
  notify: (notice: NoticeMessage) => void
}

export function TokenSection({ tokens, userId, timeZone, notify }: Props) {
  const router = useRouter()
  const { confirm, confirmDialog } = useConfirm()
  const form = useZodForm(createTokenForm, { defaultValues: { name: '', expiresInDays: '90' } })

  async function create(values: ReturnType<typeof createTokenForm.parse>) {
    const result = await callApi<{ token: string }>('POST', '/api/v1/me/tokens', values)
    if (!result.ok) return showServerErrors(form, result)
    form.reset()
    notify({ kind: 'ok', text: 'Token created. Copy it now: it is shown only this once.', secret: result.data.token })
    router.refresh()
  }

  async function revoke(token: TokenView) {
    const confirmed = await confirm({ title: `Revoke "${token.name}"?`, description: 'Scripts using this token are refused from now on. This cannot be undone.', confirmLabel: 'Revoke token', danger: true })
    if (!confirmed) return
    const result = await callApi('DELETE', `/api/v1/me/tokens/${token.id}`)
    notify(result.ok ? { kind: 'ok', text: `Revoked "${token.name}".` } : { kind: 'error', text: result.message })
    if (result.ok) router.refresh()
  }

  const columns: ColumnDef<TokenView>[] = [
    { id: 'name', header: 'Name', sortKey: 'name', hideable: false, sortValue: (t) => t.name.toLowerCase(), cell: (t) => t.name },
    { id: 'created', header: timeHeader('Created', timeZone), sortKey: 'created', sortValue: (t) => t.createdAt, cell: (t) => formatDateTime(t.createdAt, timeZone) },
    { id: 'expires', header: timeHeader('Expires', timeZone), sortKey: 'expires', sortValue: (t) => t.expiresAt ?? '9999', cell: (t) => (t.expiresAt ? formatDateTime(t.expiresAt, timeZone) : 'never') },
    { id: 'status', header: 'Status', sortKey: 'status', sortValue: (t) => t.status, cell: (t) => <span className={`status status-${t.status.toLowerCase()}`}>{t.status}</span> },
    {
      id: 'actions',
      header: 'Actions',
      hideable: false,
      cell: (t) =>
        t.status !== 'Revoked' && (
          <button type="button" className="secondary small" onClick={() => revoke(t)}>
            Revoke
          </button>
        ),
    },
  ]

  return (
    <>
      {confirmDialog}
      <Form form={form} onSubmit={create} label="New API token" className="panel form-grid">
        <h2>New API token</h2>
        <p className="muted">
          Scripts send <code>Authorization: Bearer pbt_…</code> and act as you, with your role and tag scope.
        </p>
        <FormError />
        <TextField name="name" label="Token name" maxLength={100} placeholder="e.g. nightly export" />
        <SelectField name="expiresInDays" label="Expires after" options={TOKEN_LIFETIMES} />
        <div className="form-actions">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </Form>
      <DataGrid tableId="api-tokens" userId={userId} label="API tokens" noun="API tokens" {...gridData(columns, tokens, (t) => t.id)} bounded={false} emptyText="No API tokens yet." />
    </>
  )
}
