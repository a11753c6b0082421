'use client'
// Configuration → Licenses: the licence count and the include (patchable) and exclude tags, for roles that manage licences.
import { useRouter } from 'next/navigation'
import { callApi } from '@/components/api-client'
import { TextField } from '@/components/ui/form/Field'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import { useNotice } from '@/components/ui/Notice'
import { describeConsumption, licenseForm, type LicenseOverview, type UpdateLicenseSettingsInput } from '@/lib/schemas/licenses'

export function LicenseForm({ overview, knownTags }: { overview: LicenseOverview; knownTags: string[] }) {
  const router = useRouter()
  const { show, noticeElement } = useNotice()
  const form = useZodForm(licenseForm, {
    defaultValues: { licenseCount: overview.configured ? String(overview.licenseCount) : '', includeTags: overview.includeTags.join(', '), excludeTags: overview.excludeTags.join(', ') },
  })

  async function save(values: UpdateLicenseSettingsInput) {
    const result = await callApi<LicenseOverview>('PUT', '/api/v1/licenses', values)
    if (!result.ok) return showServerErrors(form, result)
    show({ kind: 'ok', text: `Saved: ${describeConsumption(result.data)}.` })
    router.refresh()
  }

  return (
    <>
      {noticeElement}
      <Form form={form} onSubmit={save} label="Licence settings" className="panel form-card form-stack">
        <h2>Licence settings</h2>
        <FormError />
        <TextField name="licenseCount" label="Licences" inputMode="numeric" autoComplete="off" hint="How many assets the paid subscription covers." />
        <TextField
          name="includeTags"
          label="Include tags (patchable assets)"
          list="license-known-tags"
          autoComplete="off"
          hint="Comma-separated. Assets with any of these tags need a licence; leave empty for every asset."
        />
        <TextField name="excludeTags" label="Exclude tags" list="license-known-tags" autoComplete="off" hint="Comma-separated. Assets with any of these tags never take a licence, and jobs skip them." />
        <datalist id="license-known-tags">
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <div className="form-actions">
          <SubmitButton pendingLabel="Saving…">Save licences</SubmitButton>
        </div>
      </Form>
    </>
  )
}
