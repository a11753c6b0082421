// SQL-injection suite: hostile values, token names, tags and time zones never reach the SQL text, only parameters.
import { describe, expect, it } from 'vitest'
import { compileQql, ENTITIES, MAX_QUERY_LENGTH, tokensFor, type Entity, type QqlUser } from './index'

const USER: QqlUser = { scope: { all: false, tags: ['Prod'] }, timeZone: 'UTC' }

const HOSTILE = [
  "'",
  "' OR '1'='1",
  "'; DROP TABLE assets; --",
  '"; DROP TABLE assets; --',
  "\\'; SELECT 1; --",
  '\\',
  '\\\\',
  'a\\',
  '{x:String}',
  '{q1:String}',
  '{scopeTags:Array(String)}',
  '}) OR 1=1 --',
  '/* comment */',
  "') UNION SELECT password_hash FROM users --",
  '%_%',
  'line\nbreak\r\n',
  'tab\tseparated',
  '\u0000nul',
  'zero\u200bwidth',
  'ﾟ∀ﾟ 漢字 العربية',
  '😀🔥',
  '\u202eright-to-left',
  'é'.repeat(500),
  "'; DROP TABLE x; --".repeat(50),
]

/** Writes a value so the lexer reads it back exactly: backslash before every character that is not a letter or digit. */
function bare(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '\\$&')
}

function phrase(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`
}

function exact(value: string): string {
  return `\`${value.replace(/[`\\]/g, '\\$&')}\``
}

/** Text-like tokens accept any value, so they are where hostile text could travel. */
function textTokens(entity: Entity): string[] {
  return tokensFor(entity)
    .filter((token) => token.elementType === 'text' || token.elementType === 'keyword')
    .map((token) => token.name)
}

function compile(query: string, entity: Entity, user: QqlUser = USER) {
  const result = compileQql({ query, entity, user })
  if (!result.ok) throw new Error(`${query.slice(0, 200)}: ${result.errors.map((error) => error.message.slice(0, 200)).join('; ')}`)
  return result
}

describe('SQL injection', () => {
  for (const entity of ENTITIES) {
    it(`keeps hostile values out of the SQL of every ${entity} text token`, () => {
      for (const name of textTokens(entity)) {
        for (const write of [bare, phrase, exact]) {
          const benign = compile(`${name}: ${write('benign')} OR ${name}: [${write('benign')}, ${write('benign')}]`, entity)
          for (const value of HOSTILE) {
            const result = compile(`${name}: ${write(value)} OR ${name}: [${write(value)}, ${write(value)}]`, entity)
            // The SQL does not depend on the value at all: the same text as for a benign value.
            expect(result.where).toBe(benign.where)
            // …and the value travels whole in a parameter (LIKE-escaped where it is matched with ILIKE).
            const likeEscaped = value.replace(/[\\%_]/g, '\\$&')
            const carried = Object.values(result.params).some((param) => param === value || (typeof param === 'string' && param.includes(likeEscaped)))
            expect(carried).toBe(true)
            // (A value spelled like a placeholder, `{q1:String}`, is in the benign SQL too: that is the placeholder.)
            if (value.length >= 3 && !benign.where.includes(value)) expect(result.where).not.toContain(value)
          }
        }
      }
    })
  }

  it('has only {name:Type} placeholders as braces in the SQL', () => {
    const { where } = compile(`name: ${bare('{x:String}')} AND name: ${phrase('{q1:String}')} AND tags.name: ${exact('}{')}`, 'assets')
    expect(where.replace(/\{(?:q\d+|scopeTags):[A-Za-z0-9(), ']+\}/g, '')).not.toMatch(/[{}]/)
    expect(where).toBe(
      'hasAny(a.tags, {scopeTags:Array(String)}) AND a.name ILIKE {q1:String} AND a.name ILIKE {q2:String} AND arrayExists(x -> x = {q3:String}, a.tags)',
    )
  })

  it('escapes LIKE metacharacters inside the parameter, not the SQL', () => {
    expect(compile(`name: ${bare("100%_'\\")}`, 'assets').params).toEqual({ scopeTags: ['Prod'], q1: "%100\\%\\_'\\\\%" })
  })

  it('rejects hostile text where a number, date, boolean, enum or IP is expected', () => {
    for (const query of [
      'missingPatchCount > 1;DROP',
      "missingPatchCount: 1'",
      'scanDateTime > now-1d)',
      "scanDateTime: '2026-01-31'",
      'osFamily: Windows\\\'',
      'interfaces.address: 10.0.0.1\\;',
      "patch.isSecurity: true'",
    ]) {
      const result = compileQql({ query, entity: 'assets', user: USER })
      expect(result.ok, query).toBe(false)
    }
  })

  it('never turns a hostile token name into SQL', () => {
    for (const name of ["name'", 'a.name', 'name)--', 'patch.status;', '1=1', 'name\\']) {
      const result = compileQql({ query: `${name}: x`, entity: 'assets', user: USER })
      expect(result.ok, name).toBe(false)
    }
  })

  it('binds hostile scope tags as a parameter', () => {
    const tags = ["'); DROP TABLE assets; --", '{scopeTags:String}', '\\']
    const result = compile('name: x', 'assets', { scope: { all: false, tags }, timeZone: 'UTC' })
    expect(result.where).toBe('hasAny(a.tags, {scopeTags:Array(String)}) AND a.name ILIKE {q1:String}')
    expect(result.params.scopeTags).toEqual(tags)
  })

  it('never writes the time zone into SQL', () => {
    const result = compileQql({ query: 'scanDateTime: 2026-01-31', entity: 'assets', user: { ...USER, timeZone: "UTC'); DROP TABLE x; --" } })
    expect(result).toMatchObject({ ok: true, where: expect.not.stringContaining('DROP') })
    expect(result.ok && result.warnings[0].message).toContain('unknown time zone')
  })

  it('accepts values up to the length limit and refuses longer queries', () => {
    const long = 'x'.repeat(MAX_QUERY_LENGTH - 20)
    expect(compile(`name: ${long}`, 'assets').where).toBe('hasAny(a.tags, {scopeTags:Array(String)}) AND a.name ILIKE {q1:String}')
    const tooLong = compileQql({ query: `name: ${'x'.repeat(MAX_QUERY_LENGTH)}`, entity: 'assets', user: USER })
    expect(tooLong).toMatchObject({ ok: false, errors: [{ start: MAX_QUERY_LENGTH }] })
  })
})
