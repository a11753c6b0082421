// @vitest-environment jsdom
// Quick filter chips as a user sees them: lit only when the query requires the clause; a lit chip's link removes exactly it.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ASSET_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { QuickFilters } from './QuickFilters'

afterEach(cleanup)

function chips(query: string, version = 2) {
  render(<QuickFilters entity="assets" basePath="/assets" query={query} version={version} filters={ASSET_QUICK_FILTERS} />)
  return (label: string) => screen.getByRole('link', { name: new RegExp(`^${label}( \\(on\\))?$`) })
}

const target = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', 'http://x').searchParams

describe('QuickFilters', () => {
  it('does not light "Windows" for NOT osFamily: Windows, and adds the clause', () => {
    const windows = chips('NOT osFamily: Windows')('Windows')
    expect(windows).toHaveProperty('className', 'chip')
    expect(target(windows).get('q')).toBe('NOT osFamily: Windows AND osFamily: Windows')
  })

  it('lights a chip whose clause the query requires, and its link removes exactly that clause', () => {
    const chip = chips('name: web AND osFamily: windows AND missingPatchCount > 0')
    const windows = chip('Windows')
    expect(windows.getAttribute('aria-label')).toBe('Windows (on)')
    expect(windows).toHaveProperty('className', 'chip on')
    expect(target(windows).get('q')).toBe('name: web AND missingPatchCount > 0')
    expect(target(chip('Missing patches')).get('q')).toBe('name: web AND osFamily: windows')
    expect(chip('Linux').getAttribute('aria-label')).toBe('Linux')
  })

  it('clears the query when the only clause is removed', () => {
    expect(chips('osFamily: Windows')('Windows').getAttribute('href')).toBe('/assets')
  })

  it('toggles a version 1 query in its rebuilt form, at the current version', () => {
    const windows = chips('os: server', 1)('Windows')
    expect(target(windows).get('q')).toBe('operatingSystem: server AND osFamily: Windows')
    expect(target(windows).get('v')).toBeNull()
  })
})
