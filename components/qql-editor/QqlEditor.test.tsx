// @vitest-environment jsdom
// The QQL editor as a user meets it: a broken query is underlined while typing, tokens are offered with their
// descriptions, no request is made for the grammar's suggestions, ↑ recalls recent searches, Enter submits.
import { EditorView } from '@codemirror/view'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { QqlEditor, type LookUpValues, type QqlEditorProps } from './QqlEditor'

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures text ranges for tooltips.
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 16, right: 8, width: 8, height: 16, toJSON: () => ({}) })
  Range.prototype.getClientRects = () => Object.assign([rect()], { item: () => rect() }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = rect as unknown as () => DOMRect
})

afterEach(cleanup)

function renderEditor(props: Partial<QqlEditorProps> = {}) {
  const handlers = { onChange: vi.fn(), onSubmit: vi.fn(), onRecall: vi.fn(), lookUpValues: vi.fn<LookUpValues>(async () => ['WEB-01', 'WEB-02']) }
  render(<QqlEditor entity="assets" version={2} value="" label="Search query" {...handlers} {...props} />)
  const content = screen.getByRole('textbox', { name: 'Search query' })
  const view = EditorView.findFromDOM(content) as EditorView
  return { ...handlers, content, view }
}

/** Types like a person: one character per transaction, at the cursor, as CodeMirror's input handling would. */
function typeText(view: EditorView, text: string) {
  act(() => {
    for (const char of text) {
      const at = view.state.selection.main.head
      view.dispatch({ changes: { from: at, insert: char }, selection: { anchor: at + 1 }, userEvent: 'input.type' })
    }
  })
}

/** CodeMirror ignores an accept key within 75 ms of a list opening (so a fast Enter submits instead): a person is slower. */
const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)))

const options = () => [...document.querySelectorAll('.cm-tooltip-autocomplete li')].map((item) => item.textContent ?? '')

describe('QqlEditor', () => {
  it('underlines a broken value while typing and says why', async () => {
    const { view } = renderEditor()
    typeText(view, 'osFamily: Windoze')
    await waitFor(() => expect(document.querySelector('.cm-lintRange-error')?.textContent).toBe('Windoze'))
    const underline = document.querySelector('.cm-lintRange-error') as HTMLElement
    expect(underline.closest('.cm-content')).not.toBeNull()
  })

  it('marks a deprecated token of a version 1 query as a warning, not an error', async () => {
    const { view } = renderEditor({ version: 1 })
    typeText(view, 'os: windows')
    await waitFor(() => expect(document.querySelector('.cm-lintRange-warning')?.textContent).toBe('os'))
    expect(document.querySelector('.cm-lintRange-error')).toBeNull()
  })

  it('offers matching tokens with their description, without asking the server', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const { view, lookUpValues } = renderEditor()
    typeText(view, 'osFamily: Windows AND missingPat')
    await waitFor(() => expect(options()).toContain('missingPatchCountinteger'))
    await waitFor(() => expect(document.querySelector('.cm-completionInfo')?.textContent).toContain('Number of patches missing on the asset.'))
    expect(lookUpValues).not.toHaveBeenCalled()
    expect(fetchSpy).not.toHaveBeenCalled()
    fetchSpy.mockRestore()
  })

  it('picks a suggestion with the keyboard and continues with the next list', async () => {
    const user = userEvent.setup()
    const { view, content } = renderEditor()
    content.focus()
    typeText(view, 'osFam')
    await waitFor(() => expect(options()[0]).toContain('osFamily'))
    await pause()
    await user.keyboard('{Enter}')
    expect(view.state.doc.toString()).toBe('osFamily: ')
    await waitFor(() => expect(options()).toEqual(expect.arrayContaining(['Windows', 'Linux'])))
    await pause()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(view.state.doc.toString()).toMatch(/^osFamily: \w+ $/)
  })

  it('asks the server for known values once typing pauses, not per keystroke', async () => {
    const { view, lookUpValues } = renderEditor()
    typeText(view, 'name: WEB')
    await waitFor(() => expect(options()).toEqual(expect.arrayContaining([expect.stringContaining('WEB-01')])))
    expect(lookUpValues).toHaveBeenCalledTimes(1)
    expect(lookUpValues.mock.calls[0][0]).toMatchObject({ token: 'name', prefix: 'WEB' })
  })

  it('recalls recent searches with ↑ and submits with Enter', async () => {
    const user = userEvent.setup()
    const recent = [
      { query: 'osFamily: Linux', version: 2 },
      { query: 'missingPatchCount > 5', version: 2 },
    ]
    const { view, content, onRecall, onSubmit } = renderEditor({ recent })
    content.focus()
    await user.keyboard('{ArrowUp}')
    await waitFor(() => expect(options()).toEqual(['osFamily: Linuxrecent', 'missingPatchCount > 5recent']))
    await pause()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(view.state.doc.toString()).toBe('missingPatchCount > 5')
    expect(onRecall).toHaveBeenCalledWith(recent[1])
    await user.keyboard('{Enter}')
    expect(onSubmit).toHaveBeenCalledWith('missingPatchCount > 5')
  })
})
