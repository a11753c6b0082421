// The wizard's form values ↔ the job input: empty steps leave the job partially configured, each schedule type converts to
// the schema's shape, server error paths land on the wizard's fields, and a stored job reopens with the same values.
import { describe, expect, it } from 'vitest'
import { jobInputSchema, type JobView } from '@/lib/schemas/jobs'
import { emptyValues, formPath, stepInput, toJobInput, valuesFromJob, type WizardValues } from './form-model'

function filled(): WizardValues {
  const values = emptyValues({ assetIds: ['a1', 'a2'], patchIds: ['p1'] })
  values.basics.name = 'Berlin weekly'
  values.schedule = { ...values.schedule, type: 'Weekly', days: ['Thu', 'Tue'], time: '22:00', zoneMode: 'zone', timeZone: 'Europe/Berlin', patchWindowHours: '6' as unknown as number }
  return values
}

describe('job wizard form model', () => {
  it('leaves empty targets, patches and schedule out, so the job is stored partially configured', () => {
    const input = toJobInput(emptyValues())
    expect(input.targets).toBeNull()
    expect(input.patches).toBeNull()
    expect(input.schedule).toBeNull()
    expect(jobInputSchema.safeParse({ ...input, basics: { ...input.basics, name: 'x' } }).success).toBe(true)
  })

  it('turns a weekly schedule in a chosen zone into the schema shape, numbers from text boxes included', () => {
    const parsed = jobInputSchema.parse(toJobInput(filled()))
    expect(parsed.schedule).toEqual({ schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'], startDate: null }, timeZone: 'Europe/Berlin', patchWindowHours: 6, downloadRandomizationMinutes: 0, opportunisticDownload: false })
    expect(parsed.targets?.assetIds).toEqual(['a1', 'a2'])
    expect(parsed.patches).toEqual({ mode: 'list', patchIds: ['p1'] })
  })

  it("uses the agent's zone as '' and the nth weekday of a month as a number or 'last'", () => {
    const values = filled()
    values.schedule = { ...values.schedule, type: 'Monthly', zoneMode: 'agent', monthlyKind: 'weekday', nth: 'last', weekday: 'Fri' }
    expect(stepInput(values, 'schedule')).toMatchObject({ schedule: { on: { kind: 'weekday', nth: 'last', weekday: 'Fri' } }, timeZone: '' })
    values.schedule.nth = '2'
    expect(stepInput(values, 'schedule')).toMatchObject({ schedule: { on: { nth: 2 } } })
  })

  it('puts the errors of a step (browser or server path) on the wizard field', () => {
    expect(formPath('schedule', 'schedule.on.day')).toBe('schedule.day')
    expect(formPath('schedule', 'timeZone')).toBe('schedule.timeZone')
    expect(formPath('options', 'messages.before')).toBe('options.before')
    expect(formPath('options', 'reboot')).toBe('options.mode')
    expect(formPath('patches', 'patchIds.3')).toBe('patches.patchIds')
    expect(formPath('basics', '')).toBe('basics.name')
  })

  it('reopens a stored job with the values it was saved from', () => {
    const values = filled()
    values.options = { ...values.options, mode: 'defer', deferCount: 2, intervalMinutes: 30, countdownMinutes: 5, before: 'Saving your work helps' }
    const input = jobInputSchema.parse(toJobInput(values))
    const job = { ...input, name: input.basics.name, description: '', type: 'Install', coAuthors: [], targets: input.targets!, patches: input.patches, schedule: input.schedule } as unknown as JobView
    const reopened = valuesFromJob(job)
    expect(jobInputSchema.parse(toJobInput(reopened))).toEqual(input)
  })
})
