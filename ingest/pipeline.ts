// Streams one upload through splitting, validation and the writers: rejects go to quarantine, the run to ingest history.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { recordIngest } from '@/lib/repositories/ingest-history'
import { runAssetAdmitter } from '@/lib/repositories/job-runs'
import { BodyError, parseDocument, readDocuments, type BodyFormat } from './documents'
import { writeJobResults } from './job-results-writer'
import { MAX_QUARANTINED_PER_REQUEST, RequestQuarantine, type QuarantineRemainder } from './request-quarantine'
import type { DocumentIssue } from './schema/issues'
import type { JobResultDocument } from './schema/job-result'
import type { PatchCatalogEntry, ScanDocument } from './schema/scan'
import { validateCatalogEntry, validateJobResult, validateScan } from './schema/validate'
import { ScanBatch, upsertCatalog, writeScanBatch } from './writer'

export const INGEST_KINDS = ['scans', 'catalog', 'job-results'] as const
export type IngestKind = (typeof INGEST_KINDS)[number]

/** Errors listed in a report; the total is always given. */
export const MAX_LISTED_ERRORS = 100
/** A batch is written when it holds this many documents or findings, whichever comes first. */
const DOCUMENTS_PER_BATCH = 1_000
const FINDINGS_PER_BATCH = 150_000

export interface IngestActor {
  source: 'api' | 'upload' | 'cli'
  actorId: string
  actorLabel: string
  keyId?: string
  /** Tags added to every asset reporting in this upload (the activation key's tags). */
  extraTags?: string[]
  fileName?: string
}

export interface IngestProgress {
  documents: number
  accepted: number
  rejected: number
  findings: number
  bytes: number
  elapsedMs: number
}

export interface IngestError {
  line: number
  /** The document's own id when it has one: scanId (scans), id (catalog), runId (job results). */
  scanId: string | null
  path: string
  message: string
}

export interface IngestReport {
  ingestId: string
  kind: IngestKind
  accepted: number
  rejected: number
  duplicates: number
  /** Accepted scans older than their asset's latest: recorded in history only. */
  stale: number
  findings: number
  unknownFields: number
  bytes: number
  durationMs: number
  errors: IngestError[]
  errorsTotal: number
  /** Rejected documents quarantined a row each: at most MAX_QUARANTINED_PER_REQUEST. */
  quarantined: number
  /** Rejected documents beyond that, quarantined together as one row; null when there were none. */
  quarantineRemainder: QuarantineRemainder | null
  /** The body as a whole could not be read to its end (documents before the break were processed). */
  failure?: { code: string; message: string }
}

interface Validated<Doc> {
  ok: true
  doc: Doc
  unknownFields: number
  findings: number
}

/** Validated documents waiting for one write. */
interface Batch<Doc> {
  add(doc: Doc): void
  readonly size: number
}

class DocumentList<Doc> implements Batch<Doc> {
  readonly docs: Doc[] = []
  add(doc: Doc): void {
    this.docs.push(doc)
  }
  get size(): number {
    return this.docs.length
  }
}

interface KindHandler<Doc, B extends Batch<Doc> = Batch<Doc>> {
  validate(raw: unknown): Validated<Doc> | { ok: false; issues: DocumentIssue[] }
  documentId(raw: unknown): string | null
  newBatch(): B
  write(db: Database, batch: B, actor: IngestActor): Promise<{ accepted: number; duplicates: number; stale: number }>
  /** A per-request check of valid documents against stored state (e.g. a job result's run); issues reject the document. */
  admitter?(db: Database): (doc: Doc) => Promise<DocumentIssue[]>
}

const field = (raw: unknown, name: string): string | null => {
  const value = (raw as Record<string, unknown>)[name]
  return typeof value === 'string' ? value.slice(0, 256) : null
}

const scans: KindHandler<ScanDocument, ScanBatch> = {
  validate(raw) {
    const result = validateScan(raw)
    return result.ok ? { ...result, findings: result.doc.patches.length } : result
  },
  documentId: (raw) => field(raw, 'scanId'),
  newBatch: () => new ScanBatch(),
  write: (db, batch, actor) => writeScanBatch(db, batch, { extraTags: actor.extraTags }),
}

const catalog: KindHandler<PatchCatalogEntry, DocumentList<PatchCatalogEntry>> = {
  validate(raw) {
    const result = validateCatalogEntry(raw)
    return result.ok ? { ...result, findings: 0 } : result
  },
  documentId: (raw) => field(raw, 'id'),
  newBatch: () => new DocumentList(),
  async write(db, batch) {
    const written = await upsertCatalog(db, batch.docs)
    return { accepted: written, duplicates: batch.size - written, stale: 0 }
  },
}

const jobResults: KindHandler<JobResultDocument, DocumentList<JobResultDocument>> = {
  validate(raw) {
    const result = validateJobResult(raw)
    return result.ok ? { ...result, findings: 0 } : result
  },
  documentId: (raw) => field(raw, 'runId'),
  newBatch: () => new DocumentList(),
  async write(db, batch) {
    return { ...(await writeJobResults(db, batch.docs)), stale: 0 }
  },
  // A result must belong to a run that assigned the asset (GET /api/v1/agent/jobs): others are quarantined, saying why.
  admitter: runAssetAdmitter,
}

const HANDLERS: Record<IngestKind, KindHandler<unknown>> = {
  scans: scans as KindHandler<unknown>,
  catalog: catalog as KindHandler<unknown>,
  'job-results': jobResults as KindHandler<unknown>,
}

export interface IngestOptions extends IngestActor {
  kind: IngestKind
  format: BodyFormat
  onProgress?: (progress: IngestProgress) => void
  /** Rejected documents quarantined a row each before the rest share one row (tests lower it). */
  maxQuarantinedDocuments?: number
}

/**
 * Ingests one body. Each document is accepted or rejected on its own; accepted ones are written in batches
 * (validation of the next batch overlaps the engine writing the previous one) and are durable when this returns.
 * Rejected ones are quarantined verbatim. A body that breaks off (e.g. truncated gzip) sets `failure`.
 */
export async function ingestBody(db: Database, body: AsyncIterable<Uint8Array>, options: IngestOptions): Promise<IngestReport> {
  const started = Date.now()
  const startedAt = new Date(started)
  const handler = HANDLERS[options.kind]
  const admit = handler.admitter?.(db)
  const report: IngestReport = {
    ingestId: crypto.randomUUID(),
    kind: options.kind,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    stale: 0,
    findings: 0,
    unknownFields: 0,
    bytes: 0,
    durationMs: 0,
    errors: [],
    errorsTotal: 0,
    quarantined: 0,
    quarantineRemainder: null,
  }
  const counter = { bytes: 0 }
  let documents = 0
  let batch = handler.newBatch()
  let batchFindings = 0
  const quarantine = new RequestQuarantine(db, { ingestId: report.ingestId, kind: options.kind, receivedAt: startedAt }, options.maxQuarantinedDocuments ?? MAX_QUARANTINED_PER_REQUEST)
  let writing: Promise<void> = Promise.resolve()
  let writeFailure: unknown

  const progress = () => {
    report.bytes = counter.bytes
    options.onProgress?.({ documents, accepted: report.accepted, rejected: report.rejected, findings: report.findings, bytes: counter.bytes, elapsedMs: Date.now() - started })
  }
  const flushBatch = async () => {
    if (batch.size === 0) return
    const full = batch
    batch = handler.newBatch()
    batchFindings = 0
    await writing
    if (writeFailure) throw writeFailure
    // The rejection is captured at once, so a failed write never becomes an unhandled rejection while reading goes on.
    writing = handler.write(db, full, options).then(
      (written) => {
        report.accepted += written.accepted
        report.duplicates += written.duplicates
        report.stale += written.stale
        progress()
      },
      (error) => {
        writeFailure = error
      },
    )
  }
  const reject = async (line: number, documentId: string | null, bytes: Buffer, issues: DocumentIssue[], truncated = false) => {
    report.rejected++
    for (const issue of issues) {
      report.errorsTotal++
      if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, scanId: documentId, path: issue.path, message: issue.message })
    }
    await quarantine.add(line, documentId, bytes, issues, truncated)
  }

  let thrown: unknown
  try {
    for await (const raw of readDocuments(body, options.format, counter)) {
      documents++
      const parsed = parseDocument(raw)
      if (!parsed.ok) {
        await reject(raw.line, null, raw.bytes, [{ path: '', message: parsed.message }], raw.truncated)
        continue
      }
      let validated: ReturnType<typeof handler.validate>
      try {
        validated = handler.validate(parsed.value)
      } catch (error) {
        // A validator bug must cost one document, never the request.
        validated = { ok: false, issues: [{ path: '', message: `could not be validated: ${(error as Error).message}` }] }
      }
      if (!validated.ok) {
        await reject(raw.line, handler.documentId(parsed.value), raw.bytes, validated.issues)
        continue
      }
      const refused = admit ? await admit(validated.doc) : []
      if (refused.length > 0) {
        await reject(raw.line, handler.documentId(parsed.value), raw.bytes, refused)
        continue
      }
      report.unknownFields += validated.unknownFields
      report.findings += validated.findings
      batch.add(validated.doc)
      batchFindings += validated.findings
      if (batch.size >= DOCUMENTS_PER_BATCH || batchFindings >= FINDINGS_PER_BATCH) await flushBatch()
      else if (documents % 500 === 0) progress()
    }
  } catch (error) {
    if (!(error instanceof BodyError)) thrown = error
    else report.failure = { code: error.code, message: error.message }
  }
  try {
    // Whatever was read before a break is still written: each document stands on its own.
    if (!thrown) await flushBatch()
    await writing
    if (writeFailure) thrown ??= writeFailure
    const quarantined = await quarantine.finish()
    report.quarantined = quarantined.quarantined
    report.quarantineRemainder = quarantined.remainder
  } catch (error) {
    thrown ??= error
  }
  report.bytes = counter.bytes
  report.durationMs = Date.now() - started
  progress()
  await recordIngest(db, {
    ingestId: report.ingestId,
    kind: options.kind,
    source: options.source,
    fileName: options.fileName ?? '',
    actorId: options.actorId,
    actorLabel: options.actorLabel,
    keyId: options.keyId ?? '',
    startedAt: startedAt.toISOString(),
    durationMs: report.durationMs,
    bytes: report.bytes,
    accepted: report.accepted,
    rejected: report.rejected,
    duplicates: report.duplicates,
    stale: report.stale,
    findings: report.findings,
    unknownFields: report.unknownFields,
    outcome: thrown || report.failure ? 'failed' : report.rejected > 0 ? 'rejects' : 'ok',
    message: thrown ? `server error: ${(thrown as Error).message ?? thrown}`.slice(0, 1000) : (report.failure?.message ?? ''),
  })
  if (thrown) throw thrown
  return report
}
