// The job wizard's form values (one flat editor shape per step) and their conversion to and from the API's job input.
import type { JobInputDraft, JobScheduleType, JobStep, JobType, JobView, Weekday } from '@/lib/schemas/jobs'

export type TagMatch = 'Any' | 'All'

export interface WizardValues {
  basics: { name: string; description: string; type: JobType }
  targets: { assetIds: string[]; tags: string[]; tagMatch: TagMatch; exclusionTags: string[]; exclusionMatch: TagMatch }
  patches: { mode: 'list' | 'dynamic'; patchIds: string[]; query: string }
  schedule: {
    /** '' — not scheduled yet (the job stays partially configured). */
    type: JobScheduleType | ''
    time: string
    date: string
    startDate: string
    days: Weekday[]
    monthlyKind: 'date' | 'weekday'
    day: number
    nth: string
    weekday: Weekday
    offsetDays: number
    zoneMode: 'agent' | 'zone'
    timeZone: string
    patchWindowHours: number
    downloadRandomizationMinutes: number
    opportunisticDownload: boolean
  }
  options: { mode: 'allow' | 'suppress' | 'defer'; deferCount: number; intervalMinutes: number; countdownMinutes: number; before: string; during: string; after: string }
  coAuthors: { coAuthorIds: string[] }
}

export const STEP_ORDER = ['basics', 'targets', 'patches', 'schedule', 'options', 'coAuthors', 'summary'] as const
export type WizardStep = (typeof STEP_ORDER)[number]
export const STEP_TITLES: Record<WizardStep, string> = {
  basics: 'Basic info',
  targets: 'Targets',
  patches: 'Patches',
  schedule: 'Schedule',
  options: 'Options',
  coAuthors: 'Co-authors',
  summary: 'Summary',
}

export function emptyValues(prefill: { assetIds?: string[]; patchIds?: string[] } = {}): WizardValues {
  return {
    basics: { name: '', description: '', type: 'Install' },
    targets: { assetIds: prefill.assetIds ?? [], tags: [], tagMatch: 'Any', exclusionTags: [], exclusionMatch: 'Any' },
    patches: { mode: 'list', patchIds: prefill.patchIds ?? [], query: '' },
    schedule: {
      type: '',
      time: '22:00',
      date: '',
      startDate: '',
      days: [],
      monthlyKind: 'date',
      day: 1,
      nth: '1',
      weekday: 'Tue',
      offsetDays: 0,
      zoneMode: 'agent',
      timeZone: 'UTC',
      patchWindowHours: 24,
      downloadRandomizationMinutes: 0,
      opportunisticDownload: false,
    },
    options: { mode: 'allow', deferCount: 3, intervalMinutes: 60, countdownMinutes: 10, before: '', during: '', after: '' },
    coAuthors: { coAuthorIds: [] },
  }
}

function scheduleOf(s: WizardValues['schedule']): NonNullable<JobInputDraft['schedule']>['schedule'] | null {
  const startDate = s.startDate || null
  switch (s.type) {
    case '':
      return null
    case 'On-demand':
      return { type: 'On-demand' }
    case 'Once':
      return { type: 'Once', date: s.date, time: s.time }
    case 'Daily':
      return { type: 'Daily', time: s.time, startDate }
    case 'Weekly':
      return { type: 'Weekly', time: s.time, days: s.days, startDate }
    case 'Monthly':
      return {
        type: 'Monthly',
        time: s.time,
        on: s.monthlyKind === 'date' ? { kind: 'date', day: Number(s.day) } : { kind: 'weekday', nth: s.nth === 'last' ? 'last' : Number(s.nth), weekday: s.weekday },
        startDate,
      }
    case 'Patch Tuesday':
      return { type: 'Patch Tuesday', time: s.time, offsetDays: Number(s.offsetDays), startDate }
  }
}

/** One step's part of the job input; null when the step is left empty (the job is then partially configured). */
export function stepInput(values: WizardValues, step: JobStep): unknown {
  switch (step) {
    case 'basics':
      return values.basics
    case 'targets': {
      const t = values.targets
      return t.assetIds.length === 0 && t.tags.length === 0 && t.exclusionTags.length === 0 ? null : t
    }
    case 'patches': {
      const p = values.patches
      if (p.mode === 'list') return p.patchIds.length === 0 ? null : { mode: 'list', patchIds: p.patchIds }
      return p.query.trim() === '' ? null : { mode: 'dynamic', query: p.query }
    }
    case 'schedule': {
      const s = values.schedule
      const schedule = scheduleOf(s)
      if (!schedule) return null
      return {
        schedule,
        timeZone: s.zoneMode === 'agent' ? '' : s.timeZone,
        patchWindowHours: Number(s.patchWindowHours),
        downloadRandomizationMinutes: Number(s.downloadRandomizationMinutes),
        opportunisticDownload: s.opportunisticDownload,
      }
    }
    case 'options': {
      const o = values.options
      const reboot = o.mode === 'defer' ? { mode: 'defer' as const, deferCount: Number(o.deferCount), intervalMinutes: Number(o.intervalMinutes), countdownMinutes: Number(o.countdownMinutes) } : { mode: o.mode }
      return { reboot, messages: { before: o.before, during: o.during, after: o.after } }
    }
    case 'coAuthors':
      return values.coAuthors
  }
}

export function toJobInput(values: WizardValues): JobInputDraft {
  return {
    basics: values.basics,
    targets: stepInput(values, 'targets') as JobInputDraft['targets'],
    patches: stepInput(values, 'patches') as JobInputDraft['patches'],
    schedule: stepInput(values, 'schedule') as JobInputDraft['schedule'],
    options: stepInput(values, 'options') as JobInputDraft['options'],
    coAuthors: values.coAuthors,
  }
}

/**
 * Where an error of a step's input belongs in the form: every field name is unique within its step, so the last
 * named segment of the path (`schedule.on.day` → `schedule.day`, `messages.before` → `options.before`) is the field.
 */
export function formPath(step: JobStep, path: string): string {
  const named = path.split('.').filter((segment) => segment !== '' && !/^\d+$/.test(segment) && segment !== 'value')
  const last = named.at(-1)
  if (!last || last === step) return `${step}.${firstField(step)}`
  if (step === 'options' && last === 'reboot') return 'options.mode'
  if (step === 'schedule' && (last === 'on' || last === 'schedule')) return 'schedule.type'
  return `${step}.${last}`
}

function firstField(step: JobStep): string {
  return { basics: 'name', targets: 'assetIds', patches: 'patchIds', schedule: 'type', options: 'mode', coAuthors: 'coAuthorIds' }[step]
}

/** The form values of a stored job (edit and clone open with them). */
export function valuesFromJob(job: JobView): WizardValues {
  const values = emptyValues()
  values.basics = { name: job.name, description: job.description, type: job.type || 'Install' }
  values.targets = { ...job.targets }
  if (job.patches?.mode === 'list') values.patches = { mode: 'list', patchIds: job.patches.patchIds, query: '' }
  if (job.patches?.mode === 'dynamic') values.patches = { mode: 'dynamic', patchIds: [], query: job.patches.query }
  if (job.schedule) {
    const { schedule, timeZone, patchWindowHours, downloadRandomizationMinutes, opportunisticDownload } = job.schedule
    const s = values.schedule
    Object.assign(s, { type: schedule.type, zoneMode: timeZone ? 'zone' : 'agent', timeZone: timeZone || 'UTC', patchWindowHours, downloadRandomizationMinutes, opportunisticDownload })
    if ('time' in schedule) s.time = schedule.time
    if ('startDate' in schedule) s.startDate = schedule.startDate ?? ''
    if (schedule.type === 'Once') s.date = schedule.date
    if (schedule.type === 'Weekly') s.days = schedule.days
    if (schedule.type === 'Patch Tuesday') s.offsetDays = schedule.offsetDays
    if (schedule.type === 'Monthly' && schedule.on.kind === 'date') Object.assign(s, { monthlyKind: 'date', day: schedule.on.day })
    if (schedule.type === 'Monthly' && schedule.on.kind === 'weekday') Object.assign(s, { monthlyKind: 'weekday', nth: String(schedule.on.nth), weekday: schedule.on.weekday })
  }
  const { reboot, messages } = job.options
  values.options = { ...values.options, ...(reboot.mode === 'defer' ? reboot : { mode: reboot.mode }), ...messages }
  values.coAuthors = { coAuthorIds: job.coAuthors.map((person) => person.id) }
  return values
}
