// The layer and SQL-placement rules of eslint.config.mjs: fixture files with a reversed import or SQL in the wrong
// place fail lint, and the allowed directions pass (run through ESLint's Node API, as `npm run lint` runs it).
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: ROOT })

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the repository root). */
async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message)
}

const LAYERS = 'boundaries/dependencies'
const SQL = 'no-restricted-syntax'

describe('import layers: app → components/widgets → lib/ingest → clickhouse', () => {
  it.each([
    ['a component importing a repository', 'components/LintFixture.tsx', "import { listAssets } from '@/lib/repositories/assets'\nexport const f = listAssets\n"],
    ['a component importing a service', 'components/LintFixture.tsx', "import { fetchAssetPage } from '@/lib/services/lists'\nexport const f = fetchAssetPage\n"],
    ['a component importing even a type from clickhouse/', 'components/LintFixture.tsx', "import type { Database } from '@/clickhouse/client'\nexport type D = Database\n"],
    ['lib importing a component', 'lib/services/lint-fixture.ts', "import type { QuickFilter } from '@/lib/services/quick-filters'\nimport { QuickFilters } from '@/components/search/QuickFilters'\nexport const f: [typeof QuickFilters, QuickFilter?] = [QuickFilters]\n"],
    ['lib importing a page', 'lib/services/lint-fixture.ts', "import Page from '@/app/(app)/assets/page'\nexport const f = Page\n"],
    ['ingest importing a component', 'ingest/lint-fixture.ts', "import { DataGrid } from '@/components/ui/grid/DataGrid'\nexport const f = DataGrid\n"],
    ['QQL importing auth (it must run in the browser)', 'lib/qql/lint-fixture.ts', "import type { TagScope } from '@/lib/auth/user'\nexport type S = TagScope\n"],
    ['clickhouse/ importing lib', 'clickhouse/lint-fixture.ts', "import { listAssets } from '@/lib/repositories/assets'\nexport const f = listAssets\n"],
    ['a repository importing a service', 'lib/repositories/lint-fixture.ts', "import { fetchAssetPage } from '@/lib/services/lists'\nexport const f = fetchAssetPage\n"],
    ['lib importing a file that belongs to no layer', 'lib/services/lint-fixture.ts', "import config from '@/playwright.config'\nexport const f = config\n"],
    ['lib re-exporting a component', 'lib/services/lint-fixture.ts', "export { DataGrid } from '@/components/ui/grid/DataGrid'\n"],
    ['a component loading a repository with import()', 'components/LintFixture.tsx', "export const load = () => import('@/lib/repositories/assets')\n"],
  ])('fails on %s', async (_what, file, code) => {
    expect(await ruleIdsFor(file, code)).toContain(LAYERS)
  })

  it.each([
    ['a page importing a component, a service and the database', 'app/(app)/lint-fixture/page.tsx', "import { DataGrid } from '@/components/ui/grid/DataGrid'\nimport { fetchAssetPage } from '@/lib/services/lists'\nimport { getDatabase } from '@/clickhouse/client'\nexport const f = [DataGrid, fetchAssetPage, getDatabase]\n"],
    ['a component importing QQL and a service response type', 'components/LintFixture.tsx', "import { explainQql } from '@/lib/qql'\nimport type { SearchResult } from '@/lib/services/search'\nexport const f: [typeof explainQql, SearchResult?] = [explainQql]\n"],
    ['a service importing a repository and the database', 'lib/services/lint-fixture.ts', "import { listAssets } from '@/lib/repositories/assets'\nimport type { Database } from '@/clickhouse/client'\nexport const f: [typeof listAssets, Database?] = [listAssets]\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await ruleIdsFor(file, code)).toEqual([])
  })
})

describe('browser code loads no server-only package', () => {
  it.each([
    ['a component', 'components/LintFixture.tsx', "import { createClient } from '@clickhouse/client'\nexport const f = createClient\n"],
    ['QQL', 'lib/qql/lint-fixture.ts', "import fs from 'node:fs'\nexport const f = fs\n"],
    ['a browser-safe schema', 'lib/schemas/lint-fixture.ts', "import { createChdbConnection } from 'chdb/connection'\nexport const f = createChdbConnection\n"],
  ])('fails on %s importing one', async (_what, file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports')
  })

  it('allows a repository to use the database client', async () => {
    expect(await ruleIdsFor('lib/repositories/lint-fixture.ts', "import { createClient } from '@clickhouse/client'\nexport const f = createClient\n")).toEqual([])
  })
})

describe('SQL only in lib/repositories, lib/qql, widgets/*/query.ts, ingest/ writers and clickhouse/', () => {
  const query = 'export const sql = `SELECT name FROM assets WHERE asset_id = {id:String}`\n'

  it.each([
    ['a component', 'components/LintFixture.tsx', query],
    ['a service', 'lib/services/lint-fixture.ts', query],
    ['a route', 'app/api/v1/lint-fixture/route.ts', "export const sql = 'INSERT INTO audit_log VALUES'\n"],
    ['a script', 'scripts/lint-fixture.ts', "export const sql = 'ALTER TABLE assets DELETE WHERE 1'\n"],
  ])('fails on SQL in %s', async (_what, file, code) => {
    expect(await ruleIdsFor(file, code)).toContain(SQL)
  })

  it.each([
    ['a repository', 'lib/repositories/lint-fixture.ts'],
    ['the QQL compiler', 'lib/qql/lint-fixture.ts'],
    ['a widget query', 'widgets/lint-fixture/query.ts'],
    ['an ingest writer', 'ingest/lint-fixture-writer.ts'],
    ['clickhouse/', 'clickhouse/lint-fixture.ts'],
  ])('allows SQL in %s', async (_what, file) => {
    expect(await ruleIdsFor(file, query)).toEqual([])
  })

  it('does not mistake interface text for SQL', async () => {
    expect(await ruleIdsFor('components/LintFixture.tsx', "export const label = 'Select the assets to export'\n")).toEqual([])
  })
})
