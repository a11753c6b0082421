// @vitest-environment jsdom
// Search actions as a user meets them: a saved search reopens at its own token version, saving keeps the version,
// deleting asks in a dialog (not window.confirm).
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SearchActions, type SavedSearch } from './SearchActions'

const SAVED: SavedSearch[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Old Windows', query: 'os: windows', shared: false, mine: true, ownerEmail: 'me@example.com', tokenVersion: 1 },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Critical', query: 'patch.vendorSeverity: Critical', shared: true, mine: false, ownerEmail: 'ann@example.com', tokenVersion: 2 },
]

let requests: { method: string; url: string; body: unknown }[]

beforeEach(() => {
  requests = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ method: init.method ?? 'GET', url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) })
      const data = init.method === 'GET' ? { saved: SAVED, recent: [{ query: 'osFamily: Linux', tokenVersion: 2, at: '2026-01-01' }] } : {}
      return new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } })
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function openMenu(version = 2, query = 'os: windows') {
  const user = userEvent.setup()
  render(<SearchActions entity="assets" basePath="/assets" currentQuery={query} currentVersion={version} />)
  await user.click(screen.getByRole('button', { name: /Search actions/ }))
  const menu = screen.getByRole('region', { name: 'Search actions' })
  await waitFor(() => within(menu).getByRole('link', { name: 'Old Windows' }))
  return { user, menu }
}

describe('SearchActions', () => {
  it('links a version 1 saved search with its version, and a current one without', async () => {
    const { menu } = await openMenu()
    expect(within(menu).getByRole('link', { name: 'Old Windows' }).getAttribute('href')).toBe('/assets?q=os%3A+windows&v=1')
    expect(within(menu).getByRole('link', { name: 'Critical' }).getAttribute('href')).toBe('/assets?q=patch.vendorSeverity%3A+Critical')
    expect(within(menu).getByText(/token version 1/)).toBeTruthy()
    expect(within(menu).getByRole('link', { name: 'osFamily: Linux' }).getAttribute('href')).toBe('/assets?q=osFamily%3A+Linux')
  })

  it('saves the current search at its token version', async () => {
    const user = userEvent.setup()
    render(<SearchActions entity="assets" basePath="/assets" currentQuery="os: windows" currentVersion={1} />)
    await user.click(screen.getByRole('button', { name: 'Save search' }))
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Mine')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'Mine', entity: 'assets', query: 'os: windows', tokenVersion: 1, shared: false }))
  })

  it('asks in a dialog before deleting, and deletes only when confirmed', async () => {
    const confirmSpy = vi.spyOn(window, 'confirm')
    const { user, menu } = await openMenu()
    await user.click(within(menu).getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Old Windows”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false)
    await user.click(within(menu).getByRole('button', { name: 'Delete' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete search' }))
    await waitFor(() => expect(requests.find((request) => request.method === 'DELETE')?.url).toBe(`/api/v1/searches/${SAVED[0].id}`))
    expect(confirmSpy).not.toHaveBeenCalled()
  })

  it('renames in a dialog', async () => {
    const { user, menu } = await openMenu()
    await user.click(within(menu).getByRole('button', { name: 'Rename' }))
    const dialog = screen.getByRole('dialog', { name: 'Rename saved search' })
    const name = within(dialog).getByRole('textbox', { name: 'New name' })
    await user.clear(name)
    await user.type(name, 'Windows v1')
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }))
    await waitFor(() => expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ name: 'Windows v1' }))
  })
})
