// @vitest-environment jsdom
// The list search box: a version 1 query opens as version 1 with its warnings and a Rebuild offer (before/after); Search
// keeps the version in the URL; the reading is grammatical; a broken query is not submitted.
import { EditorView } from '@codemirror/view'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { QqlSearchBox } from './QqlSearchBox'

const push = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }))

beforeAll(() => {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 16, right: 8, width: 8, height: 16, toJSON: () => ({}) })
  Range.prototype.getClientRects = () => Object.assign([rect()], { item: () => rect() }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = rect as unknown as () => DOMRect
})

afterEach(() => {
  cleanup()
  push.mockReset()
})

function renderBox(query: string, version: number) {
  render(<QqlSearchBox entity="assets" basePath="/assets" initialQuery={query} initialVersion={version} recent={[]} placeholder="" suggestUrl="/api/v1/qql/suggest" />)
  return EditorView.findFromDOM(screen.getByRole('textbox', { name: 'Search query' })) as EditorView
}

describe('QqlSearchBox', () => {
  it('opens a version 1 query as version 1 with its warning and submits it with v=1', async () => {
    const user = userEvent.setup()
    renderBox('os: windows', 1)
    expect(screen.getByText(/Written for token version 1/)).toBeTruthy()
    expect(screen.getByText(/`os` was renamed `operatingSystem`/)).toBeTruthy()
    expect(screen.getByTestId('query-explain').textContent).toBe('Assets where operatingSystem contains "windows"')
    await user.click(screen.getByRole('button', { name: 'Search' }))
    expect(push).toHaveBeenCalledWith('/assets?q=os%3A+windows&v=1')
  })

  it('rebuilds a version 1 query after showing before and after', async () => {
    const user = userEvent.setup()
    const view = renderBox('os: windows AND patch.isLatest: true', 1)
    await user.click(screen.getByRole('button', { name: 'Rebuild…' }))
    expect(screen.getByText('Before (version 1)')).toBeTruthy()
    expect(screen.getByText('operatingSystem: windows AND patch.isSuperseded: false')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Use the rebuilt query' }))
    expect(view.state.doc.toString()).toBe('operatingSystem: windows AND patch.isSuperseded: false')
    expect(screen.queryByText(/Written for token version 1/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Search' }))
    expect(push).toHaveBeenCalledWith('/assets?q=operatingSystem%3A+windows+AND+patch.isSuperseded%3A+false')
  })

  it('reads the query as a sentence and keeps a broken one from being submitted', async () => {
    const user = userEvent.setup()
    const view = renderBox('patch.status: Missing', 2)
    expect(screen.getByTestId('query-explain').textContent).toBe('Assets that have a current finding where patch.status is Missing')
    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: ' AND' }, userEvent: 'input.type' }))
    await waitFor(() => expect(screen.getByRole('list', { name: 'Query errors' }).textContent).toContain('expected a condition after `AND`'))
    await user.click(screen.getByRole('button', { name: 'Search' }))
    expect(push).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toContain('expected a condition')
  })
})
