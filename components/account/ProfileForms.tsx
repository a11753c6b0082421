'use client'
// Account → Profile (name, time zone) and Appearance (colour theme, applied at once and kept with the user on the server).
import { useRouter } from 'next/navigation'
import { callApi } from '@/components/api-client'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import type { NoticeMessage } from '@/components/ui/Notice'
import { updateAccountBody } from '@/lib/schemas/account'
import { THEME_LABELS, THEMES, updatePreferencesBody, type Theme } from '@/lib/schemas/preferences'
import type { UserView } from '@/lib/services/user-admin'

type Notify = (notice: NoticeMessage) => void

export function ProfileForm({ account, timeZones, notify }: { account: UserView; timeZones: string[]; notify: Notify }) {
  const router = useRouter()
  const form = useZodForm(updateAccountBody, { defaultValues: { name: account.name, timeZone: account.timeZone } })

  async function save(values: ReturnType<typeof updateAccountBody.parse>) {
    const result = await callApi<UserView>('PATCH', '/api/v1/me', values)
    if (!result.ok) return showServerErrors(form, result)
    notify({ kind: 'ok', text: 'Saved your profile.' })
    router.refresh()
  }

  return (
    <Form form={form} onSubmit={save} label="Profile" className="panel form-card form-stack">
      <h2>Profile</h2>
      <FormError />
      <TextField name="name" label="Name" autoComplete="name" />
      <SelectField name="timeZone" label="Time zone" hint="Every time in Patchboard is shown in it, with its name." options={timeZones} />
      <div className="form-actions">
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </Form>
  )
}

export function AppearanceForm({ theme, notify }: { theme: Theme; notify: Notify }) {
  const router = useRouter()
  const form = useZodForm(updatePreferencesBody, { defaultValues: { theme } })

  async function save(values: ReturnType<typeof updatePreferencesBody.parse>) {
    const result = await callApi<{ theme: Theme }>('PATCH', '/api/v1/me/preferences', values)
    if (!result.ok) return showServerErrors(form, result)
    // Applied at once; the server renders it into <html> from now on.
    document.documentElement.dataset.theme = result.data.theme
    notify({ kind: 'ok', text: `Theme: ${THEME_LABELS[result.data.theme]}.` })
    router.refresh()
  }

  return (
    <Form form={form} onSubmit={save} label="Appearance" className="panel form-card form-stack">
      <h2>Appearance</h2>
      <FormError />
      <fieldset className="radio-group">
        <legend>Theme</legend>
        {THEMES.map((value) => (
          <label key={value} className="inline">
            <input type="radio" value={value} {...form.register('theme')} /> {THEME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <SubmitButton pendingLabel="Saving…">Save appearance</SubmitButton>
      </div>
    </Form>
  )
}
