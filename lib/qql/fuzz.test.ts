// Property tests on seeded random input: nothing throws, positions stay in the text, SQL holds only placeholders.
// Also: printing a parsed query is a fixed point that compiles to the same SQL.
import { describe, expect, it } from 'vitest'
import { parseSyntax } from './parser'
import { printQuery } from './print'
import { compileQql, ENTITIES, explainQql, migrateQuery, parseQql, suggestAt, tokensFor, type ElementType, type QqlError, type QqlToken, type QqlUser } from './index'

/** mulberry32: a tiny seeded generator, so every run checks the same cases and a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const USER: QqlUser = { scope: { all: false, tags: ['Prod'] }, timeZone: 'Europe/Paris' }
const CHARACTERS = [...'abcXYZ019 :=<>()[],."`\\*-+/_%\'{}$;\n\t', 'AND', 'OR', 'NOT', 'and', 'é', '😀', '\u0000', '\u200b', '\u00a0']
/** The tokens of one entity and version per pool, so that most soups are about one entity. */
const TOKEN_POOLS = ENTITIES.flatMap((entity) => [1, 2].map((version) => tokensFor(entity, version)))
const OPERATORS = [':', '=', '>', '>=', '<', '<='] as const
const VALUES_BY_TYPE: Readonly<Record<ElementType, readonly string[]>> = {
  text: ['chrome*', '"a phrase"', '`exact`', "it's", '{q1:String}', 'x\\ y', '😀', '[a, "b c", `d`]', '*', '"esc\\"aped"'],
  keyword: ['KB5034441', 'cve-2024-*', '`Exact`', '[a, b]', '\\'],
  enum: ['Critical', 'missing', 'windows', '"Update Rollups"', '[Critical, low]', 'high', 'enabled', '"Patch Tuesday"', '[Install, uninstall]'],
  boolean: ['true', 'FALSE', '[true, false]'],
  integer: ['5', '-3', '[1 .. 5]', '(0 .. 10)', '[0, 2]'],
  date: ['now-30d', 'now-1M', 'now+2h', 'now', '2026-01-31', '2026-01-31T10:00', '(2026-01-01 .. now)', '2026-01'],
  ip: ['10.0.0.0/8', 'fe80::1', '10.0.*', '[10.0.0.1, ::1]'],
}
const ANY_VALUES = ['99999999999999999999', '2026-02-30', '[]', '[1 ..', 'AND', '', '"open']
const CONNECTIVES = [' ', ' AND ', ' OR ', ' and not ', ' OR NOT ', ' AND NOT NOT ', ' or ']
const NOISE = [':', '(', ')', '[', ']', ',', '..', '"', '`', 'AND', 'OR', 'NOT', ' ', '\\', '*']

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]
}

function randomText(next: () => number): string {
  return Array.from({ length: Math.floor(next() * 40) }, () => pick(next, CHARACTERS)).join('')
}

/** A clause of a real token, mostly with an operator and a value that fit its type. */
function clause(next: () => number, token: QqlToken): string {
  const operator = next() < 0.85 ? pick(next, token.operators) : pick(next, OPERATORS)
  const fitting = VALUES_BY_TYPE[token.elementType].filter((value) => operator === ':' || !/^[[(]/.test(value))
  const value = next() < 0.85 ? pick(next, fitting) : pick(next, ANY_VALUES)
  const text = `${token.name}${operator === ':' ? pick(next, [':', ': ', ' : ']) : ` ${operator} `}${value}`
  return next() < 0.15 ? `NOT ${text}` : text
}

/** One to four clauses joined by connectives, sometimes grouped, with noise spliced in now and then. */
function tokenSoup(next: () => number): string {
  const tokens = pick(next, TOKEN_POOLS)
  const clauses = Array.from({ length: 1 + Math.floor(next() * 4) }, () => clause(next, pick(next, tokens)))
  let text = clauses.reduce((joined, item) => {
    const combined = `${joined}${pick(next, CONNECTIVES)}${item}`
    return next() < 0.2 ? `(${combined})` : combined
  })
  if (next() < 0.3) {
    const at = Math.floor(next() * (text.length + 1))
    text = text.slice(0, at) + pick(next, NOISE) + text.slice(at)
  }
  return text
}

function expectInside(text: string, diagnostics: QqlError[]): void {
  for (const diagnostic of diagnostics) {
    expect(diagnostic.message).toMatch(/ at \d+/)
    expect(diagnostic.start).toBeGreaterThanOrEqual(0)
    expect(diagnostic.end).toBeGreaterThanOrEqual(diagnostic.start)
    expect(diagnostic.end).toBeLessThanOrEqual(text.length)
  }
}

const PLACEHOLDER = /\{(?:q\d+|scopeTags):(?:String|Int64|Bool|Array\(String\)|DateTime64\(3, 'UTC'\))\}/g

function checkOne(text: string, next: () => number): void {
  for (const entity of ENTITIES) {
    for (const version of [1, 2]) {
      const parsed = parseQql(text, { entity, version })
      expectInside(text, [...parsed.errors, ...parsed.warnings])
      expect(typeof explainQql(parsed.ast, entity)).toBe('string')
      const result = compileQql({ query: text, entity, user: USER, version })
      if (result.ok) {
        expectInside(text, result.warnings)
        const placeholders = result.where.match(PLACEHOLDER) ?? []
        expect(result.where.replace(PLACEHOLDER, '')).not.toMatch(/[{}]/)
        expect(new Set(placeholders.map((placeholder) => placeholder.slice(1).split(':')[0]))).toEqual(new Set(Object.keys(result.params)))
      } else {
        expect(result.errors.length).toBeGreaterThan(0)
        expectInside(text, result.errors)
      }
      const migration = migrateQuery(text, version, 2, entity)
      expectInside(text, migration.errors)
    }
    const suggestions = suggestAt(text, Math.floor(next() * (text.length + 1)), entity)
    expect(suggestions.from).toBeLessThanOrEqual(suggestions.to)
    expect(suggestions.to).toBeLessThanOrEqual(text.length)
  }

  const syntax = parseSyntax(text)
  if (syntax.errors.length === 0) {
    const printed = printQuery(syntax.ast)
    const reparsed = parseSyntax(printed)
    expect(reparsed.errors).toEqual([])
    expect(printQuery(reparsed.ast)).toBe(printed)
    for (const entity of ENTITIES) {
      const original = compileQql({ query: text, entity, user: USER })
      const again = compileQql({ query: printed, entity, user: USER })
      if (original.ok && again.ok) expect(again.where).toBe(original.where)
      if (original.ok && again.ok) expect(again.params).toEqual(original.params)
      expect(again.ok).toBe(original.ok)
    }
  }
}

describe('fuzz', () => {
  it('never throws on 1,000 random strings', () => {
    const next = random(20260131)
    for (let index = 0; index < 1_000; index++) {
      const text = randomText(next)
      expect(() => checkOne(text, next), JSON.stringify(text)).not.toThrow()
    }
  })

  it('never throws on 1,000 random token soups, and printing round-trips', () => {
    const next = random(42)
    let compiledSomewhere = 0
    for (let index = 0; index < 1_000; index++) {
      const text = tokenSoup(next)
      expect(() => checkOne(text, next), JSON.stringify(text)).not.toThrow()
      if (ENTITIES.some((entity) => compileQql({ query: text, entity, user: USER }).ok)) compiledSomewhere++

    }
    // The soup must reach the compiler, not only the error paths.
    expect(compiledSomewhere).toBeGreaterThan(200)
  })
})
