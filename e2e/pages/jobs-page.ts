// Page objects of the Jobs list (rows, row actions, filters) and the job wizard (steps, pickers, schedule, summary, save).
import { expect, type Locator, type Page } from '@playwright/test'

export class JobsPage {
  readonly table: Locator

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Jobs' })
  }

  async open(): Promise<void> {
    await this.page.goto('/jobs')
    await expect(this.page.getByRole('heading', { name: 'Jobs', exact: true })).toBeVisible()
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByText(name, { exact: true }) })
  }

  async openActions(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name: `Actions for ${name}` }).click()
    const menu = this.page.getByRole('menu')
    await expect(menu).toBeVisible()
    return menu
  }
}

export class JobWizardPage {
  readonly form: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Job wizard' })
  }

  stepHeading(title: string): Locator {
    return this.form.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\. ${title}$`) })
  }

  async next(to: string): Promise<void> {
    await this.form.getByRole('button', { name: `Next: ${to}` }).click()
    await expect(this.stepHeading(to)).toBeVisible()
  }

  /** Runs the picker's search (empty: every item in scope) and ticks the first `count` results not chosen yet. */
  async pick(picker: 'Target assets' | 'Patches', entity: 'assets' | 'patches', count: number): Promise<string[]> {
    const group = this.form.getByRole('group', { name: picker })
    await group.getByRole('button', { name: `Find ${entity}` }).click()
    const boxes = group.locator('.picker-list input[type=checkbox]:not(:checked)')
    await expect(boxes.first()).toBeVisible()
    const labels: string[] = []
    for (let i = 0; i < count; i++) {
      const box = boxes.first()
      labels.push((await box.locator('xpath=following-sibling::span[1]').innerText()).trim())
      await box.check()
    }
    return labels
  }

  chips(picker: 'Target assets' | 'Patches'): Locator {
    return this.form.getByRole('group', { name: picker }).getByTestId('picked')
  }

  async weekly(days: string[], time: string, zone: string): Promise<void> {
    await this.form.getByLabel('Runs', { exact: true }).selectOption('Weekly')
    for (const day of days) await this.form.getByLabel(day, { exact: true }).check()
    await this.form.getByLabel('At', { exact: true }).fill(time)
    await this.form.getByLabel('Time zone', { exact: true }).selectOption('zone')
    await this.form.getByLabel('Zone', { exact: true }).selectOption(zone)
  }
}
