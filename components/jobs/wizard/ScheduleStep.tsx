'use client'
// Wizard step 4 — schedule: when the job runs (on demand … Patch Tuesday ± days), in which zone, the patch window and download options, read back in words.
import { useFormContext, useWatch } from 'react-hook-form'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { describeSchedule } from '@/lib/jobs/schedule'
import { JOB_LIMITS, JOB_SCHEDULE_TYPES, jobScheduleStepSchema, WEEKDAYS } from '@/lib/schemas/jobs'
import { FieldMessage } from './FieldMessage'
import { stepInput, type WizardValues } from './form-model'

const NTH = [
  { value: '1', label: 'first' },
  { value: '2', label: 'second' },
  { value: '3', label: 'third' },
  { value: '4', label: 'fourth' },
  { value: '5', label: 'fifth' },
  { value: 'last', label: 'last' },
]

/** The schedule in words as the server will store it, or why it cannot be read yet. */
export function scheduleInWords(values: WizardValues): string {
  const input = stepInput(values, 'schedule')
  if (input === null) return 'Not scheduled yet: the job stays partially configured.'
  const parsed = jobScheduleStepSchema.safeParse(input)
  return parsed.success ? describeSchedule(parsed.data) : 'Complete the schedule to read it back.'
}

export function ScheduleStep({ timeZones }: { timeZones: string[] }) {
  const { register, control } = useFormContext<WizardValues>()
  const values = useWatch({ control }) as WizardValues
  const s = values.schedule
  const timed = s.type !== '' && s.type !== 'On-demand'
  const repeating = timed && s.type !== 'Once'
  return (
    <div>
      <div className="form-row">
        <SelectField name="schedule.type" label="Runs" options={[{ value: '', label: 'Not scheduled yet' }, ...JOB_SCHEDULE_TYPES.map((type) => ({ value: type, label: type === 'On-demand' ? 'On demand (Run now)' : type }))]} />
        {s.type === 'Once' && <TextField name="schedule.date" label="On" type="date" />}
        {timed && <TextField name="schedule.time" label="At" type="time" hint="In the time zone chosen below." />}
        {repeating && <TextField name="schedule.startDate" label="Starting (optional)" type="date" />}
      </div>
      {s.type === 'Weekly' && (
        <fieldset className="radio-group day-toggles">
          <legend>On</legend>
          {WEEKDAYS.map((day) => (
            <label key={day} className="day-toggle">
              <input type="checkbox" value={day} {...register('schedule.days')} /> {day}
            </label>
          ))}
        </fieldset>
      )}
      {s.type === 'Weekly' && <FieldMessage name="schedule.days" id="days-error" />}
      {s.type === 'Monthly' && (
        <div className="form-row">
          <SelectField name="schedule.monthlyKind" label="Monthly on" options={[{ value: 'date', label: 'a day of the month' }, { value: 'weekday', label: 'a weekday of the month' }]} />
          {s.monthlyKind === 'date' ? (
            <TextField name="schedule.day" label="Day" type="number" min={1} max={31} hint="29–31: the last day in shorter months." />
          ) : (
            <>
              <SelectField name="schedule.nth" label="Which" options={NTH} />
              <SelectField name="schedule.weekday" label="Weekday" options={WEEKDAYS} />
            </>
          )}
        </div>
      )}
      {s.type === 'Patch Tuesday' && (
        <TextField
          name="schedule.offsetDays"
          label="Days after Patch Tuesday"
          type="number"
          min={JOB_LIMITS.patchTuesdayOffsetDays.min}
          max={JOB_LIMITS.patchTuesdayOffsetDays.max}
          hint="Patch Tuesday is the second Tuesday of the month; a negative number runs before it."
         
        />
      )}
      {timed && (
        <div className="form-row">
          <SelectField name="schedule.zoneMode" label="Time zone" options={[{ value: 'agent', label: "Each agent's own time zone" }, { value: 'zone', label: 'One time zone for all' }]} />
          {s.zoneMode === 'zone' && <SelectField name="schedule.timeZone" label="Zone" options={timeZones} />}
        </div>
      )}
      {s.type !== '' && (
        <div className="form-row">
          <TextField name="schedule.patchWindowHours" label="Patch window (hours)" type="number" min={1} max={168} hint="1–168 h after the start." />
          <TextField name="schedule.downloadRandomizationMinutes" label="Download randomisation (minutes)" type="number" min={0} max={120} hint="Up to 120 minutes, so agents do not download at once." />
          <label className="inline checkbox-field">
            <input type="checkbox" {...register('schedule.opportunisticDownload')} /> Download opportunistically before the window
          </label>
        </div>
      )}
      <p className="schedule-words" data-testid="schedule-words" aria-live="polite">
        {scheduleInWords(values)}
      </p>
    </div>
  )
}
