'use client'
// The job wizard (create, edit, advisory): one form across the steps, each step checked in the browser and on the server
// before moving on; values stay as typed when a step fails or the user moves back; Save as Disabled or Save and enable.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { callApi } from '@/components/api-client'
import { jobUrl, type JobPersonOption } from '@/components/jobs/jobs-api'
import { Form, FormError } from '@/components/ui/form/Form'
import type { JobStep, JobView } from '@/lib/schemas/jobs'
import { BasicsStep } from './BasicsStep'
import { CoAuthorsStep } from './CoAuthorsStep'
import { STEP_ORDER, STEP_TITLES, toJobInput, type WizardStep, type WizardValues } from './form-model'
import { OptionsStep } from './OptionsStep'
import { PatchesStep } from './PatchesStep'
import { ScheduleStep } from './ScheduleStep'
import { missingParts, SummaryStep } from './SummaryStep'
import { TargetsStep } from './TargetsStep'
import { checkStep, issuesByStep, showStepIssues } from './validation'
import { WizardNav } from './WizardNav'
import '../jobs.css'

export interface WizardProps {
  mode: 'create' | 'edit' | 'advisory'
  /** The stored job being edited (its id and version go back with the save). */
  job: JobView | null
  initial: WizardValues
  /** Names of prefilled asset and patch ids. */
  initialNames: Record<string, string>
  knownTags: string[]
  timeZones: string[]
  /** A co-author (not the owner, not a Manager): the assets and co-authors stay as the owner chose (the server refuses changes). */
  coAuthorOnly: boolean
}

export function JobWizard({ mode, job, initial, initialNames, knownTags, timeZones, coAuthorOnly }: WizardProps) {
  const router = useRouter()
  // Steps are checked on Next (browser schema, then the server), never on blur: a blur must not wipe a server's message.
  const form = useForm<WizardValues>({ defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onSubmit' })
  const advisory = mode === 'advisory' || (job?.isAdvisory ?? false)
  const steps: WizardStep[] = advisory ? ['basics', 'patches', 'summary'] : [...STEP_ORDER]
  const [current, setCurrent] = useState<WizardStep>('basics')
  const [names, setNames] = useState(initialNames)
  const [people, setPeople] = useState<JobPersonOption[]>([])
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(job ? { id: job.id, version: job.version } : null)
  const [busy, setBusy] = useState(false)
  const index = steps.indexOf(current)
  const missing = missingParts(useWatch({ control: form.control }) as WizardValues, advisory)
  const stillEnabled = job?.status === 'Enabled'

  async function go(target: WizardStep) {
    if (steps.indexOf(target) > index && current !== 'summary') {
      setBusy(true)
      const check = await checkStep(form, current as JobStep)
      setBusy(false)
      if (!check.ok) {
        if (check.message) form.setError('root.server', { type: 'server', message: check.message })
        return
      }
    }
    form.clearErrors('root')
    setCurrent(target)
  }

  async function save(enable: boolean) {
    form.clearErrors()
    setBusy(true)
    const values = form.getValues()
    const input = toJobInput(values)
    const body = advisory ? { basics: input.basics, patches: input.patches, advisory: mode === 'advisory' ? true : undefined } : input
    const answer = saved ? await callApi<JobView>('PUT', jobUrl(saved.id), { ...body, version: saved.version }) : await callApi<JobView>('POST', '/api/v1/jobs', body)
    if (!answer.ok) {
      setBusy(false)
      const byStep = issuesByStep(answer.issues)
      const first = steps.find((step) => byStep.has(step as JobStep))
      if (first) {
        setCurrent(first)
        // The step's fields mount first, then the errors land on them.
        setTimeout(() => showStepIssues(form, first as JobStep, byStep.get(first as JobStep)!), 0)
      }
      form.setError('root.server', { type: 'server', message: answer.status === 409 ? `${answer.message} Your changes are still in this form.` : answer.message })
      return
    }
    setSaved({ id: answer.data.id, version: answer.data.version })
    if (enable) {
      const enabled = await callApi<JobView>('POST', jobUrl(answer.data.id, 'enable'))
      if (!enabled.ok) {
        setBusy(false)
        form.setError('root.server', { type: 'server', message: `Saved as Disabled, but not enabled: ${enabled.message}` })
        return
      }
    }
    router.push('/jobs')
    router.refresh()
  }

  const title = STEP_TITLES[current]
  return (
    <Form form={form} onSubmit={() => undefined} label="Job wizard" className="job-wizard">
      <WizardNav steps={steps} current={current} onGo={go} />
      <section className="panel wizard-step" aria-labelledby="wizard-step-title">
        <h2 id="wizard-step-title">
          {index + 1}. {title}
        </h2>
        {current === 'basics' && <BasicsStep advisory={advisory} />}
        {current === 'targets' && <TargetsStep knownTags={knownTags} names={names} onNames={setNames} assetsLocked={coAuthorOnly} jobId={job?.id ?? null} />}
        {current === 'patches' && <PatchesStep names={names} onNames={setNames} listOnly={advisory} />}
        {current === 'schedule' && <ScheduleStep timeZones={timeZones} />}
        {current === 'options' && <OptionsStep />}
        {current === 'coAuthors' && <CoAuthorsStep jobId={job?.id ?? null} disabled={coAuthorOnly} onPeople={setPeople} />}
        {current === 'summary' && <SummaryStep names={names} people={people} advisory={advisory} onEdit={(step) => setCurrent(step)} />}
        <FormError />
        <div className="form-actions wizard-actions">
          {index > 0 && (
            <button type="button" className="secondary" onClick={() => go(steps[index - 1])} disabled={busy}>
              Back
            </button>
          )}
          {current !== 'summary' ? (
            <button type="button" onClick={() => go(steps[index + 1])} disabled={busy} aria-busy={busy || undefined}>
              {busy ? 'Checking…' : `Next: ${STEP_TITLES[steps[index + 1]]}`}
            </button>
          ) : (
            <>
              {advisory || stillEnabled ? (
                <button type="button" onClick={() => save(false)} disabled={busy}>
                  {advisory ? 'Save advisory' : 'Save'}
                </button>
              ) : (
                <>
                  <button type="button" className="secondary" onClick={() => save(false)} disabled={busy}>
                    Save as Disabled
                  </button>
                  <button type="button" onClick={() => save(true)} disabled={busy || missing.length > 0}>
                    Save and enable
                  </button>
                </>
              )}
            </>
          )}
          <Link href="/jobs" className="cancel-link">
            Cancel
          </Link>
        </div>
      </section>
    </Form>
  )
}
