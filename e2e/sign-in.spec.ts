// Sign-in journey and its defences: admin signs in and out (the old cookie dies), pages pass their own CSP, headers, throttling that ignores forged X-Forwarded-For, health.
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { AppShell } from './pages/app-shell'
import { LoginPage } from './pages/login-page'

/** Collects Content-Security-Policy violations and console errors of a page, to assert that the app passes its own policy. */
async function watchForPolicyViolations(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`))
  })
  return problems
}

test('an administrator signs in, sees the seeded Assets list, and signs out — and the old session cookie is dead after it', async ({ page, context, request }) => {
  const problems = await watchForPolicyViolations(page)
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)

  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
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

  // A signed-in caller sees the health details.
  const health = await page.request.get('/api/health')
  expect(await health.json()).toMatchObject({ status: 'ok', engine: 'embedded' })

  const cookieHeader = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  expect((await request.get('/api/v1/me', { headers: { cookie: cookieHeader } })).status()).toBe(200)
  await new AppShell(page).signOut()
  await page.goto('/assets')
  await expect(page).toHaveURL(/\/login/)
  // Someone who copied the cookie before sign-out gets nothing with it afterwards.
  const replayed = await request.get('/api/v1/me', { headers: { cookie: cookieHeader } })
  expect(replayed.status()).toBe(401)
  expect(problems).toEqual([])
})

test('a wrong password shows an error and does not sign in', async ({ page }) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, 'not-the-password')
  await expect(page.locator('.login-card [role=alert]')).toHaveText('Wrong email or password.')
  await expect(page).toHaveURL(/\/login/)
  await page.screenshot({ path: 'test-results/login-error.png' })
})

test('pages and APIs carry the security headers; a page’s scripts run only with its nonce', async ({ request }) => {
  const page = await request.get('/login')
  const policy = page.headers()['content-security-policy']
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  expect(policy).toContain("frame-ancestors 'none'")
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]
  expect(await page.text()).toContain(`nonce="${nonce}"`)
  expect((await request.get('/login')).headers()['content-security-policy']).not.toContain(nonce)
  for (const response of [page, await request.get('/api/v1/assets')]) {
    expect(response.headers()).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' })
  }
  const api = await request.get('/api/health')
  expect(api.headers()['cache-control']).toBe('no-store')
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
})

test('sign-in throttling keys on the connection: a new X-Forwarded-For per attempt buys no extra guesses', async ({ request }) => {
  const messages: string[] = []
  for (let attempt = 0; attempt < 8; attempt++) {
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json()
    const response = await request.post('/api/auth/callback/credentials', {
      headers: { 'x-forwarded-for': `198.51.100.${attempt + 1}` },
      form: { email: 'throttle-probe@e2e.test', password: `guess number ${attempt}`, csrfToken, json: 'true' },
    })
    messages.push(new URL((await response.json()).url).searchParams.get('error') ?? '')
  }
  expect(messages.slice(0, 3)).toEqual(Array(3).fill('Wrong email or password.'))
  expect(messages.some((message) => /^Too many sign-in attempts, try again in \d+ s\.$/.test(message))).toBe(true)
  expect(messages.join(' ')).not.toMatch(/lock/i)
})

test('without a session pages redirect to /login, APIs answer 401 JSON, health says only ok', async ({ page, request }) => {
  await page.goto('/patches')
  await expect(page).toHaveURL(/\/login/)
  const api = await request.get('/api/v1/assets')
  expect(api.status()).toBe(401)
  expect((await api.json()).error.code).toBe('UNAUTHENTICATED')
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok' })
})
