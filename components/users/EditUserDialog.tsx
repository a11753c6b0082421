'use client'
// Administration → Users → Edit: name, role, tag scope and time zone in a dialog, checked with the server's updateUserBody schema.
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import type { NoticeMessage } from '@/components/ui/Notice'
import { ROLES } from '@/lib/auth/user'
import { updateUserBody } from '@/lib/schemas/users'
import type { UserView } from '@/lib/services/user-admin'
import { ScopeField } from './ScopeField'

interface Props {
  user: UserView
  knownTags: string[]
  onClose: () => void
  onSaved: (notice: NoticeMessage) => void
}

export function EditUserDialog({ user, knownTags, onClose, onSaved }: Props) {
  const form = useZodForm(updateUserBody, { defaultValues: { name: user.name, role: user.role, scope: user.scope, timeZone: user.timeZone } })

  async function submit(values: ReturnType<typeof updateUserBody.parse>) {
    const result = await callApi<UserView>('PATCH', `/api/v1/admin/users/${user.id}`, { ...values, version: user.version })
    if (!result.ok) return showServerErrors(form, result)
    onSaved({ kind: 'ok', text: `Saved ${user.email}.` })
  }

  return (
    <Dialog title={`Edit ${user.email}`} open onOpenChange={(open) => !open && onClose()} wide>
      <Form form={form} onSubmit={submit} label={`Edit ${user.email}`} className="form-stack">
        <FormError />
        <TextField name="name" label="Name" />
        <SelectField name="role" label="Role" options={ROLES} />
        <ScopeField name="scope" knownTags={knownTags} />
        <TextField name="timeZone" label="Time zone" hint="An IANA name such as Europe/Berlin; their times are shown in it." />
        <div className="dialog-actions">
          <DialogCancel />
          <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
        </div>
      </Form>
    </Dialog>
  )
}
