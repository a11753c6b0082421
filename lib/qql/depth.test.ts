// The tree depth cap: NOT and parentheses together nest at most 50 levels, whatever mix builds them, so no query reaches the engine's AST limit.
import { describe, expect, it } from 'vitest'
import { compileQql, parseQql } from '.'
import { parseSyntax } from './parser'

const user = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

function depthOf(node: ReturnType<typeof parseSyntax>['ast']): number {
  if (node === null || node.kind === 'clause') return 0
  if (node.kind === 'not') return 1 + depthOf(node.operand)
  return 1 + Math.max(...node.operands.map(depthOf))
}

describe('QQL tree depth', () => {
  it('refuses 500 NOTs with a clear error at the 51st (it used to reach ClickHouse and answer 500 TOO_DEEP_AST)', () => {
    const text = `${'NOT '.repeat(500)}name: x`
    const { errors } = parseQql(text, { entity: 'assets' })
    expect(errors[0]).toMatchObject({ message: '`NOT` and parentheses are nested too deeply (more than 50 levels) at 200', start: 200, end: text.length })
    expect(compileQql({ query: text, entity: 'assets', user }).ok).toBe(false)
  })

  it('refuses the 2,400 NOTs that validation used to call valid', () => {
    expect(parseQql(`${'NOT '.repeat(2400)}name: x`, { entity: 'assets' }).errors).toHaveLength(1)
  })

  it('accepts exactly 50 levels, of NOTs or of NOT and parentheses mixed', () => {
    for (const text of [`${'NOT '.repeat(50)}name: x`, `${'NOT ('.repeat(25)}name: x${')'.repeat(25)}`, `${'(NOT '.repeat(25)}name: x${')'.repeat(25)}`]) {
      const { ast, errors } = parseSyntax(text)
      expect(errors, text).toEqual([])
      expect(depthOf(ast)).toBeLessThanOrEqual(50)
      expect(compileQql({ query: text, entity: 'assets', user }).ok).toBe(true)
    }
  })

  it('refuses 51 levels however they are mixed: NOT inside parentheses inside NOT counts every level', () => {
    const mixes = [`${'NOT '.repeat(51)}name: x`, `${'NOT ('.repeat(25)}NOT name: x${')'.repeat(25)}`, `${'(NOT '.repeat(26)}name: x${')'.repeat(26)}`, `${'('.repeat(50)}NOT name: x${')'.repeat(50)}`]
    for (const text of mixes) expect(parseSyntax(text).errors[0]?.message, text).toMatch(/nested too deeply \(more than 50 levels\)/)
  })

  it('NOTs side by side are not nested: many short chains pass', () => {
    const text = Array.from({ length: 300 }, (_, index) => `NOT name: x${index}`).join(' AND ')
    expect(parseSyntax(text).errors).toEqual([])
  })
})
