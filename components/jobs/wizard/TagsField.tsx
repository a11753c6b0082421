'use client'
// A comma-separated tags box with an Any/All choice, bound to two fields of the wizard form (the known tags offered as suggestions).
import { Controller, useFormContext } from 'react-hook-form'
import { Field } from '@/components/ui/form/Field'
import { splitTags } from '@/lib/schemas/activation-keys'
import type { WizardValues } from './form-model'

interface Props {
  name: 'targets.tags' | 'targets.exclusionTags'
  match: 'targets.tagMatch' | 'targets.exclusionMatch'
  label: string
  hint: string
  knownTags: string[]
}

export function TagsField({ name, match, label, hint, knownTags }: Props) {
  const { control, register } = useFormContext<WizardValues>()
  const listId = `${name.replace('.', '-')}-known`
  return (
    <div className="tags-field">
      <Field name={name} label={label} hint={hint}>
        {(aria) => (
          <Controller
            control={control}
            name={name}
            render={({ field }) => (
              <input {...aria} list={listId} placeholder="tags, comma-separated" defaultValue={field.value.join(', ')} onChange={(event) => field.onChange(splitTags(event.target.value))} onBlur={field.onBlur} />
            )}
          />
        )}
      </Field>
      <datalist id={listId}>
        {knownTags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <fieldset className="radio-group compact">
        <legend>Match</legend>
        {(['Any', 'All'] as const).map((value) => (
          <label key={value} className="inline">
            <input type="radio" value={value} {...register(match)} /> {value === 'Any' ? 'Any of these tags' : 'All of these tags'}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
