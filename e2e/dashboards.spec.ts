// Dashboards in Chromium: the default dashboard for the admin, drag and resize kept after reload, drill-down totals, a
// dashboard filter changing every widget, a Reader without edit controls (and 403 from the edit API), the PDF download.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { DashboardPage, type WidgetResultJson } from './pages/dashboard-page'
import { signIn } from './pages/session'

test.describe.configure({ mode: 'serial' })

/** Signing in lands on the home dashboard itself (by id), not on the list. */
const HOME_DASHBOARD = /\/dashboards\/[0-9a-f-]{36}/

const DEFAULT_TITLES = [
  'Assets missing critical patches',
  'Missing vs installed',
  'Missing by vendor severity',
  'Patch compliance (30 days)',
  'Assets by operating system',
  'Top 10 missing patches by affected assets',
  'Time to patch by severity (90 days)',
  'Patches published vs installed per Patch Tuesday',
  'Failed patch installs (30 days)',
]

/** A demo user's password, as the first start saved it (email and password lines in data/initial-admin-password). */
function demoPassword(email: string): string {
  const lines = fs.readFileSync(path.join(process.env.PB_E2E_DATA_DIR!, 'initial-admin-password'), 'utf8').split('\n')
  const index = lines.indexOf(email)
  expect(index, `${email} in the initial password file`).toBeGreaterThanOrEqual(0)
  return lines[index + 1]
}

const digits = (text: string) => Number(text.replace(/[^0-9]/g, ''))

test('the admin lands on the default Patch Management dashboard with every widget drawn, in both themes and at 768 px', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const dashboard = new DashboardPage(page)
  await dashboard.waitReady()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Patch Management')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toHaveText('Dashboards')
  await expect(dashboard.cards).toHaveCount(DEFAULT_TITLES.length)
  for (const title of DEFAULT_TITLES) {
    const card = dashboard.card(title)
    await expect(card).toHaveCount(1)
    await expect(card).not.toHaveAttribute('data-state', /loading|problem/)
  }
  await expect(dashboard.card('Assets missing critical patches').getByTestId('count-value')).toHaveText(/\d+(\.\d)? %/)
  await expect(dashboard.card('Missing by vendor severity').locator('.widget-chart svg')).toBeVisible()
  await expect(page.getByTestId('data-freshness')).toContainText('Newest scan')
  await page.screenshot({ path: '/tmp/pb-dash-light-1280.png', fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  await dashboard.waitReady()
  await page.screenshot({ path: '/tmp/pb-dash-dark-1280.png', fullPage: true })
  await page.setViewportSize({ width: 768, height: 1024 })
  await page.reload()
  await dashboard.waitReady()
  await expect(dashboard.grid).toHaveAttribute('data-breakpoint', 'md')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
  await page.screenshot({ path: '/tmp/pb-dash-dark-768.png', fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.reload()
  await dashboard.waitReady()
  await page.screenshot({ path: '/tmp/pb-dash-light-768.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByRole('link', { name: 'Dashboards', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible()
  await page.getByRole('tab', { name: /^All/ }).click()
  await expect(page.getByRole('table', { name: 'All dashboards' })).toContainText('Patch Management')
  await page.screenshot({ path: '/tmp/pb-dash-list.png', fullPage: true })
})

test('an author drags and resizes widgets of their copy of the dashboard, saves, reloads and finds the layout kept', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const defaultId = /\/dashboards\/([0-9a-f-]{36})/.exec(page.url())![1]
  const copy = await page.request.post(`/api/v1/dashboards/${defaultId}/duplicate`, { data: { name: 'My layout' }, headers: { origin: new URL(page.url()).origin } })
  expect(copy.status()).toBe(200)
  const { id } = (await copy.json()) as { id: string }
  const dashboard = new DashboardPage(page)
  await dashboard.open(`/dashboards/${id}`)
  await page.setViewportSize({ width: 1280, height: 1800 })
  await dashboard.startEditing()
  const resizedBefore = await dashboard.cellBox('Assets missing critical patches')
  await dashboard.resize('Assets missing critical patches', 180, 90)
  const movedBefore = await dashboard.cellBox('Missing by vendor severity')
  // Six columns to the left: it takes the top left corner, and the cards there make way.
  await dashboard.drag('Missing by vendor severity', -movedBefore.x, 0)
  const edited = { moved: await dashboard.cellBox('Missing by vendor severity'), resized: await dashboard.cellBox('Assets missing critical patches') }
  expect(edited.moved.x).toBeLessThan(movedBefore.x - 300)
  expect(edited.resized.width).toBeGreaterThan(resizedBefore.width + 100)
  expect(edited.resized.height).toBeGreaterThan(resizedBefore.height + 50)
  await page.screenshot({ path: '/tmp/pb-dash-editing.png', fullPage: true })
  await dashboard.save()

  await page.reload()
  await dashboard.waitReady()
  const after = { moved: await dashboard.cellBox('Missing by vendor severity'), resized: await dashboard.cellBox('Assets missing critical patches') }
  for (const key of ['moved', 'resized'] as const) {
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(after[key][side] - edited[key][side]), `${key} ${side}`).toBeLessThan(2)
  }
  await expect(page.getByRole('button', { name: 'Edit layout' })).toBeVisible()
})

test('a bar drills down to the Findings list filtered to it, whose total is the bar’s number', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const dashboard = new DashboardPage(page)
  await dashboard.waitReady()
  const bars = await dashboard.bars('Missing by vendor severity')
  expect(bars.length).toBeGreaterThan(0)
  await page.mouse.move(bars[0].x, bars[0].y)
  const tooltip = dashboard.card('Missing by vendor severity').locator('.widget-tooltip')
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText(/\d/)
  const text = (await tooltip.innerText()).trim()
  const severity = text.split('\n')[0].trim()
  const value = digits(/([\d,]+)\s*$/.exec(text)![1])
  expect(value).toBeGreaterThan(0)
  await page.mouse.click(bars[0].x, bars[0].y)
  await expect(page).toHaveURL(/\/findings\?q=/)
  const query = new URL(page.url()).searchParams.get('q')!
  expect(query).toContain('status: Missing')
  expect(query).toContain(`patch.vendorSeverity: \`${severity}\``)
  await expect(page.getByTestId('table-count')).toContainText('findings')
  const count = await page.getByTestId('table-count').innerText()
  expect(digits(/of ([\d,]+)/.exec(count)![1])).toBe(value)
  await page.screenshot({ path: '/tmp/pb-dash-drill-down.png', fullPage: true })
})

test('a dashboard filter changes every widget and stays in the URL', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const dashboard = new DashboardPage(page)
  // Settled first: an answer of the sign-in's own load must not be taken for the reload's.
  await dashboard.waitReady()
  const unfiltered = await dashboard.dataAfter(() => page.reload())
  await dashboard.waitReady()
  const filtered = await dashboard.dataAfter(() => dashboard.pickTag('Site-Berlin'))
  await dashboard.waitReady()
  expect(page.url()).toContain('tags=Site-Berlin')
  for (const before of unfiltered.results) {
    const after = filtered.results.find((result) => result.widgetId === before.widgetId)!
    expect(after.status).toBe('ok')
    // A widget with no data at all (e.g. no failed installs in this small estate) has nothing to change.
    if ((before.rows ?? []).length > 0) expect(JSON.stringify(after.rows), `widget ${before.widgetId}`).not.toBe(JSON.stringify(before.rows))
  }
  const byQuery = await dashboard.dataAfter(async () => {
    await dashboard.setFilterQuery('osFamily: Windows')
    await dashboard.applyFilters()
  })
  expect(page.url()).toContain('filters=osFamily')
  expect(byQuery.results.every((result) => result.status === 'ok')).toBe(true)
  await dashboard.waitReady()
  await page.screenshot({ path: '/tmp/pb-dash-filtered.png', fullPage: true })
  // The URL alone reopens the filtered dashboard.
  const shared = await dashboard.dataAfter(() => page.goto(page.url()))
  const numbers = (results: WidgetResultJson[]) => results.map(({ widgetId, status, rows }) => ({ widgetId, status, rows }))
  expect(numbers(shared.results)).toEqual(numbers(byQuery.results))
  await expect(page.getByText('Site-Berlin').first()).toBeVisible()
})

test('a Reader sees the dashboard without edit controls, and the edit API refuses them', async ({ browser, baseURL }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'reader@patchboard.local', demoPassword('reader@patchboard.local'), HOME_DASHBOARD)
  const dashboard = new DashboardPage(page)
  await dashboard.waitReady()
  await expect(dashboard.cards).toHaveCount(DEFAULT_TITLES.length)
  await expect(page.getByRole('button', { name: 'Edit layout' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Widget actions/ })).toHaveCount(0)
  await dashboard.openMenu()
  await expect(page.getByRole('menuitem', { name: 'Download PDF' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  const id = /\/dashboards\/([0-9a-f-]{36})/.exec(page.url())![1]
  const view = await (await page.request.get(`/api/v1/dashboards/${id}`)).json()
  const save = await page.request.put(`/api/v1/dashboards/${id}`, { data: { revision: view.revision, definition: view.definition }, headers: { origin: baseURL! } })
  expect(save.status()).toBe(403)
  expect(((await save.json()) as { error: { code: string } }).error.code).not.toBe('CSRF_REJECTED')
  const remove = await page.request.delete(`/api/v1/dashboards/${id}`, { headers: { origin: baseURL! } })
  expect(remove.status()).toBe(403)
  await page.screenshot({ path: '/tmp/pb-dash-reader.png', fullPage: true })
  await context.close()
})

test('an admin downloads the dashboard as a PDF; the print layout has no chrome', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const dashboard = new DashboardPage(page)
  await dashboard.waitReady()
  const url = page.url()
  await dashboard.openMenu()
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await page.getByRole('menuitem', { name: 'Download PDF' }).click()
  const file = await (await download).path()
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  await dashboard.open(`${url}?print=1`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCount(0)
  await page.screenshot({ path: '/tmp/pb-dash-print.png', fullPage: true })
})
