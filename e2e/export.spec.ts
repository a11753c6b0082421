// Export journey: an analyst filters Findings, exports XLSX as a background job (the direct-download limit is lowered for
// e2e in playwright.config.ts, and the job's file rate capped so it runs for a few seconds), watches the progress bar on
// My exports, and downloads a real XLSX holding exactly the filtered rows; Jobs and job-progress exports described in words.
import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import * as XLSX from '@e965/xlsx'
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { ExportDialog, ExportsPage } from './pages/exports-page'
import { ListPage } from './pages/list-page'
import { LoginPage } from './pages/login-page'

test.beforeEach(async ({ page }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  await expect(page).toHaveURL(/\/dashboards\//)
})

test('an analyst filters Findings, exports XLSX in the background, watches the progress, downloads it from My exports', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/findings')
  const list = new ListPage(page)
  await list.fill('status: Missing')
  await list.submit()
  await expect(page).toHaveURL(/q=status/)
  const listed = await list.total()

  const dialog = new ExportDialog(page)
  await dialog.open()
  await expect(dialog.summary).toContainText('Findings where status is Missing, in your tag scope')
  expect(await dialog.rows()).toBe(listed)
  await expect(dialog.dialog).toContainText('written in the background')
  await dialog.dialog.getByRole('checkbox', { name: 'Days missing' }).uncheck()
  await page.screenshot({ path: '/tmp/pb-export-dialog.png' })
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await dialog.chooseFormat('Excel (XLSX)')
  await dialog.startBackgroundExport()
  await dialog.openMyExports()

  const exportsPage = new ExportsPage(page)
  const row = exportsPage.newest()
  await expect(row).toContainText('Findings · XLSX')
  await expect(exportsPage.progressBar(row)).toBeVisible()
  await expect(row.getByTestId('export-progress-text')).toContainText(new RegExp(`(of|All) ${listed.toLocaleString('en')} rows`))
  await page.screenshot({ path: '/tmp/pb-export-running.png' })
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

  // The page polls while the job runs: it turns Ready without a reload.
  await expect(row).toContainText('Ready', { timeout: 90_000 })
  await page.screenshot({ path: '/tmp/pb-export-ready.png' })
  await page.setViewportSize({ width: 768, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
  await page.screenshot({ path: '/tmp/pb-export-ready-768.png' })
  const download = await exportsPage.download(row)
  expect(download.suggestedFilename()).toMatch(/^patchboard-findings-.*\.xlsx$/)
  const file = await download.path()
  const workbook = XLSX.read(fs.readFileSync(file))
  const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[workbook.SheetNames[0]], { header: 1 })
  const header = rows[0] as string[]
  expect(header).toContain('Status')
  expect(header).not.toContain('Days missing')
  expect(rows.length - 1).toBe(listed)
  const status = header.indexOf('Status')
  expect(rows.slice(1).every((values) => values[status] === 'Missing')).toBe(true)
})

test('My exports is in the navigation, and a small export downloads at once from the dialog', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My exports' }).click()
  await expect(page).toHaveURL(/\/exports$/)
  await expect(page.getByRole('heading', { name: 'My exports' })).toBeVisible()
  await page.goto('/assets?q=name%3A%20%22nothing-matches-this%22')
  const dialog = new ExportDialog(page)
  await dialog.open()
  await expect(dialog.summary).toContainText('0 rows')
  await dialog.chooseFormat('CSV')
  await expect(dialog.dialog.getByRole('checkbox', { name: /byte order mark/ })).toBeChecked()
  const downloading = page.waitForEvent('download')
  await dialog.dialog.getByRole('link', { name: 'Download CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^patchboard-assets-.*\.csv$/)
  const text = fs.readFileSync(await download.path(), 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  expect(text.trim().split(/\r?\n/)).toHaveLength(1)
})

test('My exports says in words what a Jobs export and a job-progress export hold, not their stored parameters', async ({ page }) => {
  await page.goto('/exports')
  const origin = new URL(page.url()).origin
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } })
  const created = await post('/api/v1/jobs', { basics: { name: 'Export description e2e', type: 'Install' }, targets: null, patches: null, schedule: null })
  expect(created.status(), await created.text()).toBe(200)
  const jobId = String(((await created.json()) as { id: string }).id)
  try {
    const jobs = await post('/api/v1/exports', { entity: 'jobs', format: 'csv', q: 'name: "Export description"', options: { type: 'Install', mine: '1' } })
    expect(jobs.status(), await jobs.text()).toBe(202)
    const progress = await post('/api/v1/exports', { entity: 'jobProgress', format: 'xlsx', options: { job: jobId, status: 'Failed' } })
    expect(progress.status(), await progress.text()).toBe(202)

    await page.reload()
    const exportsPage = new ExportsPage(page)
    const progressRow = exportsPage.newest()
    const jobsRow = exportsPage.table.locator('tbody tr').nth(1)
    await expect(progressRow).toContainText('Job progress: Export description e2e · XLSX')
    await expect(exportsPage.description(progressRow)).toHaveText('Latest run · Status: Failed')
    await expect(jobsRow).toContainText('Jobs · CSV')
    await expect(exportsPage.description(jobsRow)).toHaveText('Type: Install · Created by me · search “name: "Export description"”')
    await expect(exportsPage.table).not.toContainText(`job ${jobId}`)
    await page.screenshot({ path: 'test-results/my-exports-descriptions.png' })
  } finally {
    // The jobs specs start from an empty Jobs list.
    expect((await page.request.delete(`/api/v1/jobs/${jobId}`, { headers: { origin } })).status()).toBe(200)
  }
})
