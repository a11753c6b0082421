'use client'
// Create or edit an assessment profile in a dialog (react-hook-form + the server's zod rules); the default profile: only its interval.
import { useId } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import type { NoticeMessage } from '@/components/ui/Notice'
import { defaultProfileForm, MAX_INTERVAL_HOURS, profileForm, type ProfileView } from '@/lib/schemas/profiles'

interface Props {
  /** null: a new custom profile. */
  profile: ProfileView | null
  knownTags: string[]
  /** The subscription's shortest interval (the server checks it again). */
  minIntervalHours: number
  onClose: () => void
  onSaved: (notice: NoticeMessage) => void
}

export function ProfileDialog(props: Props) {
  return props.profile?.isDefault ? <DefaultProfileForm {...props} profile={props.profile} /> : <CustomProfileForm {...props} />
}

function IntervalField({ minIntervalHours }: { minIntervalHours: number }) {
  return (
    <TextField
      name="intervalHours"
      label="Scan interval (hours)"
      type="number"
      inputMode="numeric"
      min={minIntervalHours}
      max={MAX_INTERVAL_HOURS}
      hint={`At least ${minIntervalHours} h on your subscription, at most ${MAX_INTERVAL_HOURS} h (30 days).`}
    />
  )
}

function CustomProfileForm({ profile, knownTags, minIntervalHours, onClose, onSaved }: Props) {
  const tagListId = useId()
  const form = useZodForm(profileForm, {
    defaultValues: { name: profile?.name ?? '', tags: profile?.tags.join(', ') ?? '', intervalHours: profile?.intervalHours ?? Math.max(minIntervalHours, 24) },
  })
  const title = profile ? `Edit ${profile.name}` : 'New assessment profile'

  async function submit(values: ReturnType<typeof profileForm.parse>) {
    const result = profile
      ? await callApi<ProfileView>('PUT', `/api/v1/profiles/${profile.id}`, { ...values, revision: profile.revision })
      : await callApi<ProfileView>('POST', '/api/v1/profiles', values)
    if (!result.ok) return showServerErrors(form, result)
    onSaved({ kind: 'ok', text: `${profile ? 'Saved' : 'Created'} the profile ${result.data.name}: ${result.data.schedule.toLowerCase()}, ${result.data.assetCount} assets in your scope.` })
  }

  return (
    <Dialog title={title} description="The profile covers every asset that carries one of its tags; a tag belongs to one custom profile." open onOpenChange={(open) => !open && onClose()}>
      <Form form={form} onSubmit={submit} label={title} className="form-stack">
        <FormError />
        <TextField name="name" label="Name" autoComplete="off" />
        <TextField name="tags" label="Tags" list={tagListId} autoComplete="off" hint="Comma-separated, e.g. Servers, Site-Berlin." />
        <datalist id={tagListId}>
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <IntervalField minIntervalHours={minIntervalHours} />
        <div className="dialog-actions">
          <DialogCancel />
          <SubmitButton pendingLabel="Saving…">{profile ? 'Save' : 'Create profile'}</SubmitButton>
        </div>
      </Form>
    </Dialog>
  )
}

function DefaultProfileForm({ profile, minIntervalHours, onClose, onSaved }: Props & { profile: ProfileView }) {
  const form = useZodForm(defaultProfileForm, { defaultValues: { intervalHours: profile.intervalHours } })

  async function submit(values: ReturnType<typeof defaultProfileForm.parse>) {
    const result = await callApi<ProfileView>('PUT', `/api/v1/profiles/${profile.id}`, { ...values, revision: profile.revision })
    if (!result.ok) return showServerErrors(form, result)
    onSaved({ kind: 'ok', text: `Saved the default profile: ${result.data.schedule.toLowerCase()}.` })
  }

  return (
    <Dialog title="Edit the default profile" description="It applies to every agent no enabled custom profile covers; only its interval can change." open onOpenChange={(open) => !open && onClose()}>
      <Form form={form} onSubmit={submit} label="Edit the default profile" className="form-stack">
        <FormError />
        <IntervalField minIntervalHours={minIntervalHours} />
        <div className="dialog-actions">
          <DialogCancel />
          <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
        </div>
      </Form>
    </Dialog>
  )
}
