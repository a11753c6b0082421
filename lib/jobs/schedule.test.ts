// Unit tests of the job schedule math: every schedule type, DST gaps and repeats in Europe and the US, short months, Patch Tuesday offsets, wording.
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { jobScheduleStepSchema, type Schedule, WEEKDAYS } from '@/lib/schemas/jobs'
import { assetDueAt, describeSchedule, type JobScheduleStep, nextRunAfter, nextSlotAfter } from './schedule'

const step = (schedule: Schedule, timeZone = 'UTC'): JobScheduleStep => jobScheduleStepSchema.parse({ schedule, timeZone })
const next = (s: JobScheduleStep, after: string, agentZone?: string) => nextRunAfter(s, new Date(after), agentZone)?.toISOString() ?? null
/** The runs after `after`, one after the other. */
function runs(s: JobScheduleStep, after: string, count: number): string[] {
  const out: string[] = []
  let at = new Date(after)
  for (let i = 0; i < count; i += 1) {
    const run = nextRunAfter(s, at)
    if (!run) break
    out.push(run.toISOString())
    at = run
  }
  return out
}

describe('nextRunAfter', () => {
  it('On-demand never comes due; Once comes due once, then never', () => {
    expect(next(step({ type: 'On-demand' }), '2026-12-02T00:00:00Z')).toBeNull()
    const once = step({ type: 'Once', date: '2026-12-24', time: '22:00' }, 'Europe/Berlin')
    expect(next(once, '2026-12-02T00:00:00Z')).toBe('2026-12-24T21:00:00.000Z')
    expect(next(once, '2026-12-24T21:00:00Z')).toBeNull()
  })

  it('is strictly after `after`: a run due exactly now is not the next one', () => {
    expect(next(step({ type: 'Daily', time: '09:00' }), '2026-12-02T09:00:00Z')).toBe('2026-12-03T09:00:00.000Z')
    expect(next(step({ type: 'Daily', time: '09:00' }), '2026-12-02T08:59:59Z')).toBe('2026-12-02T09:00:00.000Z')
  })

  it('Daily at a fixed local time follows the zone across both DST changes in Europe/Berlin', () => {
    const daily = step({ type: 'Daily', time: '22:00' }, 'Europe/Berlin')
    // 2026-03-29: CET (+01) → CEST (+02); 2026-10-25: back to CET.
    expect(runs(daily, '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T20:00:00.000Z'])
    expect(runs(daily, '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-24T20:00:00.000Z', '2026-10-25T21:00:00.000Z'])
  })

  it('a time inside the spring-forward gap runs at the first instant after the gap (Berlin 02:30 → 03:00 CEST)', () => {
    const daily = step({ type: 'Daily', time: '02:30' }, 'Europe/Berlin')
    expect(runs(daily, '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z'])
  })

  it('a time inside the spring-forward gap in New York (02:15 on 2026-03-08) runs at 03:00 EDT', () => {
    const daily = step({ type: 'Daily', time: '02:15' }, 'America/New_York')
    expect(runs(daily, '2026-03-07T12:00:00Z', 3)).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:15:00.000Z', '2026-03-10T06:15:00.000Z'])
  })

  it('a repeated fall-back time runs once, at its first occurrence (Berlin 02:30 CEST on 2026-10-25)', () => {
    const daily = step({ type: 'Daily', time: '02:30' }, 'Europe/Berlin')
    expect(runs(daily, '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'])
    // Between the two occurrences the next run is the next day, not the repeat.
    expect(next(daily, '2026-10-25T01:00:00Z')).toBe('2026-10-26T01:30:00.000Z')
  })

  it('a repeated fall-back time in New York (01:30 on 2026-11-01) runs at 01:30 EDT only', () => {
    const daily = step({ type: 'Daily', time: '01:30' }, 'America/New_York')
    expect(runs(daily, '2026-10-31T12:00:00Z', 2)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'])
  })

  it('Weekly on chosen days, in order, and across the US DST change', () => {
    const tueThu = step({ type: 'Weekly', time: '22:00', days: ['Thu', 'Tue'] }, 'Europe/Berlin')
    // 2026-12-02 is a Wednesday.
    expect(runs(tueThu, '2026-12-02T12:00:00Z', 3)).toEqual(['2026-12-03T21:00:00.000Z', '2026-12-08T21:00:00.000Z', '2026-12-10T21:00:00.000Z'])
    const mondays = step({ type: 'Weekly', time: '09:00', days: ['Mon'] }, 'America/New_York')
    expect(runs(mondays, '2026-03-01T00:00:00Z', 2)).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z'])
  })

  it('Monthly on the 29th: Feb 28 in a common year, Feb 29 in a leap year', () => {
    const on29 = step({ type: 'Monthly', time: '03:00', on: { kind: 'date', day: 29 } })
    expect(runs(on29, '2027-01-29T03:00:00Z', 2)).toEqual(['2027-02-28T03:00:00.000Z', '2027-03-29T03:00:00.000Z'])
    expect(next(on29, '2028-01-29T03:00:00Z')).toBe('2028-02-29T03:00:00.000Z')
  })

  it('Once on Feb 29 of a leap year', () => {
    expect(next(step({ type: 'Once', date: '2028-02-29', time: '12:00' }), '2028-01-01T00:00:00Z')).toBe('2028-02-29T12:00:00.000Z')
  })

  it('Monthly on the 31st runs on the last day of shorter months', () => {
    const on31 = step({ type: 'Monthly', time: '03:00', on: { kind: 'date', day: 31 } })
    expect(runs(on31, '2026-01-31T03:00:00Z', 4)).toEqual([
      '2026-02-28T03:00:00.000Z',
      '2026-03-31T03:00:00.000Z',
      '2026-04-30T03:00:00.000Z',
      '2026-05-31T03:00:00.000Z',
    ])
  })

  it('Monthly on the 5th Tuesday skips months without one (2026: Mar, Jun, Sep, Dec have five)', () => {
    const fifthTue = step({ type: 'Monthly', time: '10:00', on: { kind: 'weekday', nth: 5, weekday: 'Tue' } })
    expect(runs(fifthTue, '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-03-31T10:00:00.000Z',
      '2026-06-30T10:00:00.000Z',
      '2026-09-29T10:00:00.000Z',
      '2026-12-29T10:00:00.000Z',
    ])
  })

  it('Monthly on the 2nd Tuesday and on the last Friday', () => {
    const secondTue = step({ type: 'Monthly', time: '03:00', on: { kind: 'weekday', nth: 2, weekday: 'Tue' } })
    expect(runs(secondTue, '2026-12-01T00:00:00Z', 2)).toEqual(['2026-12-08T03:00:00.000Z', '2027-01-12T03:00:00.000Z'])
    const lastFri = step({ type: 'Monthly', time: '03:00', on: { kind: 'weekday', nth: 'last', weekday: 'Fri' } })
    expect(runs(lastFri, '2026-12-01T00:00:00Z', 2)).toEqual(['2026-12-25T03:00:00.000Z', '2027-01-29T03:00:00.000Z'])
  })

  it('Patch Tuesday is the second Tuesday; − 5 days stays in its month (the 2nd Tuesday is the 8th–14th)', () => {
    const pt = step({ type: 'Patch Tuesday', time: '22:00', offsetDays: 0 })
    // 2026-09-01 is a Tuesday, so September's Patch Tuesday is the 8th.
    expect(runs(pt, '2026-08-31T00:00:00Z', 2)).toEqual(['2026-09-08T22:00:00.000Z', '2026-10-13T22:00:00.000Z'])
    const minus5 = step({ type: 'Patch Tuesday', time: '22:00', offsetDays: -5 })
    expect(runs(minus5, '2026-08-31T00:00:00Z', 2)).toEqual(['2026-09-03T22:00:00.000Z', '2026-10-08T22:00:00.000Z'])
  })

  it('Patch Tuesday − 10 days crosses into the previous month', () => {
    const minus10 = step({ type: 'Patch Tuesday', time: '22:00', offsetDays: -10 })
    // August's Patch Tuesday (11th) − 10 = Aug 1; September's (8th) − 10 = Aug 29.
    expect(runs(minus10, '2026-07-31T00:00:00Z', 3)).toEqual(['2026-08-01T22:00:00.000Z', '2026-08-29T22:00:00.000Z', '2026-10-03T22:00:00.000Z'])
  })

  it('Patch Tuesday + 20 days crosses into the next month (January 2027: the 12th + 20 = Feb 1)', () => {
    const plus20 = step({ type: 'Patch Tuesday', time: '22:00', offsetDays: 20 })
    // December 2026: the 8th + 20 = Dec 28; February 2027: the 9th + 20 = Mar 1 (February has 28 days).
    expect(runs(plus20, '2026-12-01T00:00:00Z', 3)).toEqual(['2026-12-28T22:00:00.000Z', '2027-02-01T22:00:00.000Z', '2027-03-01T22:00:00.000Z'])
  })

  it('respects startDate (a local date of the job zone)', () => {
    const daily = step({ type: 'Daily', time: '08:00', startDate: '2027-01-10' }, 'Europe/Berlin')
    expect(next(daily, '2026-12-02T00:00:00Z')).toBe('2027-01-10T07:00:00.000Z')
    const pt = step({ type: 'Patch Tuesday', time: '22:00', offsetDays: -10, startDate: '2026-08-02' })
    expect(next(pt, '2026-07-01T00:00:00Z')).toBe('2026-08-29T22:00:00.000Z')
  })

  it("the agent's zone (timeZone ''): the agent's own zone, UTC when unknown", () => {
    const daily = step({ type: 'Daily', time: '09:00' }, '')
    expect(next(daily, '2026-12-01T12:00:00Z', 'Asia/Tokyo')).toBe('2026-12-02T00:00:00.000Z')
    expect(next(daily, '2026-12-01T12:00:00Z')).toBe('2026-12-02T09:00:00.000Z')
  })

  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', ''] as const
  const time = fc.constantFrom('00:00', '01:30', '02:00', '02:30', '03:00', '12:45', '23:59')
  const weekday = fc.constantFrom(...WEEKDAYS)
  const recurring: fc.Arbitrary<Exclude<Schedule, { type: 'On-demand' | 'Once' }>> = fc.oneof(
    fc.record({ type: fc.constant('Daily' as const), time }),
    fc.record({ type: fc.constant('Weekly' as const), time, days: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }) }),
    fc.record({ type: fc.constant('Monthly' as const), time, on: fc.record({ kind: fc.constant('date' as const), day: fc.integer({ min: 1, max: 31 }) }) }),
    fc.record({
      type: fc.constant('Monthly' as const),
      time,
      on: fc.record({ kind: fc.constant('weekday' as const), nth: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('last' as const)), weekday }),
    }),
    fc.record({ type: fc.constant('Patch Tuesday' as const), time, offsetDays: fc.integer({ min: -28, max: 28 }) }),
  )
  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })

  it('property: a recurring schedule always has a next run, strictly after `after`, and the one after it is later still', () => {
    fc.assert(
      fc.property(recurring, fc.constantFrom(...zones), instant, (schedule, zone, after) => {
        const s = step(schedule, zone)
        const first = nextRunAfter(s, after, 'America/New_York')
        expect(first).not.toBeNull()
        expect(first!.getTime()).toBeGreaterThan(after.getTime())
        const second = nextRunAfter(s, first!, 'America/New_York')
        expect(second!.getTime()).toBeGreaterThan(first!.getTime())
      }),
      { numRuns: 500 },
    )
  })

  it('property: a run is at the chosen wall-clock time unless that time does not exist that day', () => {
    fc.assert(
      fc.property(recurring, fc.constantFrom('Europe/Berlin', 'America/New_York'), instant, (schedule, zone, after) => {
        const run = DateTime.fromJSDate(nextRunAfter(step(schedule, zone), after)!, { zone })
        const wanted = DateTime.fromObject({ year: run.year, month: run.month, day: run.day, hour: Number(schedule.time.slice(0, 2)), minute: Number(schedule.time.slice(3)) }, { zone })
        if (wanted.toFormat('HH:mm') === schedule.time) expect(run.toFormat('HH:mm')).toBe(schedule.time)
      }),
      { numRuns: 300 },
    )
  })
})

describe('describeSchedule', () => {
  it('says each schedule in words, with its zone', () => {
    expect(describeSchedule(null)).toBe('Not scheduled')
    expect(describeSchedule(step({ type: 'On-demand' }))).toBe('On demand')
    expect(describeSchedule(step({ type: 'Once', date: '2026-12-24', time: '22:00' }, 'Europe/Berlin'))).toBe('Once on 2026-12-24 at 22:00 Europe/Berlin')
    expect(describeSchedule(step({ type: 'Daily', time: '06:00' }))).toBe('Daily at 06:00 UTC')
    expect(describeSchedule(step({ type: 'Weekly', time: '22:00', days: ['Thu', 'Tue'] }, 'Europe/Berlin'))).toBe('Weekly on Tue, Thu at 22:00 Europe/Berlin')
    expect(describeSchedule(step({ type: 'Monthly', time: '03:00', on: { kind: 'weekday', nth: 2, weekday: 'Tue' } }, ''))).toBe(
      "Monthly on the 2nd Tuesday at 03:00 (agent's time zone)",
    )
    expect(describeSchedule(step({ type: 'Monthly', time: '03:00', on: { kind: 'weekday', nth: 'last', weekday: 'Fri' } }))).toBe('Monthly on the last Friday at 03:00 UTC')
    expect(describeSchedule(step({ type: 'Monthly', time: '03:00', on: { kind: 'date', day: 1 } }))).toBe('Monthly on the 1st at 03:00 UTC')
    expect(describeSchedule(step({ type: 'Monthly', time: '03:00', on: { kind: 'date', day: 31 } }))).toBe("Monthly on the 31st (or the month's last day) at 03:00 UTC")
    expect(describeSchedule(step({ type: 'Patch Tuesday', time: '22:00', offsetDays: 2 }))).toBe('Patch Tuesday + 2 days at 22:00 UTC')
    expect(describeSchedule(step({ type: 'Patch Tuesday', time: '22:00', offsetDays: -1 }))).toBe('Patch Tuesday - 1 day at 22:00 UTC')
    expect(describeSchedule(step({ type: 'Patch Tuesday', time: '22:00', offsetDays: 0 }))).toBe('Patch Tuesday at 22:00 UTC')
    expect(describeSchedule(step({ type: 'Daily', time: '06:00', startDate: '2027-01-10' }))).toBe('Daily at 06:00 UTC, starting 2027-01-10')
  })

  it('says the 11th, 12th, 13th, 22nd and 23rd right', () => {
    const on = (day: number) => describeSchedule(step({ type: 'Monthly', time: '03:00', on: { kind: 'date', day } }))
    expect([11, 12, 13, 22, 23].map(on)).toEqual(['11th', '12th', '13th', '22nd', '23rd'].map((d) => `Monthly on the ${d} at 03:00 UTC`))
  })
})

describe("agent's time zone: nextSlotAfter and assetDueAt", () => {
  const agentZone = (schedule: Schedule) => step(schedule, '')
  const dueIn = (s: JobScheduleStep, slot: Date, zone: string) => assetDueAt(s, slot, zone).toISOString()

  it('the slot is the first instant the wall-clock time is reached anywhere (UTC+14); each asset runs at that time in its zone', () => {
    const daily = agentZone({ type: 'Daily', time: '22:00', startDate: null })
    const summer = nextSlotAfter(daily, new Date('2026-07-01T00:00:00Z'))!
    expect(summer.toISOString()).toBe('2026-07-01T08:00:00.000Z')
    // New York in summer is EDT (UTC−4): 22:00 is 02:00Z the next day; Kolkata has no DST: 16:30Z.
    expect(dueIn(daily, summer, 'America/New_York')).toBe('2026-07-02T02:00:00.000Z')
    expect(dueIn(daily, summer, 'Asia/Kolkata')).toBe('2026-07-01T16:30:00.000Z')
    expect(dueIn(daily, summer, '')).toBe('2026-07-01T22:00:00.000Z')
    // The latest zone (UTC−12) reaches it last, 26 h after the slot.
    expect(dueIn(daily, summer, 'Etc/GMT+12')).toBe('2026-07-02T10:00:00.000Z')
  })

  it("reads a wall-clock time in a DST gap or a repeated hour as a chosen-zone job does (the gap's end; the first occurrence)", () => {
    const gap = agentZone({ type: 'Daily', time: '02:30', startDate: null })
    const spring = nextSlotAfter(gap, new Date('2027-03-27T00:00:00Z'))!
    expect(spring.toISOString()).toBe('2027-03-27T12:30:00.000Z')
    expect(dueIn(gap, spring, 'Europe/Berlin')).toBe(next(step({ type: 'Once', date: '2027-03-28', time: '02:30' }, 'Europe/Berlin'), '2027-03-01T00:00:00Z'))
    const repeat = agentZone({ type: 'Daily', time: '01:30', startDate: null })
    const autumn = nextSlotAfter(repeat, new Date('2026-10-31T00:00:00Z'))!
    expect(autumn.toISOString()).toBe('2026-10-31T11:30:00.000Z')
    expect(dueIn(repeat, autumn, 'America/New_York')).toBe('2026-11-01T05:30:00.000Z')
  })

  it('a job with a chosen zone keeps its slot on every asset', () => {
    const berlin = step({ type: 'Daily', time: '22:00', startDate: null }, 'Europe/Berlin')
    const slot = nextSlotAfter(berlin, new Date('2026-12-01T00:00:00Z'))!
    expect(slot.toISOString()).toBe('2026-12-01T21:00:00.000Z')
    expect(dueIn(berlin, slot, 'Asia/Kolkata')).toBe(slot.toISOString())
  })
})
