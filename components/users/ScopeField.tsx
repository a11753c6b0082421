'use client'
// The tag-scope editor as a form-kit field (a react-hook-form Controller around ScopeInput).
import { Controller, useFormContext } from 'react-hook-form'
import { Field } from '@/components/ui/form/Field'
import { ScopeInput } from '../ScopeInput'

export function ScopeField({ name, knownTags }: { name: string; knownTags: string[] }) {
  const { control } = useFormContext()
  return (
    <Field name={name} label="Tag scope">
      {(aria) => <Controller control={control} name={name} render={({ field }) => <ScopeInput {...aria} scope={field.value} knownTags={knownTags} onChange={field.onChange} />} />}
    </Field>
  )
}
