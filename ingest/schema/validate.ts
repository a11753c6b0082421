// The validator of each ingest document kind (the pipeline's, and the tests'): the parsed document with its unknown fields, or the issues.
import { documentIssues, ingestErrorMap, type DocumentIssue } from './issues'
import { jobResultDocumentSchema, type JobResultDocument } from './job-result'
import { patchCatalogSchema, type PatchCatalogEntry, type ScanDocument } from './scan'
import { parseScanDocument, unknownKeys } from './scan-fast'

export type Validation<Doc> = { ok: true; doc: Doc; unknownFields: number } | { ok: false; issues: DocumentIssue[] }

const CATALOG_KEYS: ReadonlySet<string> = new Set(Object.keys(patchCatalogSchema.shape))
const JOB_RESULT_KEYS: ReadonlySet<string> = new Set(Object.keys(jobResultDocumentSchema.shape))

/** A scan document: the fast path for the common valid case, zod for everything else. */
export const validateScan = (raw: unknown): Validation<ScanDocument> => parseScanDocument(raw)

export function validateCatalogEntry(raw: unknown): Validation<PatchCatalogEntry> {
  const parsed = patchCatalogSchema.safeParse(raw, { error: ingestErrorMap })
  return parsed.success ? { ok: true, doc: parsed.data, unknownFields: unknownKeys(raw, CATALOG_KEYS) } : { ok: false, issues: documentIssues(parsed.error) }
}

export function validateJobResult(raw: unknown): Validation<JobResultDocument> {
  const parsed = jobResultDocumentSchema.safeParse(raw, { error: ingestErrorMap })
  return parsed.success ? { ok: true, doc: parsed.data, unknownFields: unknownKeys(raw, JOB_RESULT_KEYS) } : { ok: false, issues: documentIssues(parsed.error) }
}
