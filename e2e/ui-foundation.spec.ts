// UI foundation in Chromium: dialogs instead of window.confirm, the dark theme kept with the user, the 768 px tablet layout,
// and an axe-core check of every page (no serious or critical violations) in the light and the dark theme.
import { expect, test, type Page } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { AccountPage } from './pages/account-page'
import { ActivationKeysPage } from './pages/activation-keys-page'
import { AppShell } from './pages/app-shell'
import { seriousViolations } from './pages/axe'
import { LoginPage } from './pages/login-page'
import { UsersPage } from './pages/users-page'

test.describe.configure({ mode: 'serial' })

const DOOMED = { email: 'doomed.user@e2e.test', name: 'Doomed User', role: 'Patch Reader', tags: ['Site-Berlin'], password: 'doomed-user-password-1' }

async function signInAsAdmin(page: Page): Promise<void> {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(E2E_ADMIN.email, E2E_ADMIN.password)
  // Signing in opens the home dashboard; this test goes on from the Assets list.
  await expect(page).toHaveURL(/\/dashboards\//)
  await page.goto('/assets')
}

/** Serious and critical axe violations of the page as it is now, one readable line each. */

test('deleting a user and revoking a key ask in a dialog (Escape cancels), never with window.confirm', async ({ page }) => {
  const nativeDialogs: string[] = []
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await signInAsAdmin(page)
  const users = new UsersPage(page)
  await users.open()
  await users.createUser(DOOMED)

  let dialog = await users.askToDelete(DOOMED.email)
  await expect(dialog).toContainText('This cannot be undone.')
  // Focus starts on Cancel, so a stray Enter never deletes.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.screenshot({ path: '/tmp/pb-ui-confirm-dialog.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(users.row(DOOMED.email)).toBeVisible()

  dialog = await users.askToDelete(DOOMED.email)
  await dialog.getByRole('button', { name: 'Delete user' }).click()
  await expect(page.getByRole('status')).toContainText(`Deleted: ${DOOMED.email}`)
  await expect(users.row(DOOMED.email)).toHaveCount(0)

  const keys = new ActivationKeysPage(page)
  await keys.open()
  await keys.create('Dialog test key', 'Site-Berlin')
  await keys.row('Dialog test key').getByRole('button', { name: 'Revoke' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(keys.row('Dialog test key')).toContainText('Active')
  await keys.revoke('Dialog test key')
  expect(nativeDialogs).toEqual([])
})

test('the dark theme chosen on the Account page is kept across a reload and on every page', async ({ page }) => {
  await signInAsAdmin(page)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system')
  await page.screenshot({ path: '/tmp/pb-ui-assets-light.png' })
  const account = new AccountPage(page)
  await account.open()
  await account.chooseTheme('Dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  // Rendered by the server into <html>: dark from the first paint, no flash of the light theme.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const background = await page.evaluate(() => getComputedStyle(document.body.querySelector('.main')!).backgroundColor)
  expect(background).not.toBe('rgb(244, 246, 249)')
  await page.goto('/assets')
  const firstResponse = await page.request.get('/assets')
  expect(await firstResponse.text()).toContain('data-theme="dark"')
  await page.screenshot({ path: '/tmp/pb-ui-assets-dark.png' })
  await page.goto('/administration/users')
  await page.screenshot({ path: '/tmp/pb-ui-users-dark.png' })
  await account.open()
  await account.chooseTheme('Same as the device')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system')
})

test('at 768 px the Assets page does not overflow sideways, the table scrolls in its card, and the navigation opens as a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 })
  await signInAsAdmin(page)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBe(0)
  // The table is wider than the card at this width: it scrolls inside the card instead.
  const table = await page.evaluate(() => {
    const scroller = document.querySelector('.grid-scroll')!
    return { wider: scroller.scrollWidth > scroller.clientWidth, overflowX: getComputedStyle(scroller).overflowX }
  })
  expect(table).toEqual({ wider: true, overflowX: 'auto' })
  await expect(page.locator('aside.sidebar')).toBeHidden()
  await page.screenshot({ path: '/tmp/pb-ui-assets-768.png', fullPage: true })

  const shell = new AppShell(page)
  await shell.openNavigationDrawer()
  await page.screenshot({ path: '/tmp/pb-ui-drawer-768.png' })
  await page.getByRole('dialog').getByRole('link', { name: 'Findings' }).click()
  await expect(page).toHaveURL(/\/findings/)
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
})

test('every page passes axe-core without serious or critical violations, in the light and the dark theme', async ({ page, browser }) => {
  // Two themes × a dozen pages, each analysed in full.
  test.setTimeout(240_000)
  const signedOut = await browser.newContext()
  const anonymous = await signedOut.newPage()
  await anonymous.goto('/login')
  expect(await seriousViolations(anonymous), 'login').toEqual([])
  await signedOut.close()

  await signInAsAdmin(page)
  await page.locator('table.data tbody a').first().click()
  await expect(page).toHaveURL(/\/assets\/.+/)
  const assetDetail = new URL(page.url()).pathname
  await page.goto('/patches')
  await page.locator('table.data tbody a').first().click()
  await expect(page).toHaveURL(/\/patches\/.+/)
  const patchDetail = new URL(page.url()).pathname
  // '/' opens the home dashboard.
  const pages = ['/', '/dashboards', '/assets', '/patches', '/findings', '/jobs', '/jobs/new', assetDetail, patchDetail, '/account', '/configuration', '/configuration/profiles', '/configuration/licenses', '/administration', '/administration/users', '/administration/permissions', '/administration/audit', '/administration/activation-keys', '/administration/data-import', '/administration/subscription']

  const account = new AccountPage(page)
  for (const theme of ['Light', 'Dark'] as const) {
    await account.open()
    await account.chooseTheme(theme)
    for (const path of pages) {
      await page.goto(path)
      await expect(page.locator('main h1').first()).toBeVisible()
      expect(await seriousViolations(page), `${path} (${theme})`).toEqual([])
      if (path === '/account' || path === patchDetail) await page.screenshot({ path: `/tmp/pb-ui-${path === '/account' ? 'account' : 'patch'}-${theme.toLowerCase()}.png`, fullPage: true })
    }
  }
  // Menus, dialogs and tabs are checked open too.
  await new AppShell(page).openUserMenu()
  expect(await seriousViolations(page), 'user menu').toEqual([])
  await page.keyboard.press('Escape')
  await page.goto('/administration/users')
  await new UsersPage(page).rowAction(E2E_ADMIN.email, 'Edit')
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await seriousViolations(page), 'edit user dialog').toEqual([])
  await page.screenshot({ path: '/tmp/pb-ui-edit-dialog-dark.png' })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await account.open()
  await account.chooseTheme('Same as the device')
})
