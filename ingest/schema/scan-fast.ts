// Fast path for scan documents: accepts only what scanDocumentSchema accepts, with the same output; anything else defers to zod.
import { documentIssues, ingestErrorMap, type DocumentIssue } from './issues'
import {
  DOWNLOAD_METHODS,
  FINDING_STATUSES,
  OS_FAMILIES,
  SCAN_LIMITS,
  VENDOR_SEVERITIES,
  assetSchema,
  isScanTimeZone,
  scanDocumentSchema,
  scanPatchSchema,
  type ScanDocument,
  type ScanPatch,
} from './scan'

type Raw = Record<string, unknown>

const { maxShortText, maxLongText, maxListItems, maxPatchesPerScan, maxFutureSkewMs } = SCAN_LIMITS
const severities: ReadonlySet<unknown> = new Set(VENDOR_SEVERITIES)
const downloadMethods: ReadonlySet<unknown> = new Set(DOWNLOAD_METHODS)
const findingStatuses: ReadonlySet<unknown> = new Set(FINDING_STATUSES)
const osFamilies: ReadonlySet<unknown> = new Set(OS_FAMILIES)

export const SCAN_DOCUMENT_KEYS: ReadonlySet<string> = new Set(Object.keys(scanDocumentSchema.shape))
export const ASSET_KEYS: ReadonlySet<string> = new Set(Object.keys(assetSchema.shape))
export const SCAN_PATCH_KEYS: ReadonlySet<string> = new Set(Object.keys(scanPatchSchema.shape))

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Thrown inside the fast path when a value is not certainly valid; the caller then asks zod for the exact issues. */
const UNSURE = Symbol('unsure')

// Absent and JSON null are the same for an optional field (`== null` covers both): the default, or no value.

function text(value: unknown, max: number, fallback: string | undefined, min = 0): string {
  if (value == null && fallback !== undefined) return fallback
  if (typeof value !== 'string' || value.length > max || value.length < min) throw UNSURE
  return value
}

function textList(value: unknown, min = 0): string[] {
  if (value == null) return []
  if (!Array.isArray(value) || value.length > maxListItems) throw UNSURE
  for (let i = 0; i < value.length; i++) {
    const item = value[i]
    if (typeof item !== 'string' || item.length > maxShortText || item.length < min) throw UNSURE
  }
  return value as string[]
}

function qidList(value: unknown): number[] {
  if (value == null) return []
  if (!Array.isArray(value) || value.length > maxListItems) throw UNSURE
  for (let i = 0; i < value.length; i++) {
    const item = value[i]
    if (typeof item !== 'number' || !Number.isSafeInteger(item) || item < 0) throw UNSURE
  }
  return value as number[]
}

function flag(value: unknown): boolean {
  if (value == null) return false
  if (typeof value !== 'boolean') throw UNSURE
  return value
}

function member<T>(value: unknown, allowed: ReadonlySet<unknown>, fallback: T | undefined): T {
  if (value == null && fallback !== undefined) return fallback
  if (!allowed.has(value)) throw UNSURE
  return value as T
}

/**
 * Scans repeat the same date texts thousands of times: each is parsed once per process, and its Date shared
 * (the validated documents are never mutated).
 */
const parsedDates = new Map<string, Date>()
const lastDates: (Date | undefined)[] = new Array(256)

const digit = (text: string, at: number) => {
  const d = text.charCodeAt(at) - 48
  return d >= 0 && d <= 9 ? d : Number.NaN
}
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * The canonical UTC form `YYYY-MM-DDTHH:MM:SS.sssZ` (what `toISOString` writes and nearly every agent sends), read
 * without a Date parse; NaN when the text is anything else (then `new Date` decides). Same result as `new Date(text)`.
 */
function canonicalIsoMs(text: string): number {
  if (text.length !== 24 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 ||
      text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return Number.NaN
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3)
  const month = digit(text, 5) * 10 + digit(text, 6)
  const day = digit(text, 8) * 10 + digit(text, 9)
  const hour = digit(text, 11) * 10 + digit(text, 12)
  const minute = digit(text, 14) * 10 + digit(text, 15)
  const second = digit(text, 17) * 10 + digit(text, 18)
  const ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22)
  // Years below 1000 (Date.UTC maps 0–99 to 19xx), out-of-range fields and Feb 29 of common years go the slow way.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1] && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)) return Number.NaN
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return Number.NaN
  return Date.UTC(year, month - 1, day, hour, minute, second, ms)
}

function time(value: unknown): Date {
  if (typeof value === 'string') {
    if (value.length > 64) throw UNSURE
    const ms = canonicalIsoMs(value)
    if (ms === ms) {
      // Shared Dates for repeated texts: a small direct-mapped cache keyed by the time itself (no string hashing).
      const slot = Math.imul(Math.floor(ms / 1000) | 0, 0x9e3779b1) >>> 24
      const cached = lastDates[slot]
      if (cached !== undefined && cached.getTime() === ms) return cached
      const date = new Date(ms)
      lastDates[slot] = date
      return date
    }
    let date = parsedDates.get(value)
    if (date === undefined) {
      date = new Date(value)
      if (parsedDates.size > 50_000) parsedDates.clear()
      parsedDates.set(value, date)
    }
    if (Number.isNaN(date.getTime())) throw UNSURE
    return date
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    const date = new Date(value)
    if (!Number.isNaN(date.getTime())) return date
  }
  throw UNSURE
}

function countKeys(raw: Raw): number {
  let keys = 0
  for (const _ in raw) keys++
  return keys
}

/** Fields present in `raw` that the schema does not know (they are ignored, but counted). */
export function unknownKeys(raw: unknown, known: ReadonlySet<string>): number {
  if (!isObject(raw)) return 0
  let unknown = 0
  for (const key in raw) if (!known.has(key)) unknown++
  return unknown
}

interface FastResult {
  doc: ScanDocument
  unknownFields: number
}

/** Patch fields that may be absent; the others (id, title, status) are required, so present whenever the fast path succeeds. */
const REQUIRED_PATCH_KEYS = ['id', 'title', 'status']
const OPTIONAL_PATCH_KEYS = [...SCAN_PATCH_KEYS].filter((key) => !REQUIRED_PATCH_KEYS.includes(key))

function fastPatch(raw: unknown, counter: { unknown: number }): ScanPatch {
  if (!isObject(raw)) throw UNSURE
  let known = 0
  for (let i = 0; i < OPTIONAL_PATCH_KEYS.length; i++) if (raw[OPTIONAL_PATCH_KEYS[i]] !== undefined) known++
  const patch = {
    id: text(raw.id, maxShortText, undefined, 1),
    qids: qidList(raw.qids),
    title: text(raw.title, maxLongText, undefined, 1),
    vendor: text(raw.vendor, maxShortText, ''),
    product: textList(raw.product),
    appFamily: text(raw.appFamily, maxShortText, ''),
    kb: text(raw.kb, maxShortText, ''),
    cves: textList(raw.cves),
    bulletin: text(raw.bulletin, maxShortText, ''),
    category: text(raw.category, maxShortText, 'Updates'),
    vendorSeverity: member<ScanPatch['vendorSeverity']>(raw.vendorSeverity, severities, 'None'),
    isSecurity: flag(raw.isSecurity),
    isSuperseded: flag(raw.isSuperseded),
    supersededBy: textList(raw.supersededBy),
    supersedes: textList(raw.supersedes),
    rebootRequired: flag(raw.rebootRequired),
    downloadMethod: member<ScanPatch['downloadMethod']>(raw.downloadMethod, downloadMethods, 'Automatic'),
    architecture: text(raw.architecture, maxShortText, ''),
  } as ScanPatch
  // Optional fields appear only when sent, in the schema's key order (so the output serialises exactly as zod's).
  if (raw.publishedAt != null) patch.publishedAt = time(raw.publishedAt)
  if (raw.modifiedAt != null) patch.modifiedAt = time(raw.modifiedAt)
  patch.status = member<ScanPatch['status']>(raw.status, findingStatuses, undefined)
  if (raw.installedAt != null) patch.installedAt = time(raw.installedAt)
  counter.unknown += countKeys(raw) - known - REQUIRED_PATCH_KEYS.length
  return patch
}

function fastScan(raw: unknown): FastResult {
  if (!isObject(raw)) throw UNSURE
  const counter = { unknown: unknownKeys(raw, SCAN_DOCUMENT_KEYS) }
  const a = raw.asset
  if (!isObject(a)) throw UNSURE
  counter.unknown += unknownKeys(a, ASSET_KEYS)
  const asset = {
    id: text(a.id, maxShortText, undefined, 1),
    name: text(a.name, maxShortText, undefined, 1),
    operatingSystem: text(a.operatingSystem, maxShortText, ''),
    osFamily: member<ScanDocument['asset']['osFamily']>(a.osFamily, osFamilies, 'Windows'),
    architecture: text(a.architecture, maxShortText, ''),
    ipAddresses: textList(a.ipAddresses),
    lastLoggedOnUser: text(a.lastLoggedOnUser, maxShortText, ''),
    tags: textList(a.tags, 1),
  } as ScanDocument['asset']
  // Optional fields appear only when sent, defaults after them, in the schema's key order (as zod's output).
  if (a.activatedAt != null) asset.activatedAt = time(a.activatedAt)
  asset.timeZone = text(a.timeZone, 64, '')
  if (!isScanTimeZone(asset.timeZone)) throw UNSURE
  const rawPatches = raw.patches
  if (!Array.isArray(rawPatches) || rawPatches.length > maxPatchesPerScan) throw UNSURE
  const patches: ScanPatch[] = new Array(rawPatches.length)
  const seen = new Set<string>()
  for (let i = 0; i < rawPatches.length; i++) {
    const patch = fastPatch(rawPatches[i], counter)
    if (seen.has(patch.id)) throw UNSURE
    seen.add(patch.id)
    patches[i] = patch
  }
  const doc = {} as ScanDocument
  if (raw.scanId != null) doc.scanId = text(raw.scanId, maxShortText, undefined, 1)
  doc.scannedAt = time(raw.scannedAt)
  if (doc.scannedAt.getTime() > Date.now() + maxFutureSkewMs) throw UNSURE
  doc.asset = asset
  doc.patches = patches
  return { doc, unknownFields: counter.unknown }
}

export type ScanParseResult = { ok: true; doc: ScanDocument; unknownFields: number } | { ok: false; issues: DocumentIssue[] }

/** Validates one scan document: the fast path for the common valid case, zod for everything else (and for the errors). */
export function parseScanDocument(raw: unknown): ScanParseResult {
  try {
    return { ok: true, ...fastScan(raw) }
  } catch (error) {
    if (error !== UNSURE) throw error
  }
  const parsed = scanDocumentSchema.safeParse(raw, { error: ingestErrorMap })
  if (!parsed.success) return { ok: false, issues: documentIssues(parsed.error) }
  const value = raw as Raw
  const asset = value.asset as Raw
  let unknownFields = unknownKeys(value, SCAN_DOCUMENT_KEYS) + unknownKeys(asset, ASSET_KEYS)
  for (const patch of value.patches as unknown[]) unknownFields += unknownKeys(patch, SCAN_PATCH_KEYS)
  return { ok: true, doc: parsed.data, unknownFields }
}
