// Sign-in journey: admin signs in, sees the seeded assets, sorts and pages them, signs out; a wrong password fails.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { LoginPage } from './pages/login-page'

test('an administrator signs in, sees the seeded Assets list, and signs out', async ({ page }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)

  await expect(page).toHaveURL(/\/assets/)
  await expect(page.getByRole('heading', { name: 'Assets' })).toBeVisible()
  // The seeded 120 assets, plus any that other specs ingested into the same server before this one.
  await expect(page.getByTestId('table-count')).toContainText(/of 1[2-9]\d assets/)
  const rows = page.locator('table.data tbody tr')
  await expect(rows).toHaveCount(50)
  await expect(rows.first()).toContainText(/WKS-|SRV-/)
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Administration')

  await page.getByRole('link', { name: /^Name/ }).click()
  await expect(page).toHaveURL(/sort=name&dir=asc/)
  const names = await page.locator('table.data tbody tr td:first-child').allInnerTexts()
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
  await page.getByRole('link', { name: 'Next ›' }).click()
  await expect(page.getByTestId('table-count')).toContainText(/51–100 of 1[2-9]\d/)
  await page.screenshot({ path: 'test-results/assets-list.png', fullPage: true })

  await page.getByRole('link', { name: 'Patches', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Patches' })).toBeVisible()
  await expect(page.locator('table.data tbody tr').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/patches-list.png', fullPage: true })

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
  await page.goto('/assets')
  await expect(page).toHaveURL(/\/login/)
})

test('a wrong password shows an error and does not sign in', async ({ page }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, 'not-the-password')
  await expect(page.locator('.login-card [role=alert]')).toHaveText('Wrong email or password.')
  await expect(page).toHaveURL(/\/login/)
  await page.screenshot({ path: 'test-results/login-error.png' })
})

test('without a session pages redirect to /login, APIs answer 401 JSON, health answers 200', async ({ page, request }) => {
  await page.goto('/patches')
  await expect(page).toHaveURL(/\/login/)
  const api = await request.get('/api/v1/assets')
  expect(api.status()).toBe(401)
  expect((await api.json()).error.code).toBe('UNAUTHENTICATED')
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  const body = await health.json()
  expect(body).toMatchObject({ status: 'ok', engine: 'embedded' })
  expect(body.rows.assets).toBeGreaterThanOrEqual(120)
})
