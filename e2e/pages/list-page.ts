// Page object of a searchable list (Assets, Patches, Findings): the QQL box, its suggestions, actions and table.
import { expect, type Locator, type Page } from '@playwright/test'

export class ListPage {
  readonly searchBox: Locator
  readonly suggestions: Locator
  readonly count: Locator
  readonly rows: Locator

  constructor(private readonly page: Page) {
    this.searchBox = page.getByLabel('Search query')
    this.suggestions = page.getByRole('listbox', { name: 'Suggestions' })
    this.count = page.getByTestId('table-count')
    this.rows = page.locator('table.data tbody tr')
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path)
  }

  /** Types like a person, so the box asks for suggestions as it goes. */
  async type(text: string): Promise<void> {
    await this.searchBox.click()
    await this.searchBox.pressSequentially(text, { delay: 25 })
  }

  async pickSuggestion(label: string): Promise<void> {
    const option = this.suggestions.getByRole('option', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
    await expect(option).toBeVisible()
    // Keyboard-driven: walk down to the option, then accept it with Enter.
    const labels = await this.suggestions.getByRole('option').allInnerTexts()
    const index = labels.findIndex((text) => text.startsWith(label))
    for (let i = 0; i <= index; i++) await this.page.keyboard.press('ArrowDown')
    await this.page.keyboard.press('Enter')
  }

  async submit(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await this.page.keyboard.press('Enter')
  }

  async total(): Promise<number> {
    const text = await this.count.innerText()
    return Number(/of ([\d,]+)/.exec(text)?.[1].replace(/,/g, ''))
  }
}
