// Page objects of Administration → Subscription (the tier form and its Free-fallback confirmation), Configuration → Licenses, and the app's subscription banner.
import { expect, type Locator, type Page } from '@playwright/test'

export class SubscriptionPage {
  readonly form: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Change the subscription' })
  }

  async open(): Promise<void> {
    await this.page.goto('/administration/subscription')
    await expect(this.page.getByRole('heading', { name: 'Subscription', exact: true })).toBeVisible()
  }

  /** Chooses tier and expiry and saves; answers the Free-fallback question with `confirm` when it is asked. */
  async save(tier: 'Free' | 'Trial' | 'Paid', expiresOn: string | null, confirm = true): Promise<void> {
    await this.form.getByLabel('Tier', { exact: true }).selectOption(tier)
    if (expiresOn !== null) await this.form.getByLabel('Expires on').fill(expiresOn)
    await this.form.getByRole('button', { name: 'Save subscription' }).click()
    if (!confirm) return
    const question = this.page.getByRole('alertdialog', { name: 'Fall back to Free?' })
    await expect(question).toBeVisible()
    await question.getByRole('button', { name: 'Save and fall back to Free' }).click()
  }
}

export class LicensesPage {
  readonly form: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Licence settings' })
  }

  async open(): Promise<void> {
    await this.page.goto('/configuration/licenses')
    await expect(this.page.getByRole('heading', { name: 'Licenses', exact: true })).toBeVisible()
  }

  consumption(): Locator {
    return this.page.getByRole('region', { name: 'Consumption' })
  }

  async save(settings: { count: number; include: string[]; exclude: string[] }): Promise<void> {
    await this.form.getByLabel('Licences', { exact: true }).fill(String(settings.count))
    await this.form.getByLabel('Include tags (patchable assets)').fill(settings.include.join(', '))
    await this.form.getByLabel('Exclude tags').fill(settings.exclude.join(', '))
    await this.form.getByRole('button', { name: 'Save licences' }).click()
    await expect(this.page.getByRole('status')).toContainText('Saved:')
  }
}

/** The strip under the top bar on every signed-in page. */
export function subscriptionBanner(page: Page): Locator {
  return page.getByRole('region', { name: 'Subscription' })
}
