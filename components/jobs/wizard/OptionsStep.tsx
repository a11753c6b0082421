'use client'
// Wizard step 5 — options: reboot handling (allow, suppress, or defer N times at an interval, then a countdown) and the messages shown to the asset's user.
import { useFormContext, useWatch } from 'react-hook-form'
import { Field, TextField } from '@/components/ui/form/Field'
import { JOB_LIMITS } from '@/lib/schemas/jobs'
import type { WizardValues } from './form-model'

const REBOOT_MODES = [
  { value: 'allow', label: 'Reboot when a patch needs it' },
  { value: 'suppress', label: 'Never reboot (the asset stays Pending Reboot)' },
  { value: 'defer', label: 'Let the user defer the reboot' },
] as const

const MESSAGES = [
  { name: 'options.before', label: 'Message before installing' },
  { name: 'options.during', label: 'Message while installing' },
  { name: 'options.after', label: 'Message after installing' },
] as const

export function OptionsStep() {
  const { register, control } = useFormContext<WizardValues>()
  const mode = useWatch({ control, name: 'options.mode' })
  return (
    <div>
      <fieldset className="radio-group stacked">
        <legend>Reboot</legend>
        {REBOOT_MODES.map((option) => (
          <label key={option.value} className="inline">
            <input type="radio" value={option.value} {...register('options.mode')} /> {option.label}
          </label>
        ))}
      </fieldset>
      {mode === 'defer' && (
        <div className="form-row">
          <TextField name="options.deferCount" label="Deferrals allowed" type="number" min={1} max={10} hint="1–10 times." />
          <TextField name="options.intervalMinutes" label="Ask again after (minutes)" type="number" min={15} max={1440} hint="15–1,440 minutes." />
          <TextField name="options.countdownMinutes" label="Then reboot after a countdown of (minutes)" type="number" min={1} max={60} hint="1–60 minutes." />
        </div>
      )}
      {MESSAGES.map((message) => (
        <Field key={message.name} name={message.name} label={message.label} hint={`Shown on the asset; up to ${JOB_LIMITS.maxMessageLength} characters; empty: no message.`}>
          {(aria) => <textarea {...aria} rows={2} maxLength={JOB_LIMITS.maxMessageLength} {...register(message.name)} />}
        </Field>
      ))}
    </div>
  )
}
