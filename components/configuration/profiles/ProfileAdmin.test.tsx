// @vitest-environment jsdom
// The profiles list as its viewers see it: a Reader gets only View, a Manager no selection or delete for the default,
// a lowered interval says what it was and why, and a bulk action reports each refused profile with its reason.
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ProfileView } from '@/lib/schemas/profiles'
import { ProfileAdmin } from './ProfileAdmin'
import { stubResizeObserver } from '@/test/jsdom-layout'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }))

const base: Omit<ProfileView, 'id' | 'name' | 'isDefault' | 'intervalHours' | 'schedule' | 'actions'> = {
  tags: [], status: 'Enabled', lowered: null, createdAt: '2026-12-01T08:00:00.000Z', createdBy: 'system', updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'system', revision: 1, assetCount: 3,
}
const DEFAULT: ProfileView = { ...base, id: 'default', name: 'Default', isDefault: true, intervalHours: 24, schedule: 'Every 24 h', actions: ['edit'], lowered: { fromHours: 4, note: 'The subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)' } }
const SERVERS: ProfileView = { ...base, id: '6f1c8a52-9d0e-4f7b-a3c4-1b2d3e4f5a6b', name: 'Servers', isDefault: false, tags: ['Servers'], intervalHours: 6, schedule: 'Every 6 h', actions: ['edit', 'disable', 'delete'] }
const asReader = (profile: ProfileView): ProfileView => ({ ...profile, actions: [] })

beforeAll(() => {
  stubResizeObserver()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const show = (profiles: ProfileView[], canManage: boolean) =>
  render(<ProfileAdmin profiles={profiles} canManage={canManage} minIntervalHours={4} knownTags={['Servers']} timeZone="Europe/Berlin" userId="u1" />)

async function menuOf(name: string): Promise<string[]> {
  await userEvent.setup().click(screen.getByRole('button', { name: `Actions for ${name}` }))
  return within(await screen.findByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent ?? '')
}

describe('ProfileAdmin', () => {
  it('a Reader sees the list with View only: no New profile, no selection', async () => {
    show([asReader(DEFAULT), asReader(SERVERS)], false)
    expect(screen.queryByRole('button', { name: 'New profile' })).toBeNull()
    expect(screen.queryAllByRole('checkbox')).toEqual([])
    expect(await menuOf('Servers')).toEqual(['View'])
  })

  it('a Manager may edit the default but never select, delete, enable or disable it', async () => {
    show([DEFAULT, SERVERS], true)
    expect(screen.getByRole('button', { name: 'New profile' })).toBeTruthy()
    expect(screen.queryByRole('checkbox', { name: 'Select Default' })).toBeNull()
    expect(screen.getByRole('checkbox', { name: 'Select Servers' })).toBeTruthy()
    expect(await menuOf('Default')).toEqual(['View', 'Edit'])
  })

  it('a lowered interval says what it was and why; times are in the viewer zone', () => {
    show([DEFAULT, SERVERS], true)
    const row = screen.getByTestId('profile-Default')
    expect(row.textContent).toContain('Every 24 h — was 4 h; the subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)')
    expect(screen.getByRole('columnheader', { name: /Created \(Europe\/Berlin\)/ })).toBeTruthy()
    expect(row.textContent).toContain('01 Dec 2026, 09:00')
  })

  it('a bulk action sends the selection and reports each refusal with its reason', async () => {
    const fetchMock = vi.fn(async () => Response.json({ done: [], refused: [{ id: SERVERS.id, name: 'Servers', reason: 'The Free subscription allows scan intervals of 24 h or more; 6 h is too short.' }] }))
    vi.stubGlobal('fetch', fetchMock)
    show([DEFAULT, { ...SERVERS, status: 'Disabled', actions: ['edit', 'enable', 'delete'] }], true)
    const user = userEvent.setup()
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }))
    await user.click(within(screen.getByRole('region', { name: 'Selected rows' })).getByRole('button', { name: 'Enable' }))
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/profiles/bulk')
    expect(JSON.parse(String(init.body))).toEqual({ action: 'enable', ids: [SERVERS.id] })
    expect((await screen.findByRole('alert')).textContent).toContain('Enabled 0 of 1 profiles. Servers: The Free subscription allows scan intervals of 24 h or more')
  })
})
