// Rebuild: v1 widgets are outdated (renamed/remapped tokens, rebuilt with before/after), unchanged, or not rebuildable.
import { describe, expect, it } from 'vitest'
import { DEMO_V1_DASHBOARD } from './defaults'
import { rebuildWidget, rebuildWidgets, widgetVersionStatus } from './rebuild'
import { widget } from './test-helpers'

describe('rebuildWidget', () => {
  it('renames tokens in the query and the group-by, maps values, and moves colours with their values', () => {
    const v1 = widget({
      type: 'bar', tokenVersion: 1, entity: 'findings', query: 'patch.severity: [High, Critical] AND asset.os: windows',
      groupBy: { token: 'patch.severity' }, display: { colors: { High: '#ff0000', Critical: '#990000' } },
    })
    const outcome = rebuildWidget(v1)
    if (outcome.outcome !== 'rebuilt') throw new Error(outcome.outcome)
    expect(outcome.after).toMatchObject({
      tokenVersion: 2,
      query: 'patch.vendorSeverity: [Important, Critical] AND asset.operatingSystem: windows',
      groupBy: { token: 'patch.vendorSeverity' },
      display: { colors: { Important: '#ff0000', Critical: '#990000' } },
    })
    expect(outcome.before).toBe(v1)
    expect(outcome.changes.map((change) => [change.from, change.to])).toEqual([
      ['patch.severity: [High, Critical]', 'patch.vendorSeverity: [Important, Critical]'],
      ['asset.os: windows', 'asset.operatingSystem: windows'],
      ['patch.severity', 'patch.vendorSeverity'],
      ['High', 'Important'],
    ])
  })

  it('rebuilds series queries, ratio numerators and distinct-count tokens too', () => {
    const v1 = widget({
      type: 'multiSeries', tokenVersion: 1, entity: 'assets', groupBy: { token: 'osFamily' }, metric: { kind: 'ratio', numerator: 'patch.isLatest: true' },
      seriesQueries: [{ label: 'Servers', query: 'os: server' }],
    })
    const outcome = rebuildWidget(v1)
    expect(outcome).toMatchObject({ outcome: 'rebuilt', after: { metric: { numerator: 'patch.isSuperseded: false' }, seriesQueries: [{ query: 'operatingSystem: server' }] } })
  })

  it('says why a removed token cannot be rebuilt and what to write instead; leaves an untouched v1 widget unchanged at v2', () => {
    const rollups = widget({ type: 'count', tokenVersion: 1, entity: 'patches', query: 'isRollup: true' })
    expect(rebuildWidget(rollups)).toEqual({
      outcome: 'notRebuildable',
      reasons: [{ from: 'isRollup', to: '', message: expect.stringContaining('write category: "Update Rollups" instead') }],
    })
    const plain = widget({ type: 'count', tokenVersion: 1, entity: 'assets', query: 'osFamily: Windows' })
    expect(rebuildWidget(plain)).toEqual({ outcome: 'unchanged', after: { ...plain, tokenVersion: 2 } })
    expect(widgetVersionStatus(plain)).toEqual({ status: 'current' })
  })

  it('reports the demo v1 dashboard widget by widget', () => {
    const { report, widgets } = rebuildWidgets(DEMO_V1_DASHBOARD.widgets)
    expect(report.map((entry) => [entry.title, entry.outcome.outcome])).toEqual([
      ['Windows Server assets', 'rebuilt'],
      ['Missing by severity', 'rebuilt'],
      ['Missing patches that are not the latest', 'rebuilt'],
      ['Missing update rollups', 'notRebuildable'],
      ['Assets by OS family', 'unchanged'],
    ])
    expect(widgets.map((entry) => entry.tokenVersion)).toEqual([2, 2, 2, 1, 2])
    expect(widgetVersionStatus(DEMO_V1_DASHBOARD.widgets[3]).status).toBe('broken')
  })
})
