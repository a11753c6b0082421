// Access control in the browser: a site-scoped Patch User, Administration refused, new sessions at sign-in, CSRF, tokens, disabling.
import { expect, test, type BrowserContext } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { AccountPage } from './pages/account-page'
import { AppShell } from './pages/app-shell'
import { LoginPage } from './pages/login-page'
import { UsersPage } from './pages/users-page'

const BERLIN_USER = { email: 'berlin.user@e2e.test', name: 'Berta Berlin', role: 'Patch User', tags: ['Site-Berlin'], password: 'berlin-user-password-1' }
const SESSION_COOKIE = 'next-auth.session-token'

async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)?.value
}

test.describe.configure({ mode: 'serial' })

test('an admin creates a Patch User scoped to one site; that user sees only its assets and cannot open Administration', async ({ page, context, baseURL }) => {
  // A session id planted before sign-in is never kept (session fixation).
  const host = new URL(baseURL!).hostname
  await context.addCookies([{ name: SESSION_COOKIE, value: 'planted-by-an-attacker', domain: host, path: '/' }])
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
  const adminSession = await sessionCookie(context)
  expect(adminSession).toBeDefined()
  expect(adminSession).not.toBe('planted-by-an-attacker')

  const users = new UsersPage(page)
  await users.open()
  await users.createUser(BERLIN_USER)
  await expect(users.row(BERLIN_USER.email)).toContainText('Site-Berlin')
  await expect(users.row(BERLIN_USER.email)).toContainText('Patch User')
  await page.screenshot({ path: 'test-results/admin-users.png', fullPage: true })

  await page.goto('/administration/permissions')
  await expect(page.getByRole('table', { name: 'Permission matrix' })).toContainText('Manage users and roles')
  await page.screenshot({ path: 'test-results/admin-permissions.png', fullPage: true })

  await page.goto('/administration/audit')
  await page.getByRole('textbox', { name: 'Search query' }).focus()
  await page.keyboard.insertText(`action: user.create AND text: "${BERLIN_USER.email}"`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByTestId('table-count')).toContainText('1–1 of 1 audit entries')
  await expect(page.locator('table.data tbody')).toContainText(E2E_ADMIN.email)
  await page.screenshot({ path: 'test-results/admin-audit.png', fullPage: true })

  await new AppShell(page).signOut()
  await login.signIn(BERLIN_USER.email, BERLIN_USER.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
  expect(await sessionCookie(context)).not.toBe(adminSession)

  const count = await page.getByTestId('table-count').innerText()
  const total = Number(/of (\d+) assets/.exec(count)?.[1])
  expect(total).toBeGreaterThan(0)
  expect(total).toBeLessThan(120)
  const tagCells = await page.locator('table.data tbody tr td:last-child').allInnerTexts()
  expect(tagCells.length).toBe(Math.min(total, 50))
  for (const tags of tagCells) expect(tags).toContain('Site-Berlin')
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText('Administration')
  await page.screenshot({ path: 'test-results/berlin-user-assets.png', fullPage: true })

  await page.goto('/administration/users')
  await expect(page).toHaveURL(/\/not-allowed/)
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  await expect(page.locator('.not-allowed')).toContainText('Your role may not manage users and roles.')
  const api = await page.request.get('/api/v1/admin/users')
  expect(api.status()).toBe(403)
  expect((await api.json()).error.code).toBe('FORBIDDEN')
  const audit = await page.request.get('/api/v1/audit')
  expect(audit.status()).toBe(403)
})

test('cookie writes need the same origin; a personal token acts as its user until revoked; disabling ends sessions at once', async ({ page, browser, baseURL, playwright }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(BERLIN_USER.email, BERLIN_USER.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')

  const forged = await page.request.post('/api/v1/me/tokens', { data: { name: 'forged' }, headers: { origin: 'https://evil.example' } })
  expect(forged.status()).toBe(403)
  expect((await forged.json()).error.code).toBe('CSRF_REJECTED')

  const account = new AccountPage(page)
  await account.open()
  const token = await account.createToken('e2e script')
  await expect(page.getByRole('table', { name: 'API tokens' })).toContainText('e2e script')
  await page.screenshot({ path: 'test-results/account.png', fullPage: true })
  const scripts = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } })
  const me = await scripts.get('/api/v1/me')
  expect(me.status()).toBe(200)
  expect(await me.json()).toMatchObject({ email: BERLIN_USER.email, role: 'Patch User', scope: { all: false, tags: ['Site-Berlin'] } })
  expect((await scripts.get('/api/v1/admin/users')).status()).toBe(403)
  await account.revoke('e2e script')
  expect((await scripts.get('/api/v1/me')).status()).toBe(401)

  // The administrator disables the user: the user's open session stops working on its next request.
  const adminContext = await browser.newContext()
  const adminPage = await adminContext.newPage()
  const adminLogin = new LoginPage(adminPage)
  await adminLogin.open()
  await adminLogin.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(adminPage).toHaveURL(/\/dashboards\//)
  await adminPage.goto('/assets')
  const users = new UsersPage(adminPage)
  await users.open()
  await users.disable(BERLIN_USER.email)
  expect((await page.request.get('/api/v1/me')).status()).toBe(401)
  await page.goto('/assets')
  await expect(page).toHaveURL(/\/login/)
  await login.signIn(BERLIN_USER.email, BERLIN_USER.password)
  await expect(page.locator('.login-card [role=alert]')).toHaveText('This account is disabled. Ask an administrator.')
  await scripts.dispose()
  await adminContext.close()
})
