// The HTTP side of ingest, shared by the agent API and the Data import upload: body format, status code, report.
import { NextResponse } from 'next/server'
import type { Database } from '@/clickhouse/client'
import type { BodyFormat } from '@/ingest/documents'
import { ingestBody, type IngestActor, type IngestKind, type IngestReport } from '@/ingest/pipeline'
import { DomainError } from '@/lib/errors'
import type { ActivationKeyRecord } from '@/lib/repositories/activation-keys'
import { appendAudit } from '@/lib/repositories/audit'

const ACCEPTED_TYPES = /^(application\/(json|x-ndjson|ndjson|jsonl|x-jsonlines|gzip|x-gzip|octet-stream)|text\/plain)$/

/** NDJSON when the Content-Type or the file name says so; otherwise JSON (one document, an array, or several in a row). */
export function bodyFormatOf(contentType: string | null, fileName = ''): BodyFormat {
  if (/ndjson|jsonl|jsonlines/i.test(contentType ?? '')) return 'ndjson'
  return /\.(ndjson|jsonl)(\.gz)?$/i.test(fileName) ? 'ndjson' : 'json'
}

/** 200 when every document was accepted, 422 when some were rejected (the others are stored), 400 when the body broke off. */
export function ingestStatus(report: IngestReport): { status: number; error?: { code: string; message: string; details: null } } {
  if (report.failure) return { status: 400, error: { ...report.failure, details: null } }
  if (report.rejected > 0) {
    let message = `${report.rejected} of ${report.rejected + report.accepted + report.duplicates} documents were rejected (see errors); the others were stored.`
    const remainder = report.quarantineRemainder
    if (remainder) {
      message += ` Only the first ${report.quarantined.toLocaleString('en')} rejected documents were quarantined one by one; the other ${remainder.documents.toLocaleString('en')} were quarantined together as one row, which keeps their first ${remainder.keptBytes.toLocaleString('en')} bytes.`
    }
    return { status: 422, error: { code: 'DOCUMENTS_REJECTED', message, details: null } }
  }
  return { status: 200 }
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}

export async function ingestRequest(db: Database, request: Request, kind: IngestKind, actor: IngestActor): Promise<Response> {
  const contentType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? null
  if (contentType && !ACCEPTED_TYPES.test(contentType)) {
    throw new DomainError('unsupported-media', 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${contentType} is not accepted: send application/json or application/x-ndjson (optionally gzip-encoded) as the raw body.`)
  }
  const format = bodyFormatOf(contentType, actor.fileName)
  const body = (request.body as AsyncIterable<Uint8Array> | null) ?? emptyBody()
  const report = await ingestBody(db, body, { ...actor, kind, format })
  // A person's upload is an administrative write; agents' routine reports are in the ingest history instead.
  if (actor.source === 'upload') {
    const { errors: _errors, ...counts } = report
    await appendAudit(db, { actor: { id: actor.actorId, email: actor.actorLabel }, action: 'data.import', entity: 'ingest', entityId: report.ingestId, after: { fileName: actor.fileName, ...counts } })
  }
  const { status, error } = ingestStatus(report)
  return NextResponse.json(error ? { ...report, error } : report, { status })
}

/** The agent routes' handler for one kind: the key's tags go to every asset, the key is recorded in history. */
export function ingestWithActivationKey(kind: IngestKind) {
  return ({ request, key, db }: { request: Request; key: ActivationKeyRecord; db: Database }) =>
    ingestRequest(db, request, kind, {
      source: 'api',
      actorId: key.id,
      actorLabel: key.title ? `${key.title} (pbk_${key.prefix}_…)` : `pbk_${key.prefix}_…`,
      keyId: key.id,
      extraTags: key.tags,
    })
}
