// The widget builder in Chromium: a Dashboard Author creates a dashboard, builds a bar widget from a QQL query with a live
// preview on real data, saves it and finds it on the grid, adds a library widget with one click; the admin opens the demo's
// token-version-1 dashboard, sees the broken widgets named, rebuilds them with the diff shown, and they render; a dashboard
// exported to JSON imports back as a new dashboard with a report.
import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { DashboardPage } from './pages/dashboard-page'
import { signIn } from './pages/session'
import { ImportDashboard, RebuildDialogPage, WidgetBuilder, WidgetLibrary } from './pages/widget-builder'

test.describe.configure({ mode: 'serial' })

const AUTHOR = 'author@patchboard.local'
const LEGACY_NAME = 'Legacy (v1) — needs rebuild'

/** A demo user's password, as the first start saved it (email and password lines in data/initial-admin-password). */
function demoPassword(email: string): string {
  const lines = fs.readFileSync(path.join(process.env.PB_E2E_DATA_DIR!, 'initial-admin-password'), 'utf8').split('\n')
  return lines[lines.indexOf(email) + 1]
}

/** Serious or critical axe-core violations inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`)
}

async function dashboardIdNamed(page: Page, name: string): Promise<string> {
  const list = (await (await page.request.get('/api/v1/dashboards')).json()) as { dashboards: { id: string; name: string }[] }
  const found = list.dashboards.find((dashboard) => dashboard.name === name)
  expect(found, `dashboard ${name}`).toBeDefined()
  return found!.id
}

test('a Dashboard Author builds a bar widget with a live preview, saves it, and adds a library widget with one click', async ({ page }) => {
  await signIn(page, AUTHOR, demoPassword(AUTHOR))
  await page.goto('/dashboards')
  await page.getByRole('button', { name: 'New dashboard' }).click()
  await page.getByRole('dialog', { name: 'Create dashboard' }).getByLabel('Name').fill('Builder e2e')
  await page.getByRole('dialog', { name: 'Create dashboard' }).getByRole('button', { name: 'Create dashboard' }).click()
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/)
  const dashboard = new DashboardPage(page)
  await dashboard.startEditing()

  await page.getByRole('button', { name: 'Add widget', exact: true }).click()
  const builder = new WidgetBuilder(page)
  await expect(builder.dialog).toBeVisible()
  await builder.chooseType('Bar / column')
  await builder.chooseEntity('Findings')
  await builder.setQuery('status: Missing AND patch.vendorSeverity: [Critical, Important, Moderate]')
  await builder.groupBy('patch.vendorSeverity')
  // No title yet: the form says so at the field, and nothing is added.
  await builder.dialog.getByRole('button', { name: 'Add widget' }).click()
  await expect(builder.dialog.getByText('a widget needs a title', { exact: true })).toBeVisible()
  await builder.setTitle('Missing by severity (builder)')
  const previewed = page.waitForRequest((request) => request.url().endsWith('/api/v1/widgets/preview'))
  const points = await builder.expectChartPreview()
  expect(points).toBeGreaterThanOrEqual(1)
  expect(points).toBeLessThanOrEqual(3)
  expect(JSON.parse((await previewed).postData() ?? '{}').widget).toMatchObject({ type: 'bar', entity: 'findings', groupBy: { token: 'patch.vendorSeverity' } })
  await page.screenshot({ path: 'test-results/widget-builder-light.png' })
  expect(await dialogViolations(page), 'builder (light)').toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  await builder.expectChartPreview()
  await page.screenshot({ path: 'test-results/widget-builder-dark.png' })
  expect(await dialogViolations(page), 'builder (dark)').toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 768, height: 1000 })
  await builder.expectChartPreview()
  await page.screenshot({ path: 'test-results/widget-builder-768.png' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await builder.save()
  await expect(dashboard.card('Missing by severity (builder)')).toHaveCount(1)

  await page.getByRole('button', { name: 'Widget library', exact: true }).click()
  await page.screenshot({ path: 'test-results/widget-library.png' })
  expect(await dialogViolations(page), 'widget library').toEqual([])
  await new WidgetLibrary(page).add('Top CVEs by affected assets')
  await expect(dashboard.card('Top CVEs by affected assets')).toHaveCount(1)
  await dashboard.save()

  await page.reload()
  await dashboard.waitReady()
  await expect(dashboard.cards).toHaveCount(2)
  await expect(dashboard.card('Missing by severity (builder)').locator('.widget-chart svg')).toBeVisible()
  await expect(dashboard.card('Top CVEs by affected assets')).not.toHaveAttribute('data-state', /loading|problem/)
})

test('the demo token-version-1 dashboard names its broken widgets; Rebuild shows the diff, saves, and they render', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const id = await dashboardIdNamed(page, LEGACY_NAME)
  const dashboard = new DashboardPage(page)
  await dashboard.open(`/dashboards/${id}`)
  const severity = dashboard.card('Missing by severity')
  await expect(severity).toHaveAttribute('data-state', 'problem')
  await expect(severity.getByTestId('widget-problem')).toContainText('patch.severity')
  await expect(dashboard.card('Missing update rollups').getByTestId('widget-problem')).toContainText('patch.isRollup')

  await dashboard.openMenu()
  await page.getByRole('menuitem', { name: 'Rebuild widgets…' }).click()
  const rebuild = new RebuildDialogPage(page)
  const line = rebuild.line('Missing by severity')
  await expect(line).toHaveAccessibleName('Missing by severity: Rebuilt')
  await expect(line.getByLabel('Missing by severity: query before').locator('del')).toHaveText('asset.os:')
  await expect(line.getByLabel('Missing by severity: query after').locator('ins')).toHaveText('asset.operatingSystem:')
  await expect(rebuild.line('Missing update rollups')).toContainText('write category: "Update Rollups" instead')
  await page.screenshot({ path: 'test-results/rebuild-diff.png' })
  expect(await dialogViolations(page), 'rebuild dialog').toEqual([])
  await rebuild.rebuildAndSave()
  await rebuild.close()

  await dashboard.waitReady()
  for (const title of ['Windows Server assets', 'Missing by severity', 'Missing patches that are not the latest']) {
    await expect(dashboard.card(title)).not.toHaveAttribute('data-state', /loading|problem/)
  }
  await expect(severity.locator('.widget-chart svg')).toBeVisible()
  // The removed token cannot be rewritten: that widget keeps saying why.
  await expect(dashboard.card('Missing update rollups')).toHaveAttribute('data-state', 'problem')

  // "Rebuild all dashboards" (Administrators, on the list) now finds only that widget, and nothing to save.
  await page.goto('/dashboards')
  await page.getByRole('button', { name: 'Rebuild all dashboards' }).click()
  const all = page.getByRole('dialog', { name: 'Rebuild all dashboards' })
  await expect(all.getByRole('region', { name: LEGACY_NAME }).getByRole('listitem', { name: 'Missing update rollups: Not rebuildable' })).toBeVisible()
  await expect(all.getByRole('listitem', { name: 'Missing by severity: Unchanged' })).toBeVisible()
  await expect(all.getByRole('button', { name: 'Rebuild and save all' })).toBeDisabled()
})

test('a dashboard exported to JSON imports back as a new dashboard, with a report', async ({ page }, testInfo) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const id = await dashboardIdNamed(page, 'Patch Management')
  const dashboard = new DashboardPage(page)
  await dashboard.open(`/dashboards/${id}`)
  await dashboard.openMenu()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'Export JSON' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('patch-management.dashboard.json')
  const file = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ $patchboardDashboard: true, fileVersion: 3, dashboard: { name: 'Patch Management' } })

  await page.goto('/dashboards')
  const report = await new ImportDashboard(page).importFile(file)
  await expect(report.getByRole('heading')).toHaveText('Dashboard imported')
  await expect(report).toContainText('with 9 widgets (new ids)')
  await expect(report).toContainText('Nothing was left out.')
  await report.getByRole('link', { name: 'Open Patch Management' }).click()
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/)
  expect(page.url()).not.toContain(id)
  await dashboard.waitReady()
  await expect(dashboard.cards).toHaveCount(9)

  // A file that is not a dashboard export is refused with the reason.
  const bogus = testInfo.outputPath('not-a-dashboard.json')
  fs.writeFileSync(bogus, JSON.stringify({ name: 'x' }))
  await page.goto('/dashboards')
  const refused = await new ImportDashboard(page).importFile(bogus)
  await expect(refused.getByRole('heading')).toHaveText('Import refused')
  await expect(refused.getByRole('alert')).toContainText('Cannot import this file')
})
