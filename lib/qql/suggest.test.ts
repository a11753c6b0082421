// Cursor-mode tests: what autocomplete offers at a cursor position, and which span a suggestion replaces.
import { describe, expect, it } from 'vitest'
import { suggestAt, type Entity } from './index'

/** `|` marks the cursor. */
function at(textWithCursor: string, entity: Entity = 'assets', version?: number) {
  const cursor = textWithCursor.indexOf('|')
  return suggestAt(textWithCursor.replace('|', ''), cursor, entity, version)
}

describe('suggestAt', () => {
  it('offers token names and NOT at the start', () => {
    const suggestions = at('|')
    expect(suggestions).toMatchObject({ context: 'condition', from: 0, to: 0, prefix: '', keywords: ['NOT'], operators: [], values: [] })
    expect(suggestions.tokens).toContain('operatingSystem')
    expect(suggestions.tokens).toContain('patch.vendorSeverity')
  })

  it('filters token names by the partial word, prefix matches first, and replaces the whole word', () => {
    expect(at('patch.vendorS|')).toMatchObject({ context: 'condition', from: 0, to: 13, prefix: 'patch.vendorS', tokens: ['patch.vendorSeverity'] })
    expect(at('na|me: x')).toMatchObject({ context: 'condition', from: 0, to: 4, prefix: 'na', tokens: ['name', 'tags.name'] })
    expect(at('sev|', 'patches').tokens).toEqual(['vendorSeverity'])
  })

  it('offers the operators of the token before the cursor', () => {
    expect(at('missingPatchCount |')).toMatchObject({
      context: 'operator',
      token: { id: 'missingPatchCount', name: 'missingPatchCount', type: 'integer' },
      operators: [':', '=', '>', '>=', '<', '<='],
    })
    expect(at('name |')).toMatchObject({ context: 'operator', operators: [':', '='] })
    expect(at('unknownThing |').operators).toEqual([':', '=', '>', '>=', '<', '<='])
  })

  it('offers enum values after `token:` with the token id and the typed prefix', () => {
    expect(at('patch.vendorSeverity: |')).toMatchObject({
      context: 'value',
      token: { id: 'patch.vendorSeverity', name: 'patch.vendorSeverity', type: 'enum' },
      prefix: '',
      values: ['Critical', 'Important', 'Moderate', 'Low', 'None'],
      hasValueSource: false,
    })
    expect(at('patch.vendorSeverity: im|')).toMatchObject({ context: 'value', prefix: 'im', from: 22, to: 24, values: ['Important'] })
    expect(at('osFamily:|')).toMatchObject({ context: 'value', values: ['Windows', 'Linux', 'macOS'] })
  })

  it('offers booleans, date examples and the database as sources of values', () => {
    expect(at('isSuperseded: |', 'patches').values).toEqual(['true', 'false'])
    expect(at('scanDateTime > |').values).toEqual(['now-1d', 'now-7d', 'now-30d', 'now-90d', 'now-1M', 'now-1y'])
    expect(at('operatingSystem: win|')).toMatchObject({ context: 'value', prefix: 'win', values: [], hasValueSource: true })
  })

  it('reads the text inside an open quote as the prefix', () => {
    expect(at('scanStatus: "not|')).toMatchObject({ context: 'value', from: 12, prefix: 'not', values: ['Not Scanned Recently'] })
  })

  it('offers list values inside brackets', () => {
    expect(at('osFamily: [Linux, ma|')).toMatchObject({ context: 'value', prefix: 'ma', values: ['macOS'] })
  })

  it('offers AND, OR, NOT and tokens after a complete condition', () => {
    const after = at('name: web |')
    expect(after).toMatchObject({ context: 'afterCondition', keywords: ['AND', 'OR', 'NOT'] })
    expect(after.tokens.length).toBeGreaterThan(10)
    expect(at('name: web an|')).toMatchObject({ context: 'afterCondition', prefix: 'an', keywords: ['AND'] })
    expect(at('name: web AND |')).toMatchObject({ context: 'condition', keywords: ['NOT'] })
    expect(at('(name: web OR |')).toMatchObject({ context: 'condition' })
  })

  it('offers the job tokens, their values and the database as a source of job values', () => {
    expect(at('|', 'jobs').tokens).toEqual([
      'id', 'name', 'description', 'status', 'type', 'scheduleType', 'targetTagMatch', 'owner', 'coAuthor', 'isAdvisory',
      'isPartiallyConfigured', 'isDynamic', 'patchCount', 'targetTag', 'targetAsset', 'exclusionTag', 'timeZone',
      'createdDate', 'updatedDate', 'lastRunDate', 'nextRunDate',
    ])
    expect(at('is|', 'jobs').tokens).toEqual(['isAdvisory', 'isPartiallyConfigured', 'isDynamic'])
    expect(at('status: |', 'jobs')).toMatchObject({ context: 'value', values: ['Enabled', 'Disabled', 'Completed'], hasValueSource: false })
    expect(at('scheduleType: "o|', 'jobs').values).toEqual(['On-demand', 'Once', 'Monthly'])
    expect(at('owner: al|', 'jobs')).toMatchObject({ context: 'value', token: { id: 'owner', type: 'keyword' }, prefix: 'al', hasValueSource: true })
    expect(at('targetTag: |', 'jobs')).toMatchObject({ token: { type: 'array' }, hasValueSource: true })
    expect(at('patchCount |', 'jobs').operators).toEqual([':', '=', '>', '>=', '<', '<='])
  })

  it('uses the tokens of the requested version', () => {
    expect(at('o|', 'assets', 1).tokens).toContain('os')
    expect(at('o|', 'assets', 2).tokens).not.toContain('os')
  })

  it('clamps the cursor into the text', () => {
    expect(suggestAt('name: x', 999, 'assets')).toMatchObject({ context: 'value', prefix: 'x', from: 6, to: 7 })
    expect(suggestAt('name: x', -5, 'assets')).toMatchObject({ context: 'condition', from: 0, to: 0 })
  })
})
