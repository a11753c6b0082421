// Parser tests: structure and precedence, positions on every node, values as typed, and errors with positions.
import { describe, expect, it } from 'vitest'
import type { QqlNode, ValueNode } from './ast'
import { MAX_QUERY_LENGTH, parseSyntax } from './parser'

/** A compact, precedence-revealing form of a tree: `(and name:web (or a:1 b:2))`. */
function shape(node: QqlNode | null): string {
  if (node === null) return '∅'
  switch (node.kind) {
    case 'clause':
      return `${node.token.name}${node.operator.op}${valueShape(node.value)}`
    case 'not':
      return `(not ${shape(node.operand)})`
    case 'and':
    case 'or':
      return `(${node.kind} ${node.operands.map(shape).join(' ')})`
  }
}

function valueShape(value: ValueNode): string {
  switch (value.kind) {
    case 'scalar':
      return value.quote === 'double' ? `"${value.text}"` : value.quote === 'backtick' ? `\`${value.text}\`` : value.text
    case 'list':
      return `[${value.items.map(valueShape).join(',')}]`
    case 'range':
      return `${value.inclusive ? '[' : '('}${valueShape(value.low)}..${valueShape(value.high)}${value.inclusive ? ']' : ')'}`
  }
}

function parsed(text: string): string {
  const result = parseSyntax(text)
  expect(result.errors).toEqual([])
  return shape(result.ast)
}

describe('parseSyntax: structure and precedence', () => {
  it.each([
    ['', '∅'],
    ['   ', '∅'],
    ['name: web', 'name:web'],
    ['name:web', 'name:web'],
    ['name:web os:x', '(and name:web os:x)'],
    ['a:1 AND b:2 OR c:3', '(or (and a:1 b:2) c:3)'],
    ['a:1 OR b:2 AND c:3', '(or a:1 (and b:2 c:3))'],
    ['a:1 OR b:2 c:3', '(or a:1 (and b:2 c:3))'],
    ['(a:1 OR b:2) AND c:3', '(and (or a:1 b:2) c:3)'],
    ['NOT a:1 AND b:2', '(and (not a:1) b:2)'],
    ['NOT (a:1 OR b:2)', '(not (or a:1 b:2))'],
    ['NOT NOT a:1', '(not (not a:1))'],
    ['a:1 and b:2 Or c:3', '(or (and a:1 b:2) c:3)'],
    ['not a:1', '(not a:1)'],
    ['((a:1))', 'a:1'],
    ['count > 5', 'count>5'],
    ['count>=5 count<=6 count<1 count=2', '(and count>=5 count<=6 count<1 count=2)'],
    ['date > now-30d', 'date>now-30d'],
    ['at: 2026-01-31T10:00', 'at:2026-01-31T10:00'],
    ['ip: fe80::1', 'ip:fe80::1'],
    ['n: [1 .. 5]', 'n:[1..5]'],
    ['n: [1..5]', 'n:[1..5]'],
    ['n: (1 .. 5)', 'n:(1..5)'],
    ['d: [2026-01-01 .. now]', 'd:[2026-01-01..now]'],
    ['s: [Critical, Important]', 's:[Critical,Important]'],
    ['s: [one]', 's:[one]'],
    ['t: "a phrase"', 't:"a phrase"'],
    ['t: `exact value`', 't:`exact value`'],
    ['t: "say \\"hi\\""', 't:"say "hi""'],
    ['t: `back\\`tick`', 't:`back`tick`'],
    ['t: "and"', 't:"and"'],
    ['t: a\\ b', 't:a b'],
    ['patch.vendorSeverity: Critical', 'patch.vendorSeverity:Critical'],
    ['t: "x" AND u: `y`', '(and t:"x" u:`y`)'],
  ])('%s → %s', (text, expected) => {
    expect(parsed(text)).toBe(expected)
  })
})

describe('parseSyntax: positions', () => {
  it('puts spans on every node', () => {
    const text = 'name: "web" AND NOT (count > 5 OR tags: [a, b])'
    const { ast, errors } = parseSyntax(text)
    expect(errors).toEqual([])
    expect(ast).toMatchObject({ kind: 'and', start: 0, end: text.length })
    if (ast?.kind !== 'and') throw new Error('expected an AND')
    const [first, second] = ast.operands
    expect(first).toMatchObject({
      kind: 'clause',
      start: 0,
      end: 11,
      token: { name: 'name', start: 0, end: 4 },
      operator: { op: ':', start: 4, end: 5 },
      value: { kind: 'scalar', quote: 'double', text: 'web', start: 6, end: 11 },
    })
    expect(second).toMatchObject({ kind: 'not', start: 16, end: text.length })
    if (second.kind !== 'not') throw new Error('expected a NOT')
    expect(second.operand).toMatchObject({ kind: 'or', start: 20, end: text.length })
    const slice = (node: { start: number; end: number }) => text.slice(node.start, node.end)
    if (second.operand.kind !== 'or') throw new Error('expected an OR')
    const [count, tags] = second.operand.operands
    expect(slice(count)).toBe('count > 5')
    if (count.kind !== 'clause') throw new Error('expected a clause')
    expect(slice(count.operator)).toBe('>')
    expect(slice(count.value)).toBe('5')
    if (tags.kind !== 'clause' || tags.value.kind !== 'list') throw new Error('expected a list clause')
    expect(slice(tags.value)).toBe('[a, b]')
    expect(tags.value.items.map(slice)).toEqual(['a', 'b'])
  })

  it('records range bounds and wildcard pieces', () => {
    const { ast } = parseSyntax('n: (1 .. 20) AND name: we*b\\*x*')
    if (ast?.kind !== 'and') throw new Error('expected an AND')
    const [range, wildcard] = ast.operands
    expect(range).toMatchObject({ value: { kind: 'range', inclusive: false, start: 3, end: 12, low: { text: '1', start: 4 }, high: { text: '20', start: 9 } } })
    expect(wildcard).toMatchObject({ value: { text: 'we*b*x*', wildcardParts: ['we', 'b*x', ''] } })
  })

  it('keeps a stars inside quotes literal', () => {
    const { ast } = parseSyntax('name: "we*b"')
    expect(ast).toMatchObject({ value: { text: 'we*b', wildcardParts: null } })
  })
})

describe('parseSyntax: errors', () => {
  it.each([
    ['vendorSeverity: ', 'expected a value after `vendorSeverity:` at 16', 16, ['value']],
    ['vendorSeverity:', 'expected a value after `vendorSeverity:` at 15', 15, ['value']],
    ['count > ', 'expected a value after `count >` at 8', 8, ['value']],
    ['name: AND os: x', 'expected a value after `name:` at 6, found `AND` (to search for that word, write "AND")', 6, ['value']],
    ['name', 'expected an operator (: = > >= < <=) after `name` at 4', 4, [':', '=', '>', '>=', '<', '<=']],
    ['name web', 'expected an operator (: = > >= < <=) after `name` at 5, found `web`', 5, [':', '=', '>', '>=', '<', '<=']],
    ['a:1 AND', 'expected a condition after `AND` at 7', 7, ['token name', 'NOT', '(']],
    ['a:1 OR', 'expected a condition after `OR` at 6', 6, ['token name', 'NOT', '(']],
    ['NOT', 'expected a condition after `NOT` at 3', 3, ['token name', 'NOT', '(']],
    ['AND a:1', '`AND` needs a condition before it at 0', 0, undefined],
    ['OR a:1', '`OR` needs a condition before it at 0', 0, undefined],
    ['(a:1', 'expected `)` to close the `(` from 0 at 4', 4, [')']],
    ['a:1)', 'unexpected `)` with no `(` to close at 3', 3, undefined],
    ['()', 'expected a condition after `(` at 1, found `)`', 1, ['token name', 'NOT', '(']],
    ['name: "web', 'missing the closing " of the value that starts at 6', 6, ['"']],
    ['name: `web', 'missing the closing ` of the value that starts at 6', 6, ['`']],
    ['n: [1 .. ', 'expected a value after `n:` at 9', 9, ['value']],
    ['n: [1 .. 5', 'expected `]` at 10', 10, [']']],
    ['n: (1, 5)', 'expected `..` in the range at 5, found `,`', 5, ['..']],
    ['n: [1 2]', 'expected `,` or `]` at 6, found `2`', 6, [',', ']']],
    ['n: []', 'expected a value after `n:` at 4, found `]`', 4, ['value']],
    ['"free text"', 'expected a token name at 0, found a "phrase"', 0, undefined],
    [': x', 'expected a token name at 0, found `:`', 0, undefined],
  ])('%j → %s', (text, message, start, expected) => {
    const { errors } = parseSyntax(text)
    expect(errors[0]).toEqual({ message, start, end: expect.any(Number), ...(expected === undefined ? {} : { expected }) })
  })

  it('reports several errors in one pass and recovers after each', () => {
    const { errors } = parseSyntax('a: AND b > OR (c: [1 2] d:4')
    expect(errors.map((error) => error.start)).toEqual([3, 11, 21, 27])
    expect(errors.map((error) => error.message)).toEqual([
      'expected a value after `a:` at 3, found `AND` (to search for that word, write "AND")',
      'expected a value after `b >` at 11, found `OR` (to search for that word, write "OR")',
      'expected `,` or `]` at 21, found `2`',
      'expected `)` to close the `(` from 14 at 27',
    ])
  })

  it('reports one error per position', () => {
    const { errors } = parseSyntax('a:1 AND ]')
    expect(errors).toHaveLength(1)
  })

  it('limits nesting instead of overflowing the stack', () => {
    const { errors } = parseSyntax(`${'('.repeat(4000)}a:1${')'.repeat(4000)}`)
    expect(errors[0].message).toBe('parentheses are nested too deeply (more than 50 levels) at 50')
  })

  it('caps NOT chains like parentheses (the tree depth), without overflowing the stack (more in depth.test.ts)', () => {
    const { errors } = parseSyntax(`${'NOT '.repeat(2000)}a:1`)
    expect(errors[0].message).toBe('`NOT` and parentheses are nested too deeply (more than 50 levels) at 200')
  })

  it('refuses over-long queries', () => {
    const { errors } = parseSyntax(`name: ${'x'.repeat(MAX_QUERY_LENGTH)}`)
    expect(errors).toEqual([{ message: `the query is too long (${MAX_QUERY_LENGTH + 6} characters, at most ${MAX_QUERY_LENGTH}) at ${MAX_QUERY_LENGTH}`, start: MAX_QUERY_LENGTH, end: MAX_QUERY_LENGTH + 6 }])
  })

  it('caps the number of errors', () => {
    expect(parseSyntax(': '.repeat(500)).errors.length).toBe(20)
  })
})
