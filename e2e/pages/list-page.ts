// Page object of a searchable list (Assets, Patches, Findings, the audit log): the QQL editor, its suggestions, actions and table.
import { expect, type Locator, type Page } from '@playwright/test'

export class ListPage {
  readonly searchBox: Locator
  readonly suggestions: Locator
  readonly count: Locator
  readonly rows: Locator

  constructor(private readonly page: Page) {
    // CodeMirror's editable content: role textbox, named by the box's label.
    this.searchBox = page.getByRole('textbox', { name: 'Search query' })
    this.suggestions = page.locator('.cm-tooltip-autocomplete').getByRole('listbox')
    this.count = page.getByTestId('table-count')
    this.rows = page.locator('table.data tbody tr')
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path)
  }

  /** Types like a person, one key at a time at the end of the query. */
  async type(text: string): Promise<void> {
    await this.searchBox.focus()
    await this.page.keyboard.press('End')
    await this.searchBox.pressSequentially(text, { delay: 25 })
  }

  /** Replaces the whole query, as a paste would. */
  async fill(text: string): Promise<void> {
    await this.searchBox.focus()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.insertText(text)
  }

  /** The query's exact text (trailing spaces included). */
  async expectQuery(text: string): Promise<void> {
    await expect.poll(() => this.query()).toBe(text)
  }

  query(): Promise<string> {
    return this.searchBox.evaluate((element) => (element.querySelector('.cm-placeholder') ? '' : (element.textContent ?? '')))
  }

  /** Keyboard-driven: walk down from the preselected first option, then accept it with Enter. */
  async pickSuggestion(label: string): Promise<void> {
    const option = this.suggestions.getByRole('option').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first()
    await expect(option, `a suggestion ${label} after \`${await this.query()}\` (${this.page.url()})`).toBeVisible()
    const labels = await this.suggestions.getByRole('option').allInnerTexts()
    const index = labels.findIndex((text) => text.startsWith(label))
    // CodeMirror ignores ↓ and Enter for 75 ms after a list opens (so a quick Enter submits): a person is slower.
    await this.page.waitForTimeout(100)
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown')
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
