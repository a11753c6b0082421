// Page object of Account: profile and theme, password, personal API tokens (three tabs).
import { expect, type Page } from '@playwright/test'
import { AppShell } from './app-shell'

export class AccountPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).openAccount()
  }

  async openTab(name: 'Profile and appearance' | 'Password' | 'API tokens'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  /** Creates a token and returns it, as the page shows it once. */
  async createToken(name: string): Promise<string> {
    await this.openTab('API tokens')
    const form = this.page.getByRole('form', { name: 'New API token' })
    await form.getByLabel('Token name').fill(name)
    await form.getByRole('button', { name: 'Create token' }).click()
    const secret = this.page.getByTestId('notice-secret')
    await expect(secret).toContainText('pbt_')
    return (await secret.innerText()).trim()
  }

  async revoke(name: string): Promise<void> {
    await this.openTab('API tokens')
    const row = this.page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name })
    await row.getByRole('button', { name: 'Revoke' }).click()
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click()
    await expect(row).toContainText('Revoked')
  }

  async chooseTheme(label: 'Light' | 'Dark' | 'Same as the device'): Promise<void> {
    await this.openTab('Profile and appearance')
    const form = this.page.getByRole('form', { name: 'Appearance' })
    await form.getByLabel(label).check()
    await form.getByRole('button', { name: 'Save appearance' }).click()
    await expect(this.page.getByRole('status')).toContainText('Theme:')
  }
}
