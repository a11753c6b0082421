// Aliases: a query moves between the Assets and Findings lists unchanged; "did you mean" offers each view's own spelling.
import { describe, expect, it } from 'vitest'
import { compileQql, migrateQuery, parseQql, type Entity, type QqlUser } from '../index'
import { tokensFor, TOKEN_VERSIONS } from './registry'
import { ENTITIES } from './types'

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

function where(query: string, entity: Entity): string {
  const result = compileQql({ query, entity, user: EVERYONE })
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result.where
}

function firstError(query: string, entity: Entity) {
  return parseQql(query, { entity }).errors[0]
}

describe('token aliases', () => {
  it.each<[string, string]>([
    ['patch.status: Missing', 'status: Missing'],
    ['patch.firstSeenDate > 2026-01-01', 'firstSeenDate > 2026-01-01'],
    ['patch.installedDate: now-7d', 'installedDate: now-7d'],
    ['tags.name: Prod', 'asset.tags.name: Prod'],
    ['name: web AND osFamily: Windows', 'asset.name: web AND asset.osFamily: Windows'],
    ['interfaces.address: 10.0.0.0/8', 'asset.interfaces.address: 10.0.0.0/8'],
  ])('findings read the asset view spelling `%s` as `%s`', (assetSpelling, findingSpelling) => {
    expect(where(assetSpelling, 'findings')).toBe(where(findingSpelling, 'findings'))
  })

  it.each<[string, string]>([
    ['status: Missing', 'patch.status: Missing'],
    ['asset.name: web', 'name: web'],
    ['asset.tags.name: Prod AND firstSeenDate > now-30d', 'tags.name: Prod AND patch.firstSeenDate > now-30d'],
  ])('assets read the findings view spelling `%s` as `%s`', (findingSpelling, assetSpelling) => {
    expect(where(findingSpelling, 'assets')).toBe(where(assetSpelling, 'assets'))
  })

  it('patches read the asset view `patch.` spelling of their own tokens', () => {
    expect(where('patch.vendorSeverity: Critical AND patch.isSuperseded: false', 'patches')).toBe(where('vendorSeverity: Critical AND isSuperseded: false', 'patches'))
  })

  it('a list query copied from Assets to Findings compiles unchanged', () => {
    const query = 'osFamily: Windows AND tags.name: Prod AND patch.vendorSeverity: Critical AND patch.status: Missing AND patch.firstSeenDate < now-30d'
    for (const entity of ['assets', 'findings'] as const) expect(compileQql({ query, entity, user: EVERYONE }).ok, entity).toBe(true)
  })

  it('gives each spelling one meaning in every entity and version', () => {
    for (const entity of ENTITIES) {
      for (const version of TOKEN_VERSIONS) {
        const spellings = tokensFor(entity, version).flatMap((token) => [token.name, ...token.aliases])
        expect(new Set(spellings).size, `${entity}@${version}`).toBe(spellings.length)
      }
    }
  })

  it('offers the view’s own spelling, never the alias, in autocomplete lists', () => {
    const names = tokensFor('findings').map((token) => token.name)
    expect(names).toContain('status')
    expect(names).not.toContain('patch.status')
  })

  it.each<[string, Entity, string[]]>([
    ['patch.stauts: Missing', 'findings', ['status']],
    ['asset.nmae: web', 'assets', ['name']],
    ['patch.titel: chrome', 'patches', ['title']],
    ['title: chrome', 'findings', ['patch.title']],
    ['vendorSeverity: Critical', 'assets', ['patch.vendorSeverity']],
  ])('did you mean: `%s` in %s → %j', (query, entity, expected) => {
    const error = firstError(query, entity)
    expect(error.expected).toEqual(expect.arrayContaining(expected))
    expect(error.message).toContain(`did you mean \`${expected[0]}\``)
  })

  it('a version 1 query keeps its alias spelling when rebuilt', () => {
    expect(migrateQuery('os: windows AND patch.status: Missing', 1, 2, 'findings').query).toBe('operatingSystem: windows AND patch.status: Missing')
    expect(migrateQuery('asset.os: windows', 1, 2, 'assets').query).toBe('asset.operatingSystem: windows')
  })
})

describe('audit tokens', () => {
  it('lists who, what, when and where, with no tag scope', () => {
    expect(tokensFor('audit').map((token) => token.name)).toEqual(['time', 'actor', 'actorId', 'action', 'target', 'targetId', 'before', 'after', 'text'])
    expect(where('', 'audit')).toBe('1')
    const scoped = compileQql({ query: 'action: user.*', entity: 'audit', user: { scope: { all: false, tags: [] }, timeZone: 'UTC' } })
    expect(scoped).toMatchObject({ ok: true, where: 'l.action ILIKE {q1:String}', params: { q1: 'user.%' } })
  })
})
