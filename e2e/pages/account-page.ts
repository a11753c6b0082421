// Page object of Account: profile, password, personal API tokens.
import { expect, type Page } from '@playwright/test'

export class AccountPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Account' }).click()
    await expect(this.page.getByRole('heading', { name: 'Account' })).toBeVisible()
  }

  /** Creates a token and returns it, as the page shows it once. */
  async createToken(name: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'New API token' })
    await form.getByLabel('Token name').fill(name)
    await form.getByRole('button', { name: 'Create token' }).click()
    const secret = this.page.locator('code.secret')
    await expect(secret).toContainText('pbt_')
    return (await secret.innerText()).trim()
  }

  async revoke(name: string): Promise<void> {
    const row = this.page.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name })
    await row.getByRole('button', { name: 'Revoke' }).click()
    await expect(row).toContainText('Revoked')
  }
}
