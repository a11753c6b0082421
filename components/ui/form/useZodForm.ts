'use client'
// react-hook-form driven by the server's own zod schema, plus the mapping of the server's field errors back onto the fields.
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { ApiResult } from '@/components/api-client'

/** A form whose values are checked in the browser with `schema` — the same schema the API route parses with. */
export function useZodForm<Schema extends z.ZodType<FieldValues, FieldValues>>(schema: Schema, options: Omit<UseFormProps<z.input<Schema>, unknown, z.output<Schema>>, 'resolver'> = {}) {
  return useForm<z.input<Schema>, unknown, z.output<Schema>>({ mode: 'onTouched', ...options, resolver: zodResolver(schema) })
}

/**
 * Puts a failed API call's message where the user looks: each `{ path, message }` of the answer's details at its field
 * (when the form has that field), everything else as the form's own error above the buttons.
 * `fieldFor` renames server paths to form fields (e.g. `expiresInDays` → `expiry`).
 */
export function showServerErrors<Values extends FieldValues>(form: UseFormReturn<Values, unknown, unknown>, result: Extract<ApiResult<unknown>, { ok: false }>, fieldFor: Record<string, string> = {}): void {
  const known = new Set(Object.keys(form.getValues()))
  let atFields = 0
  for (const issue of result.issues) {
    const field = fieldFor[issue.path] ?? issue.path
    if (!known.has(field.split('.')[0])) continue
    form.setError(field as Path<Values>, { type: 'server', message: issue.message }, { shouldFocus: atFields === 0 })
    atFields++
  }
  if (atFields === 0 || atFields < result.issues.length) form.setError('root.server', { type: 'server', message: result.message })
}
