// Page object of Administration → Data import: upload, the report, ingest history and quarantine.
import { expect, type Page } from '@playwright/test'

export class DataImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/administration')
    await this.page.getByRole('link', { name: 'Data import' }).click()
    await expect(this.page.getByRole('heading', { name: 'Data import' })).toBeVisible()
  }

  async upload(name: string, content: string): Promise<void> {
    await this.page.getByLabel('Choose files').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(content) })
  }

  result(name: string) {
    return this.page.getByTestId('upload-result').filter({ hasText: name })
  }

  historyRow(text: string) {
    return this.page.getByRole('table', { name: 'Ingest history' }).getByRole('row').filter({ hasText: text })
  }

  quarantineRow(text: string) {
    return this.page.getByRole('table', { name: 'Quarantine' }).getByRole('row').filter({ hasText: text })
  }
}
