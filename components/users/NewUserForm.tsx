'use client'
// Administration → Users → New user: the server's createUserBody schema checks it in the browser; server errors land at their fields.
import { callApi } from '@/components/api-client'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import type { NoticeMessage } from '@/components/ui/Notice'
import { ROLES } from '@/lib/auth/user'
import { createUserBody } from '@/lib/schemas/users'
import type { UserView } from '@/lib/services/user-admin'
import { ScopeField } from './ScopeField'

export function NewUserForm({ knownTags, onCreated }: { knownTags: string[]; onCreated: (notice: NoticeMessage) => void }) {
  const form = useZodForm(createUserBody, {
    defaultValues: { email: '', name: '', role: 'Patch Reader', scope: { all: false, tags: [] }, password: '' },
  })

  async function submit(values: ReturnType<typeof createUserBody.parse>) {
    const result = await callApi<{ user: UserView; generatedPassword?: string }>('POST', '/api/v1/admin/users', {
      ...values,
      // No scope chosen: the server's default for the role applies (Administrators all assets, others none).
      scope: values.scope && !values.scope.all && values.scope.tags.length === 0 ? undefined : values.scope,
      password: values.password || undefined,
    })
    if (!result.ok) return showServerErrors(form, result)
    form.reset()
    onCreated({
      kind: 'ok',
      text: `Created ${result.data.user.email} (${result.data.user.role}).${result.data.generatedPassword ? ' Generated password, shown once:' : ''}`,
      secret: result.data.generatedPassword,
    })
  }

  return (
    <Form form={form} onSubmit={submit} label="New user" className="panel form-grid">
      <h2>New user</h2>
      <FormError />
      <TextField name="email" label="Email" type="email" autoComplete="off" />
      <TextField name="name" label="Name" autoComplete="off" />
      <SelectField name="role" label="Role" options={ROLES} />
      <ScopeField name="scope" knownTags={knownTags} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" placeholder="empty: generate one" />
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </Form>
  )
}
