// @vitest-environment jsdom
// The widget builder as an author meets it: a refused field says why at the field, the live preview waits for a pause in
// typing (one request, with the latest widget), a query the server cannot compile is marked at the query, a stacked bar's
// stack limit appears with its stack group, and what is saved is a valid widget config of the chosen type.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { WIDGET_LIBRARY } from '@/widgets/defaults'
import type { WidgetResult } from '@/widgets/result'
import { widgetSchema, type Widget } from '@/widgets/schema'
import { PREVIEW_DELAY_MS } from './useWidgetPreview'
import { WidgetBuilderDialog } from './WidgetBuilderDialog'
import { stubRangeRects, stubResizeObserver } from '@/test/jsdom-layout'

beforeAll(() => {
  stubResizeObserver()
  stubRangeRects()
})

let answer: (widget: Widget) => WidgetResult
const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
  const body = JSON.parse(String(init?.body)) as { widget: Widget }
  return new Response(JSON.stringify(answer(body.widget)), { status: 200, headers: { 'content-type': 'application/json' } })
})

beforeEach(() => {
  answer = (widget) => ({ status: 'failed', widgetId: widget.id, message: 'not computed in this test' })
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const previewCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/api/v1/widgets/preview')

function renderBuilder(initial?: Widget) {
  const onSave = vi.fn()
  render(<WidgetBuilderDialog open onOpenChange={() => undefined} initial={initial} onSave={onSave} timeZone="UTC" />)
  return { onSave, dialog: screen.getByRole('dialog') }
}

describe('WidgetBuilderDialog', () => {
  it('shows the schema refusal at the title field and saves nothing', async () => {
    const user = userEvent.setup()
    const { onSave, dialog } = renderBuilder()
    await user.click(within(dialog).getByRole('button', { name: 'Add widget' }))
    const title = within(dialog).getByLabelText('Title')
    expect(title.getAttribute('aria-invalid')).toBe('true')
    const describedBy = title.getAttribute('aria-describedby') ?? ''
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('a widget needs a title')
    expect(onSave).not.toHaveBeenCalled()
  })

  it('asks for the preview once typing pauses, with the latest widget', async () => {
    const { dialog } = renderBuilder()
    vi.useFakeTimers()
    const title = within(dialog).getByLabelText('Title')
    // Keystrokes closer together than the pause: each one restarts the wait.
    for (const text of ['M', 'Missing', 'Missing by', 'Missing by severity']) {
      fireEvent.change(title, { target: { value: text } })
      await act(async () => {
        vi.advanceTimersByTime(PREVIEW_DELAY_MS / 2)
      })
    }
    expect(previewCalls()).toHaveLength(0)
    await act(async () => {
      vi.advanceTimersByTime(PREVIEW_DELAY_MS / 2 - 50)
    })
    expect(previewCalls()).toHaveLength(0)
    await act(async () => {
      vi.advanceTimersByTime(100)
    })
    expect(previewCalls()).toHaveLength(1)
    const sent = JSON.parse(String(previewCalls()[0][1]?.body)) as { widget: Widget }
    expect(sent.widget.title).toBe('Missing by severity')
    expect(widgetSchema.safeParse(sent.widget).success).toBe(true)
  })

  it('marks a query the server cannot compile at the query field', async () => {
    answer = (widget) => ({ status: 'invalid', widgetId: widget.id, problems: [{ source: 'query', message: 'patch.vendorSeverity has no value Urgent', start: 0, end: 6 }] })
    const user = userEvent.setup()
    const { dialog } = renderBuilder()
    await user.type(within(dialog).getByLabelText('Title'), 'Urgent')
    expect(await within(dialog).findByText('patch.vendorSeverity has no value Urgent', { selector: '.field-error' }, { timeout: 3000 })).toBeTruthy()
  })

  it('saves a valid config of the chosen type, with only that type’s fields', async () => {
    const user = userEvent.setup()
    const { onSave, dialog } = renderBuilder()
    await user.selectOptions(within(dialog).getByLabelText('Widget type'), 'pie')
    await user.type(within(dialog).getByLabelText('Title'), 'Severity share')
    await user.click(within(dialog).getByRole('button', { name: 'Add widget' }))
    expect(onSave).toHaveBeenCalledTimes(1)
    const saved = onSave.mock.calls[0][0] as Widget
    expect(widgetSchema.parse(saved)).toEqual(saved)
    expect(saved).toMatchObject({ type: 'pie', title: 'Severity share', entity: 'findings', groupBy: { token: 'patch.vendorSeverity', bucket: null } })
    expect(saved).not.toHaveProperty('orientation')
    expect(saved).not.toHaveProperty('seriesQueries')
  })

  it('offers the stack limit once a stack group is chosen, says at the field what is wrong with it, and saves it', async () => {
    const user = userEvent.setup()
    const { onSave, dialog } = renderBuilder()
    expect(within(dialog).queryByLabelText('Stack segments shown (top N)')).toBeNull()
    await user.selectOptions(within(dialog).getByLabelText('Stack by'), 'patch.vendor')
    const limit = within(dialog).getByLabelText('Stack segments shown (top N)') as HTMLInputElement
    expect(limit.value).toBe('5')
    await user.type(within(dialog).getByLabelText('Title'), 'Missing by severity and vendor')
    await user.clear(limit)
    await user.type(limit, '25')
    await user.click(within(dialog).getByRole('button', { name: 'Add widget' }))
    expect(onSave).not.toHaveBeenCalled()
    expect(limit.getAttribute('aria-invalid')).toBe('true')
    const describedBy = limit.getAttribute('aria-describedby') ?? ''
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('stack segments shown is a whole number from 1 to 20')
    await user.clear(limit)
    await user.type(limit, '3')
    // The bars keep their own "Other" beside the stack's.
    await user.click(within(dialog).getByLabelText(/Gather the rest/))
    await user.click(within(dialog).getByRole('button', { name: 'Add widget' }))
    expect(onSave).toHaveBeenCalledTimes(1)
    expect(onSave.mock.calls[0][0]).toMatchObject({ type: 'bar', stackBy: { token: 'patch.vendor', bucket: null }, stackLimit: 3, other: true })
  })

  it('edits a widget in place: same id, its fields kept', async () => {
    const user = userEvent.setup()
    const table = WIDGET_LIBRARY.find((widget) => widget.type === 'table' && widget.entity === 'findings') as Widget
    const { onSave, dialog } = renderBuilder(table)
    const title = within(dialog).getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Days missing')
    await user.click(within(dialog).getByRole('button', { name: 'Save widget' }))
    const saved = onSave.mock.calls[0][0] as Widget
    expect(saved).toEqual({ ...table, title: 'Days missing' })
  })
})
