// JobView.actions says exactly what the server allows: for each caller (owner, co-author, another user, Manager, Security,
// Reader) and each job state, every action offered succeeds and every action not offered is refused.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { JobAction, JobView } from '@/lib/schemas/jobs'
import { DEFAULT_OPTIONS, EMPTY_TARGETS, writeJob, type StoredJob } from '@/lib/repositories/jobs'
import { createCaller, dashboardApi as routeApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { seedJobEstate, weeklyJob } from './jobs-fixtures'

let db: Database
let close: () => Promise<void>
let api: Api
const callers: Record<string, Caller> = {}
let newOwner: Caller
let counter = 0

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await seedJobEstate(db)
  callers.owner = await createCaller(db, 'Patch User', 'owner@test.io')
  callers.coAuthor = await createCaller(db, 'Patch User', 'co-author@test.io')
  callers.otherUser = await createCaller(db, 'Patch User', 'other@test.io')
  callers.manager = await createCaller(db, 'Patch Manager', 'manager@test.io')
  callers.security = await createCaller(db, 'Patch Security', 'security@test.io')
  callers.reader = await createCaller(db, 'Patch Reader', 'reader@test.io')
  newOwner = await createCaller(db, 'Patch User', 'new-owner@test.io')
  api = await routeApi()
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const NOW = new Date().toISOString()
const WEEKLY = { schedule: { type: 'Weekly' as const, time: '22:00', days: ['Tue' as const], startDate: null }, timeZone: 'UTC', patchWindowHours: 24, downloadRandomizationMinutes: 0, opportunisticDownload: false }
const STATES: Record<string, Partial<StoredJob>> = {
  disabled: {},
  enabled: { status: 'Enabled', nextRunAt: '2099-01-06T22:00:00.000Z' },
  partial: { patches: null },
  advisory: { isAdvisory: true, ownerId: '', ownerEmail: '', coAuthorIds: [], coAuthorEmails: [], targets: EMPTY_TARGETS, schedule: null },
  lockedOnce: { status: 'Enabled', firstEnabledAt: NOW, schedule: { ...WEEKLY, schedule: { type: 'Once', date: '2099-12-24', time: '22:00' } } },
}

async function jobIn(state: string): Promise<StoredJob> {
  const owner = callers.owner.user
  const co = callers.coAuthor.user
  return writeJob(db, {
    id: `job-${++counter}`, name: `Job ${counter} (${state})`, description: '', type: 'Install', status: 'Disabled', isAdvisory: false, ownerId: owner.id, ownerEmail: owner.email,
    coAuthorIds: [co.id], coAuthorEmails: [co.email], targets: { ...EMPTY_TARGETS, tags: ['Workstations'] }, patches: { mode: 'list', patchIds: ['p-chrome'] }, schedule: WEEKLY,
    options: DEFAULT_OPTIONS, disabledReason: '', scopeConstraints: [], createdAt: NOW, updatedAt: NOW, lastRunAt: null, nextRunAt: null, firstEnabledAt: null,
    createdById: owner.id, createdByEmail: owner.email, updatedById: owner.id, updatedByEmail: owner.email, assignedByEmail: '', assignedAt: null, revision: 1, version: 0,
    ...STATES[state],
  })
}

/** The request that performs an action on a job. */
function perform(who: Caller, action: JobAction, job: StoredJob) {
  const url = `/api/v1/jobs/${job.id}`
  switch (action) {
    case 'view':
      return api(who, 'GET', url)
    case 'edit':
      return api(who, 'PUT', url, { ...weeklyJob('Edited', { coAuthors: { coAuthorIds: job.coAuthorIds } }), version: job.revision })
    case 'delete':
      return api(who, 'DELETE', url)
    case 'clone':
      return api(who, 'POST', `${url}/clone`, {})
    case 'changeOwner':
      return api(who, 'POST', `${url}/owner`, { ownerId: newOwner.user.id })
    case 'assign':
      return api(who, 'POST', `${url}/assign`, { ownerId: newOwner.user.id })
    case 'runNow':
      return api(who, 'POST', `${url}/run`)
    default:
      return api(who, 'POST', `${url}/${action}`)
  }
}

const ACTIONS: JobAction[] = ['view', 'edit', 'clone', 'enable', 'disable', 'runNow', 'changeOwner', 'assign', 'delete']

describe('JobView.actions matches what the server does', () => {
  it('for every caller, job state and action', async () => {
    const mismatches: string[] = []
    const cases = Object.keys(STATES).flatMap((state) => ACTIONS.map((action) => ({ state, action })))
    for (const [who, caller] of Object.entries(callers)) {
      // A fresh job per state and action, all written (and listed in one request) before any is acted on: each action changes only its own job.
      const jobs = await Promise.all(cases.map(({ state }) => jobIn(state)))
      const ids = jobs.map((job) => job.id)
      const list = await api(caller, 'GET', `/api/v1/jobs?pageSize=${jobs.length}&q=${encodeURIComponent(`id: [${ids.join(', ')}]`)}`)
      const rows = new Map((list.json as unknown as { rows: JobView[] }).rows.map((row) => [row.id, row]))
      for (const [index, { state, action }] of cases.entries()) {
        const row = rows.get(ids[index])
        if (!row) {
          mismatches.push(`${who} ${action} on ${state}: not listed (${list.status} ${list.json.error?.code ?? ''})`)
          continue
        }
        const offered = row.actions.includes(action)
        const answer = await perform(caller, action, jobs[index])
        if (offered !== (answer.status === 200)) mismatches.push(`${who} ${action} on ${state}: offered ${offered}, answered ${answer.status} ${answer.json.error?.code ?? ''}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})
