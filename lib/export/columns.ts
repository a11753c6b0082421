// The export column registry: per entity, the columns (header, type, SQL expression, width) derived from the QQL tokens.
import { CURRENT_TOKEN_VERSION, tokensFor, type QqlToken } from '@/lib/qql'
import { invalid } from '@/lib/errors'
import type { ExportValueType } from '@/lib/repositories/export'

export const EXPORT_ENTITIES = ['assets', 'patches', 'findings'] as const
export type ExportEntity = (typeof EXPORT_ENTITIES)[number]

/** How a value is written: text (CSV quoted, XLSX string), integer, date (in the user's zone), boolean, list (joined). */
export type ColumnType = ExportValueType

export interface ExportColumn {
  /** The QQL token name (or, for the few columns no token reads, a name of the same style): what `columns=` lists. */
  id: string
  /** Readable header; a date's header is completed with the time zone (`headerFor`). */
  header: string
  type: ColumnType
  /** Constant SQL over the entity's list source (aliases a, p, f; c for the patches' counts); never a user value. */
  sql: string
  /** XLSX column width in characters. */
  width: number
}

const ASSET_HEADERS: Record<string, string> = {
  id: 'Asset id', name: 'Name', operatingSystem: 'Operating system', osFamily: 'OS family', architecture: 'Architecture',
  'tags.name': 'Tags', lastLoggedOnUser: 'Last logged-on user', 'interfaces.address': 'IP addresses', scanDateTime: 'Last scan',
  activatedDate: 'Activated', missingPatchCount: 'Missing patches', installedPatchCount: 'Installed patches',
  missingCriticalCount: 'Missing critical', missingSecurityCount: 'Missing security', scanStatus: 'Scan status',
  profile: 'Assessment profile', scanOverdue: 'Scan overdue', licensed: 'Licensed',
}
const PATCH_HEADERS: Record<string, string> = {
  id: 'Patch id', title: 'Title', qid: 'QIDs', cve: 'CVEs', kb: 'KB', vendor: 'Vendor', product: 'Products', appFamily: 'App family',
  category: 'Category', vendorSeverity: 'Vendor severity', isSecurity: 'Security', isSuperseded: 'Superseded',
  rebootRequired: 'Reboot required', downloadMethod: 'Download method', architecture: 'Architecture', publishedDate: 'Published',
  modifiedDate: 'Modified', bulletin: 'Bulletin',
}
const FINDING_HEADERS: Record<string, string> = { status: 'Status', firstSeenDate: 'First seen', installedDate: 'Installed' }

/** Which token prefixes of an entity become columns, and the header of each field under that prefix. */
const PARTS: Record<ExportEntity, readonly { prefix: string; headers: Record<string, string>; label: string }[]> = {
  assets: [{ prefix: '', headers: ASSET_HEADERS, label: '' }],
  patches: [{ prefix: '', headers: PATCH_HEADERS, label: '' }],
  findings: [
    { prefix: '', headers: FINDING_HEADERS, label: '' },
    { prefix: 'asset.', headers: ASSET_HEADERS, label: 'Asset' },
    { prefix: 'patch.', headers: PATCH_HEADERS, label: 'Patch' },
  ],
}

/** Columns no token reads as a row value: the patches' in-scope counts and a finding's days missing. */
const EXTRA_COLUMNS: Record<ExportEntity, readonly ExportColumn[]> = {
  assets: [],
  patches: [
    { id: 'missingCount', header: 'Missing on (assets)', type: 'integer', sql: 'toUInt32(ifNull(c.missing, 0))', width: 12 },
    { id: 'installedCount', header: 'Installed on (assets)', type: 'integer', sql: 'toUInt32(ifNull(c.installed, 0))', width: 12 },
  ],
  findings: [
    {
      id: 'daysMissing',
      header: 'Days missing',
      type: 'integer',
      // Until now while missing; until the install for an installed patch.
      sql: "toInt32(dateDiff('day', f.first_seen_at, if(f.status = 'Installed' AND f.installed_at IS NOT NULL, assumeNotNull(f.installed_at), now64(3, 'UTC'))))",
      width: 10,
    },
  ],
}

/** The columns an export has when none are chosen: the list screen's, plus what an audit sheet needs. */
export const DEFAULT_COLUMNS: Record<ExportEntity, readonly string[]> = {
  assets: ['id', 'name', 'operatingSystem', 'osFamily', 'tags.name', 'scanDateTime', 'missingPatchCount', 'missingCriticalCount', 'installedPatchCount'],
  patches: ['id', 'title', 'vendorSeverity', 'vendor', 'kb', 'category', 'isSuperseded', 'publishedDate', 'missingCount', 'installedCount'],
  findings: [
    'asset.id', 'asset.name', 'asset.operatingSystem', 'asset.tags.name', 'patch.id', 'patch.title', 'patch.vendorSeverity', 'patch.kb',
    'status', 'firstSeenDate', 'installedDate', 'daysMissing',
  ],
}

function columnType(token: QqlToken): ColumnType {
  if (token.type === 'array') return 'list'
  if (token.elementType === 'integer' || token.elementType === 'date' || token.elementType === 'boolean') return token.elementType
  return 'text'
}

const WIDTHS: Record<ColumnType, number> = { text: 28, list: 28, integer: 12, date: 20, boolean: 10 }

/** "Operating system" under "Asset" → "Asset operating system"; "KB" stays "Patch KB". */
function labelled(label: string, header: string): string {
  if (label === '' || header.startsWith(label)) return header
  const lower = /^[A-Z][a-z]/.test(header) ? header[0].toLowerCase() + header.slice(1) : header
  return `${label} ${lower}`
}

function humanize(name: string): string {
  const words = name.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words[0].toUpperCase() + words.slice(1)
}

function deriveColumns(entity: ExportEntity): ExportColumn[] {
  const columns = tokensFor(entity, CURRENT_TOKEN_VERSION).flatMap((token) => {
    if (token.source.via !== 'row') return []
    const part = PARTS[entity].find((candidate) => candidate.prefix !== '' && token.name.startsWith(candidate.prefix)) ?? PARTS[entity].find((candidate) => candidate.prefix === '')
    if (part === undefined) return []
    const field = token.name.slice(part.prefix.length)
    const type = columnType(token)
    const header = labelled(part.label, part.headers[field] ?? humanize(field))
    return [{ id: token.name, header, type, sql: token.source.sql, width: Math.max(WIDTHS[type], header.length + 4) }]
  })
  return [...columns, ...EXTRA_COLUMNS[entity]]
}

const indexed = (entity: ExportEntity) => new Map(deriveColumns(entity).map((column) => [column.id, column]))
const REGISTRY: Record<ExportEntity, ReadonlyMap<string, ExportColumn>> = { assets: indexed('assets'), patches: indexed('patches'), findings: indexed('findings') }

/** Every column an entity can export, in registry order (the column picker's list). */
export function exportColumns(entity: ExportEntity): ExportColumn[] {
  return [...REGISTRY[entity].values()]
}

/** The chosen columns in the order given (the defaults when none), or a 400 naming every unknown one. */
export function resolveColumns(entity: ExportEntity, ids: readonly string[] | null): ExportColumn[] {
  const wanted = ids === null || ids.length === 0 ? DEFAULT_COLUMNS[entity] : ids
  const unknown = wanted.filter((id) => !REGISTRY[entity].has(id))
  if (unknown.length > 0) {
    throw invalid('UNKNOWN_COLUMN', `Unknown ${entity} column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, { unknown, known: [...REGISTRY[entity].keys()] })
  }
  const duplicate = wanted.find((id, index) => wanted.indexOf(id) !== index)
  if (duplicate !== undefined) throw invalid('DUPLICATE_COLUMN', `Column ${duplicate} is listed twice`, { duplicate })
  return wanted.map((id) => REGISTRY[entity].get(id) as ExportColumn)
}

/** The header as written: a date column names the zone its times are in ("Last scan (Europe/Berlin)"). */
export function headerFor(column: Pick<ExportColumn, 'header' | 'type'>, timeZone: string): string {
  return column.type === 'date' ? `${column.header} (${timeZone})` : column.header
}
