// Colours live in the token sheet only: a hex colour anywhere else in the UI (styles or components) fails here, naming the file and line.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const TOKEN_SHEET = path.join('app', 'styles', 'tokens.css')
const HEX_COLOUR = /(?<![\w&/])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])/

function uiFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return uiFiles(relative)
    return /\.(css|tsx|ts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : []
  })
}

describe('design tokens', () => {
  it('has no hex colour outside app/styles/tokens.css', () => {
    const offenders = ['app', 'components']
      .flatMap(uiFiles)
      .filter((file) => file !== TOKEN_SHEET)
      .flatMap((file) =>
        fs
          .readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (HEX_COLOUR.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      )
    expect(offenders).toEqual([])
  })

  it('defines every colour token for both themes (light-dark pairs) or once for both', () => {
    const sheet = fs.readFileSync(path.join(root, TOKEN_SHEET), 'utf8')
    const colourLines = sheet.split('\n').filter((line) => HEX_COLOUR.test(line))
    expect(colourLines.length).toBeGreaterThan(40)
    for (const line of colourLines) expect(line).toMatch(/^\s+--[\w-]+: .+;$/)
  })
})
