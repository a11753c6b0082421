'use client'
// The error of one wizard field whose control is not a single input (a picker, a group of day toggles), announced when it appears.
import { get, useFormContext } from 'react-hook-form'

export function FieldMessage({ name, id }: { name: string; id?: string }) {
  const { formState } = useFormContext()
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message
  if (!message) return null
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  )
}
