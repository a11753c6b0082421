// Vitest global setup: one data directory migrated before the files run (scripts/migrate.ts, in its own process); test/database.ts copies it per file instead of running every migration again.
// Every file's copy lives in the run's own temporary directory, removed when the run ends (the files' processes are gone by then).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template data directory. */
    migratedTemplate: string
    /** Where the files' data directories go (removed after the run). */
    testDataRoot: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-test-run-'))
  const dir = path.join(root, 'template')
  const env: NodeJS.ProcessEnv = { ...process.env, PATCHBOARD_DATA_DIR: dir }
  delete env.CLICKHOUSE_URL
  execFileSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/migrate.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  project.provide('migratedTemplate', dir)
  project.provide('testDataRoot', root)
  return () => fs.rmSync(root, { recursive: true, force: true })
}
