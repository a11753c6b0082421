// "Rebuild widgets": whether a widget written against an older token version is outdated or broken, and its rebuilt form.
// Pure: queries migrate with lib/qql's migrateQuery, token names (group-by, stack, metric) through the registry's history.
import { CURRENT_TOKEN_VERSION, migrateQuery, tokensFor, type QqlToken } from '@/lib/qql/browser'
import type { RebuildReason } from './result'
import type { GroupBy, ListEntity, Widget } from './schema'
import { queryEntity } from './shared/tokens'

export type WidgetVersionStatus =
  | { status: 'current' }
  /** Older version, same meaning in current tokens once rewritten: "Rebuild" fixes it. */
  | { status: 'needsRebuild'; reasons: RebuildReason[] }
  /** Older version with a token the current schema removed: the reasons say what to write instead. */
  | { status: 'broken'; reasons: RebuildReason[] }

export type RebuildOutcome =
  | { outcome: 'rebuilt'; before: Widget; after: Widget; changes: RebuildReason[] }
  /** Nothing to rewrite (only the recorded token version moves to the current one). */
  | { outcome: 'unchanged'; after: Widget }
  | { outcome: 'notRebuildable'; reasons: RebuildReason[] }

interface Step {
  changes: RebuildReason[]
  errors: RebuildReason[]
}

function migrateText(text: string, entity: ListEntity, from: number, label: string, step: Step): string {
  if (text.trim() === '') return text
  const migration = migrateQuery(text, from, CURRENT_TOKEN_VERSION, entity)
  if (migration.query === null) {
    for (const error of migration.errors) step.errors.push({ from: text.slice(error.start, error.end) || text, to: '', message: `${label}: ${error.message}` })
    return text
  }
  for (const change of migration.changes) step.changes.push({ from: change.from, to: change.to, message: `${label}: ${change.message}` })
  return migration.query
}

function findToken(entity: ListEntity, version: number, name: string): QqlToken | undefined {
  return tokensFor(entity, version).find((token) => token.name === name || token.aliases.includes(name))
}

/** A token name at `from` → its current name (and the value map of the versions between), or an error. */
function migrateTokenName(entity: ListEntity, from: number, name: string, label: string, step: Step): { name: string; valueMap: Record<string, string> } {
  const before = findToken(entity, from, name)
  if (before === undefined) {
    step.errors.push({ from: name, to: '', message: `${label}: \`${name}\` is not a ${entity} token in token version ${from}` })
    return { name, valueMap: {} }
  }
  const after = tokensFor(entity, CURRENT_TOKEN_VERSION).find((token) => token.id === before.id)
  if (after === undefined) {
    const note = before.history.removed?.note ?? 'choose another token'
    step.errors.push({ from: name, to: '', message: `${label}: \`${name}\` was removed in token version ${before.history.removed?.in ?? CURRENT_TOKEN_VERSION}: ${note}` })
    return { name, valueMap: {} }
  }
  const aliasIndex = before.aliases.indexOf(name)
  const current = after.aliases[aliasIndex] ?? after.name
  const valueMap: Record<string, string> = {}
  for (const change of after.history.changes.filter((candidate) => candidate.in > from)) Object.assign(valueMap, change.valueMap ?? {})
  if (current !== name) {
    const notes = after.history.changes.filter((change) => change.in > from).map((change) => change.note)
    step.changes.push({ from: name, to: current, message: `${label}: token version ${CURRENT_TOKEN_VERSION}: ${notes.join('; ')}` })
  }
  return { name: current, valueMap }
}

function migrateGroup(entity: ListEntity, from: number, groupBy: GroupBy | null, label: string, step: Step) {
  if (groupBy === null) return { groupBy: null, valueMap: {} }
  const migrated = migrateTokenName(entity, from, groupBy.token, label, step)
  return { groupBy: { ...groupBy, token: migrated.name }, valueMap: migrated.valueMap }
}

/** Colours keyed by group values follow the values' renaming (e.g. severity High → Important). */
function mapColorKeys(colors: Record<string, string>, valueMap: Record<string, string>, step: Step): Record<string, string> {
  const mapped: Record<string, string> = {}
  for (const [key, value] of Object.entries(colors)) {
    const entry = Object.entries(valueMap).find(([old]) => old.toLowerCase() === key.toLowerCase())
    if (entry !== undefined) step.changes.push({ from: key, to: entry[1], message: `colour of group \`${key}\` is now the colour of \`${entry[1]}\`` })
    mapped[entry?.[1] ?? key] = value
  }
  return mapped
}

/** The widget rewritten in current tokens, or why it cannot be. */
export function rebuildWidget(widget: Widget): RebuildOutcome {
  const from = widget.tokenVersion
  if (from >= CURRENT_TOKEN_VERSION) return { outcome: 'unchanged', after: widget }
  const entity = queryEntity(widget.entity)
  const step: Step = { changes: [], errors: [] }
  const query = migrateText(widget.query, entity, from, 'query', step)
  const group = widget.entity === 'history' ? { groupBy: null, valueMap: {} } : migrateGroup(entity, from, widget.groupBy, 'group-by', step)
  let metric = widget.metric
  if (metric.kind === 'ratio') metric = { ...metric, numerator: migrateText(metric.numerator, entity, from, 'ratio numerator', step) }
  if (metric.kind === 'distinctCount') metric = { ...metric, token: migrateTokenName(entity, from, metric.token, 'metric', step).name }
  if ((metric.kind === 'avg' || metric.kind === 'median' || metric.kind === 'p90') && findToken(entity, from, metric.measure) !== undefined) {
    metric = { ...metric, measure: migrateTokenName(entity, from, metric.measure, 'metric', step).name }
  }
  const colors = mapColorKeys(widget.display.colors, group.valueMap, step)
  const display = { ...widget.display, colors }
  const base = { ...widget, tokenVersion: CURRENT_TOKEN_VERSION, query, groupBy: group.groupBy, metric, display }
  let after: Widget
  switch (widget.type) {
    case 'bar': {
      const stack = migrateGroup(entity, from, widget.stackBy, 'stack-by', step)
      after = { ...widget, ...base, type: 'bar', stackBy: stack.groupBy }
      break
    }
    case 'table':
      after = { ...widget, ...base, type: 'table', columns: widget.columns.map((column) => column.metric.kind === 'ratio' ? { ...column, metric: { ...column.metric, numerator: migrateText(column.metric.numerator, entity, from, `column ${column.label}`, step) } } : column) }
      break
    case 'multiSeries':
      after = { ...widget, ...base, type: 'multiSeries', seriesQueries: widget.seriesQueries.map((series) => ({ ...series, query: migrateText(series.query, entity, from, `series ${series.label}`, step) })) }
      break
    default:
      after = { ...widget, ...base } as Widget
  }
  if (step.errors.length > 0) return { outcome: 'notRebuildable', reasons: step.errors }
  if (step.changes.length === 0) return { outcome: 'unchanged', after }
  return { outcome: 'rebuilt', before: widget, after, changes: step.changes }
}

/** How a widget stands against the current token version (what its card shows before any data is read). */
export function widgetVersionStatus(widget: Widget): WidgetVersionStatus {
  if (widget.tokenVersion >= CURRENT_TOKEN_VERSION) return { status: 'current' }
  const outcome = rebuildWidget(widget)
  switch (outcome.outcome) {
    case 'unchanged':
      return { status: 'current' }
    case 'rebuilt':
      return { status: 'needsRebuild', reasons: outcome.changes }
    case 'notRebuildable':
      return { status: 'broken', reasons: outcome.reasons }
  }
}

/** Rebuilds every widget of a list (a dashboard, or all of them) and reports each one. */
export function rebuildWidgets(widgets: readonly Widget[]): { widgets: Widget[]; report: { widgetId: string; title: string; outcome: RebuildOutcome }[] } {
  const report = widgets.map((widget) => ({ widgetId: widget.id, title: widget.title, outcome: rebuildWidget(widget) }))
  return {
    widgets: report.map(({ outcome }, index) => (outcome.outcome === 'notRebuildable' ? widgets[index] : outcome.after)),
    report,
  }
}
