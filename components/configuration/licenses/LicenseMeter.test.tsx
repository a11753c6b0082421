// @vitest-environment jsdom
// The licence counter as a user reads it: the figures past 100 %, the over-subscription sentence, and a bar whose overflow part appears only then.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { LicenseOverview } from '@/lib/schemas/licenses'
import { LicenseMeter } from './LicenseMeter'

afterEach(cleanup)

const overview = (consumed: number, licenseCount: number): LicenseOverview => ({
  configured: true,
  enforced: true,
  effectiveTier: 'paid',
  licenseCount,
  includeTags: ['Servers'],
  excludeTags: [],
  consumed,
  percent: licenseCount > 0 ? Math.round((consumed * 100) / licenseCount) : null,
  overBy: Math.max(0, consumed - licenseCount),
  excluded: 0,
  notIncluded: 0,
  totalAssets: consumed,
  updatedAt: null,
  updatedBy: '',
})

describe('LicenseMeter', () => {
  it('over-subscribed: says "2,140 of 2,000 — 107 %", who loses out, and draws the overflow beyond the limit mark', () => {
    const { container } = render(<LicenseMeter overview={overview(2140, 2000)} />)
    expect(screen.getByText('2,140 of 2,000 — 107 %')).toBeTruthy()
    expect(screen.getByText(/Over-subscribed by 140: the 2,000 licences go to the earliest-activated assets; the 140 activated last are unlicensed/)).toBeTruthy()
    const used = container.querySelector<HTMLElement>('.license-meter-used')!
    const over = container.querySelector<HTMLElement>('.license-meter-over')!
    expect(Number.parseFloat(used.style.width) + Number.parseFloat(over.style.width)).toBeCloseTo(100)
    expect(Number.parseFloat(container.querySelector<HTMLElement>('.license-meter-limit')!.style.left)).toBeCloseTo((2000 * 100) / 2140)
  })

  it('within the count: no overflow part and no warning', () => {
    const { container } = render(<LicenseMeter overview={overview(500, 2000)} />)
    expect(screen.getByText('500 of 2,000 — 25 %')).toBeTruthy()
    expect(container.querySelector('.license-meter-over')).toBeNull()
    expect(screen.queryByText(/Over-subscribed/)).toBeNull()
    expect(container.querySelector<HTMLElement>('.license-meter-used')!.style.width).toBe('25%')
  })

  it('with no licences the counter says so without a percentage', () => {
    render(<LicenseMeter overview={overview(3, 0)} />)
    expect(screen.getByText('3 of 0')).toBeTruthy()
    expect(screen.queryByText(/%/)).toBeNull()
  })
})
