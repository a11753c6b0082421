// The scan-document contract: one document per asset scan, with every applicable patch (zod is the source of truth).
import { z } from 'zod'
import { describeReceived } from './issues'
import { isKnownTimeZone } from './time-zone'

/** Limits that keep one bad document from exhausting memory or the engine. */
export const SCAN_LIMITS = {
  maxPatchesPerScan: 20_000,
  maxShortText: 256,
  maxLongText: 2_048,
  maxListItems: 1_000,
  /** A scan dated further than this into the future is rejected (clock skew allowance). */
  maxFutureSkewMs: 24 * 60 * 60 * 1000,
} as const

export const VENDOR_SEVERITIES = ['Critical', 'Important', 'Moderate', 'Low', 'None'] as const
export const PATCH_CATEGORIES = [
  'Security Patches',
  'Critical Updates',
  'Feature Packs',
  'Service Packs',
  'Update Rollups',
  'Updates',
  'Definition Updates',
  'Drivers',
] as const
export const DOWNLOAD_METHODS = ['Automatic', 'Acquired', 'Unavailable'] as const
export const FINDING_STATUSES = ['Missing', 'Installed'] as const
export const OS_FAMILIES = ['Windows', 'Linux', 'macOS'] as const

const shortText = z.string().max(SCAN_LIMITS.maxShortText)
const longText = z.string().max(SCAN_LIMITS.maxLongText)
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(SCAN_LIMITS.maxListItems)

const DATE = 'a date (ISO-8601 text or epoch milliseconds)'

const dateError = (issue: { input?: unknown }) => `expected ${DATE}, got ${describeReceived(issue.input)}`

/** ISO-8601 text or epoch milliseconds, normalised to a Date; each way of getting it wrong says what was received. */
export const timestamp = z
  .union(
    [
      z.string().max(64, { error: (issue) => `expected ${DATE}, got text of ${String(issue.input).length} characters (a date is at most 64)` }),
      z.number({ error: dateError })
        .int({ error: dateError })
        .nonnegative({ error: (issue) => `expected ${DATE}, got a negative number (${issue.input})` }),
    ],
    { error: (issue) => (issue.code === 'invalid_union' ? dateError(issue) : undefined) },
  )
  .transform((value, ctx) => {
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `not a valid date: ${JSON.stringify(value)} (use ISO-8601 or epoch milliseconds)` })
      return z.NEVER
    }
    return date
  })

/**
 * An optional field with a default: absent and JSON `null` both mean the default (scanners and exporters commonly
 * write `null`). The JSON Schema says `null` is allowed and names the default.
 */
export function withDefault<T extends z.ZodType>(schema: T, fallback: NonNullable<z.output<T>>) {
  return schema
    .nullish()
    .meta({ default: fallback })
    .transform((value) => value ?? fallback)
}

/** An optional field without a default: absent and JSON `null` both mean absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional()
}

/** Whether `zone` is '' (not reported) or an IANA zone the runtime knows (the users' and jobs' rule). */
export const isScanTimeZone = (zone: string): boolean => zone === '' || isKnownTimeZone(zone)

/** The asset's IANA time zone ('' or null: not reported); an unknown name rejects the document. */
const scanTimeZone = z.string().max(64).refine(isScanTimeZone, {
  error: (issue) => `unknown time zone ${JSON.stringify(issue.input)}: use an IANA name such as Europe/Berlin or America/New_York`,
})

export const assetSchema = z.object({
  id: shortText.min(1, 'asset id must not be empty'),
  name: shortText.min(1, 'asset name must not be empty'),
  operatingSystem: withDefault(shortText, ''),
  osFamily: withDefault(z.enum(OS_FAMILIES), 'Windows'),
  architecture: withDefault(shortText, ''),
  ipAddresses: withDefault(list(shortText), []),
  lastLoggedOnUser: withDefault(shortText, ''),
  tags: withDefault(list(shortText.min(1)), []),
  activatedAt: optional(timestamp),
  timeZone: withDefault(scanTimeZone, ''),
})

/** Catalog fields of a patch; scan documents may carry them inline, the catalog feed carries only these. */
export const patchCatalogSchema = z.object({
  id: shortText.min(1, 'patch id must not be empty'),
  qids: withDefault(list(z.number().int().nonnegative()), []),
  title: longText.min(1, 'patch title must not be empty'),
  vendor: withDefault(shortText, ''),
  product: withDefault(list(shortText), []),
  appFamily: withDefault(shortText, ''),
  kb: withDefault(shortText, ''),
  cves: withDefault(list(shortText), []),
  bulletin: withDefault(shortText, ''),
  category: withDefault(shortText, 'Updates'),
  vendorSeverity: withDefault(z.enum(VENDOR_SEVERITIES), 'None'),
  isSecurity: withDefault(z.boolean(), false),
  isSuperseded: withDefault(z.boolean(), false),
  supersededBy: withDefault(list(shortText), []),
  supersedes: withDefault(list(shortText), []),
  rebootRequired: withDefault(z.boolean(), false),
  downloadMethod: withDefault(z.enum(DOWNLOAD_METHODS), 'Automatic'),
  architecture: withDefault(shortText, ''),
  publishedAt: optional(timestamp),
  modifiedAt: optional(timestamp),
})

export const scanPatchSchema = patchCatalogSchema.extend({
  status: z.enum(FINDING_STATUSES),
  installedAt: optional(timestamp),
})

export const scanDocumentSchema = z
  .object({
    scanId: optional(shortText.min(1)),
    scannedAt: timestamp,
    asset: assetSchema,
    patches: z.array(scanPatchSchema).max(SCAN_LIMITS.maxPatchesPerScan),
  })
  .superRefine((doc, ctx) => {
    // zod runs this refinement even when a field failed above (e.g. a negative epoch): check the types first.
    if (doc.scannedAt instanceof Date && doc.scannedAt.getTime() > Date.now() + SCAN_LIMITS.maxFutureSkewMs) {
      ctx.addIssue({ code: 'custom', path: ['scannedAt'], message: 'scannedAt is in the future' })
    }
    const seen = new Set<string>()
    if (!Array.isArray(doc.patches)) return
    doc.patches.forEach((patch, index) => {
      if (typeof patch?.id !== 'string') return
      if (seen.has(patch.id)) {
        ctx.addIssue({ code: 'custom', path: ['patches', index, 'id'], message: `patch ${patch.id} is listed twice in one scan` })
      }
      seen.add(patch.id)
    })
  })

/** What a sender writes (dates as text or numbers). */
export type ScanDocumentInput = z.input<typeof scanDocumentSchema>
/** What the writer receives (defaults applied, dates parsed). */
export type ScanDocument = z.output<typeof scanDocumentSchema>
export type PatchCatalogEntry = z.output<typeof patchCatalogSchema>
export type ScanPatch = z.output<typeof scanPatchSchema>
