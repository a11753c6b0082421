// Registry tests: each entity's tokens per version (jobs included), enum values from the ingest schema, and recorded history.
import { describe, expect, it } from 'vitest'
import { DOWNLOAD_METHODS, FINDING_STATUSES, OS_FAMILIES, PATCH_CATEGORIES, VENDOR_SEVERITIES } from '../../../ingest/schema/scan'
import { JOB_STATUSES, JOB_TYPES } from './fields'
import { CURRENT_TOKEN_VERSION, TOKEN_VERSIONS, tokensFor } from './registry'
import { ENTITIES } from './types'

const names = (entity: (typeof ENTITIES)[number], version: number) => tokensFor(entity, version).map((token) => token.name)

describe('tokensFor', () => {
  it('is at version 2', () => {
    expect(CURRENT_TOKEN_VERSION).toBe(2)
    expect(TOKEN_VERSIONS).toEqual([1, 2])
  })

  it('lists the current asset tokens, with patch.* tokens for the findings semi-join', () => {
    expect(names('assets', 2)).toEqual([
      'id', 'name', 'operatingSystem', 'osFamily', 'architecture', 'tags.name', 'lastLoggedOnUser', 'interfaces.address',
      'scanDateTime', 'activatedDate', 'missingPatchCount', 'installedPatchCount', 'missingCriticalCount', 'missingSecurityCount',
      'scanStatus', 'profile', 'scanOverdue', 'licensed', 'timeZone', 'patch.status', 'patch.firstSeenDate', 'patch.installedDate', 'patch.id', 'patch.title', 'patch.qid',
      'patch.cve', 'patch.kb', 'patch.vendor', 'patch.product', 'patch.appFamily', 'patch.category', 'patch.vendorSeverity',
      'patch.isSecurity', 'patch.isSuperseded', 'patch.rebootRequired', 'patch.downloadMethod', 'patch.architecture',
      'patch.publishedDate', 'patch.modifiedDate', 'patch.bulletin',
    ])
  })

  it('lists the current patch tokens with in-scope asset counts', () => {
    expect(names('patches', 2)).toEqual([
      'id', 'title', 'qid', 'cve', 'kb', 'vendor', 'product', 'appFamily', 'category', 'vendorSeverity', 'isSecurity',
      'isSuperseded', 'rebootRequired', 'downloadMethod', 'architecture', 'publishedDate', 'modifiedDate', 'bulletin',
      'missingCount', 'installedCount',
    ])
  })

  it('prefixes asset and patch tokens in the findings view', () => {
    const findings = names('findings', 2)
    expect(findings.slice(0, 3)).toEqual(['status', 'firstSeenDate', 'installedDate'])
    expect(findings).toContain('asset.tags.name')
    expect(findings).toContain('patch.vendorSeverity')
    expect(findings).not.toContain('patch.status')
    expect(findings).toContain('asset.timeZone')
    expect(findings).toHaveLength(3 + 19 + 18)
  })

  it('lists the job tokens, under the same names in version 1', () => {
    const jobTokens = [
      'id', 'name', 'description', 'status', 'type', 'scheduleType', 'targetTagMatch', 'owner', 'coAuthor', 'isAdvisory',
      'isPartiallyConfigured', 'isDynamic', 'patchCount', 'targetTag', 'targetAsset', 'exclusionTag', 'timeZone',
      'createdDate', 'updatedDate', 'lastRunDate', 'nextRunDate',
    ]
    expect(names('jobs', 2)).toEqual(jobTokens)
    expect(names('jobs', 1)).toEqual(jobTokens)
  })

  it('types the job tokens and offers known values where a user would look them up', () => {
    const byName = new Map(tokensFor('jobs', 2).map((token) => [token.name, token]))
    expect(byName.get('status')?.values).toEqual(JOB_STATUSES)
    expect(byName.get('type')?.values).toEqual(JOB_TYPES)
    expect(byName.get('scheduleType')?.values).toEqual(['On-demand', 'Once', 'Daily', 'Weekly', 'Monthly', 'Patch Tuesday'])
    expect(byName.get('targetTagMatch')?.values).toEqual(['Any', 'All'])
    expect(byName.get('owner')).toMatchObject({ type: 'keyword', source: { via: 'row', sql: 'j.owner_email' } })
    expect(byName.get('coAuthor')).toMatchObject({ type: 'array', elementType: 'keyword', source: { sql: 'j.co_author_emails' } })
    expect(byName.get('patchCount')).toMatchObject({ type: 'integer', source: { sql: 'length(j.patch_ids)' } })
    for (const name of ['isAdvisory', 'isPartiallyConfigured', 'isDynamic']) expect(byName.get(name)?.values).toEqual(['true', 'false'])
    for (const name of ['createdDate', 'updatedDate', 'lastRunDate', 'nextRunDate']) expect(byName.get(name)?.type).toBe('date')
    const withValues = [...byName.values()].filter((token) => token.valueSource !== null).map((token) => token.name)
    expect(withValues).toEqual(['name', 'owner', 'coAuthor', 'targetTag', 'exclusionTag', 'timeZone'])
    expect(byName.get('targetTag')?.valueSource).toEqual({ table: 'jobs', sql: 'arrayJoin(j.target_tags)' })
  })

  it('states the partially-configured rule in the token description', () => {
    expect(tokensFor('jobs').find((token) => token.name === 'isPartiallyConfigured')?.description).toBe(
      'Whether the job cannot run yet: it has no patches (no patch list and no dynamic query), or no targets ' +
        '(no assets and no tags), or no schedule (a schedule type other than On-demand without schedule details).',
    )
  })

  it('shows version 1 under its old names, types and values', () => {
    const v1 = names('assets', 1)
    expect(v1).toContain('os')
    expect(v1).toContain('patch.severity')
    expect(v1).toContain('patch.isLatest')
    expect(v1).toContain('patch.isRollup')
    expect(v1).not.toContain('operatingSystem')
    expect(v1).not.toContain('scanStatus')
    expect(names('patches', 1)).toEqual(expect.arrayContaining(['severity', 'isLatest', 'isRollup', 'qid']))
    const severity = tokensFor('patches', 1).find((token) => token.name === 'severity')
    expect(severity).toMatchObject({ id: 'vendorSeverity', version: 1, type: 'enum', values: ['Critical', 'High', 'Medium', 'Low', 'None'] })
    expect(tokensFor('patches', 1).find((token) => token.name === 'qid')).toMatchObject({ type: 'integer', elementType: 'integer' })
    expect(tokensFor('patches', 1).find((token) => token.name === 'isLatest')?.description).toBe('Whether no newer patch replaces this one.')
    expect(tokensFor('patches', 2).find((token) => token.name === 'qid')).toMatchObject({ type: 'array', elementType: 'integer' })
  })

  it('records history on each token', () => {
    const isSuperseded = tokensFor('assets', 2).find((token) => token.name === 'patch.isSuperseded')
    expect(isSuperseded?.history).toEqual({
      addedIn: 1,
      changes: [
        {
          in: 2,
          renamedFrom: 'patch.isLatest',
          previousDescription: 'Whether no newer patch replaces this one.',
          valueMap: { true: 'false', false: 'true' },
          note: 'the meaning is inverted: isLatest:true is isSuperseded:false',
        },
      ],
    })
    expect(tokensFor('patches', 1).find((token) => token.name === 'isRollup')?.history.removed).toEqual({
      in: 2,
      note: 'write category: "Update Rollups" instead',
    })
  })

  it('takes enum values from the ingest schema', () => {
    const byName = new Map(tokensFor('findings', 2).map((token) => [token.name, token]))
    expect(byName.get('patch.vendorSeverity')?.values).toEqual(VENDOR_SEVERITIES)
    expect(byName.get('patch.category')?.values).toEqual(PATCH_CATEGORIES)
    expect(byName.get('patch.downloadMethod')?.values).toEqual(DOWNLOAD_METHODS)
    expect(byName.get('status')?.values).toEqual(FINDING_STATUSES)
    expect(byName.get('asset.osFamily')?.values).toEqual(OS_FAMILIES)
    expect(byName.get('patch.isSecurity')?.values).toEqual(['true', 'false'])
  })

  it('gives every token a type, operators, SQL, a description and a reachable source', () => {
    for (const entity of ENTITIES) {
      for (const version of TOKEN_VERSIONS) {
        for (const token of tokensFor(entity, version)) {
          expect(token.operators.length, token.name).toBeGreaterThan(0)
          expect(token.source.sql, token.name).toMatch(/\b[afpjl]\./)
          expect(token.description, token.name).not.toBe('')
          const ordered = token.elementType === 'integer' || token.elementType === 'date'
          expect(token.operators, token.name).toEqual(ordered ? [':', '=', '>', '>=', '<', '<='] : [':', '='])
        }
      }
    }
  })

  it('returns nothing for an unknown version', () => {
    expect(tokensFor('assets', 3)).toEqual([])
  })
})
