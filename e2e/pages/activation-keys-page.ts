// Page object of Administration → Activation keys.
import { expect, type Page } from '@playwright/test'

export class ActivationKeysPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/administration')
    await this.page.getByRole('link', { name: 'Activation keys' }).click()
    await expect(this.page.getByRole('heading', { name: 'Activation keys' })).toBeVisible()
  }

  /** Creates a key and returns the whole key, which the page shows once. */
  async create(title: string, tags: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'New activation key' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Tags (comma-separated)').fill(tags)
    await form.getByRole('button', { name: 'Create key' }).click()
    const key = this.page.getByTestId('notice-secret')
    await expect(key).toHaveText(/^pbk_[0-9a-f]{12}_/)
    return (await key.innerText()).trim()
  }

  async revoke(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Revoke' }).click()
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click()
    await expect(this.row(title)).toContainText('Revoked')
  }

  row(title: string) {
    return this.page.getByRole('table', { name: 'Activation keys' }).getByRole('row').filter({ hasText: title })
  }
}
