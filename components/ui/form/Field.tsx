'use client'
// Labelled fields of the form kit: the label, the control, a hint and the field's error, wired with ids for screen readers.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'
import { get, useFormContext } from 'react-hook-form'

interface FieldFrameProps {
  name: string
  label: ReactNode
  hint?: ReactNode
  /** Renders the control with the ids and ARIA attributes it must carry. */
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}

/** The frame every field shares; use it directly for custom controls (e.g. the tag-scope editor). */
export function Field({ name, label, hint, children }: FieldFrameProps) {
  const id = useId()
  const { formState } = useFormContext()
  const error = get(formState.errors, name) as { message?: string } | undefined
  const describedBy = [hint ? `${id}-hint` : null, error?.message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error?.message), 'aria-describedby': describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error?.message && (
        <span id={`${id}-error`} className="field-error">
          {error.message}
        </span>
      )}
    </div>
  )
}

type TextFieldProps = { name: string; label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>

export function TextField({ name, label, hint, ...input }: TextFieldProps) {
  const { register } = useFormContext()
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => <input {...input} {...control} {...register(name)} />}
    </Field>
  )
}

export interface SelectOption {
  value: string
  label: string
}

type SelectFieldProps = { name: string; label: ReactNode; hint?: ReactNode; options: readonly (SelectOption | string)[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>

export function SelectField({ name, label, hint, options, ...select }: SelectFieldProps) {
  const { register } = useFormContext()
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <select {...select} {...control} {...register(name)}>
          {options.map((option) => {
            const { value, label: text } = typeof option === 'string' ? { value: option, label: option } : option
            return (
              <option key={value} value={value}>
                {text}
              </option>
            )
          })}
        </select>
      )}
    </Field>
  )
}
