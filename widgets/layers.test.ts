// The widget layers in eslint.config.mjs: components may use the browser-safe widget modules, never the SQL builders or
// the execution; browser-safe widget modules stay free of server code; lib outside lib/dashboards cannot reach widgets.
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: ROOT })

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return result.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message)
}

describe('widget layers', () => {
  it.each([
    ['a component importing a widget query builder', 'components/LintFixture.tsx', "import { barQuery } from '@/widgets/bar/query'\nexport const f = barQuery\n"],
    ['a component importing the dashboard execution', 'components/LintFixture.tsx', "import { runWidgets } from '@/lib/dashboards/run'\nexport const f = runWidgets\n"],
    ['a browser-safe widget module importing a repository', 'widgets/present.ts', "import { listAssets } from '@/lib/repositories/assets'\nexport const f = listAssets\n"],
    ['a service importing widgets', 'lib/services/lint-fixture.ts', "import { planWidget } from '@/widgets/build'\nexport const f = planWidget\n"],
  ])('fails on %s', async (_what, file, code) => {
    expect(await errorsFor(file, code)).toContain('boundaries/dependencies')
  })

  it.each([
    ['a component importing option builders, drill-down and ECharts', 'components/LintFixture.tsx', "import { presentWidget } from '@/widgets/present'\nimport { drillDown } from '@/widgets/drill-down'\nimport { echarts } from '@/widgets/echarts'\nexport const f = [presentWidget, drillDown, echarts]\n"],
    ['the dashboard execution importing widgets and repositories', 'lib/dashboards/lint-fixture.ts', "import { planWidget } from '@/widgets/build'\nimport { queryWidgetBranches } from '@/lib/repositories/widget-data'\nexport const f = [planWidget, queryWidgetBranches]\n"],
    ['SQL in a widget query builder', 'widgets/bar/query.ts', "export const sql = 'SELECT 1'\n"],
  ])('passes %s', async (_what, file, code) => {
    expect(await errorsFor(file, code)).toEqual([])
  })

  it('refuses SQL in the dashboard execution and in browser-safe widget modules', async () => {
    expect(await errorsFor('lib/dashboards/lint-fixture.ts', "export const sql = 'SELECT 1'\n")).toContain('no-restricted-syntax')
    expect(await errorsFor('widgets/present.ts', "export const sql = 'SELECT 1'\n")).toContain('no-restricted-syntax')
  })
})
