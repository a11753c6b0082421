// The editor's QQL runs in the browser: browser.ts must reach no SQL compiler and no server code, however deep.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm

/** Every module `browser.ts` loads at run time (type-only imports are erased), as paths from the repository root. */
function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = [path.join(ROOT, entry)]
  while (pending.length > 0) {
    const file = pending.pop() as string
    const relative = path.relative(ROOT, file)
    if (files.has(relative)) continue
    files.add(relative)
    for (const [, typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly) continue
      if (!specifier.startsWith('.') && !specifier.startsWith('@/')) {
        packages.add(specifier)
        continue
      }
      const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(file), specifier)
      const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate))
      if (resolved === undefined) throw new Error(`cannot resolve ${specifier} from ${relative}`)
      pending.push(resolved)
    }
  }
  return { files, packages }
}

describe('lib/qql/browser.ts', () => {
  const { files, packages } = runtimeGraph('lib/qql/browser.ts')

  it('loads only QQL itself and the ingest schema its enum values come from', () => {
    for (const file of files) expect(file, file).toMatch(/^(lib\/qql\/|ingest\/schema\/)/)
    expect(files).not.toContain('lib/qql/compile.ts')
    expect(files).not.toContain('lib/qql/index.ts')
  })

  it('needs no package but zod', () => {
    expect([...packages].filter((name) => name !== 'zod')).toEqual([])
  })
})
