// Row counting of streamed HTTP chunks: a line break inside a quoted CSV value, or a chunk cut mid-row, ends no row.
import { describe, expect, it } from 'vitest'
import { countRowEnds } from './stream'

const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('countRowEnds', () => {
  it('CSV: line breaks inside quoted values are not row ends, across chunk boundaries too', () => {
    const state = { quoted: false }
    const chunks = ['"a","multi\r\nline', ' value"\r\n"b","x ""quoted"""\r\n"c"', ',"d"\r\n']
    expect(chunks.map((chunk) => countRowEnds(bytes(chunk), 'CSV', state))).toEqual([0, 2, 1])
    expect(state.quoted).toBe(false)
  })

  it('formats that escape line breaks: every LF ends a row', () => {
    expect(countRowEnds(bytes('["a\\nb",1]\n["c",2]\n["d"'), 'JSONCompactEachRow', { quoted: false })).toBe(2)
    expect(countRowEnds(bytes('a\\nb\t1\nc\t2\n'), 'TabSeparated', { quoted: false })).toBe(2)
  })
})
