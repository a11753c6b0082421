// A count widget's comparison in Chromium: an author builds a count of missing findings compared with 7 days ago, sees the
// change in the live preview, marks an increase as good news, saves, reloads, and the card shows the change in the colour
// that follows from it. The dashboard is the spec's own and is deleted at the end.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import type { DashboardDefinition } from '../widgets/dashboard'
import { DashboardPage } from './pages/dashboard-page'
import { signIn } from './pages/session'
import { WidgetBuilder } from './pages/widget-builder'

const HOME_DASHBOARD = /\/dashboards\/[0-9a-f-]{36}/
const TITLE = 'Missing findings vs a week ago'
/** The comparison's line: "▲ +12 (+4.5 %) vs 7 days ago", "0 vs 7 days ago", or no value to compare with. */
const COMPARISON = /^((▲ |▼ )?[+-]?[\d,.]+( \([+-]?[\d,.]+ %\))? vs 7 days ago|no earlier value)$/
/** An increase is good: up is green, down red; no change (or nothing to compare with) keeps the text colour. */
const COLOUR_WITH_INCREASE_GOOD: Record<string, string> = { up: 'var(--success)', down: 'var(--danger)' }

test('an author compares a count with 7 days ago, marks an increase as good, and the saved card shows the change', async ({ page, baseURL }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  await page.goto('/dashboards')
  await page.getByRole('button', { name: 'New dashboard' }).click()
  const create = page.getByRole('dialog', { name: 'Create dashboard' })
  await create.getByLabel('Name').fill('Comparison e2e')
  await create.getByRole('button', { name: 'Create dashboard' }).click()
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/)
  const id = /\/dashboards\/([0-9a-f-]{36})/.exec(page.url())![1]
  const dashboard = new DashboardPage(page)
  await dashboard.startEditing()

  await page.getByRole('button', { name: 'Add widget', exact: true }).click()
  const builder = new WidgetBuilder(page)
  await builder.chooseType('Count (one number)')
  await builder.chooseEntity('Findings')
  await builder.setQuery('status: Missing')
  await builder.setTitle(TITLE)
  const plain = await builder.expectCountPreview()
  expect(plain).toMatch(/^[\d,]+$/)

  const previewed = page.waitForRequest((request) => request.url().endsWith('/api/v1/widgets/preview') && JSON.parse(request.postData() ?? '{}').widget?.comparisonDaysAgo === 7)
  await builder.compareWith(7)
  expect(JSON.parse((await previewed).postData() ?? '{}').widget).toMatchObject({ type: 'count', entity: 'findings', query: 'status: Missing', comparisonDaysAgo: 7 })
  await expect(builder.preview.getByTestId('preview-count')).toContainText(/vs 7 days ago|no earlier value/, { timeout: 20_000 })
  const [number, comparison] = (await builder.expectCountPreview()).split('\n').map((line) => line.trim())
  expect(number).toBe(plain)
  expect(comparison).toMatch(COMPARISON)
  await builder.dialog.getByLabel('An increase is good (green)').check()
  // The preview draws the change as the card will: its arrow, and the colour the tick gives it.
  const previewChange = builder.preview.locator('.widget-count-comparison')
  const previewTrend = (await previewChange.getAttribute('data-trend')) ?? ''
  await expect.poll(() => previewChange.evaluate((element: HTMLElement) => element.style.color)).toBe(COLOUR_WITH_INCREASE_GOOD[previewTrend] ?? '')
  await page.screenshot({ path: 'test-results/count-comparison-builder.png' })
  await builder.save()
  await expect(dashboard.card(TITLE)).toHaveCount(1)
  await dashboard.save()

  const saved = (await (await page.request.get(`/api/v1/dashboards/${id}`)).json()) as { definition: DashboardDefinition }
  expect(saved.definition.widgets).toHaveLength(1)
  expect(saved.definition.widgets[0]).toMatchObject({ type: 'count', comparisonDaysAgo: 7, increaseIsGood: true })

  await page.reload()
  await dashboard.waitReady()
  const card = dashboard.card(TITLE)
  await expect(card.getByTestId('count-value')).toHaveText(number)
  const shown = card.locator('.widget-count-comparison')
  await expect(shown).toHaveText(comparison)
  const trend = (await shown.getAttribute('data-trend')) ?? ''
  const arrow = { up: '▲ ', down: '▼ ' }[trend] ?? ''
  expect((await shown.innerText()).startsWith(arrow)).toBe(true)
  expect(await shown.evaluate((element: HTMLElement) => element.style.color)).toBe(COLOUR_WITH_INCREASE_GOOD[trend] ?? '')
  await card.screenshot({ path: 'test-results/count-comparison-card.png' })
  await page.screenshot({ path: 'test-results/count-comparison-dashboard.png', fullPage: true })

  // The spec's own dashboard goes again: the other specs see the estate's dashboards as they were.
  const removed = await page.request.delete(`/api/v1/dashboards/${id}`, { headers: { origin: baseURL! } })
  expect(removed.status()).toBe(200)
})
