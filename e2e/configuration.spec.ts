// The issue's acceptance in Chromium: on a paid subscription a Patch Manager creates a 6 h profile for the demo tag Servers
// (and an enabled job, and licences past 100 %); the admin switches to an expired trial; the profile shows 24 h, the job
// shows disabled with the reason, and the banner says Free — for every user. Screenshots of the banner, the Licenses and
// the Subscription pages; axe-core on both pages. Afterwards the install is put back as the later specs expect it (trial,
// default profile interval, demo jobs enabled).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { expectNoSeriousViolations } from './pages/axe'
import { JobsPage } from './pages/jobs-page'
import { ProfilesPage } from './pages/profiles-page'
import { signIn } from './pages/session'
import { LicensesPage, subscriptionBanner, SubscriptionPage } from './pages/subscription-page'
import { UsersPage } from './pages/users-page'

const MANAGER = { email: 'config.manager@e2e.test', name: 'Conny Config', role: 'Patch Manager', tags: ['Servers', 'Workstations'], password: 'configuration-e2e-password-1234' }
const PROFILE = { name: 'Servers (configuration e2e)', tags: ['Servers'], intervalHours: 6 }
const JOB = 'Critical patches on servers (configuration e2e)'

test.describe.configure({ mode: 'serial' })

/** What the later specs expect back: the subscription, the default profile's interval and the jobs that were enabled. */
const before = { subscription: { tier: 'trial', expiresAt: null as string | null }, defaultIntervalHours: 4, enabledJobIds: [] as string[] }

/** State-changing API calls from the signed-in page: same origin, as the CSRF check wants. */
function api(page: Page) {
  const origin = new URL(page.url()).origin
  const send = (method: 'post' | 'put' | 'delete', path: string, data?: unknown) => page.request[method](path, { data, headers: { origin } })
  return { get: (path: string) => page.request.get(path), post: (path: string, data?: unknown) => send('post', path, data), put: (path: string, data: unknown) => send('put', path, data), delete: (path: string) => send('delete', path) }
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(400)
  return (await response.json()) as T
}

test('the admin creates a Patch Manager and puts the install on a paid subscription', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const calls = api(page)
  before.subscription = await json(await calls.get('/api/v1/subscription'))
  const { profiles } = await json<{ profiles: { isDefault: boolean; intervalHours: number }[] }>(await calls.get('/api/v1/profiles'))
  before.defaultIntervalHours = profiles.find((profile) => profile.isDefault)!.intervalHours
  const { rows } = await json<{ rows: { id: string }[] }>(await calls.get('/api/v1/jobs?status=Enabled&pageSize=100'))
  before.enabledJobIds = rows.map((row) => row.id)

  const users = new UsersPage(page)
  await users.open()
  await users.createUser(MANAGER)
  expect((await json<{ effectiveTier: string }>(await calls.put('/api/v1/subscription', { tier: 'paid', expiresAt: '2099-12-31' }))).effectiveTier).toBe('paid')
})

test('on the paid subscription a Patch Manager creates a 6 h profile for Servers, an enabled job, and licences past 100 %', async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password)
  await expect(subscriptionBanner(page)).toContainText('Paid until 2099-12-31 — scans at most every 4 h')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configuration' }).click()
  await page.getByRole('main').getByRole('link', { name: 'Profiles' }).click()
  const profiles = new ProfilesPage(page)
  await profiles.createProfile(PROFILE)
  await expect(profiles.row(PROFILE.name)).toContainText('Every 6 h')

  // An enabled job through the API (the wizard has its own spec): weekly, critical patches, on the Servers tag.
  const calls = api(page)
  const job = await json<{ id: string }>(
    await calls.post('/api/v1/jobs', {
      basics: { name: JOB, type: 'Install' },
      targets: { tags: ['Servers'] },
      patches: { mode: 'dynamic', query: 'vendorSeverity: Critical' },
      schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'] }, timeZone: 'UTC' },
    }),
  )
  expect((await json<{ status: string }>(await calls.post(`/api/v1/jobs/${job.id}/enable`))).status).toBe('Enabled')

  // Licences: 10 for the Servers assets — more assets need one than there are.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configuration' }).click()
  await page.getByRole('main').getByRole('link', { name: 'Licenses' }).click()
  const licenses = new LicensesPage(page)
  await expect(page.getByRole('heading', { name: 'Licenses', exact: true })).toBeVisible()
  await licenses.save({ count: 10, include: ['Servers'], exclude: [] })
  await expect(licenses.consumption()).toContainText(/\d+ of 10 — (1[1-9]\d|[2-9]\d\d|\d{4,}) %/)
  await expect(licenses.consumption()).toContainText('Over-subscribed by')
  await page.screenshot({ path: '/tmp/pb-configuration-licenses.png', fullPage: true })
  await expectNoSeriousViolations(page, 'Licenses page')

  // The Assets list: a Licence column and the Not licensed quick filter.
  await page.goto('/assets')
  await page.getByRole('group', { name: 'Quick filters' }).getByRole('link', { name: 'Not licensed', exact: true }).click()
  await expect(page).toHaveURL(/licensed/)
  await expect(page.locator('table.data tbody tr').first()).toContainText('Not licensed')
  await page.screenshot({ path: '/tmp/pb-configuration-assets-not-licensed.png', fullPage: true })
})

test('the admin switches to an expired trial: the profile shows 24 h, the job is disabled with the reason, the banner says Free', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click()
  await page.getByRole('main').getByRole('link', { name: 'Subscription' }).click()
  const subscription = new SubscriptionPage(page)
  await expect(page.getByRole('heading', { name: 'Subscription', exact: true })).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-configuration-subscription-paid.png', fullPage: true })
  await expectNoSeriousViolations(page, 'Subscription page')

  await subscription.save('Trial', '2020-01-31')
  await expect(page.getByRole('status')).toContainText(/The subscription fell back to Free on \d{4}-\d\d-\d\d \(the trial ended on 2020-01-31\): \d+ profiles? lowered to a 24 h scan interval, [1-9]\d* enabled jobs? disabled\./)
  const banner = subscriptionBanner(page)
  await expect(banner).toContainText('Free — the trial ended on 2020-01-31; scans at most every 24 h, no deployment or uninstall jobs')
  await banner.screenshot({ path: '/tmp/pb-configuration-banner-free.png' })
  await page.screenshot({ path: '/tmp/pb-configuration-subscription-free.png', fullPage: true })

  const profiles = new ProfilesPage(page)
  await profiles.open()
  await expect(profiles.row(PROFILE.name)).toContainText('Every 24 h')
  await expect(profiles.row(PROFILE.name)).toContainText('fell back to Free')
  await page.screenshot({ path: '/tmp/pb-configuration-profiles-free.png', fullPage: true })

  const jobs = new JobsPage(page)
  await jobs.open()
  await expect(jobs.row(JOB)).toContainText('Disabled')
  await expect(jobs.row(JOB)).toContainText('The subscription fell back to Free on')
  await page.screenshot({ path: '/tmp/pb-configuration-jobs-free.png', fullPage: true })

  // On Free the Licenses page says licences do not apply.
  await new LicensesPage(page).open()
  await expect(page.getByRole('note')).toContainText('The subscription in effect is Free: every asset is licensed.')
})

test('every user sees the Free banner, and a new job is refused with the reason', async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password)
  await expect(subscriptionBanner(page)).toContainText('Free — the trial ended on 2020-01-31')
  const refused = await api(page).post('/api/v1/jobs', { basics: { name: 'Refused on Free (configuration e2e)', type: 'Install' } })
  expect(refused.status()).toBe(409)
  expect((await refused.json()).error).toMatchObject({ code: 'SUBSCRIPTION_NO_JOBS' })
})

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage()
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const calls = api(page)
  const { tier, expiresAt } = before.subscription
  await json(await calls.put('/api/v1/subscription', { tier, expiresAt: tier === 'free' ? null : expiresAt }))
  await json(await calls.put('/api/v1/licenses', { licenseCount: 1_000_000, includeTags: [], excludeTags: [] }))
  const { profiles } = await json<{ profiles: { id: string; name: string; isDefault: boolean; revision: number }[] }>(await calls.get('/api/v1/profiles'))
  for (const profile of profiles) {
    if (profile.name === PROFILE.name) await json(await calls.delete(`/api/v1/profiles/${profile.id}`))
    if (profile.isDefault) await json(await calls.put(`/api/v1/profiles/${profile.id}`, { revision: profile.revision, intervalHours: before.defaultIntervalHours }))
  }
  const { rows } = await json<{ rows: { id: string; name: string }[] }>(await calls.get(`/api/v1/jobs?q=${encodeURIComponent(`name: "${JOB}"`)}&pageSize=10`))
  for (const row of rows) await calls.delete(`/api/v1/jobs/${row.id}`)
  for (const id of before.enabledJobIds) await calls.post(`/api/v1/jobs/${id}/enable`)
  await page.close()
})
