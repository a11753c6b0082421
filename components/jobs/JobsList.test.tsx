// @vitest-environment jsdom
// The Jobs list before any job exists: how each kind of user starts; and a query that matches nothing is not that state.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JobsList } from './JobsList'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))
afterEach(cleanup)

const EMPTY = { rows: [], total: 0, page: 1, pageSize: 50 }
const renderList = (props: Partial<Parameters<typeof JobsList>[0]>) =>
  render(<JobsList data={EMPTY} params={{}} filtered={false} userId="u1" timeZone="UTC" canCreate={false} canCreateAdvisory={false} {...props} />)

describe('JobsList with no jobs', () => {
  it('shows a Patch User the three ways to create a job', () => {
    renderList({ canCreate: true })
    expect(screen.getByRole('heading', { name: 'No jobs yet' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Create a job' }).getAttribute('href')).toBe('/jobs/new')
    expect(screen.getByRole('link', { name: 'Assets' }).getAttribute('href')).toBe('/assets')
    expect(screen.getByRole('link', { name: 'Patches' }).getAttribute('href')).toBe('/patches')
  })

  it('offers Patch Security a job advisory, and a Reader only says where jobs will appear', () => {
    renderList({ canCreateAdvisory: true })
    expect(screen.getByRole('link', { name: 'job advisory' }).getAttribute('href')).toBe('/jobs/new?advisory=1')
    cleanup()
    renderList({})
    expect(screen.getByText(/Jobs you are assigned to appear here/)).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('shows the empty grid, not the first-run help, when a query or filter matches nothing', () => {
    renderList({ canCreate: true, filtered: true, params: { q: 'name: nothing' } })
    expect(screen.queryByRole('heading', { name: 'No jobs yet' })).toBeNull()
    expect(screen.getByRole('table', { name: 'Jobs' })).toBeTruthy()
  })
})
