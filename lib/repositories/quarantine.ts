// Rejected ingest documents, kept verbatim with the reasons: written by the ingest pipeline, browsed and downloaded by admins.
import { isUtf8 } from 'node:buffer'
import type { Database } from '@/clickhouse/client'

export interface QuarantineEntry {
  ingestId: string
  kind: string
  receivedAt: Date
  /** The n-th rejected document of its request (documents on one line, e.g. `1 1 1`, share the line). */
  sequence: number
  line: number
  documentId: string | null
  reason: string
  errors: { path: string; message: string }[]
  body: Buffer
  truncated: boolean
}

export interface QuarantineSummary {
  id: string
  ingestId: string
  kind: string
  receivedAt: string
  line: number
  documentId: string
  reason: string
  bodyBytes: number
  truncated: boolean
}

interface SummaryRow {
  quarantine_id: string
  ingest_id: string
  kind: string
  received_at: string
  line: number
  scan_id: string
  reason: string
  body_bytes: number
  truncated: number
}

export async function insertQuarantine(db: Database, entries: QuarantineEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.insert(
    'quarantine',
    entries.map((entry) => {
      // Text stays readable; bytes that are not UTF-8 are kept exactly, as base64.
      const exact = isUtf8(entry.body)
      return {
        quarantine_id: `${entry.ingestId}-${entry.line}-${entry.sequence}`,
        ingest_id: entry.ingestId,
        kind: entry.kind,
        received_at: entry.receivedAt.toISOString(),
        line: entry.line,
        scan_id: entry.documentId ?? '',
        reason: entry.reason,
        errors: JSON.stringify(entry.errors),
        body: exact ? entry.body.toString('utf8') : entry.body.toString('base64'),
        body_encoding: exact ? 'utf8' : 'base64',
        body_bytes: entry.body.length,
        truncated: entry.truncated ? 1 : 0,
      }
    }),
  )
}

function summaryFromRow(row: SummaryRow): QuarantineSummary {
  return {
    id: row.quarantine_id,
    ingestId: row.ingest_id,
    kind: row.kind,
    receivedAt: row.received_at,
    line: Number(row.line),
    documentId: row.scan_id,
    reason: row.reason,
    bodyBytes: Number(row.body_bytes),
    truncated: Boolean(Number(row.truncated)),
  }
}

/**
 * Which quarantined documents a list, count or purge covers: all of them, those of one ingest run, those older than some
 * days, those sent with one activation key (through the ingest history); every condition given must hold.
 */
export interface QuarantineFilter {
  ingestId?: string
  olderThanDays?: number
  keyId?: string
}

function filterSql(filter: QuarantineFilter): { where: string; params: Record<string, unknown> } {
  const conditions: string[] = []
  if (filter.ingestId !== undefined) conditions.push('ingest_id = {ingestId:String}')
  if (filter.olderThanDays !== undefined) conditions.push('received_at < now64(3) - toIntervalDay({olderThanDays:UInt32})')
  if (filter.keyId !== undefined) conditions.push('ingest_id IN (SELECT ingest_id FROM ingest_history WHERE key_id = {keyId:String})')
  return {
    where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    params: { ingestId: filter.ingestId ?? '', olderThanDays: filter.olderThanDays ?? 0, keyId: filter.keyId ?? '' },
  }
}

/** Newest first, filtered. */
export async function listQuarantine(db: Database, options: QuarantineFilter & { limit: number; offset: number }): Promise<{ total: number; rows: QuarantineSummary[] }> {
  const { where, params } = filterSql(options)
  const [rows, total] = await Promise.all([
    db.query<SummaryRow>(
      `SELECT quarantine_id, ingest_id, kind, received_at, line, scan_id, reason, body_bytes, truncated
       FROM quarantine ${where} ORDER BY received_at DESC, line DESC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      { ...params, limit: options.limit, offset: options.offset },
    ),
    countQuarantine(db, options),
  ])
  return { total, rows: rows.map(summaryFromRow) }
}

/** One rejected document with its original bytes and the reasons. */
export async function getQuarantined(db: Database, id: string): Promise<(QuarantineSummary & { body: Buffer; errors: { path: string; message: string }[] }) | null> {
  const [row] = await db.query<SummaryRow & { body: string; body_encoding: string; errors: string }>(
    `SELECT quarantine_id, ingest_id, kind, received_at, line, scan_id, reason, body_bytes, truncated, body, body_encoding, errors
     FROM quarantine WHERE quarantine_id = {id:String} LIMIT 1`,
    { id },
  )
  if (!row) return null
  const body = row.body_encoding === 'base64' ? Buffer.from(row.body, 'base64') : Buffer.from(row.body, 'utf8')
  return { ...summaryFromRow(row), body, errors: JSON.parse(row.errors || '[]') }
}

export async function countQuarantine(db: Database, filter: QuarantineFilter = {}): Promise<number> {
  const { where, params } = filterSql(filter)
  const [row] = await db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM quarantine ${where}`, params)
  return Number(row?.total ?? 0)
}

/** Deletes the matching documents (a lightweight DELETE, on every node of a cluster). */
export async function deleteQuarantine(db: Database, filter: QuarantineFilter): Promise<void> {
  const { where, params } = filterSql(filter)
  // The cluster name is validated as a plain identifier by the database config.
  const table = db.config.cluster ? `quarantine_local ON CLUSTER ${db.config.cluster}` : 'quarantine'
  await db.command(`DELETE FROM ${table} ${where || 'WHERE true'}`, params)
}
