// Vitest: unit (*.test.ts), component (*.test.tsx, jsdom per file via its docblock) and embedded-engine integration (*.int.test.ts) tests, one process per file.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'data/**'],
    // The embedded engine binds one data directory per process: each test file gets its own process.
    pool: 'forks',
    isolate: true,
    // Vitest's default for `run` is one worker fewer than the cores: one file at a time on a 2-core machine. The files
    // mostly wait on the engine, so one per core runs the suite in ~217 s instead of ~350 s there.
    maxWorkers: '100%',
    // Migrates one data directory before the files run; each integration file starts from a copy of it (test/database.ts).
    globalSetup: ['test/migrated-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
