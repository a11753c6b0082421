// The export column registry: derived from the QQL tokens, readable headers, zoned date headers, named refusals.
import { describe, expect, it } from 'vitest'
import { DomainError } from '@/lib/errors'
import { CURRENT_TOKEN_VERSION, tokensFor } from '@/lib/qql'
import { DEFAULT_COLUMNS, EXPORT_ENTITIES, exportColumns, headerFor, resolveColumns } from './columns'

describe('export columns', () => {
  it('every token an entity reads from its rows is a column of that entity, with the token SQL', () => {
    for (const entity of EXPORT_ENTITIES) {
      const columns = new Map(exportColumns(entity).map((column) => [column.id, column]))
      for (const token of tokensFor(entity, CURRENT_TOKEN_VERSION).filter((candidate) => candidate.source.via === 'row')) {
        expect(columns.get(token.name)?.sql, `${entity} ${token.name}`).toBe(token.source.sql)
      }
    }
  })

  it('findings are denormalised: asset and patch fields, status, first seen, installed, days missing — with readable headers', () => {
    const headers = Object.fromEntries(exportColumns('findings').map((column) => [column.id, column.header]))
    expect(headers).toMatchObject({
      'asset.name': 'Asset name',
      'asset.operatingSystem': 'Asset operating system',
      'patch.kb': 'Patch KB',
      'patch.title': 'Patch title',
      status: 'Status',
      firstSeenDate: 'First seen',
      installedDate: 'Installed',
      daysMissing: 'Days missing',
    })
  })

  it('the defaults are known columns; a date header names the zone its times are in', () => {
    for (const entity of EXPORT_ENTITIES) expect(resolveColumns(entity, null).map((column) => column.id)).toEqual(DEFAULT_COLUMNS[entity])
    const [lastScan] = resolveColumns('assets', ['scanDateTime'])
    expect(headerFor(lastScan, 'Europe/Berlin')).toBe('Last scan (Europe/Berlin)')
  })

  it('an unknown or repeated column is refused, naming it', () => {
    const refusal = (() => {
      try {
        resolveColumns('assets', ['name', 'secret', 'patch.title'])
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(DomainError)
    expect((refusal as DomainError).message).toBe('Unknown assets columns: secret, patch.title')
    expect(() => resolveColumns('patches', ['id', 'id'])).toThrow('Column id is listed twice')
  })
})
