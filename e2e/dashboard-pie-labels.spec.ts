// Pie slice labels in Chromium: on the default dashboard at 1280 px (narrow cards) and 900 px every slice label of its
// pies shows a share and lies whole inside its chart (the SVG clips whatever sticks out: "6.67 %" read "67 %").
import { expect, test, type Locator } from '@playwright/test'
import { NARROW_CARD_PX } from '../components/dashboards/chart-theme'
import { E2E_ADMIN } from '../playwright.config'
import { DashboardPage } from './pages/dashboard-page'
import { signIn } from './pages/session'

const HOME_DASHBOARD = /\/dashboards\/[0-9a-f-]{36}/
const ASCENT_SLACK_PX = 2
/** The default dashboard's pies: many slices with long names, and a donut of two. */
const PIES = ['Assets by operating system', 'Missing vs installed']

/**
 * The chart's texts that nothing but the SVG's own box clips (slice labels, the legend's pager; the legend's items sit in
 * a clipped scroll group), with their boxes relative to the chart's box.
 */
async function chartTexts(card: Locator) {
  const chart = card.locator('.widget-chart')
  return chart.evaluate((host) => {
    const outer = host.getBoundingClientRect()
    return [...host.querySelectorAll('svg text')]
      .filter((text) => text.textContent?.trim() && !text.closest('g[clip-path]'))
      .map((text) => {
        const box = text.getBoundingClientRect()
        return { text: text.textContent!.trim(), left: box.left - outer.left, right: box.right - outer.left, top: box.top - outer.top, bottom: box.bottom - outer.top, width: outer.width, height: outer.height }
      })
  })
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 900, height: 900 },
]) {
  test(`every slice label of the default dashboard's pies is whole at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password, HOME_DASHBOARD)
    const dashboard = new DashboardPage(page)
    await dashboard.waitReady()
    await page.screenshot({ path: `test-results/pie-labels-${viewport.width}-dashboard.png`, fullPage: true })
    for (const [index, title] of PIES.entries()) {
      const card = dashboard.card(title)
      await expect(card.locator('.widget-chart svg')).toBeVisible()
      await card.screenshot({ path: `test-results/pie-labels-${viewport.width}-${index}.png` })
      const texts = await chartTexts(card)
      // Every label shows its share whole (on a narrow card only the share, the legend naming the groups; on a wide one a
      // line of its own under the name); at 1280 px the cards are a quarter of the grid, narrow.
      if (viewport.width === 1280) expect(texts[0].width, `${title} is narrow`).toBeLessThan(NARROW_CARD_PX)
      const shares = texts.filter((text) => /^\d+(\.\d+)? %$/.test(text.text))
      expect(shares.length, `share labels in ${JSON.stringify(texts.map((text) => text.text))}`).toBeGreaterThan(1)
      for (const text of texts) {
        expect(text.left, `${title}: "${text.text}" left edge`).toBeGreaterThanOrEqual(0)
        expect(text.right, `${title}: "${text.text}" right edge`).toBeLessThanOrEqual(text.width)
        // A text's box reaches the font's full ascent and descent, a few pixels beyond the letters.
        expect(text.top, `${title}: "${text.text}" top edge`).toBeGreaterThanOrEqual(-ASCENT_SLACK_PX)
        expect(text.bottom, `${title}: "${text.text}" bottom edge`).toBeLessThanOrEqual(text.height + ASCENT_SLACK_PX)
      }
    }
  })
}
