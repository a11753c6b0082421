// The widget builder's form values (every type's fields at once) and the choices it offers per type and entity.
// The form holds a superset of one widget: widgetSchema keeps only the chosen type's fields, so switching type loses nothing.
import { CURRENT_TOKEN_VERSION, tokensFor, type QqlToken } from '@/lib/qql/browser'
import { DEFAULT_STACK_LIMIT } from '@/widgets/bar/schema'
import { canCompare } from '@/widgets/count/schema'
import { DEFAULT_WIDGETS } from '@/widgets/defaults'
import { groupableTokens, measuresFor, queryEntity } from '@/widgets/shared/tokens'
import { HISTORY_SERIES, type GroupBy, type HistorySeries, type Metric, type Thresholds, type Widget, type WidgetEntity, type WidgetType } from '@/widgets/schema'
import { newWidgetId } from './ids'

export interface BuilderValues {
  id: string
  type: WidgetType
  title: string
  description: string
  entity: WidgetEntity
  query: string
  tokenVersion: number
  series: HistorySeries | null
  days: number
  groupBy: GroupBy | null
  metric: Metric
  limit: number
  sort: Widget['sort']
  other: boolean
  display: { unit: string | null; colors: Record<string, string>; thresholds: Thresholds | null }
  representation: 'number' | 'ratio'
  comparisonDaysAgo: number | null
  increaseIsGood: boolean
  orientation: 'vertical' | 'horizontal'
  stackBy: GroupBy | null
  stackLimit: number
  donut: boolean
  area: boolean
  metricLabel: string
  columns: { label: string; metric: Metric }[]
  chart: 'bar' | 'line'
  seriesQueries: { label: string; query: string }[]
}

export const TYPE_LABELS: Record<WidgetType, string> = {
  count: 'Count (one number)',
  bar: 'Bar / column',
  pie: 'Pie / donut',
  line: 'Line / trend',
  table: 'Table (top N)',
  multiSeries: 'Multi-series (several queries)',
}

export const ENTITY_LABELS: Record<WidgetEntity, string> = { assets: 'Assets', patches: 'Patches', findings: 'Findings', history: 'History (scans and events)' }

export const SERIES_LABELS: Record<HistorySeries, string> = {
  compliance: 'Patch compliance % per day',
  missingBySeverity: 'Missing findings by severity per day',
  timeToPatch: 'Time to patch by severity',
  publishedVsInstalled: 'Published vs installed per Patch Tuesday',
  failedInstalls: 'Failed patch installs per day',
}

/** History series each type can show (the type schemas' own rules, offered up front instead of refused after). */
export const SERIES_FOR_TYPE: Record<WidgetType, readonly HistorySeries[]> = {
  count: ['compliance', 'missingBySeverity', 'failedInstalls'],
  bar: HISTORY_SERIES,
  pie: ['timeToPatch', 'failedInstalls'],
  line: ['compliance', 'missingBySeverity', 'failedInstalls', 'publishedVsInstalled'],
  table: HISTORY_SERIES,
  multiSeries: [],
}

export const METRIC_LABELS: Record<Metric['kind'], string> = {
  count: 'Count of rows',
  distinctCount: 'Distinct count of a token',
  ratio: 'Ratio % (rows also matching a query)',
  avg: 'Average of a number',
  median: 'Median of a number',
  p90: '90th percentile of a number',
}

export const SORT_LABELS: Record<Widget['sort'], string> = {
  'value-desc': 'Largest first',
  'value-asc': 'Smallest first',
  'key-asc': 'By group, A → Z',
  'key-desc': 'By group, Z → A',
}

/** Metrics a type accepts: slices of a pie add up, so no ratio or statistics there. */
export function metricKindsFor(type: WidgetType): Metric['kind'][] {
  return type === 'pie' ? ['count', 'distinctCount'] : ['count', 'distinctCount', 'ratio', 'avg', 'median', 'p90']
}

/** Types that show one value have no group-by; all others need one (a history series brings its own). */
export const groupsBy = (type: WidgetType) => type !== 'count'

/** Group-by choices for the builder: the entity's groupable tokens (history widgets have none). */
export function groupChoices(entity: WidgetEntity, version = CURRENT_TOKEN_VERSION): QqlToken[] {
  return entity === 'history' ? [] : groupableTokens(queryEntity(entity), version)
}

/** Tokens whose distinct values can be counted (one value per row of the entity). */
export function distinctChoices(entity: WidgetEntity, version = CURRENT_TOKEN_VERSION): QqlToken[] {
  if (entity === 'history') return []
  return tokensFor(queryEntity(entity), version).filter((token) => token.source.via === 'row' && token.type !== 'array')
}

export function measureChoices(entity: WidgetEntity, version = CURRENT_TOKEN_VERSION) {
  return entity === 'history' ? [] : measuresFor(queryEntity(entity), version)
}

/** The group-by a token starts with: date tokens need a bucket (a week is a good first guess). */
export function groupOf(entity: WidgetEntity, tokenName: string, version = CURRENT_TOKEN_VERSION): GroupBy | null {
  if (tokenName === '') return null
  const token = groupChoices(entity, version).find((candidate) => candidate.name === tokenName)
  return { token: tokenName, bucket: token?.type === 'date' ? 'week' : null }
}

/** The stock traffic-light steps of the shipped "Assets missing critical patches" count (green, amber from 5, red from 20). */
export const STOCK_THRESHOLDS: Thresholds = DEFAULT_WIDGETS.assetsMissingCritical.display.thresholds ?? { base: '', steps: [] }
/** Colours offered for a new group colour or step: the stock steps' colours, in order. */
export const STOCK_COLORS = [STOCK_THRESHOLDS.base, ...STOCK_THRESHOLDS.steps.map((step) => step.color)]

const TYPE_DEFAULTS: Omit<BuilderValues, keyof Widget> = {
  representation: 'number',
  comparisonDaysAgo: null,
  increaseIsGood: false,
  orientation: 'vertical',
  stackBy: null,
  stackLimit: DEFAULT_STACK_LIMIT,
  donut: false,
  area: false,
  metricLabel: 'Count',
  columns: [],
  chart: 'bar',
  seriesQueries: [{ label: 'Series 1', query: '' }],
}

/** A new widget: a bar chart of missing findings by vendor severity, which the author then changes. */
export function newBuilderValues(): BuilderValues {
  return {
    ...TYPE_DEFAULTS,
    id: newWidgetId(),
    type: 'bar',
    title: '',
    description: '',
    entity: 'findings',
    query: 'status: Missing',
    tokenVersion: CURRENT_TOKEN_VERSION,
    series: null,
    days: 30,
    groupBy: { token: 'patch.vendorSeverity', bucket: null },
    metric: { kind: 'count' },
    limit: 10,
    sort: 'value-desc',
    other: false,
    display: { unit: null, colors: {}, thresholds: null },
  }
}

/** An existing widget as form values (the other types' fields at their defaults). */
export function valuesOf(widget: Widget): BuilderValues {
  return { ...TYPE_DEFAULTS, ...widget } as BuilderValues
}

/**
 * The values after choosing another type or entity: keeps what still applies and fills what the new choice needs
 * (a group-by for grouped types, none for a count or a history series; a series for history; a metric the type takes).
 */
export function adjustSource(values: BuilderValues, change: Partial<Pick<BuilderValues, 'type' | 'entity'>>): BuilderValues {
  const next = { ...values, ...change }
  if (next.type === 'multiSeries' && next.entity === 'history') next.entity = 'findings'
  if (change.entity !== undefined && change.entity !== values.entity) {
    next.query = ''
    next.groupBy = null
    next.stackBy = null
    next.metric = { kind: 'count' }
    next.display = { ...next.display, colors: {} }
  }
  if (next.entity === 'history') {
    const allowed = SERIES_FOR_TYPE[next.type]
    next.series = next.series !== null && allowed.includes(next.series) ? next.series : (allowed[0] ?? null)
    next.groupBy = null
    next.stackBy = null
  } else {
    next.series = null
    if (!groupsBy(next.type)) next.groupBy = null
    else if (next.groupBy === null || !groupChoices(next.entity, next.tokenVersion).some((token) => token.name === next.groupBy?.token)) {
      next.groupBy = groupOf(next.entity, groupChoices(next.entity, next.tokenVersion)[0]?.name ?? '', next.tokenVersion)
    }
  }
  if (next.type === 'line' && next.entity !== 'history') {
    const dates = groupChoices(next.entity, next.tokenVersion).filter((token) => token.type === 'date')
    if (!dates.some((token) => token.name === next.groupBy?.token)) next.groupBy = groupOf(next.entity, dates[0]?.name ?? '', next.tokenVersion)
  }
  if (!metricKindsFor(next.type).includes(next.metric.kind)) next.metric = { kind: 'count' }
  if (next.representation === 'ratio' && next.metric.kind !== 'ratio') next.representation = 'number'
  if (!canCompare(next)) next.comparisonDaysAgo = null
  if (next.type === 'multiSeries') next.other = false
  return next
}
