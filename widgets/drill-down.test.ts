// Drill-down mapping: the clicked group as a QQL clause (exact values, dates, weeks, booleans, "Other"), ANDed with the
// widget query and the dashboard filters, printed as the list's query.
import { describe, expect, it } from 'vitest'
import { DEMO_V1_DASHBOARD } from './defaults'
import { drillDown, groupClause } from './drill-down'
import { OTHER_KEY, type Grid } from './shared/data'
import { widget } from './test-helpers'

const grid = (keys: string[]): Grid => ({ keys, series: [{ key: '0', label: 'x', values: keys.map(() => 1) }] })

describe('groupClause', () => {
  it('selects one group exactly, whatever characters it holds', () => {
    expect(groupClause('findings', { token: 'patch.title', bucket: null }, 'Chrome `beta` \\ 1', [])).toBe('patch.title: `Chrome \\`beta\\` \\\\ 1`')
    expect(groupClause('findings', { token: 'patch.isSecurity', bucket: null }, 'true', [])).toBe('patch.isSecurity: true')
    expect(groupClause('assets', { token: 'tags.name', bucket: null }, 'Site-Berlin', [])).toBe('tags.name: `Site-Berlin`')
  })

  it('selects a day, a month or an ISO week as dates in the viewer zone', () => {
    expect(groupClause('findings', { token: 'installedDate', bucket: 'day' }, '2026-03-09', [])).toBe('installedDate: 2026-03-09')
    expect(groupClause('findings', { token: 'installedDate', bucket: 'month' }, '2026-03', [])).toBe('installedDate: 2026-03')
    expect(groupClause('findings', { token: 'installedDate', bucket: 'week' }, '2026-03-09', [])).toBe('installedDate: [2026-03-09 .. 2026-03-15]')
  })

  it('"Other" is none of the shown groups', () => {
    expect(groupClause('assets', { token: 'operatingSystem', bucket: null }, OTHER_KEY, ['Windows 11', 'Windows 10', OTHER_KEY])).toBe(
      'NOT operatingSystem: [`Windows 11`, `Windows 10`]',
    )
  })
})

describe('drillDown', () => {
  const filters = { query: 'osFamily: Windows OR osFamily: Linux', tags: ['Site-Berlin'] }

  it('opens the widget entity list with the widget query AND the filters AND the clicked group', () => {
    const bySeverity = widget({ type: 'bar', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendorSeverity' } })
    const target = drillDown(bySeverity, filters, { key: 'Critical', series: '0' }, grid(['Critical', 'Low']))
    expect(target).toEqual({
      list: 'findings',
      query: 'status: Missing AND ((osFamily: Windows OR osFamily: Linux) AND tags.name: [Site-Berlin]) AND patch.vendorSeverity: `Critical`',
      tokenVersion: 2,
      href: `/findings?q=${encodeURIComponent('status: Missing AND ((osFamily: Windows OR osFamily: Linux) AND tags.name: [Site-Berlin]) AND patch.vendorSeverity: `Critical`')}`,
      totalEqualsValue: true,
    })
  })

  it('a ratio count opens its numerator rows; a series query and a stack value join the clicked group', () => {
    const ratio = widget({ type: 'count', entity: 'assets', metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' }, representation: 'ratio' })
    expect(drillDown(ratio, { query: '', tags: [] }, null, grid([]))).toMatchObject({ query: 'missingCriticalCount > 0', totalEqualsValue: true })
    const multi = widget({ type: 'multiSeries', entity: 'findings', groupBy: { token: 'asset.osFamily' }, seriesQueries: [{ label: 'M', query: 'status: Missing' }] })
    expect(drillDown(multi, { query: '', tags: [] }, { key: 'Windows', series: '0' }, grid(['Windows']))?.query).toBe('status: Missing AND asset.osFamily: `Windows`')
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'status' } })
    expect(drillDown(stacked, { query: '', tags: [] }, { key: 'Windows', series: 'Installed' }, grid(['Windows']))?.query).toBe('asset.osFamily: `Windows` AND status: `Installed`')
  })

  it('an "Other" stack segment is none of the shown stack values, also under the "Other" bar', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'patch.vendor' }, other: true, stackLimit: 2 })
    const shown: Grid = { keys: ['Windows', OTHER_KEY], series: ['Adobe', 'Microsoft', OTHER_KEY].map((key) => ({ key, label: key, values: [1, 1] })) }
    expect(drillDown(stacked, { query: '', tags: [] }, { key: 'Windows', series: OTHER_KEY }, shown)?.query).toBe('asset.osFamily: `Windows` AND NOT patch.vendor: [`Adobe`, `Microsoft`]')
    expect(drillDown(stacked, { query: '', tags: [] }, { key: OTHER_KEY, series: OTHER_KEY }, shown)?.query).toBe('NOT asset.osFamily: [`Windows`] AND NOT patch.vendor: [`Adobe`, `Microsoft`]')
    expect(drillDown(stacked, { query: '', tags: [] }, { key: OTHER_KEY, series: 'Adobe' }, shown)?.query).toBe('NOT asset.osFamily: [`Windows`] AND patch.vendor: `Adobe`')
  })

  it('"Other" of a date group is none of the shown days, weeks or months', () => {
    expect(groupClause('findings', { token: 'installedDate', bucket: 'week' }, OTHER_KEY, ['2026-03-09', '2026-03-16', OTHER_KEY])).toBe(
      'NOT (installedDate: [2026-03-09 .. 2026-03-15] OR installedDate: [2026-03-16 .. 2026-03-22])',
    )
    expect(groupClause('findings', { token: 'installedDate', bucket: 'month' }, OTHER_KEY, ['2026-03'])).toBe('NOT (installedDate: 2026-03)')
  })

  it('leads nowhere from history, or from a widget that needs rebuilding first; a statistic opens the rows behind it', () => {
    expect(drillDown(widget({ type: 'line', entity: 'history', series: 'compliance' }), filters, { key: '2026-03-01', series: 'compliance' }, grid([]))).toBeNull()
    expect(drillDown(DEMO_V1_DASHBOARD.widgets[1], filters, { key: 'High', series: '0' }, grid(['High']))).toBeNull()
    const median = widget({ type: 'table', entity: 'findings', groupBy: { token: 'patch.vendor' }, metric: { kind: 'median', measure: 'daysMissing' } })
    expect(drillDown(median, { query: '', tags: [] }, { key: 'Google', series: '0' }, grid(['Google']))?.totalEqualsValue).toBe(false)
  })
})
