// Search journey: autocomplete a QQL query, see an error underlined, filter, save the search, reopen it, share the URL.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { ListPage } from './pages/list-page'
import { LoginPage } from './pages/login-page'

test.beforeEach(async ({ page }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
})

test('an analyst searches assets with autocomplete, fixes a broken query, saves and reopens the search, shares its URL', async ({ page, context }) => {
  const list = new ListPage(page)
  const everything = await list.total()

  await list.type('patch.vendorSev')
  await list.pickSuggestion('patch.vendorSeverity')
  await list.expectQuery('patch.vendorSeverity: ')
  await list.pickSuggestion('Critical')
  await list.type('and patch.status: Mis')
  await list.pickSuggestion('Missing')
  await list.expectQuery('patch.vendorSeverity: Critical and patch.status: Missing ')
  await list.submit()
  await expect(page).toHaveURL(/q=patch.vendorSeverity/)
  await expect(page.getByTestId('query-explain')).toContainText('patch.vendorSeverity is Critical')
  const critical = await list.total()
  expect(critical).toBeGreaterThan(0)
  expect(critical).toBeLessThan(everything)
  await page.screenshot({ path: '/tmp/search-results.png', fullPage: false })

  await list.fill('vendorSeverity: and (')
  await list.submit()
  const errors = page.getByRole('alert', { name: 'Query errors' })
  await expect(errors).toContainText(/expected a value after `vendorSeverity:` at 16/)
  // `vendorSeverity: and (` lacks a value at 16: a zero-width mark there, then the unclosed `(`.
  await expect(page.locator('.cm-lintPoint-error').first()).toBeAttached()
  await page.screenshot({ path: '/tmp/search-error.png', fullPage: false })

  await list.fill('missingCriticalCount > 0')
  await list.submit()
  await expect(page).toHaveURL(/q=missingCriticalCount/)
  await page.getByRole('link', { name: 'Windows', exact: true }).click()
  await expect(page).toHaveURL(/osFamily/)
  await list.expectQuery('missingCriticalCount > 0 AND osFamily: Windows')
  await expect(page.getByRole('link', { name: 'Windows (on)' })).toBeVisible()
  const filtered = await list.total()

  await page.getByRole('button', { name: 'Save search' }).click()
  await page.getByLabel('Name').fill('Windows with critical gaps')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Search saved.')

  await page.goto('/assets')
  await page.getByRole('button', { name: 'Search actions ▾' }).click()
  const menu = page.getByRole('region', { name: 'Search actions' })
  await expect(menu).toContainText('missingCriticalCount > 0 AND osFamily: Windows')
  await menu.getByRole('link', { name: 'Windows with critical gaps' }).click()
  await list.expectQuery('missingCriticalCount > 0 AND osFamily: Windows')
  expect(await list.total()).toBe(filtered)

  const shared = await context.newPage()
  await shared.goto(page.url())
  const sharedList = new ListPage(shared)
  await sharedList.expectQuery('missingCriticalCount > 0 AND osFamily: Windows')
  expect(await sharedList.total()).toBe(filtered)
})

test('asset and patch detail pages show the missing and installed patches and the affected assets', async ({ page }) => {
  const list = new ListPage(page)
  await list.rows.first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/assets\/[\w-]+/)
  await expect(page.getByRole('navigation', { name: 'Status' })).toContainText('Missing (')
  await expect(page.getByTestId('table-count')).toContainText('missing patches')
  await page.screenshot({ path: 'test-results/asset-detail.png', fullPage: false })
  await page.locator('table.data tbody tr').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/patches\/.+/)
  await expect(page.getByTestId('table-count')).toContainText('assets with it missing')
  await page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: /^Installed \(/ }).click()
  await expect(page.getByTestId('table-count')).toContainText('assets with it installed')

  await page.goto('/findings?q=status%3A%20Missing%20and%20patch.vendorSeverity%3A%20Critical')
  await expect(page.locator('table.data tbody tr').first()).toContainText('Critical')
  await expect(page.locator('table.data tbody tr').first()).toContainText('Missing')
})
