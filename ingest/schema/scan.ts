// The scan-document contract: one document per asset scan, with every applicable patch (zod is the source of truth).
import { z } from 'zod'

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

/** ISO-8601 text or epoch milliseconds, normalised to a Date. */
export const timestamp = z
  .union([z.string().max(64), z.number().int().nonnegative()], { error: 'expected a date: ISO-8601 text (at most 64 characters) or epoch milliseconds' })
  .transform((value, ctx) => {
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `not a valid date: ${JSON.stringify(value)} (use ISO-8601 or epoch milliseconds)` })
      return z.NEVER
    }
    return date
  })

export const assetSchema = z.object({
  id: shortText.min(1, 'asset id must not be empty'),
  name: shortText.min(1, 'asset name must not be empty'),
  operatingSystem: shortText.default(''),
  osFamily: z.enum(OS_FAMILIES).default('Windows'),
  architecture: shortText.default(''),
  ipAddresses: list(shortText).default([]),
  lastLoggedOnUser: shortText.default(''),
  tags: list(shortText.min(1)).default([]),
  activatedAt: timestamp.optional(),
})

/** Catalog fields of a patch; scan documents may carry them inline, the catalog feed carries only these. */
export const patchCatalogSchema = z.object({
  id: shortText.min(1, 'patch id must not be empty'),
  qids: list(z.number().int().nonnegative()).default([]),
  title: longText.min(1, 'patch title must not be empty'),
  vendor: shortText.default(''),
  product: list(shortText).default([]),
  appFamily: shortText.default(''),
  kb: shortText.default(''),
  cves: list(shortText).default([]),
  bulletin: shortText.default(''),
  category: shortText.default('Updates'),
  vendorSeverity: z.enum(VENDOR_SEVERITIES).default('None'),
  isSecurity: z.boolean().default(false),
  isSuperseded: z.boolean().default(false),
  supersededBy: list(shortText).default([]),
  supersedes: list(shortText).default([]),
  rebootRequired: z.boolean().default(false),
  downloadMethod: z.enum(DOWNLOAD_METHODS).default('Automatic'),
  architecture: shortText.default(''),
  publishedAt: timestamp.optional(),
  modifiedAt: timestamp.optional(),
})

export const scanPatchSchema = patchCatalogSchema.extend({
  status: z.enum(FINDING_STATUSES),
  installedAt: timestamp.optional(),
})

export const scanDocumentSchema = z
  .object({
    scanId: shortText.min(1).optional(),
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
