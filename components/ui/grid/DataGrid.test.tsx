// @vitest-environment jsdom
// The data grid as a user meets it: sorting by a header click, a hidden column that stays hidden next time, selecting rows for a bulk action.
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { gridData, type ColumnDef } from './columns'
import { DataGrid } from './DataGrid'
import { layoutStorageKey } from './layout'
import { stubResizeObserver } from '@/test/jsdom-layout'

interface Person {
  id: string
  name: string
  role: string
  logins: number
}

const PEOPLE: Person[] = [
  { id: 'b', name: 'Bea', role: 'Reader', logins: 3 },
  { id: 'a', name: 'Ada', role: 'Administrator', logins: 10 },
  { id: 'c', name: 'Cem', role: 'Manager', logins: 1 },
]

const COLUMNS: ColumnDef<Person>[] = [
  { id: 'name', header: 'Name', sortKey: 'name', hideable: false, sortValue: (p) => p.name, cell: (p) => <strong>{p.name}</strong> },
  { id: 'role', header: 'Role', cell: (p) => p.role },
  { id: 'logins', header: 'Logins', sortKey: 'logins', numeric: true, sortValue: (p) => p.logins, cell: (p) => p.logins },
]

beforeAll(() => {
  // Radix measures its popover's anchor; jsdom has no ResizeObserver.
  stubResizeObserver()
})

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

function renderGrid(props: Partial<Parameters<typeof DataGrid>[0]> = {}) {
  return render(<DataGrid tableId="people" userId="u1" label="People" noun="people" {...gridData(COLUMNS, PEOPLE, (p) => p.id, (p) => ({ label: p.name }))} {...props} />)
}

const namesInOrder = () =>
  within(screen.getByRole('table', { name: 'People' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').find((cell) => cell.querySelector('strong'))?.textContent)

describe('DataGrid', () => {
  it('sorts by a column when its header is clicked, and reverses on the second click', async () => {
    const user = userEvent.setup()
    renderGrid()
    expect(namesInOrder()).toEqual(['Bea', 'Ada', 'Cem'])
    await user.click(screen.getByRole('button', { name: 'Name' }))
    expect(namesInOrder()).toEqual(['Ada', 'Bea', 'Cem'])
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveProperty('ariaSort', 'ascending')
    await user.click(screen.getByRole('button', { name: /Name/ }))
    expect(namesInOrder()).toEqual(['Cem', 'Bea', 'Ada'])
    // A number column sorts the largest first.
    await user.click(screen.getByRole('button', { name: 'Logins' }))
    expect(namesInOrder()).toEqual(['Ada', 'Bea', 'Cem'])
  })

  it('lets a keyboard user reach the scrolling area of a table wider or taller than its card', async () => {
    const user = userEvent.setup()
    renderGrid()
    const scroller = screen.getByRole('region', { name: 'People, scrollable' })
    expect(within(scroller).getByRole('table', { name: 'People' })).toBeTruthy()
    // Tab past the toolbar (the Columns button) to the table's scrolling area.
    for (let step = 0; step < 5 && document.activeElement !== scroller; step++) await user.tab()
    expect(document.activeElement).toBe(scroller)
  })

  it('links server-sorted headers to the sorted URL, keeping the query and going back to page 1', () => {
    renderGrid({ paging: { basePath: '/people', keep: { q: 'role: Reader' }, sort: 'name', dir: 'asc', page: 3, pageSize: 1, total: 3 } })
    const sorted = screen.getByRole('link', { name: /Name/ })
    expect(new URL(sorted.getAttribute('href')!, 'http://x').searchParams.toString()).toBe('q=role%3A+Reader&sort=name&dir=desc&page=1&pageSize=1')
    expect(screen.getByRole('link', { name: 'Logins' }).getAttribute('href')).toContain('sort=logins&dir=desc')
    expect(screen.getByTestId('table-count').textContent).toBe('3–3 of 3 people')
  })

  it('hides a column chosen in the Columns menu, and still hides it when the table is shown again', async () => {
    const user = userEvent.setup()
    const first = renderGrid()
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(screen.getByRole('checkbox', { name: 'Role' }))
    expect(screen.queryByRole('columnheader', { name: 'Role' })).toBeNull()
    expect(screen.queryByText('Administrator')).toBeNull()
    expect(JSON.parse(window.localStorage.getItem(layoutStorageKey('u1', 'people'))!)).toEqual({ hidden: ['role'], order: [] })
    first.unmount()

    renderGrid()
    expect(screen.queryByRole('columnheader', { name: 'Role' })).toBeNull()
    expect(screen.getByRole('columnheader', { name: 'Logins' })).toBeTruthy()
    // Another user's layout of the same table is their own.
    cleanup()
    renderGrid({ userId: 'u2' })
    expect(screen.getByRole('columnheader', { name: 'Role' })).toBeTruthy()
  })

  it('moves a column later from the Columns menu', async () => {
    const user = userEvent.setup()
    renderGrid()
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(screen.getByRole('button', { name: 'Move Name later' }))
    const headers = within(screen.getByRole('table', { name: 'People' })).getAllByRole('columnheader').map((th) => th.textContent)
    expect(headers).toEqual(['Role', 'Name', 'Logins'])
  })

  it('shows "N selected" with the page\'s bulk actions, which receive the selected rows', async () => {
    const user = userEvent.setup()
    const onDelete = vi.fn()
    renderGrid({
      bulkActions: (ids, clear) => (
        <button
          type="button"
          onClick={() => {
            onDelete(ids)
            clear()
          }}
        >
          Delete selected
        </button>
      ),
    })
    expect(screen.queryByText(/selected$/)).toBeNull()
    await user.click(screen.getByRole('checkbox', { name: 'Select Ada' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Cem' }))
    const bar = screen.getByRole('region', { name: 'Selected rows' })
    expect(within(bar).getByText('2 selected')).toBeTruthy()
    await user.click(within(bar).getByRole('button', { name: 'Delete selected' }))
    expect(onDelete).toHaveBeenCalledWith(['a', 'c'])
    expect(screen.queryByRole('region', { name: 'Selected rows' })).toBeNull()

    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }))
    expect(within(screen.getByRole('region', { name: 'Selected rows' })).getByText('3 selected')).toBeTruthy()
  })

  it('a row marked not selectable has no checkbox and "Select all" leaves it out', async () => {
    const user = userEvent.setup()
    const onDelete = vi.fn()
    render(
      <DataGrid
        tableId="people"
        userId="u1"
        label="People"
        noun="people"
        {...gridData(COLUMNS, PEOPLE, (p) => p.id, (p) => ({ label: p.name, selectable: p.id !== 'b' }))}
        bulkActions={(ids) => (
          <button type="button" onClick={() => onDelete(ids)}>
            Delete selected
          </button>
        )}
      />,
    )
    expect(screen.queryByRole('checkbox', { name: 'Select Bea' })).toBeNull()
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }))
    await user.click(within(screen.getByRole('region', { name: 'Selected rows' })).getByRole('button', { name: 'Delete selected' }))
    expect(onDelete).toHaveBeenCalledWith(['a', 'c'])
  })
})
