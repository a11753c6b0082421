// @vitest-environment jsdom
// A count card with a comparison: the change in numbers and %, its arrow, and green or red by whether an increase is good — in the builder's preview too.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WidgetResult } from '@/widgets/result'
import { NO_FILTERS, widgetSchema, type Widget } from '@/widgets/schema'
import { presentWidget } from '@/widgets/present'
import { PreviewChart } from './builder/PreviewChart'
import { WidgetCard } from './WidgetCard'

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn() }) }))
afterEach(cleanup)

const countWidget = (extra: Record<string, unknown> = {}) =>
  widgetSchema.parse({ id: crypto.randomUUID(), type: 'count', title: 'Missing critical', entity: 'findings', query: 'status: Missing', comparisonDaysAgo: 7, ...extra })
const missing = countWidget()
const result = (v: number[]): WidgetResult => ({ status: 'ok', widgetId: missing.id, rows: [{ s: 0, k1: '', k2: '', v }], notes: [], computedAt: new Date().toISOString(), cached: false })
const card = (widget: Widget, v: number[]) =>
  render(<WidgetCard widget={widget} result={result(v)} filters={NO_FILTERS} timeZone="UTC" print={false} onRendered={() => {}} />)

describe('WidgetCard comparison', () => {
  it('shows an increase of missing findings as bad news, and of installed ones as good news', () => {
    card(missing, [3, 2])
    const change = screen.getByText('+1 (+50 %) vs 7 days ago') as HTMLElement
    expect(change.dataset.trend).toBe('up')
    expect(change.style.color).toBe('var(--danger)')
    expect(change.textContent).toBe('▲ +1 (+50 %) vs 7 days ago')
    cleanup()
    card(countWidget({ increaseIsGood: true }), [3, 2])
    expect((screen.getByText('+1 (+50 %) vs 7 days ago') as HTMLElement).style.color).toBe('var(--success)')
  })

  it('shows no comparison without the earlier value', () => {
    card(missing, [3])
    expect(screen.getByTestId('count-value').textContent).toBe('3')
    expect(screen.queryByText(/days ago/)).toBeNull()
  })
})

describe('PreviewChart comparison', () => {
  it('draws the change as the card does: arrow and colour', () => {
    const widget = countWidget({ increaseIsGood: true })
    render(<PreviewChart widget={widget} view={presentWidget(widget, result([2, 3]), 'UTC')} />)
    const change = screen.getByText('-1 (-33.3 %) vs 7 days ago') as HTMLElement
    expect(change.textContent).toBe('▼ -1 (-33.3 %) vs 7 days ago')
    expect(change.style.color).toBe('var(--danger)')
  })
})
