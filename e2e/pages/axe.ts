// axe-core on the current page: its serious and critical violations, each as "rule (impact): help — where".
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function seriousViolations(page: Page): Promise<string[]> {
  // Every rule still runs; resultTypes only spares axe building selectors for the passes and incomplete results nobody reads.
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`)
}

/** Fails naming `what` (the page or state) when axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), what).toEqual([])
}
