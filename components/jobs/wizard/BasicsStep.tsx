'use client'
// Wizard step 1 — basic info: the job's name, description and type (Install or Uninstall).
import { useFormContext } from 'react-hook-form'
import { Field, SelectField, TextField } from '@/components/ui/form/Field'
import { JOB_TYPES } from '@/lib/schemas/jobs'
import type { WizardValues } from './form-model'

export function BasicsStep({ advisory }: { advisory: boolean }) {
  const { register } = useFormContext<WizardValues>()
  return (
    <div>
      <TextField name="basics.name" label="Name" maxLength={200} placeholder="e.g. Berlin servers — monthly security updates" />
      <Field name="basics.description" label="Description (optional)">
        {(aria) => <textarea {...aria} rows={3} maxLength={2000} {...register('basics.description')} />}
      </Field>
      {!advisory && <SelectField name="basics.type" label="Type" options={JOB_TYPES.map((type) => ({ value: type, label: type === 'Install' ? 'Install (deploy patches)' : 'Uninstall (remove patches)' }))} />}
    </div>
  )
}
