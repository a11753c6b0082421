// The QQL editor in Chromium: errors underlined while typing with no request per keystroke, keyboard-only autocomplete,
// a version 1 saved search reopening as version 1 with its warning and Rebuild offer, and the audit log searched with QQL.
import { expect, test, type Page } from '@playwright/test'
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

/** Requests to the API made from now on. */
function countApiRequests(page: Page): () => string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/v1')) seen.push(request.url())
  })
  return () => seen
}

test('a broken query is underlined while typing, checked in the browser without a request per keystroke', async ({ page }) => {
  const list = new ListPage(page)
  const requests = countApiRequests(page)
  await list.type('osFamily: Windoze AND missingPatchCount > lots')
  const underlined = page.locator('.cm-lintRange-error')
  await expect(underlined.first()).toHaveText('Windoze')
  await expect(underlined.nth(1)).toHaveText('lots')
  await expect(page.getByRole('list', { name: 'Query errors' })).toContainText('`Windoze` is not a value of `osFamily`')
  expect(requests(), 'requests while typing 46 characters').toEqual([])
  await underlined.first().hover()
  await expect(page.locator('.cm-tooltip-lint')).toContainText('expected one of Windows')
  await page.screenshot({ path: '/tmp/qql-editor-error.png' })
  // The editor is styled from the design tokens only, so the dark theme applies to it as well.
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: '/tmp/qql-editor-dark.png' })
})

test('autocomplete is usable with the keyboard alone, with token descriptions, and Enter searches', async ({ page }) => {
  const list = new ListPage(page)
  await list.searchBox.focus()
  await page.keyboard.type('missingCrit', { delay: 25 })
  await expect(list.suggestions.getByRole('option').first()).toContainText('missingCriticalCount')
  await expect(page.locator('.cm-completionInfo')).toContainText('Number of missing patches of Critical vendor severity.')
  await page.screenshot({ path: '/tmp/qql-editor-autocomplete.png' })
  await list.pickSuggestion('missingCriticalCount')
  await list.pickSuggestion('>')
  await page.keyboard.type('0 os', { delay: 25 })
  await list.pickSuggestion('osFamily')
  await list.pickSuggestion('Windows')
  await list.expectQuery('missingCriticalCount > 0 osFamily: Windows ')
  await list.submit()
  await expect(page).toHaveURL(/q=missingCriticalCount/)
  await expect(page.getByTestId('query-explain')).toHaveText('Assets where missingCriticalCount is greater than 0 and osFamily is Windows')
  expect(await list.total()).toBeGreaterThan(0)
})

test('↑ recalls a recent search', async ({ page }) => {
  const list = new ListPage(page)
  await page.goto('/assets?q=osFamily%3A%20Linux')
  await page.goto('/assets')
  await list.searchBox.focus()
  await page.keyboard.press('ArrowUp')
  await list.pickSuggestion('osFamily: Linux')
  await list.expectQuery('osFamily: Linux')
})

test('a version 1 saved search reopens as version 1 with its warning and a Rebuild offer', async ({ page, baseURL }) => {
  const list = new ListPage(page)
  const saved = await page.request.post('/api/v1/searches', {
    headers: { origin: baseURL! },
    data: { name: 'Old Windows servers', entity: 'assets', query: 'os: server AND patch.isLatest: true', tokenVersion: 1 },
  })
  expect(saved.status()).toBe(200)
  await page.getByRole('button', { name: 'Search actions ▾' }).click()
  await page.getByRole('region', { name: 'Search actions' }).getByRole('link', { name: 'Old Windows servers' }).click()
  await expect(page).toHaveURL(/v=1/)
  await list.expectQuery('os: server AND patch.isLatest: true')
  const offer = page.getByRole('status', { name: 'Older token version' })
  await expect(offer).toContainText('Written for token version 1')
  await expect(offer).toContainText('`os` was renamed `operatingSystem`')
  await expect(page.locator('.cm-lintRange-warning').first()).toHaveText('os')
  await offer.getByRole('button', { name: 'Rebuild…' }).click()
  await expect(offer).toContainText('operatingSystem: server AND patch.isSuperseded: false')
  await page.screenshot({ path: '/tmp/qql-editor-rebuild.png' })
  const v1Total = await list.total()
  await offer.getByRole('button', { name: 'Use the rebuilt query' }).click()
  await list.expectQuery('operatingSystem: server AND patch.isSuperseded: false')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/q=operatingSystem/)
  expect(page.url()).not.toContain('v=1')
  expect(await list.total()).toBe(v1Total)
})

test('the audit log is searched with QQL and exports what it shows', async ({ page }) => {
  const list = new ListPage(page)
  // An export is itself audited: it gives the search below an entry by this administrator.
  expect((await page.request.get('/api/v1/audit?format=csv')).status()).toBe(200)
  await page.goto('/administration/audit')
  await list.fill('action: audit.* AND actor: admin*')
  await list.submit()
  await expect(page).toHaveURL(/administration\/audit\?q=/)
  await expect(page.getByTestId('query-explain')).toHaveText('Audit entries where action matches "audit.*" and actor matches "admin*"')
  await expect(list.rows.first()).toContainText('audit.export')
  expect(await list.total()).toBeGreaterThan(0)
  await page.screenshot({ path: '/tmp/qql-editor-audit.png' })
  const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')
  const csv = await page.request.get(exportHref!)
  expect(csv.status()).toBe(200)
  const lines = (await csv.text()).trim().split('\r\n')
  expect(lines[0]).toBe('at,actorEmail,actorId,action,entity,entityId,before,after')
  expect(lines.length).toBeGreaterThan(1)
  for (const line of lines.slice(1)) expect(line).toContain('"audit.export"')
  await list.fill('time > 99999-01-01')
  await expect(page.getByRole('list', { name: 'Query errors' })).toContainText('`99999-01-01` is outside the dates QQL reads')
})
