// The default "Patch Management" dashboard, the widget library (added with one click) and a demo dashboard in token version 1.
import type { DashboardDefinition } from './dashboard'
import { widgetSchema, type Widget, type WidgetInput } from './schema'

const SEVERITY_COLORS = { Critical: '#c62828', Important: '#ef6c00', Moderate: '#f9a825', Low: '#1e88e5', None: '#90a4ae' }
const STATUS_COLORS = { Missing: '#c62828', Installed: '#2e7d32' }

const define = (input: WidgetInput): Widget => widgetSchema.parse(input)

/** Fixed ids: the default dashboard is created once, and its widgets are recognisable in every installation. */
export const DEFAULT_WIDGETS = {
  missingVsInstalled: define({
    id: '0c3d7a10-0001-4000-8000-000000000001', type: 'pie', title: 'Missing vs installed', entity: 'findings', donut: true,
    groupBy: { token: 'status' }, display: { colors: STATUS_COLORS }, description: 'Current findings by status.',
  }),
  missingBySeverity: define({
    id: '0c3d7a10-0001-4000-8000-000000000002', type: 'bar', title: 'Missing by vendor severity', entity: 'findings', query: 'status: Missing',
    groupBy: { token: 'patch.vendorSeverity' }, sort: 'key-asc', display: { colors: SEVERITY_COLORS },
  }),
  topMissingPatches: define({
    id: '0c3d7a10-0001-4000-8000-000000000003', type: 'bar', title: 'Top 10 missing patches by affected assets', entity: 'findings',
    query: 'status: Missing', groupBy: { token: 'patch.title' }, limit: 10, orientation: 'horizontal', display: { unit: 'assets' },
  }),
  assetsByOs: define({
    id: '0c3d7a10-0001-4000-8000-000000000004', type: 'pie', title: 'Assets by operating system', entity: 'assets',
    groupBy: { token: 'operatingSystem' }, limit: 8, other: true,
  }),
  assetsMissingCritical: define({
    id: '0c3d7a10-0001-4000-8000-000000000005', type: 'count', title: 'Assets missing critical patches', entity: 'assets',
    metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' }, representation: 'ratio',
    display: { unit: '%', thresholds: { base: '#2e7d32', steps: [{ from: 5, color: '#f9a825' }, { from: 20, color: '#c62828' }] } },
  }),
  complianceTrend: define({
    id: '0c3d7a10-0001-4000-8000-000000000006', type: 'line', title: 'Patch compliance (30 days)', entity: 'history', series: 'compliance',
    days: 30, area: true, display: { unit: '%' }, description: 'Installed ÷ applicable findings at the end of each day.',
  }),
  failedInstalls: define({
    id: '0c3d7a10-0001-4000-8000-000000000007', type: 'bar', title: 'Failed patch installs (30 days)', entity: 'history', series: 'failedInstalls',
    days: 30, display: { colors: { '': '#c62828' } }, description: 'Failed per-patch outcomes of job results, per day.',
  }),
  meanTimeToPatch: define({
    id: '0c3d7a10-0001-4000-8000-000000000008', type: 'table', title: 'Time to patch by severity (90 days)', entity: 'history', series: 'timeToPatch',
    days: 90, display: { unit: 'days' }, description: 'Days from first seen missing to installed, for installs in the last 90 days.',
  }),
  publishedVsInstalled: define({
    id: '0c3d7a10-0001-4000-8000-000000000009', type: 'bar', title: 'Patches published vs installed per Patch Tuesday', entity: 'history',
    series: 'publishedVsInstalled', days: 180, display: { colors: { published: '#5e35b1', installed: '#2e7d32' } },
  }),
} satisfies Record<string, Widget>

const d = DEFAULT_WIDGETS
/** Grid of 12 columns (react-grid-layout units). */
export const DEFAULT_DASHBOARD: DashboardDefinition = {
  name: 'Patch Management',
  description: 'Missing and installed patches, compliance and time to patch across the estate in your scope.',
  widgets: Object.values(DEFAULT_WIDGETS),
  layout: [
    { widgetId: d.assetsMissingCritical.id, x: 0, y: 0, w: 3, h: 3 },
    { widgetId: d.missingVsInstalled.id, x: 3, y: 0, w: 3, h: 3 },
    { widgetId: d.missingBySeverity.id, x: 6, y: 0, w: 6, h: 3 },
    { widgetId: d.complianceTrend.id, x: 0, y: 3, w: 8, h: 4 },
    { widgetId: d.assetsByOs.id, x: 8, y: 3, w: 4, h: 4 },
    { widgetId: d.topMissingPatches.id, x: 0, y: 7, w: 7, h: 5 },
    { widgetId: d.meanTimeToPatch.id, x: 7, y: 7, w: 5, h: 5 },
    { widgetId: d.publishedVsInstalled.id, x: 0, y: 12, w: 7, h: 4 },
    { widgetId: d.failedInstalls.id, x: 7, y: 12, w: 5, h: 4 },
  ],
  filters: { query: '', tags: [] },
  refreshSeconds: 300,
}

/** More ready widgets, each added to a dashboard with one click (a copy with a new id). */
export const WIDGET_LIBRARY: readonly Widget[] = [
  define({ id: '0c3d7a10-0002-4000-8000-000000000001', type: 'bar', title: 'Top CVEs by affected assets', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.cve' }, metric: { kind: 'distinctCount', token: 'asset.id' }, limit: 10, orientation: 'horizontal', display: { unit: 'assets' } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000002', type: 'count', title: 'Assets not scanned in 7 days', entity: 'assets', query: 'scanDateTime < now-7d', display: { thresholds: { base: '#2e7d32', steps: [{ from: 1, color: '#c62828' }] } } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000003', type: 'count', title: 'Superseded patches still missing', entity: 'patches', query: 'isSuperseded: true AND missingCount > 0', display: { unit: 'patches' } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000004', type: 'count', title: 'Missing patches that need a reboot', entity: 'findings', query: 'status: Missing AND patch.rebootRequired: true', comparisonDaysAgo: 7 }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000005', type: 'count', title: 'Missing security patches', entity: 'findings', query: 'status: Missing AND patch.isSecurity: true', comparisonDaysAgo: 7 }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000006', type: 'count', title: 'Patch compliance', entity: 'history', series: 'compliance', days: 30, comparisonDaysAgo: 7, increaseIsGood: true, display: { unit: '%', thresholds: { base: '#c62828', steps: [{ from: 80, color: '#f9a825' }, { from: 95, color: '#2e7d32' }] } } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000007', type: 'line', title: 'Missing findings by severity (30 days)', entity: 'history', series: 'missingBySeverity', days: 30, display: { colors: SEVERITY_COLORS } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000008', type: 'bar', title: 'Missing by patch category', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.category' } }),
  define({ id: '0c3d7a10-0002-4000-8000-000000000009', type: 'bar', title: 'Missing by vendor', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendor' }, limit: 8, other: true }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000a', type: 'line', title: 'Installs per week', entity: 'findings', query: 'status: Installed AND installedDate > now-90d', groupBy: { token: 'installedDate', bucket: 'week' } }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000b', type: 'table', title: 'Days missing by severity', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendorSeverity' }, sort: 'key-asc', metric: { kind: 'median', measure: 'daysMissing' }, metricLabel: 'Median days', columns: [{ label: 'p90 days', metric: { kind: 'p90', measure: 'daysMissing' } }, { label: 'Findings', metric: { kind: 'count' } }] }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000c', type: 'bar', title: 'Assets by tag', entity: 'assets', groupBy: { token: 'tags.name' }, limit: 12 }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000d', type: 'multiSeries', title: 'Missing and installed by OS family', entity: 'findings', groupBy: { token: 'asset.osFamily' }, seriesQueries: [{ label: 'Missing', query: 'status: Missing' }, { label: 'Installed', query: 'status: Installed' }], display: { colors: { Missing: '#c62828', Installed: '#2e7d32' } } }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000e', type: 'count', title: 'Missing patches needing a manual download', entity: 'findings', query: 'status: Missing AND patch.downloadMethod: Acquired' }),
  define({ id: '0c3d7a10-0002-4000-8000-00000000000f', type: 'table', title: 'Assets with the most missing patches', entity: 'assets', groupBy: { token: 'name' }, metric: { kind: 'avg', measure: 'missingPatchCount' }, metricLabel: 'Missing', columns: [{ label: 'Missing critical', metric: { kind: 'avg', measure: 'missingCriticalCount' } }] }),
]

/** A dashboard written in token version 1 (as an older release saved it), so "Rebuild widgets" can be seen working. */
export const DEMO_V1_DASHBOARD: DashboardDefinition = {
  name: 'Windows servers (token version 1)',
  description: 'Saved by an older release: its widgets use token names that have since changed. Open it and choose "Rebuild widgets".',
  widgets: [
    define({ id: '0c3d7a10-0003-4000-8000-000000000001', type: 'count', title: 'Windows Server assets', tokenVersion: 1, entity: 'assets', query: 'os: "Windows Server"' }),
    define({ id: '0c3d7a10-0003-4000-8000-000000000002', type: 'bar', title: 'Missing by severity', tokenVersion: 1, entity: 'findings', query: 'status: Missing AND asset.os: "Windows Server"', groupBy: { token: 'patch.severity' }, display: { colors: { Critical: '#c62828', High: '#ef6c00', Medium: '#f9a825' } } }),
    define({ id: '0c3d7a10-0003-4000-8000-000000000003', type: 'count', title: 'Missing patches that are not the latest', tokenVersion: 1, entity: 'findings', query: 'status: Missing AND patch.isLatest: false' }),
    define({ id: '0c3d7a10-0003-4000-8000-000000000004', type: 'count', title: 'Missing update rollups', tokenVersion: 1, entity: 'findings', query: 'status: Missing AND patch.isRollup: true' }),
    define({ id: '0c3d7a10-0003-4000-8000-000000000005', type: 'pie', title: 'Assets by OS family', tokenVersion: 1, entity: 'assets', groupBy: { token: 'osFamily' } }),
  ],
  layout: [
    { widgetId: '0c3d7a10-0003-4000-8000-000000000001', x: 0, y: 0, w: 3, h: 3 },
    { widgetId: '0c3d7a10-0003-4000-8000-000000000002', x: 3, y: 0, w: 6, h: 3 },
    { widgetId: '0c3d7a10-0003-4000-8000-000000000005', x: 9, y: 0, w: 3, h: 3 },
    { widgetId: '0c3d7a10-0003-4000-8000-000000000003', x: 0, y: 3, w: 3, h: 3 },
    { widgetId: '0c3d7a10-0003-4000-8000-000000000004', x: 3, y: 3, w: 3, h: 3 },
  ],
  filters: { query: '', tags: [] },
  refreshSeconds: 0,
}
