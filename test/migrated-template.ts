// Vitest global setup: one data directory migrated before the files run (scripts/migrate.ts, in its own process); test/database.ts copies it per file instead of running every migration again.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template data directory. */
    migratedTemplate: string
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-template-'))
  const env: NodeJS.ProcessEnv = { ...process.env, PATCHBOARD_DATA_DIR: dir }
  delete env.CLICKHOUSE_URL
  execFileSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/migrate.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  project.provide('migratedTemplate', dir)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
