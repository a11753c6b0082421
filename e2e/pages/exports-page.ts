// Page objects of exporting: the Export dialog of a list and the My exports page (its rows, progress bars, downloads).
import { expect, type Download, type Locator, type Page } from '@playwright/test'

export class ExportDialog {
  readonly dialog: Locator
  readonly summary: Locator

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Export / })
    this.summary = this.dialog.getByTestId('export-summary')
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(this.dialog).toBeVisible()
    await expect(this.summary).toBeVisible()
  }

  /** The row count the dialog states ("1,234 rows: …"). */
  async rows(): Promise<number> {
    const text = (await this.summary.textContent()) ?? ''
    return Number(text.split(' ')[0].replace(/,/g, ''))
  }

  async chooseFormat(label: 'Excel (XLSX)' | 'CSV'): Promise<void> {
    await this.dialog.getByRole('radio', { name: label }).check()
  }

  async startBackgroundExport(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Start background export' }).click()
    await expect(this.dialog.getByRole('status')).toContainText('Export started')
  }

  async openMyExports(): Promise<void> {
    await this.dialog.getByRole('link', { name: 'Open My exports' }).click()
    await expect(this.page).toHaveURL(/\/exports$/)
  }
}

export class ExportsPage {
  readonly table: Locator

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'My exports' })
  }

  async open(): Promise<void> {
    await this.page.goto('/exports')
  }

  /** The newest export's row (the list is newest first). */
  newest(): Locator {
    return this.table.locator('tbody tr').first()
  }

  /** The line under the export's name: its query, or its filters in words. */
  description(row: Locator): Locator {
    return row.getByTestId('export-description')
  }

  progressBar(row: Locator): Locator {
    return row.getByRole('progressbar')
  }

  async download(row: Locator): Promise<Download> {
    const downloading = this.page.waitForEvent('download')
    await row.getByRole('link', { name: /^Download/ }).click()
    return downloading
  }
}
