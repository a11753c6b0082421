'use client'
// Account → Password: current and new password (twice), checked with the server's schema; a change signs out everywhere.
import { useRouter } from 'next/navigation'
import { callApi } from '@/components/api-client'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { TextField } from '@/components/ui/form/Field'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import { changePasswordForm } from '@/lib/schemas/account'

export function PasswordForm() {
  const router = useRouter()
  const form = useZodForm(changePasswordForm, { defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } })

  async function change({ currentPassword, newPassword }: ReturnType<typeof changePasswordForm.parse>) {
    const result = await callApi('POST', '/api/v1/me/password', { currentPassword, newPassword })
    if (!result.ok) return showServerErrors(form, result)
    // Every session ends with a password change, this one too.
    router.replace('/login')
  }

  return (
    <Form form={form} onSubmit={change} label="Password" className="panel form-card form-stack">
      <h2>Password</h2>
      <FormError />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <TextField name="newPassword" label="New password" hint="At least 12 characters, not your email." type="password" autoComplete="new-password" />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
      <div className="form-actions">
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
        <span className="muted">Signs you out everywhere.</span>
      </div>
    </Form>
  )
}
