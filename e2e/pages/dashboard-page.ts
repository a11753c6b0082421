// Page object of a dashboard (/dashboards/:id): its widget cards, readiness, edit mode, filters, the menu, and its data request.
import { expect, type Locator, type Page, type Response } from '@playwright/test'

export interface WidgetResultJson {
  widgetId: string
  status: string
  rows?: { s: number; k1: string; k2: string; v: (number | null)[] }[]
}

export class DashboardPage {
  readonly grid: Locator
  readonly cards: Locator

  constructor(private readonly page: Page) {
    this.grid = page.getByTestId('dashboard-grid')
    this.cards = page.getByTestId('widget-card')
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path)
    await this.waitReady()
  }

  /** Every card shows its final state (the attribute the PNG/PDF renderer waits for). */
  async waitReady(): Promise<void> {
    await expect(this.grid).toHaveAttribute('data-dashboard-ready', 'true', { timeout: 30_000 })
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name: title, exact: true }) })
  }

  /** The `GET …/data` answer that the action triggers. */
  async dataAfter(action: () => Promise<unknown>): Promise<{ results: WidgetResultJson[] }> {
    const response = this.page.waitForResponse((r: Response) => /\/api\/v1\/dashboards\/[^/]+\/data/.test(r.url()) && r.request().method() === 'GET')
    await action()
    return (await (await response).json()) as { results: WidgetResultJson[] }
  }

  async startEditing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit layout' }).click()
    await expect(this.page.getByRole('button', { name: 'Save dashboard' })).toBeVisible()
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save dashboard' }).click()
    await expect(this.page.getByRole('status')).toContainText('Saved (revision')
  }

  /** Drags a card by its title bar by (dx, dy) pixels, in small steps as a hand would. */
  async drag(title: string, dx: number, dy: number): Promise<void> {
    const head = this.card(title).locator('.widget-head')
    const box = (await head.boundingBox())!
    await this.page.mouse.move(box.x + 40, box.y + box.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + 40 + dx, box.y + box.height / 2 + dy, { steps: 12 })
    await this.page.mouse.up()
  }

  /** Resizes a card from its lower right handle by (dx, dy) pixels. */
  async resize(title: string, dx: number, dy: number): Promise<void> {
    const cell = this.page.getByTestId('dashboard-cell').filter({ has: this.card(title) })
    const handle = cell.locator('.react-resizable-handle-se')
    await cell.hover()
    const box = (await handle.boundingBox())!
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 12 })
    await this.page.mouse.up()
  }

  /**
   * A card's place in the grid (relative to the grid's corner, which edit mode's toolbar moves down), once it has stopped
   * moving (cards glide to their grid position after a drop).
   */
  async cellBox(title: string) {
    const cell = this.page.getByTestId('dashboard-cell').filter({ has: this.card(title) })
    const place = async () => {
      const [box, grid] = [(await cell.boundingBox())!, (await this.grid.boundingBox())!]
      return { x: box.x - grid.x, y: box.y - grid.y, width: box.width, height: box.height }
    }
    let previous = await place()
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.page.waitForTimeout(100)
      const box = await place()
      if (box.x === previous.x && box.y === previous.y && box.width === previous.width && box.height === previous.height) return box
      previous = box
    }
    return previous
  }

  async setFilterQuery(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Dashboard filter query' })
    await box.focus()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.insertText(text)
  }

  async applyFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply filters' }).click()
  }

  async pickTag(tag: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Filter by tags' }).click()
    await this.page.getByRole('dialog', { name: 'Filter by tags' }).getByLabel(tag, { exact: true }).check()
    await this.page.keyboard.press('Escape')
  }

  async openMenu(): Promise<void> {
    await this.page.getByRole('button', { name: 'Dashboard actions' }).click()
    await expect(this.page.getByRole('menu')).toBeVisible()
  }

  /**
   * Where the bars of a bar chart card are (SVG paths with a fill and a bar's size), left to right — as positions, since
   * hovering redraws the chart and changes which path is which.
   */
  async bars(title: string): Promise<{ x: number; y: number }[]> {
    const found: { x: number; y: number }[] = []
    for (const path of await this.card(title).locator('.widget-chart svg path').all()) {
      const fill = await path.getAttribute('fill')
      const box = await path.boundingBox()
      if (!fill || fill === 'none' || fill === 'transparent' || box === null || box.width < 6 || box.height < 3 || box.width > 300) continue
      found.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 })
    }
    return found.sort((a, b) => a.x - b.x)
  }
}
