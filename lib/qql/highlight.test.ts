// Highlighting: each part of a query gets the role the parser read it as (a `:` inside a date is part of the value).
import { describe, expect, it } from 'vitest'
import { highlightQql } from './highlight'

const roles = (text: string) => highlightQql(text).map((span) => [text.slice(span.from, span.to), span.role])

describe('highlightQql', () => {
  it('reads token names, operators, values and keywords in their modes', () => {
    expect(roles('scanDateTime > 2026-01-31T10:00 AND NOT name: "web server"')).toEqual([
      ['scanDateTime', 'token'],
      ['>', 'operator'],
      ['2026-01-31T10:00', 'value'],
      ['AND', 'keyword'],
      ['NOT', 'keyword'],
      ['name', 'token'],
      [':', 'operator'],
      ['"web server"', 'quoted'],
    ])
  })

  it('marks wildcards, lists and ranges', () => {
    expect(roles('name: web* OR missingPatchCount: [1 .. 5] tags.name: [a, `B`]')).toEqual([
      ['name', 'token'], [':', 'operator'], ['web*', 'wildcard'], ['OR', 'keyword'],
      ['missingPatchCount', 'token'], [':', 'operator'], ['[', 'punctuation'], ['1', 'value'], ['..', 'punctuation'], ['5', 'value'], [']', 'punctuation'],
      ['tags.name', 'token'], [':', 'operator'], ['[', 'punctuation'], ['a', 'value'], [',', 'punctuation'], ['`B`', 'quoted'], [']', 'punctuation'],
    ])
  })

  it('still highlights a broken query as far as it reads', () => {
    expect(roles('name: (')).toEqual([['name', 'token'], [':', 'operator'], ['(', 'punctuation']])
    expect(roles('')).toEqual([])
  })
})
