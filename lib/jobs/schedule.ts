// Job schedule math, pure: the next due time of a job's schedule in its zone (Luxon does zones and DST) and the schedule in words.
import { DateTime } from 'luxon'
import type { z } from 'zod'
import { WEEKDAYS, type jobScheduleStepSchema, type Schedule, type Weekday } from '@/lib/schemas/jobs'

export type JobScheduleStep = z.output<typeof jobScheduleStepSchema>

/** How far ahead a month-based schedule looks for its next date (a 5th weekday occurs several times a year). */
const MONTHS_AHEAD = 60
/** How far back the DST-gap search starts (every real gap is shorter). */
const GAP_SEARCH_HOURS = 6

/** Luxon's weekday number (Mon = 1 … Sun = 7) of a weekday name. */
const weekdayNumber = (day: Weekday) => WEEKDAYS.indexOf(day) + 1

/** The zone a schedule is read in: the job's own, or (timeZone '') the agent's, UTC when unknown. */
function scheduleZone(step: JobScheduleStep, agentZone?: string): string {
  return step.timeZone || agentZone || 'UTC'
}

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number)
  return { hour, minute }
}

/** The first instant whose offset equals `dt`'s: the end of the DST gap just before `dt` (binary search in minutes). */
function gapEnd(dt: DateTime): DateTime {
  let lo = dt.minus({ hours: GAP_SEARCH_HOURS }).startOf('minute')
  let hi = dt
  while (hi.diff(lo, 'minutes').minutes > 1) {
    const mid = lo.plus({ minutes: Math.floor(hi.diff(lo, 'minutes').minutes / 2) })
    if (mid.offset === dt.offset) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * The instant a wall-clock time occurs on a local date. A time inside a spring-forward gap runs at the first instant
 * after the gap (02:30 on a 02:00→03:00 day runs at 03:00); an ambiguous fall-back time runs at its first occurrence.
 */
function wallClockInstant(date: DateTime, time: string): DateTime {
  const { hour, minute } = parseTime(time)
  const dt = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone: date.zone })
  if (dt.hour !== hour || dt.minute !== minute) return gapEnd(dt)
  const occurrences = [dt, ...dt.getPossibleOffsets()]
  return occurrences.reduce((first, other) => (other.toMillis() < first.toMillis() ? other : first))
}

/** The nth (1–5) or last given weekday of a month; null when the month has no such (e.g. 5th) weekday. */
function nthWeekday(month: DateTime, nth: number | 'last', weekday: Weekday): DateTime | null {
  const target = weekdayNumber(weekday)
  if (nth === 'last') {
    const last = month.endOf('month').startOf('day')
    return last.minus({ days: (last.weekday - target + 7) % 7 })
  }
  const first = month.startOf('month')
  const day = first.plus({ days: (target - first.weekday + 7) % 7 + (nth - 1) * 7 })
  return day.month === first.month ? day : null
}

/** Patch Tuesday: the second Tuesday of the month. */
function patchTuesday(month: DateTime): DateTime {
  return nthWeekday(month, 2, 'Tue') as DateTime
}

/** The schedule's run date in one month (or null when it has none), for the month-based schedules. */
function monthlyDate(schedule: Schedule, month: DateTime): DateTime | null {
  if (schedule.type === 'Patch Tuesday') return patchTuesday(month).plus({ days: schedule.offsetDays })
  if (schedule.type !== 'Monthly') return null
  if (schedule.on.kind === 'date') return month.set({ day: Math.min(schedule.on.day, month.daysInMonth as number) })
  return nthWeekday(month, schedule.on.nth, schedule.on.weekday)
}

/** The schedule's local run dates on or after `from`, in order (bounded). */
function* runDates(schedule: Schedule, from: DateTime): Generator<DateTime> {
  if (schedule.type === 'Daily' || schedule.type === 'Weekly') {
    const days = schedule.type === 'Weekly' ? new Set(schedule.days.map(weekdayNumber)) : null
    for (let offset = 0; offset <= 8; offset += 1) {
      const day = from.plus({ days: offset })
      if (!days || days.has(day.weekday)) yield day
    }
    return
  }
  // Patch Tuesday ± 28 days can fall in the month before or after its own: start two months back, keep dates ≥ from.
  const firstMonth = from.startOf('month').minus({ months: 2 })
  for (let offset = 0; offset <= MONTHS_AHEAD; offset += 1) {
    const date = monthlyDate(schedule, firstMonth.plus({ months: offset }))
    if (date && date >= from) yield date
  }
}

/**
 * The first time the schedule is due strictly after `after` (null: On-demand, or a Once time already past). A job with
 * timeZone '' runs in the agent's zone (`agentZone`, UTC when unknown). `startDate` is a local date before which the
 * schedule does not run. Monthly on the 29th–31st runs on the last day of shorter months; an nth weekday a month lacks
 * (a 5th Tuesday) skips that month. See wallClockInstant for DST gaps and repeated hours.
 */
export function nextRunAfter(step: JobScheduleStep, after: Date, agentZone?: string): Date | null {
  const zone = scheduleZone(step, agentZone)
  const { schedule } = step
  if (schedule.type === 'On-demand') return null
  if (schedule.type === 'Once') {
    const at = wallClockInstant(DateTime.fromISO(schedule.date, { zone }), schedule.time)
    return at.toMillis() > after.getTime() ? at.toJSDate() : null
  }
  const afterDay = DateTime.fromJSDate(after, { zone }).startOf('day')
  const startDay = schedule.startDate ? DateTime.fromISO(schedule.startDate, { zone }).startOf('day') : afterDay
  for (const date of runDates(schedule, startDay > afterDay ? startDay : afterDay)) {
    const at = wallClockInstant(date, schedule.time)
    if (at.toMillis() > after.getTime()) return at.toJSDate()
  }
  return null
}

/** UTC+14, the earliest zone: an agent-zone job's slot is the instant its wall-clock time is first reached anywhere. */
export const EARLIEST_ZONE = 'Etc/GMT-14'

/**
 * A job's next slot strictly after `after`: in its chosen zone; for the agent's zone (timeZone ''), when the wall-clock
 * time is first reached anywhere (UTC+14) — each asset then runs at that wall-clock time in its own zone (assetDueAt).
 */
export function nextSlotAfter(step: JobScheduleStep, after: Date): Date | null {
  return nextRunAfter(step, after, EARLIEST_ZONE)
}

/**
 * When an asset's part of a scheduled run (slot from nextSlotAfter) is due: for an agent-zone job the slot's wall-clock
 * time in the asset's zone (UTC when unknown; a time in a DST gap or a repeated hour as wallClockInstant reads it); for
 * a job with a chosen zone the slot itself.
 */
export function assetDueAt(step: JobScheduleStep, slot: Date, assetZone: string): Date {
  if (step.timeZone) return slot
  const wallClock = DateTime.fromJSDate(slot, { zone: EARLIEST_ZONE })
  const there = wallClock.setZone(assetZone || 'UTC', { keepLocalTime: true })
  return wallClockInstant(there, wallClock.toFormat('HH:mm')).toJSDate()
}

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'] as const
const WEEKDAY_NAMES: Record<Weekday, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
}

function dayOrdinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'
  return `${day}${suffix}`
}

function scheduleWhen(schedule: Exclude<Schedule, { type: 'On-demand' }>): string {
  switch (schedule.type) {
    case 'Once':
      return `Once on ${schedule.date}`
    case 'Daily':
      return 'Daily'
    case 'Weekly':
      return `Weekly on ${schedule.days.join(', ')}`
    case 'Monthly':
      if (schedule.on.kind === 'date') return `Monthly on the ${dayOrdinal(schedule.on.day)}${schedule.on.day > 28 ? " (or the month's last day)" : ''}`
      return `Monthly on the ${schedule.on.nth === 'last' ? 'last' : ORDINALS[schedule.on.nth - 1]} ${WEEKDAY_NAMES[schedule.on.weekday]}`
    case 'Patch Tuesday': {
      const days = Math.abs(schedule.offsetDays)
      if (days === 0) return 'Patch Tuesday'
      return `Patch Tuesday ${schedule.offsetDays > 0 ? '+' : '-'} ${days} day${days === 1 ? '' : 's'}`
    }
  }
}

/** The schedule in words: "Weekly on Tue, Thu at 22:00 Europe/Berlin", "On demand", "Not scheduled" (null). */
export function describeSchedule(step: JobScheduleStep | null): string {
  if (!step) return 'Not scheduled'
  const { schedule } = step
  if (schedule.type === 'On-demand') return 'On demand'
  const zone = step.timeZone ? step.timeZone : "(agent's time zone)"
  const start = 'startDate' in schedule && schedule.startDate ? `, starting ${schedule.startDate}` : ''
  return `${scheduleWhen(schedule)} at ${schedule.time} ${zone}${start}`
}
