// Page object of a job's progress page: figures, the donut, the asset table, run and status pickers, per-patch outcomes, Export.
import { expect, type Locator, type Page } from '@playwright/test'

export class JobProgressPage {
  readonly table: Locator
  readonly chart: Locator

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Assets of the run' })
    this.chart = page.getByRole('img', { name: /^Assets by status:/ })
  }

  async expectLoaded(jobName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Progress of ${jobName}` })).toBeVisible()
  }

  figure(name: 'percent' | 'total' | 'done' | 'reboot' | 'failed'): Locator {
    return this.page.getByTestId(`progress-${name}`)
  }

  rows(): Locator {
    return this.table.locator('tbody tr')
  }

  row(assetName: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: assetName, exact: true }) })
  }

  async expandOutcomes(assetName: string): Promise<Locator> {
    const details = this.row(assetName).locator('details.patch-outcomes')
    await details.locator('summary').click()
    return details.locator('li')
  }

  async filterStatus(label: RegExp): Promise<void> {
    const select = this.page.getByLabel('Status', { exact: true })
    const option = await select.locator('option').filter({ hasText: label }).first().getAttribute('value')
    await select.selectOption(option ?? '')
  }
}
