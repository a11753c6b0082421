// Unit tests of the pure job rules: the co-author chain and scopes, the lock of run-once / on-demand jobs, and the actions per role.
import { describe, expect, it } from 'vitest'
import type { Role } from '@/lib/auth/user'
import { DEFAULT_OPTIONS, EMPTY_TARGETS, type StoredJob } from '@/lib/repositories/jobs'
import { constraintsAfterOwnerChange, isLocked, jobActions, mayCoAuthor, mayOwnJobs, scopeCovers } from './jobs-rules'

const job = (changes: Partial<StoredJob> = {}): StoredJob => ({
  id: 'j', name: 'J', description: '', type: 'Install', status: 'Disabled', isAdvisory: false, ownerId: 'owner', ownerEmail: 'owner@x', coAuthorIds: ['co'], coAuthorEmails: ['co@x'],
  targets: { ...EMPTY_TARGETS, tags: ['T'] }, patches: { mode: 'list', patchIds: ['p'] },
  schedule: { schedule: { type: 'Daily', time: '02:00', startDate: null }, timeZone: '', patchWindowHours: 24, downloadRandomizationMinutes: 0, opportunisticDownload: false },
  options: DEFAULT_OPTIONS, disabledReason: '', scopeConstraints: [], createdAt: '', updatedAt: '', lastRunAt: null, nextRunAt: null, firstEnabledAt: null,
  createdById: 'owner', createdByEmail: 'owner@x', updatedById: 'owner', updatedByEmail: 'owner@x', assignedByEmail: '', assignedAt: null, revision: 1, version: 1, ...changes,
})
const all = { all: true, tags: [] }

describe('who may own and co-author', () => {
  it('owners are Patch Users, Managers and Administrators; never Security, Readers or Dashboard Authors', () => {
    expect((['Patch Reader', 'Patch Dashboard Author', 'Patch User', 'Patch Security', 'Patch Manager', 'Administrator'] as Role[]).filter(mayOwnJobs)).toEqual(['Patch User', 'Patch Manager', 'Administrator'])
  })

  it('a co-author has the same or a higher role and a scope at least as large', () => {
    const owner = { role: 'Patch Manager' as Role, scope: { all: false, tags: ['A', 'B'] } }
    expect(mayCoAuthor({ role: 'Patch Manager', scope: { all: false, tags: ['B', 'A', 'C'] } }, owner)).toBe(true)
    expect(mayCoAuthor({ role: 'Administrator', scope: all }, owner)).toBe(true)
    expect(mayCoAuthor({ role: 'Patch User', scope: all }, owner)).toBe(false)
    expect(mayCoAuthor({ role: 'Patch Manager', scope: { all: false, tags: ['A'] } }, owner)).toBe(false)
    expect(mayCoAuthor({ role: 'Patch Security', scope: all }, { role: 'Patch User', scope: all })).toBe(false)
    expect(scopeCovers({ all: false, tags: ['A'] }, all)).toBe(false)
  })
})

describe('scope constraints after a change of owner', () => {
  it("adds the old owner's scope once; a scope that sees everything adds nothing", () => {
    const once = constraintsAfterOwnerChange(job(), { all: false, tags: ['B', 'A'] })
    expect(once).toEqual([{ all: false, tags: ['A', 'B'] }])
    expect(constraintsAfterOwnerChange(job({ scopeConstraints: once }), { all: false, tags: ['A', 'B'] })).toEqual(once)
    expect(constraintsAfterOwnerChange(job(), all)).toEqual([])
  })
})

describe('locks and actions', () => {
  const onDemand = { schedule: { type: 'On-demand' as const }, timeZone: '', patchWindowHours: 24, downloadRandomizationMinutes: 0, opportunisticDownload: false }

  it('a run-once or on-demand job is locked once enabled; a recurring one never', () => {
    expect(isLocked(job({ schedule: onDemand }))).toBe(false)
    expect(isLocked(job({ schedule: onDemand, status: 'Enabled', firstEnabledAt: '2026-12-01T00:00:00.000Z' }))).toBe(true)
    expect(isLocked(job({ schedule: onDemand, status: 'Disabled', firstEnabledAt: '2026-12-01T00:00:00.000Z' }))).toBe(true)
    expect(isLocked(job({ status: 'Enabled' }))).toBe(false)
  })

  it('the actions of the owner, a co-author, another Patch User, a Manager and Patch Security', () => {
    const enabled = job({ status: 'Enabled' })
    expect(jobActions({ id: 'owner', role: 'Patch User' }, enabled)).toEqual(['view', 'edit', 'clone', 'disable', 'runNow', 'delete'])
    expect(jobActions({ id: 'co', role: 'Patch User' }, enabled)).toEqual(['view', 'edit', 'clone', 'disable', 'runNow', 'delete'])
    expect(jobActions({ id: 'other', role: 'Patch User' }, enabled)).toEqual([])
    expect(jobActions({ id: 'm', role: 'Patch Manager' }, enabled)).toEqual(['view', 'edit', 'clone', 'disable', 'runNow', 'changeOwner', 'delete'])
    expect(jobActions({ id: 's', role: 'Patch Security' }, enabled)).toEqual(['view'])
    expect(jobActions({ id: 'm', role: 'Patch Manager' }, job({ isAdvisory: true, ownerId: '', coAuthorIds: [] }))).toEqual(['view', 'assign', 'delete'])
    expect(jobActions({ id: 'owner', role: 'Patch User' }, job({ patches: null }))).toEqual(['view', 'edit', 'clone', 'delete'])
  })
})
