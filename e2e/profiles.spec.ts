// Assessment profiles in Chromium: a Patch Manager creates a 6 h profile for the demo tag Servers on the trial a fresh
// install starts with and sees it in the list (a too-short interval and a taken tag are refused at their fields); a Reader
// sees the list without manage actions; an asset's detail page and the Assets list show the effective profile; axe-core
// on the page and the dialog; screenshots of each state.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { expectNoSeriousViolations } from './pages/axe'
import { ProfilesPage } from './pages/profiles-page'
import { signIn } from './pages/session'
import { UsersPage } from './pages/users-page'

const PASSWORD = 'profiles-e2e-password-1234'
const MANAGER = { email: 'profiles.manager@e2e.test', name: 'Mara Manager', role: 'Patch Manager', tags: ['Servers', 'Workstations'], password: PASSWORD }
const READER = { email: 'profiles.reader@e2e.test', name: 'Rolf Reader', role: 'Patch Reader', tags: ['Servers'], password: PASSWORD }
const PROFILE = { name: 'Servers every 6 h', tags: ['Servers'], intervalHours: 6 }

test.describe.configure({ mode: 'serial' })

test('the admin creates the profiles users', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const users = new UsersPage(page)
  await users.open()
  for (const user of [MANAGER, READER]) await users.createUser(user)
})

test('a Patch Manager creates a 6 h profile for tag Servers and sees it in the list', async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configuration' }).click()
  await page.getByRole('main').getByRole('link', { name: 'Profiles' }).click()
  const profiles = new ProfilesPage(page)
  await expect(page.getByRole('heading', { name: 'Assessment profiles', exact: true })).toBeVisible()
  // A fresh install runs a trial: the default profile scans every 4 h and offers only Edit.
  await expect(profiles.row('Default')).toContainText('Every 4 h')
  expect(await profiles.rowActions('Default')).toEqual(['View', 'Edit'])
  await page.keyboard.press('Escape')
  await expect(profiles.row('Default').getByRole('checkbox')).toHaveCount(0)

  const tooShort = await profiles.fillNewProfile({ ...PROFILE, intervalHours: 2 })
  await tooShort.getByRole('button', { name: 'Create profile' }).click()
  await expect(tooShort.getByText('The Trial subscription allows scan intervals of 4 h or more; 2 h is too short.')).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-profiles-too-short.png', fullPage: true })
  await expectNoSeriousViolations(page, 'profile dialog')
  await tooShort.getByLabel('Scan interval (hours)').fill('6')
  await tooShort.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByRole('status')).toContainText(`Created the profile ${PROFILE.name}: every 6 h`)

  const row = profiles.row(PROFILE.name)
  await expect(row).toContainText('Enabled')
  await expect(row).toContainText('Every 6 h')
  await expect(row.locator('.tag')).toHaveText(['Servers'])
  await expect(row.getByRole('link', { name: /^[1-9]\d*$/ })).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-profiles-list-manager.png', fullPage: true })
  await expectNoSeriousViolations(page, 'profiles list')

  // The tag belongs to this profile now: a second profile naming it is refused with this one's name, at the tags field.
  const taken = await profiles.fillNewProfile({ name: 'All servers', tags: ['Servers'], intervalHours: 12 })
  await taken.getByRole('button', { name: 'Create profile' }).click()
  await expect(taken.getByText(`Tag "Servers" belongs to the custom profile "${PROFILE.name}" already`)).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-profiles-tag-taken.png', fullPage: true })
  await taken.getByRole('button', { name: 'Cancel' }).click()

  expect(await profiles.rowActions(PROFILE.name)).toEqual(['View', 'Edit', 'Disable', 'Delete'])
  await page.keyboard.press('Escape')
})

test('a Reader sees the list without manage actions, and an asset\'s effective profile on its detail page and in the Assets list', async ({ page }) => {
  await signIn(page, READER.email, READER.password)
  const profiles = new ProfilesPage(page)
  await profiles.open()
  await expect(profiles.row(PROFILE.name)).toContainText('Every 6 h')
  await expect(profiles.newProfileButton()).toHaveCount(0)
  await expect(profiles.table.getByRole('checkbox')).toHaveCount(0)
  expect(await profiles.rowActions(PROFILE.name)).toEqual(['View'])
  await page.getByRole('menuitem', { name: 'View' }).click()
  const details = page.getByRole('dialog', { name: PROFILE.name })
  await expect(details).toContainText('Every 6 h')
  await page.screenshot({ path: '/tmp/pb-profiles-reader-view.png', fullPage: true })
  await details.getByRole('button', { name: 'Close' }).click()
  await page.screenshot({ path: '/tmp/pb-profiles-list-reader.png', fullPage: true })
  await page.setViewportSize({ width: 768, height: 900 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: '/tmp/pb-profiles-list-768-dark.png', fullPage: true })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 720 })

  // Every asset in the Reader's scope carries Servers: the Assets list shows the profile; the first asset's page too.
  await page.goto('/assets')
  const firstRow = page.locator('table.data tbody tr').first()
  await expect(firstRow).toContainText(`${PROFILE.name} · Every 6 h`)
  await page.screenshot({ path: '/tmp/pb-profiles-assets-list.png', fullPage: true })
  await page.getByRole('group', { name: 'Quick filters' }).getByRole('link', { name: 'Scan overdue' }).click()
  await expect(page.getByRole('group', { name: 'Quick filters' }).getByRole('link', { name: 'Scan overdue (on)' })).toBeVisible()
  await page.goto('/assets')
  await firstRow.getByRole('link').first().click()
  await expect(page.getByText('Assessment profile')).toBeVisible()
  await expect(page.getByRole('link', { name: PROFILE.name })).toBeVisible()
  await expect(page.locator('dl.detail-grid')).toContainText(`${PROFILE.name} · Every 6 h`)
  await page.screenshot({ path: '/tmp/pb-profiles-asset-detail.png', fullPage: true })
})
