// Per-breakpoint dashboard layouts in Chromium: an author at a tablet-wide window (the 6-column md grid) moves and resizes
// cards, saves, reloads at that width and finds them kept, while the wide 12-column layout is unchanged; then lets the
// tablet grid follow the wide layout again.
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import type { DashboardDefinition } from '../widgets/dashboard'
import { DashboardPage } from './pages/dashboard-page'
import { signIn } from './pages/session'

test.describe.configure({ mode: 'serial' })

const HOME_DASHBOARD = /\/dashboards\/[0-9a-f-]{36}/
const TABLET = { width: 900, height: 1800 }
const WIDE = { width: 1400, height: 1800 }
const MOVED = 'Missing by vendor severity'
const RESIZED = 'Assets missing critical patches'
const TITLES = [MOVED, RESIZED, 'Missing vs installed', 'Patch compliance (30 days)', 'Assets by operating system']

type Box = { x: number; y: number; width: number; height: number }

/** Where the cards are, relative to the grid's own corner (edit mode's hint above the cards moves the grid element's). */
async function boxes(dashboard: DashboardPage): Promise<Record<string, Box>> {
  const found: Record<string, Box> = {}
  for (const title of TITLES) found[title] = await dashboard.cellBox(title)
  const [outer, cards] = [(await dashboard.grid.boundingBox())!, (await dashboard.grid.locator('.react-grid-layout').boundingBox())!]
  for (const box of Object.values(found)) box.y -= cards.y - outer.y
  return found
}

function expectSameBoxes(actual: Record<string, Box>, expected: Record<string, Box>) {
  for (const title of TITLES) {
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(actual[title][side] - expected[title][side]), `${title} ${side}`).toBeLessThan(2)
  }
}

async function definitionOf(page: Page, id: string): Promise<DashboardDefinition> {
  const answer = await page.request.get(`/api/v1/dashboards/${id}`)
  expect(answer.status()).toBe(200)
  return ((await answer.json()) as { definition: DashboardDefinition }).definition
}

test('an author arranges the tablet layout apart from the wide one; both are kept after a reload', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
  const defaultId = /\/dashboards\/([0-9a-f-]{36})/.exec(page.url())![1]
  const copy = await page.request.post(`/api/v1/dashboards/${defaultId}/duplicate`, { data: { name: 'Tablet layout' }, headers: { origin: new URL(page.url()).origin } })
  expect(copy.status()).toBe(200)
  const { id } = (await copy.json()) as { id: string }
  const dashboard = new DashboardPage(page)
  const before = await definitionOf(page, id)
  expect(before.layouts).toBeUndefined()

  await page.setViewportSize(WIDE)
  await dashboard.open(`/dashboards/${id}`)
  await expect(dashboard.grid).toHaveAttribute('data-breakpoint', 'lg')
  const wide = await boxes(dashboard)

  await page.setViewportSize(TABLET)
  await page.reload()
  await dashboard.waitReady()
  await expect(dashboard.grid).toHaveAttribute('data-breakpoint', 'md')
  await expect(dashboard.grid).toHaveAttribute('data-layout', 'derived')
  await dashboard.startEditing()
  await expect(page.getByTestId('layout-hint')).toContainText('It follows the wide layout until you move or resize a card here.')
  const derived = await boxes(dashboard)
  // The full-width severity card goes to the top; the count card grows a column-pair wider (the full 6) and a row taller.
  await dashboard.drag(MOVED, 0, -derived[MOVED].y - 20)
  await dashboard.resize(RESIZED, derived[RESIZED].width, 90)
  const edited = await boxes(dashboard)
  expect(edited[MOVED].y).toBeLessThan(derived[MOVED].y - 100)
  expect(edited[RESIZED].width).toBeGreaterThan(derived[RESIZED].width + 100)
  expect(edited[RESIZED].height).toBeGreaterThan(derived[RESIZED].height + 50)
  await expect(dashboard.grid).toHaveAttribute('data-layout', 'saved')
  await expect(dashboard.grid.getByRole('button', { name: 'Follow the wide layout here' })).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-dash-layout-md-editing.png', fullPage: true })
  await dashboard.save()

  const after = await definitionOf(page, id)
  expect(after.layout).toEqual(before.layout)
  expect(after.layouts?.md).toHaveLength(before.widgets.length)
  expect(after.layouts?.xs).toBeUndefined()

  await page.reload()
  await dashboard.waitReady()
  await expect(dashboard.grid).toHaveAttribute('data-layout', 'saved')
  expectSameBoxes(await boxes(dashboard), edited)
  await page.screenshot({ path: '/tmp/pb-dash-layout-md-saved.png', fullPage: true })

  await page.setViewportSize(WIDE)
  await page.reload()
  await dashboard.waitReady()
  await expect(dashboard.grid).toHaveAttribute('data-breakpoint', 'lg')
  expectSameBoxes(await boxes(dashboard), wide)
  await page.screenshot({ path: '/tmp/pb-dash-layout-lg.png', fullPage: true })

  // Back on the tablet: the saved layout is forgotten, and the grid follows the wide layout again.
  await page.setViewportSize(TABLET)
  await page.reload()
  await dashboard.waitReady()
  await dashboard.startEditing()
  await dashboard.grid.getByRole('button', { name: 'Follow the wide layout here' }).click()
  await expect(dashboard.grid).toHaveAttribute('data-layout', 'derived')
  expectSameBoxes(await boxes(dashboard), derived)
  await dashboard.save()
  expect((await definitionOf(page, id)).layouts).toBeUndefined()
})
