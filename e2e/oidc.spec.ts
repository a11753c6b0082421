// Single sign-on through a real OpenID Provider (test/oidc/provider.ts): first sign-in creates the user with the claimed role, an Administrator's role sticks, a disabled user is refused.
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { ssoEmail } from '../test/oidc/accounts'
import { LoginPage } from './pages/login-page'

test.describe.configure({ mode: 'serial' })

/** From Patchboard's login page through the provider's own login and consent pages, back into Patchboard. */
async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.goto('/login')
  await page.screenshot({ path: 'test-results/login-with-sso.png' })
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click()
  await page.locator('input[name=login]').fill(login)
  await page.locator('input[name=password]').fill('any password: the test provider accepts every login')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** As the e2e Administrator (a fresh session), changes a user found by email through the Users API. */
async function changeUserAsAdmin(page: Page, email: string, change: Record<string, unknown>): Promise<void> {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
  const origin = new URL(page.url()).origin
  const { users } = await (await page.request.get('/api/v1/admin/users')).json()
  const user = users.find((candidate: { email: string }) => candidate.email === email)
  const response = await page.request.patch(`/api/v1/admin/users/${user.id}`, { data: change, headers: { origin } })
  expect(response.status()).toBe(200)
}

test('the first single sign-on creates the user with the role the provider claims', async ({ page }) => {
  await signInWithSso(page, 'sso-manager')
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
  await expect(page.getByRole('heading', { name: 'Assets' })).toBeVisible()
  const me = await (await page.request.get('/api/v1/me')).json()
  expect(me).toMatchObject({ email: ssoEmail('sso-manager'), role: 'Patch Manager', scope: { all: false, tags: [] } })
  await page.screenshot({ path: 'test-results/sso-signed-in.png', fullPage: true })
})

test('a later single sign-on keeps the role an Administrator set, whatever the claim says', async ({ browser, page }) => {
  await changeUserAsAdmin(page, ssoEmail('sso-manager'), { role: 'Patch Reader' })
  const fresh = await browser.newPage()
  await signInWithSso(fresh, 'sso-manager')
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(fresh).toHaveURL(/\/dashboards\//)
  await fresh.goto('/assets')
  expect(await (await fresh.request.get('/api/v1/me')).json()).toMatchObject({ email: ssoEmail('sso-manager'), role: 'Patch Reader' })
  await fresh.close()
})

test('a disabled user is refused at single sign-on with a plain reason', async ({ browser, page }) => {
  await changeUserAsAdmin(page, ssoEmail('sso-manager'), { disabled: true })
  const fresh = await browser.newPage()
  await signInWithSso(fresh, 'sso-manager')
  await expect(fresh).toHaveURL(/\/login\?error=OidcDisabled/)
  await expect(fresh.locator('.login-card [role=alert]')).toHaveText('This account is disabled. Ask an administrator.')
  expect((await fresh.request.get('/api/v1/me')).status()).toBe(401)
  await fresh.screenshot({ path: 'test-results/sso-disabled.png' })
  await fresh.close()
})
