// One row per ingest request or file: who or which key, when, how long, and what was accepted or rejected.
import type { Database } from '@/clickhouse/client'

export interface IngestHistoryEntry {
  ingestId: string
  kind: string
  source: 'api' | 'upload' | 'cli'
  fileName: string
  actorId: string
  actorLabel: string
  keyId: string
  startedAt: string
  durationMs: number
  bytes: number
  accepted: number
  rejected: number
  duplicates: number
  stale: number
  findings: number
  unknownFields: number
  outcome: 'ok' | 'rejects' | 'failed'
  message: string
}

const COLUMNS = `ingest_id, kind, source, file_name, actor_id, actor_label, key_id, started_at, duration_ms, bytes, accepted, rejected,
  duplicates, stale, findings, unknown_fields, outcome, message`

interface HistoryRow {
  ingest_id: string
  kind: string
  source: IngestHistoryEntry['source']
  file_name: string
  actor_id: string
  actor_label: string
  key_id: string
  started_at: string
  duration_ms: number
  bytes: number
  accepted: number
  rejected: number
  duplicates: number
  stale: number
  findings: number
  unknown_fields: number
  outcome: IngestHistoryEntry['outcome']
  message: string
}

export async function recordIngest(db: Database, entry: IngestHistoryEntry): Promise<void> {
  await db.insert('ingest_history', [
    {
      ingest_id: entry.ingestId,
      kind: entry.kind,
      source: entry.source,
      file_name: entry.fileName,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      key_id: entry.keyId,
      started_at: entry.startedAt,
      duration_ms: Math.round(entry.durationMs),
      bytes: entry.bytes,
      accepted: entry.accepted,
      rejected: entry.rejected,
      duplicates: entry.duplicates,
      stale: entry.stale,
      findings: entry.findings,
      unknown_fields: entry.unknownFields,
      outcome: entry.outcome,
      message: entry.message,
    },
  ])
}

export async function listIngestHistory(db: Database, limit: number): Promise<IngestHistoryEntry[]> {
  const rows = await db.query<HistoryRow>(`SELECT ${COLUMNS} FROM ingest_history ORDER BY started_at DESC LIMIT {limit:UInt32}`, { limit })
  return rows.map((row) => ({
    ingestId: row.ingest_id,
    kind: row.kind,
    source: row.source,
    fileName: row.file_name,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    keyId: row.key_id,
    startedAt: row.started_at,
    durationMs: Number(row.duration_ms),
    bytes: Number(row.bytes),
    accepted: Number(row.accepted),
    rejected: Number(row.rejected),
    duplicates: Number(row.duplicates),
    stale: Number(row.stale),
    findings: Number(row.findings),
    unknownFields: Number(row.unknown_fields),
    outcome: row.outcome,
    message: row.message,
  }))
}

/** Newest scannedAt received (the ingest lag is now minus this), or null before the first scan. */
export async function newestScanTime(db: Database): Promise<string | null> {
  const [row] = await db.query<{ newest: string; scans: number }>('SELECT max(scanned_at) AS newest, toUInt32(count()) AS scans FROM asset_scans')
  return row && Number(row.scans) > 0 ? row.newest : null
}
