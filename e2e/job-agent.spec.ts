// The job loop in Chromium: a Patch User's enabled weekly job on three assets with two patches, Run now on the Jobs list,
// the demo agent (`agent:simulate --once`) against this server, the progress page's counts, donut, table and filters,
// an export of the run, and the assets' missing counts lower on Assets; axe-core and screenshots of the progress page.
import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { seriousViolations } from './pages/axe'
import { JobProgressPage } from './pages/job-progress-page'
import { JobsPage } from './pages/jobs-page'
import { signIn } from './pages/session'
import { UsersPage } from './pages/users-page'

const USER = { email: 'agent.user@e2e.test', name: 'Priya Patch', role: 'Patch User', tags: ['Site-Pune'], password: 'agent-e2e-password-1234' }
const JOB = 'Pune weekly browser patches'

test.describe.configure({ mode: 'serial' })

/** Serious and critical axe-core violations of the page as it is now, one readable line each. */

/** API calls from the signed-in page: same origin, as the CSRF check wants. */
async function call<T>(page: Page, method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
  const origin = new URL(page.url()).origin
  const response = method === 'get' ? await page.request.get(path) : await page.request.post(path, { data, headers: { origin } })
  expect(response.status(), await response.text()).toBeLessThan(400)
  return (await response.json()) as T
}

async function missingCounts(page: Page, ids: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const id of ids) counts[id] = (await call<{ missingCount: number }>(page, 'get', `/api/v1/assets/${encodeURIComponent(id)}`)).missingCount
  return counts
}

test('the admin creates a Patch User for Pune', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const users = new UsersPage(page)
  await users.open()
  await users.createUser(USER)
})

test('Run now, the demo agent, and the progress page shows the results; the missing counts drop on Assets', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, USER.email, USER.password)
  // Setup through the API: the two patches most Pune assets miss, and three assets missing the first of them.
  const patches = await call<{ rows: { id: string; title: string }[] }>(page, 'get', '/api/v1/patches?q=isSuperseded%3A%20false&sort=missing&dir=desc&pageSize=2')
  const patchIds = patches.rows.map((row) => row.id)
  const assets = await call<{ rows: { id: string; name: string }[] }>(page, 'get', `/api/v1/assets?q=${encodeURIComponent(`patch.id: \`${patchIds[0]}\` and patch.status: Missing`)}&sort=name&dir=asc&pageSize=3`)
  const assetIds = assets.rows.map((row) => row.id)
  expect(assetIds).toHaveLength(3)
  const job = await call<{ id: string }>(page, 'post', '/api/v1/jobs', {
    basics: { name: JOB, type: 'Install' },
    targets: { assetIds },
    patches: { mode: 'list', patchIds },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'] }, timeZone: 'Asia/Kolkata' },
  })
  await call(page, 'post', `/api/v1/jobs/${job.id}/enable`)
  const before = await missingCounts(page, assetIds)

  const jobs = new JobsPage(page)
  await jobs.open()
  await (await jobs.openActions(JOB)).getByRole('menuitem', { name: 'Run now' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${JOB} runs now.` })).toBeVisible()

  // Before the agents report: every asset waits.
  await page.goto(`/jobs/${job.id}/progress`)
  const progress = new JobProgressPage(page)
  await progress.expectLoaded(JOB)
  await expect(progress.figure('total')).toHaveText('3')
  await expect(progress.figure('percent')).toHaveText('0%')
  await expect(page.getByText('In progress: updates every 5 s.')).toBeVisible()

  // The demo agent plays these three assets once, against this server, with the key the first start saved.
  const output = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/agent-simulate.ts', '--once', '--seed', '2', '--url', new URL(page.url()).origin, '--assets', assetIds.join(',')], {
    env: { ...process.env, PATCHBOARD_DATA_DIR: process.env.PB_E2E_DATA_DIR },
    encoding: 'utf8',
  })
  expect(output).toContain('3 run(s) worked on')
  expect(output).toContain('3 new scan(s) sent')

  // Auto-refresh picks the results up without a reload.
  await expect(progress.figure('percent')).toHaveText('100%', { timeout: 15_000 })
  await expect(page.getByText('Every asset of this run has finished.')).toBeVisible()
  await expect(progress.rows()).toHaveCount(3)
  await expect(progress.chart).toBeVisible()
  await expect(progress.chart.locator('svg')).toBeVisible()
  const view = await call<{ assets: { rows: { assetId: string; assetName: string; status: string; patches: { id: string; status: string }[] }[] }; failed: number }>(
    page, 'get', `/api/v1/jobs/${job.id}/progress`,
  )
  await expect(progress.figure('failed')).toHaveText(String(view.failed))
  for (const row of view.assets.rows) await expect(progress.row(row.assetName)).toContainText(row.status)
  const first = view.assets.rows[0]
  const outcomes = await progress.expandOutcomes(first.assetName)
  await expect(outcomes).toHaveCount(first.patches.length)
  await page.screenshot({ path: 'test-results/job-progress-done.png', fullPage: true })
  expect(await seriousViolations(page), 'progress page (light)').toEqual([])

  // The status filter narrows the table to that status.
  await progress.filterStatus(new RegExp(`^${first.status} \\(`))
  await expect(page).toHaveURL(/status=/)
  await expect(progress.rows()).toHaveCount(view.assets.rows.filter((row) => row.status === first.status).length)

  // Export: the dialog counts asset × patch rows of the run.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export job progress' })
  await expect(dialog.getByTestId('export-summary')).toContainText('rows')
  await page.screenshot({ path: 'test-results/job-progress-export.png' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // The installs show on Assets: each asset misses as many fewer patches as it installed.
  const after = await missingCounts(page, assetIds)
  const installed = (assetId: string) => view.assets.rows.find((row) => row.assetId === assetId)!.patches.filter((patch) => patch.status === 'Installed').length
  expect(assetIds.reduce((sum, id) => sum + installed(id), 0)).toBeGreaterThan(0)
  for (const id of assetIds) expect(after[id], id).toBe(before[id] - installed(id))
  await page.goto(`/assets?q=${encodeURIComponent(`id: [${assetIds.map((id) => `\`${id}\``).join(', ')}]`)}`)
  const table = page.getByRole('table', { name: 'Assets' })
  for (const row of assets.rows) await expect(table.locator('tbody tr').filter({ hasText: row.name })).toContainText(String(after[row.id]))
  await page.screenshot({ path: 'test-results/job-agent-assets.png', fullPage: true })

  // Dark theme and a 768 px tablet.
  await page.goto(`/jobs/${job.id}/progress`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'test-results/job-progress-dark.png', fullPage: true })
  expect(await seriousViolations(page), 'progress page (dark)').toEqual([])
  await page.setViewportSize({ width: 768, height: 1000 })
  await page.screenshot({ path: 'test-results/job-progress-768.png', fullPage: true })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
})
