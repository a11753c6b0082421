// Ingest journey: an admin creates an activation key, an agent sends a scan with it, the admin uploads a file on
// Data import, watches the progress and the report, and finds the new assets in the Assets list.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { ActivationKeysPage } from './pages/activation-keys-page'
import { DataImportPage } from './pages/data-import-page'
import { LoginPage } from './pages/login-page'

const now = Date.now()
const scan = (assetId: string, name: string, hoursAgo: number) => ({
  scanId: `${assetId}-${now}`,
  scannedAt: new Date(now - hoursAgo * 3_600_000).toISOString(),
  asset: { id: assetId, name, operatingSystem: 'Windows 11 Pro', tags: ['Site-E2E'] },
  patches: [
    { id: 'e2e-kb-1', title: 'E2E cumulative update', vendor: 'Microsoft', vendorSeverity: 'Critical', isSecurity: true, status: 'Missing' },
    { id: 'e2e-kb-2', title: 'E2E servicing stack', vendor: 'Microsoft', status: 'Installed', installedAt: now - 86_400_000 },
  ],
})

test('an admin creates an activation key, an agent uses it, an upload shows progress and report, and the assets appear', async ({ page, request, browser }, testInfo) => {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')

  const keys = new ActivationKeysPage(page)
  await keys.open()
  const key = await keys.create('E2E agents', 'Agent-E2E')
  await expect(keys.row('E2E agents')).toContainText('Active')
  await expect(keys.row('E2E agents')).toContainText('Agent-E2E')
  await page.screenshot({ path: 'test-results/activation-keys.png', fullPage: true })

  const agent = await request.post('/api/v1/ingest/scans', {
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    data: JSON.stringify(scan('e2e-agent-1', 'AAA-E2E-AGENT', 2)) + '\n',
  })
  expect(agent.status()).toBe(200)
  expect(await agent.json()).toMatchObject({ accepted: 1, rejected: 0 })
  const noKey = await request.post('/api/v1/ingest/scans', { data: '{}' })
  expect(noKey.status()).toBe(401)

  const dataImport = new DataImportPage(page)
  await dataImport.open()
  const file = [JSON.stringify(scan('e2e-upload-1', 'AAA-E2E-UPLOAD', 1)), '{"scanId":"e2e-broken","scannedAt":"2026-01-01T00:00:00Z","asset":{"name":"no id"},"patches":[]}'].join('\n')
  await dataImport.upload('e2e-scans.ndjson', file)
  const result = dataImport.result('e2e-scans.ndjson')
  await expect(result.getByRole('progressbar')).toBeVisible()
  await expect(result).toContainText('Done')
  const report = result.getByTestId('ingest-report')
  await expect(report).toContainText('Accepted1')
  await expect(report).toContainText('Rejected1')
  await expect(result.getByRole('table')).toContainText('asset.id')
  await expect(dataImport.historyRow('e2e-scans.ndjson')).toContainText(E2E_ADMIN.email)
  await expect(dataImport.historyRow('E2E agents')).toContainText('Agent API')
  await expect(dataImport.historyRow('e2e-scans.ndjson')).toContainText('Rejects')
  await expect(dataImport.quarantineRow('e2e-broken')).toContainText('required field is missing (expected text)')
  await page.screenshot({ path: 'test-results/data-import.png', fullPage: true })

  // Purge the quarantine: the first click counts the rows, only the second removes them.
  const purge = page.getByRole('region', { name: 'Purge the quarantine' })
  await purge.getByLabel('Which documents').selectOption('all')
  await purge.getByRole('button', { name: 'Purge…' }).click()
  const confirm = purge.getByRole('button', { name: /^Confirm purge of [\d,]+ rows?$/ })
  await expect(confirm).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-data-import-purge-confirm.png', fullPage: true })
  await confirm.click()
  await expect(purge.getByRole('status')).toContainText(/Purged [\d,]+ quarantined documents?;/)
  await expect(dataImport.quarantineRow('e2e-broken')).toHaveCount(0)
  await page.screenshot({ path: '/tmp/pb-data-import-purged.png', fullPage: true })

  // A Berlin Manager may upload, but the history and the quarantine are global: the page says so and shows neither.
  const manager = { email: `manager-${now}@e2e.test`, password: 'Berlin manager e2e passphrase 2026!' }
  const created = await page.request.post('/api/v1/admin/users', {
    headers: { origin: new URL(page.url()).origin },
    data: { email: manager.email, name: 'E2E Manager', role: 'Patch Manager', password: manager.password, scope: { all: false, tags: ['Site-Berlin'] } },
  })
  expect(created.status(), await created.text()).toBe(200)
  const managerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const managerPage = await managerContext.newPage()
  const managerLogin = new LoginPage(managerPage)
  await managerLogin.open()
  await managerLogin.signIn(manager.email, manager.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(managerPage).toHaveURL(/\/dashboards\//)
  await managerPage.goto('/assets')
  await managerPage.goto('/administration/data-import')
  await expect(managerPage.getByTestId('global-records-note')).toContainText('only Administrators see them')
  await expect(managerPage.getByRole('table', { name: 'Quarantine' })).toHaveCount(0)
  await expect(managerPage.getByRole('table', { name: 'Ingest history' })).toHaveCount(0)
  await expect(managerPage.getByRole('region', { name: 'Purge the quarantine' })).toHaveCount(0)
  await managerPage.screenshot({ path: '/tmp/pb-data-import-manager.png', fullPage: true })
  await managerContext.close()

  await page.getByRole('link', { name: 'Assets' }).click()
  await page.getByRole('link', { name: /^Name/ }).click()
  const firstRows = page.locator('table.data tbody tr')
  await expect(firstRows.nth(0)).toContainText('AAA-E2E-AGENT')
  await expect(firstRows.nth(0)).toContainText('Agent-E2E')
  await expect(firstRows.nth(1)).toContainText('AAA-E2E-UPLOAD')
  await page.screenshot({ path: 'test-results/assets-after-ingest.png', fullPage: true })
})
