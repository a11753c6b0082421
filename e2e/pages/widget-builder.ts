// Page objects of the widget builder dialog, the widget library, the rebuild dialog and the dashboard import button.
import { expect, type Locator, type Page } from '@playwright/test'

export class WidgetBuilder {
  readonly dialog: Locator
  readonly preview: Locator

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /New widget|Edit widget/ })
    this.preview = this.dialog.getByTestId('widget-preview')
  }

  async chooseType(label: string): Promise<void> {
    await this.dialog.getByLabel('Widget type').selectOption({ label })
  }

  async chooseEntity(label: string): Promise<void> {
    await this.dialog.getByLabel('Counts', { exact: true }).selectOption({ label })
  }

  /** Types the query into the QQL editor (CodeMirror), replacing what was there. */
  async setQuery(text: string): Promise<void> {
    const box = this.dialog.getByRole('textbox', { name: 'Widget query' })
    await box.focus()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.insertText(text)
  }

  async groupBy(token: string): Promise<void> {
    await this.dialog.getByLabel('Group by', { exact: true }).selectOption(token)
  }

  async setTitle(title: string): Promise<void> {
    await this.dialog.getByLabel('Title').fill(title)
  }

  /** The preview drew a chart with at least one group from the server. */
  async expectChartPreview(): Promise<number> {
    await expect(this.preview).toHaveAttribute('data-preview-state', 'ready', { timeout: 20_000 })
    const chart = this.preview.getByTestId('preview-chart')
    await expect(chart.locator('svg')).toBeVisible()
    const points = Number(await chart.getAttribute('data-points'))
    expect(points).toBeGreaterThan(0)
    return points
  }

  /** The preview drew a count; returns its text (the number, then a ratio or comparison line if any). */
  async expectCountPreview(): Promise<string> {
    await expect(this.preview).toHaveAttribute('data-preview-state', 'ready', { timeout: 20_000 })
    const count = this.preview.getByTestId('preview-count')
    await expect(count).toBeVisible()
    return count.innerText()
  }

  /** A count's "Compare with days ago" field (null: no comparison). */
  async compareWith(daysAgo: number | null): Promise<void> {
    await this.dialog.getByLabel('Compare with days ago').fill(daysAgo === null ? '' : String(daysAgo))
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Add|Save) widget$/ }).click()
    await expect(this.dialog).toBeHidden()
  }
}

export class WidgetLibrary {
  readonly dialog: Locator

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Widget library' })
  }

  async add(title: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Add ${title}`, exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }
}

export class RebuildDialogPage {
  readonly dialog: Locator

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Rebuild widgets?$/ })
  }

  line(title: string): Locator {
    return this.dialog.getByRole('listitem', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) })
  }

  async rebuildAndSave(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Rebuild and save' }).click()
    await expect(this.dialog.getByRole('status')).toContainText('Saved:')
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click()
    await expect(this.dialog).toBeHidden()
  }
}

export class ImportDashboard {
  constructor(private readonly page: Page) {}

  /** Picks `file` in the import button's file chooser; returns the report dialog. */
  async importFile(file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Import dashboard' }).click()
    await (await chooser).setFiles(file)
    const report = this.page.getByRole('dialog', { name: /Dashboard imported|Import refused/ })
    await expect(report).toBeVisible()
    return report
  }
}
