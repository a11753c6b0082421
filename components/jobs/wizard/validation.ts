'use client'
// Checks one wizard step with its zod schema in the browser, then on the server (POST /api/v1/jobs/validate); errors land at their fields.
import type { UseFormReturn } from 'react-hook-form'
import { callApi, type FieldIssue } from '@/components/api-client'
import { JOB_STEPS, type JobStep } from '@/lib/schemas/jobs'
import { formPath, stepInput, type WizardValues } from './form-model'

type WizardForm = UseFormReturn<WizardValues>

/** Puts issues of one step at their fields; answers how many found a field. */
export function showStepIssues(form: WizardForm, step: JobStep, issues: FieldIssue[]): number {
  issues.forEach((issue, index) => form.setError(formPath(step, issue.path) as never, { type: 'server', message: issue.message }, { shouldFocus: index === 0 }))
  return issues.length
}

/** Issues of a whole-job answer (`schedule.schedule.time`, `basics.name`), grouped by the step they belong to. */
export function issuesByStep(issues: FieldIssue[]): Map<JobStep, FieldIssue[]> {
  const byStep = new Map<JobStep, FieldIssue[]>()
  for (const issue of issues) {
    const [head, ...rest] = issue.path.split('.')
    if (!(head in JOB_STEPS)) continue
    const step = head as JobStep
    byStep.set(step, [...(byStep.get(step) ?? []), { path: rest.join('.'), message: issue.message }])
  }
  return byStep
}

export type StepCheck = { ok: true } | { ok: false; message: string | null }

/**
 * A step left empty passes (the job is then partially configured); otherwise the browser's zod check and then the
 * server's. A server refusal that names no field comes back as the message to show above the buttons.
 */
export async function checkStep(form: WizardForm, step: JobStep): Promise<StepCheck> {
  form.clearErrors(step)
  const value = stepInput(form.getValues(), step)
  if (value === null) return { ok: true }
  const parsed = JOB_STEPS[step].safeParse(value)
  if (!parsed.success) {
    showStepIssues(form, step, parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
    return { ok: false, message: null }
  }
  const answer = await callApi<{ ok: true }>('POST', '/api/v1/jobs/validate', { step, value })
  if (answer.ok) return { ok: true }
  if (answer.issues.length > 0) {
    showStepIssues(form, step, answer.issues)
    return { ok: false, message: null }
  }
  return { ok: false, message: answer.message }
}
