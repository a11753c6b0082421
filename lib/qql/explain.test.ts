// Explain tests: every kind of condition read back in plain English, including the asset view's finding groups.
import { describe, expect, it } from 'vitest'
import { parseSyntax } from './parser'
import { explainQql, type Entity } from './index'

function explained(text: string, entity: Entity = 'assets'): string {
  const { ast, errors } = parseSyntax(text)
  expect(errors).toEqual([])
  return explainQql(ast, entity)
}

describe('explainQql', () => {
  it.each<[string, Entity, string]>([
    ['', 'assets', 'All assets'],
    ['', 'findings', 'All findings'],
    ['name: web', 'assets', 'Assets where name contains "web"'],
    ['name: "web server"', 'assets', 'Assets where name contains "web server"'],
    ['name: web*', 'assets', 'Assets where name matches "web*"'],
    ['name: `web-01`', 'assets', 'Assets where name is exactly "web-01"'],
    ['name = web-01', 'assets', 'Assets where name is exactly "web-01"'],
    ['id: A1', 'assets', 'Assets where id is "A1"'],
    ['osFamily: linux', 'assets', 'Assets where osFamily is Linux'],
    ['osFamily: [linux, windows]', 'assets', 'Assets where osFamily is one of Linux, Windows'],
    ['tags.name: Prod', 'assets', 'Assets where any tags.name is "Prod"'],
    ['interfaces.address: 10.0.0.0/8', 'assets', 'Assets where any interfaces.address is in 10.0.0.0/8'],
    ['interfaces.address: 10.0.*', 'assets', 'Assets where any interfaces.address matches 10.0.*'],
    ['missingPatchCount > 5', 'assets', 'Assets where missingPatchCount is greater than 5'],
    ['missingPatchCount >= 5', 'assets', 'Assets where missingPatchCount is at least 5'],
    ['missingPatchCount < 5', 'assets', 'Assets where missingPatchCount is less than 5'],
    ['missingPatchCount <= 5', 'assets', 'Assets where missingPatchCount is at most 5'],
    ['missingPatchCount: [1 .. 5]', 'assets', 'Assets where missingPatchCount is between 1 and 5, inclusive'],
    ['missingPatchCount: (1 .. 5)', 'assets', 'Assets where missingPatchCount is strictly between 1 and 5'],
    ['scanDateTime: now-30d', 'assets', 'Assets where scanDateTime is within the last 30 days'],
    ['scanDateTime < now-1M', 'assets', 'Assets where scanDateTime is before 1 month ago'],
    ['scanDateTime > now+1h', 'assets', 'Assets where scanDateTime is after 1 hour from now'],
    ['scanDateTime <= now', 'assets', 'Assets where scanDateTime is on or before now'],
    ['scanDateTime: 2026-01-31', 'assets', 'Assets where scanDateTime is on 2026-01-31'],
    ['scanDateTime: 2026-01', 'assets', 'Assets where scanDateTime is in 2026-01'],
    ['scanDateTime: [2026-01-01 .. now-2w]', 'assets', 'Assets where scanDateTime is between 2026-01-01 and 2 weeks ago, inclusive'],
    ['name: a OR name: b AND NOT name: c', 'assets', 'Assets where name contains "a" or (name contains "b" and name does not contain "c")'],
    ['NOT (name: a OR name: b)', 'assets', 'Assets where not (name contains "a" or name contains "b")'],
    ['name: [a, `b`]', 'assets', 'Assets where name contains "a" or is exactly "b"'],
    [
      'name: web AND patch.vendorSeverity: critical AND patch.status: Missing',
      'assets',
      'Assets where name contains "web" and they have a current finding where patch.vendorSeverity is Critical and patch.status is Missing',
    ],
    ['NOT patch.status: Missing', 'assets', 'Assets that have no current finding where patch.status is Missing'],
    [
      '(patch.vendor: google OR patch.vendor: mozilla) patch.isSuperseded: false',
      'assets',
      'Assets that have a current finding where (patch.vendor contains "google" or patch.vendor contains "mozilla") and patch.isSuperseded is false',
    ],
    ['missingCount > 10 AND vendorSeverity: Critical', 'patches', 'Patches where missingCount is greater than 10 and vendorSeverity is Critical'],
    ['asset.name: web AND patch.title: chrome status: missing', 'findings', 'Findings where asset.name contains "web" and patch.title contains "chrome" and status is Missing'],
    ['someday: x AND other > 3', 'assets', 'Assets where someday matches "x" and other is greater than 3'],
    ['', 'jobs', 'All jobs'],
    [
      'status: enabled AND scheduleType: "patch tuesday" AND owner: a@example.com',
      'jobs',
      'Jobs where status is Enabled and scheduleType is Patch Tuesday and owner is "a@example.com"',
    ],
    ['isPartiallyConfigured: TRUE OR patchCount > 100', 'jobs', 'Jobs where isPartiallyConfigured is true or patchCount is greater than 100'],
    ['targetTag: [Prod, EU] AND NOT exclusionTag: VIP', 'jobs', 'Jobs where any targetTag is one of "Prod", "EU" and no exclusionTag is "VIP"'],
    ['nextRunDate < now+1d', 'jobs', 'Jobs where nextRunDate is before 1 day from now'],
    ['patch.status: Missing', 'assets', 'Assets that have a current finding where patch.status is Missing'],
    [
      'patch.status: Missing AND NOT patch.vendor: google',
      'assets',
      'Assets that have a current finding where patch.status is Missing and they have no current finding where patch.vendor contains "google"',
    ],
    [
      'NOT patch.status: Missing AND name: web',
      'assets',
      'Assets that have no current finding where patch.status is Missing and name contains "web"',
    ],
    [
      'name: web OR patch.status: Missing',
      'assets',
      'Assets where name contains "web" or they have a current finding where patch.status is Missing',
    ],
    ['NOT name: web*', 'assets', 'Assets where name does not match "web*"'],
    ['NOT name = web-01', 'assets', 'Assets where name is not exactly "web-01"'],
    ['NOT osFamily: [linux, windows]', 'assets', 'Assets where osFamily is none of Linux, Windows'],
    ['NOT name: [a, `b`]', 'assets', 'Assets where name does not contain "a" and is not exactly "b"'],
    ['NOT tags.name: Prod', 'assets', 'Assets where no tags.name is "Prod"'],
    ['NOT missingPatchCount > 5', 'assets', 'Assets where missingPatchCount is not greater than 5'],
    ['NOT missingPatchCount: [1 .. 5]', 'assets', 'Assets where missingPatchCount is not between 1 and 5, inclusive'],
    ['NOT scanDateTime: now-2w', 'assets', 'Assets where scanDateTime is not within the last 2 weeks'],
    ['NOT someday = x', 'assets', 'Assets where someday does not equal "x"'],
    ['patch.status: Missing', 'findings', 'Findings where patch.status is Missing'],
    [
      'action: user.* AND time > now-7d AND NOT actor: system',
      'audit',
      'Audit entries where action matches "user.*" and time is after 7 days ago and actor is not "system"',
    ],
  ])('%s (%s)', (text, entity, expected) => {
    expect(explained(text, entity)).toBe(expected)
  })
})
