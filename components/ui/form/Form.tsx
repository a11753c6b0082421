'use client'
// The form kit's frame: a <form> bound to a react-hook-form instance, the form-level error, and a submit button with its pending state.
import type { ReactNode } from 'react'
import { FormProvider, useFormContext, type FieldValues, type SubmitHandler, type UseFormReturn } from 'react-hook-form'

interface FormProps<Values extends FieldValues, Output> {
  form: UseFormReturn<Values, unknown, Output>
  onSubmit: SubmitHandler<Output>
  /** The form's accessible name. */
  label: string
  className?: string
  children: ReactNode
}

/** Browser validation is off (noValidate): the zod schema speaks, with its messages at the fields. */
export function Form<Values extends FieldValues, Output>({ form, onSubmit, label, className, children }: FormProps<Values, Output>) {
  return (
    <FormProvider {...form}>
      <form className={className} aria-label={label} noValidate onSubmit={form.handleSubmit(onSubmit)}>
        {children}
      </form>
    </FormProvider>
  )
}

/** The error that belongs to no single field (a conflict, a refused password, a lost connection). */
export function FormError() {
  const { formState } = useFormContext()
  const message = formState.errors.root?.server?.message
  if (!message) return null
  return (
    <div className="error form-error" role="alert">
      {message}
    </div>
  )
}

export function SubmitButton({ children, pendingLabel, className }: { children: ReactNode; pendingLabel: string; className?: string }) {
  const { formState } = useFormContext()
  return (
    <button type="submit" className={className} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting || undefined}>
      {formState.isSubmitting ? pendingLabel : children}
    </button>
  )
}
