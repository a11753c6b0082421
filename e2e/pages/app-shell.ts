// Page object of the signed-in frame: the user menu (Account, Sign out) and the navigation drawer of narrow screens.
import { expect, type Page } from '@playwright/test'

export class AppShell {
  constructor(private readonly page: Page) {}

  async openUserMenu(): Promise<void> {
    await this.page.getByRole('button', { name: /^User menu/ }).click()
    await expect(this.page.getByRole('menu')).toBeVisible()
  }

  async openAccount(): Promise<void> {
    await this.openUserMenu()
    await this.page.getByRole('menuitem', { name: 'Account' }).click()
    await expect(this.page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible()
  }

  async signOut(): Promise<void> {
    await this.openUserMenu()
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(this.page).toHaveURL(/\/login/)
  }

  /** Below 1024 px: the Menu button opens the navigation as a drawer. */
  async openNavigationDrawer(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open navigation' }).click()
    await expect(this.page.getByRole('dialog').getByRole('navigation', { name: 'Main' })).toBeVisible()
  }
}
