// Which tokens a widget may group by or measure, and the QQL text of a widget's conditions (query AND dashboard filters).
import { CURRENT_TOKEN_VERSION, parseQql, printLiteral, printQuery, tokensFor, type QqlError, type QqlNode, type QqlToken } from '@/lib/qql/browser'
import type { DashboardFilters } from '../schema'
import type { GroupBy, ListEntity, WidgetEntity } from './schema'

const GROUPABLE_TYPES: ReadonlySet<string> = new Set(['keyword', 'enum', 'boolean', 'text', 'date'])
/** A list token (tags, CVEs) groups by each element: a row counts once in every group of its elements. */
const GROUPABLE_ELEMENTS: ReadonlySet<string> = new Set(['keyword', 'enum', 'text'])

function isGroupable(token: QqlToken): boolean {
  if (token.source.via !== 'row') return false
  return token.type === 'array' ? GROUPABLE_ELEMENTS.has(token.elementType) : GROUPABLE_TYPES.has(token.type)
}

/** Derived numeric measures besides the integer tokens (their SQL is in widgets/shared/query.ts). */
export const DERIVED_MEASURES: Readonly<Record<ListEntity, readonly { name: string; description: string }[]>> = {
  assets: [{ name: 'daysSinceScan', description: 'Days since the last scan.' }],
  patches: [{ name: 'daysSincePublished', description: 'Days since the vendor published the patch.' }],
  findings: [
    { name: 'daysMissing', description: 'Days from first seen missing to installed (or to now while missing).' },
  ],
}

function tokenNamed(entity: ListEntity, name: string, version: number): QqlToken | undefined {
  return tokensFor(entity, version).find((token) => token.name === name || token.aliases.includes(name))
}

/** Tokens a widget of `entity` can group by: one value per row (not a list, not a count of other rows). */
export function groupableTokens(entity: ListEntity, version = CURRENT_TOKEN_VERSION): QqlToken[] {
  return tokensFor(entity, version).filter(isGroupable)
}

/** Numeric measures for avg / median / p90: the entity's integer tokens and the derived ones. */
export function measuresFor(entity: ListEntity, version = CURRENT_TOKEN_VERSION): { name: string; description: string }[] {
  const integers = tokensFor(entity, version).filter((token) => token.source.via === 'row' && token.type === 'integer')
  return [...integers.map(({ name, description }) => ({ name, description })), ...DERIVED_MEASURES[entity]]
}

export type GroupCheck = { ok: true; token: QqlToken; bucket: GroupBy['bucket'] } | { ok: false; message: string }

/** A group-by checked against the entity's tokens at `version`. */
export function checkGroupBy(entity: ListEntity, groupBy: GroupBy, version = CURRENT_TOKEN_VERSION): GroupCheck {
  const token = tokenNamed(entity, groupBy.token, version)
  if (token === undefined) return { ok: false, message: `\`${groupBy.token}\` is not a ${entity} token (token version ${version})` }
  if (!isGroupable(token)) {
    return { ok: false, message: `\`${groupBy.token}\` cannot group ${entity}: group by a keyword, enum, boolean, text, date or list token` }
  }
  if (token.type === 'date' && groupBy.bucket === null) return { ok: false, message: `\`${groupBy.token}\` is a date: bucket it by day, week or month` }
  if (token.type !== 'date' && groupBy.bucket !== null) return { ok: false, message: `\`${groupBy.token}\` is not a date: it takes no ${groupBy.bucket} bucket` }
  return { ok: true, token, bucket: groupBy.bucket }
}

export function tokenFor(entity: ListEntity, name: string, version = CURRENT_TOKEN_VERSION): QqlToken | undefined {
  return tokenNamed(entity, name, version)
}

/** The entity whose vocabulary a widget's query is written in (history: the assets whose history counts). */
export function queryEntity(entity: WidgetEntity): ListEntity {
  return entity === 'history' ? 'assets' : entity
}

/** The dashboard filters as one QQL text: the clause AND `tags.name: [..]`; '' when there are none. */
export function filterText(filters: DashboardFilters): string {
  const tags = filters.tags.length === 0 ? '' : `tags.name: [${filters.tags.map(printLiteral).join(', ')}]`
  return [filters.query.trim(), tags].filter((part) => part !== '').map((part) => `(${part})`).join(' AND ')
}

export type Conditions =
  | { ok: true; ast: QqlNode | null; filterApplied: boolean; filterNote: string | null }
  /** `filters`: the dashboard filter itself is not valid QQL (in the assets vocabulary every filter is written in). */
  | { ok: false; errors: QqlError[]; source: 'query' | 'filters' }

/** The viewer's time zone when the runtime knows it, else UTC (as the QQL compiler then reads dates). */
export function viewerTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

/**
 * The current-version tree of `query AND filters AND extra…` for an entity: one tree, so the asset view groups
 * `patch.*` criteria of the widget and the filters into one finding exactly as the drilled-down list will. Dashboard
 * filters that are not in this entity's vocabulary (e.g. `osFamily` for patches) are left out, with a note saying so.
 */
export function conditions(entity: ListEntity, query: string, filters: DashboardFilters, extra: readonly QqlNode[] = []): Conditions {
  const own = parseQql(query, { entity })
  if (own.errors.length > 0) return { ok: false, errors: own.errors, source: 'query' }
  const filter = filterText(filters)
  if (filter !== '') {
    const asAssets = parseQql(filter, { entity: 'assets' })
    if (asAssets.errors.length > 0) return { ok: false, errors: asAssets.errors, source: 'filters' }
  }
  const parsedFilter = filter === '' ? null : parseQql(filter, { entity })
  const filterApplied = parsedFilter !== null && parsedFilter.errors.length === 0
  const filterNote =
    parsedFilter !== null && !filterApplied ? `dashboard filter not applied to ${entity}: ${parsedFilter.errors.map((error) => error.message).join('; ')}` : null
  const operands = [own.ast, filterApplied ? parsedFilter.ast : null, ...extra].filter((node): node is QqlNode => node !== null)
  return { ok: true, ast: andAll(operands), filterApplied, filterNote }
}

export function andAll(operands: readonly QqlNode[]): QqlNode | null {
  if (operands.length === 0) return null
  if (operands.length === 1) return operands[0]
  return { kind: 'and', operands: [...operands], start: 0, end: 0 }
}

export function conditionsText(ast: QqlNode | null): string {
  return printQuery(ast)
}
