// @vitest-environment jsdom
// The Export dialog as a user meets it: the query in words with the row count, columns remembered per user and list,
// a direct download link with the list's query and sort below the limit, a background job above it.
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { exportColumnsKey } from './column-choice'
import { ExportDialog } from './ExportDialog'

const COLUMNS = [
  { id: 'asset.name', header: 'Asset name', default: true },
  { id: 'patch.title', header: 'Patch title', default: true },
  { id: 'firstSeenDate', header: 'First seen (Europe/Berlin)', default: false },
]

let rows = 40
const posted: unknown[] = []

beforeEach(() => {
  window.localStorage.clear()
  posted.length = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/exports/preview') || url.startsWith('/api/v1/export/jobs/preview')) {
        return Response.json({ ok: true, rows, explain: 'Findings where status is Missing, in your tag scope', columns: COLUMNS, directMaxRows: 100, maxRows: 1000 })
      }
      posted.push(JSON.parse(String(init?.body)))
      return Response.json({ id: 'j1', format: 'xlsx', rowsTotal: rows, status: 'queued' }, { status: 202 })
    }),
  )
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const open = async () => {
  render(<ExportDialog entity="findings" query="status: Missing" version={2} sort="patch" dir="desc" userId="u1" />)
  await userEvent.click(screen.getByRole('button', { name: 'Export' }))
  return screen.findByRole('dialog', { name: 'Export findings' })
}

describe('ExportDialog', () => {
  it('states what will be exported and how many rows, and links the direct download with the list query, sort and columns', async () => {
    const dialog = await open()
    expect(await within(dialog).findByTestId('export-summary')).toHaveProperty('textContent', '40 rows: Findings where status is Missing, in your tag scope.')
    await userEvent.click(within(dialog).getByRole('radio', { name: 'CSV' }))
    const link = within(dialog).getByRole('link', { name: 'Download CSV' })
    const url = new URL(link.getAttribute('href')!, 'http://x')
    expect(url.pathname).toBe('/api/v1/export')
    expect(Object.fromEntries(url.searchParams)).toEqual({ entity: 'findings', format: 'csv', q: 'status: Missing', v: '2', columns: 'asset.name,patch.title', sort: 'patch', dir: 'desc', bom: '1' })
  })

  it('remembers the chosen columns for this user and list', async () => {
    let dialog = await open()
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: 'First seen (Europe/Berlin)' }))
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Asset name' }))
    expect(JSON.parse(window.localStorage.getItem(exportColumnsKey('u1', 'findings'))!)).toEqual(['patch.title', 'firstSeenDate'])
    cleanup()
    dialog = await open()
    expect(await within(dialog).findByRole('checkbox', { name: 'First seen (Europe/Berlin)' })).toHaveProperty('checked', true)
    expect(within(dialog).getByRole('checkbox', { name: 'Asset name' })).toHaveProperty('checked', false)
  })

  it('above the direct limit starts a background job and links to My exports', async () => {
    rows = 500
    const dialog = await open()
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Start background export' }))
    expect(posted).toEqual([{ entity: 'findings', format: 'xlsx', q: 'status: Missing', v: 2, columns: ['asset.name', 'patch.title'], sort: 'patch', dir: 'desc', bom: false }])
    expect(await within(dialog).findByRole('status')).toHaveProperty('textContent', expect.stringContaining('Export started: 500 rows as XLSX'))
    expect(within(dialog).getByRole('link', { name: 'Open My exports' }).getAttribute('href')).toBe('/exports')
  })

  it("above the direct limit starts a Jobs export job with the screen's parameters as options", async () => {
    rows = 500
    const params = 'q=status%3A+Enabled&v=2&type=Install&sort=name&dir=asc'
    render(<ExportDialog entity="jobs" query="status: Enabled" version={2} userId="u1" source={{ previewUrl: `/api/v1/export/jobs/preview?${params}`, downloadUrl: `/api/v1/export/jobs?${params}`, noun: 'jobs' }} />)
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export jobs' })
    expect(await within(dialog).findByText(/written in the background/)).toBeTruthy()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start background export' }))
    expect(posted).toEqual([
      { entity: 'jobs', format: 'xlsx', q: 'status: Enabled', v: 2, columns: ['asset.name', 'patch.title'], sort: null, dir: null, bom: false, options: { q: 'status: Enabled', v: '2', type: 'Install', sort: 'name', dir: 'asc' } },
    ])
    expect(within(dialog).getByRole('link', { name: 'Open My exports' }).getAttribute('href')).toBe('/exports')
  })

  it('above the row limit says so and offers no export', async () => {
    rows = 5000
    const dialog = await open()
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('more than the limit of 1,000 rows per export'))
    expect(within(dialog).getByRole('button', { name: 'Start background export' })).toHaveProperty('disabled', true)
  })
})
