// Limits and places of export jobs, read from the environment once: row limit, direct-download threshold, retention, files.
import path from 'node:path'
import { z } from 'zod'

const positiveInt = (name: string) =>
  z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).positive(`${name} must be above 0`)

const envSchema = z.object({
  PATCHBOARD_EXPORT_MAX_ROWS: positiveInt('PATCHBOARD_EXPORT_MAX_ROWS').default(5_000_000),
  PATCHBOARD_EXPORT_DIRECT_MAX_ROWS: positiveInt('PATCHBOARD_EXPORT_DIRECT_MAX_ROWS').default(10_000),
  PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND: positiveInt('PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND').optional(),
})

export interface ExportLimits {
  /** No export job writes more rows than this (PATCHBOARD_EXPORT_MAX_ROWS): a larger one is refused or fails, saying so. */
  maxRows: number
  /** Up to this many rows download at once (PATCHBOARD_EXPORT_DIRECT_MAX_ROWS); more become a background job. */
  directMaxRows: number
  /** Background jobs of one user that run at the same time; the others wait in the queue. */
  runningPerUser: number
  /** Background jobs running at the same time on this server (all users). */
  runningTotal: number
  /** How long a finished file is kept before it is deleted and its job marked expired. */
  retentionMs: number
  /** A cap on how fast a background job writes its file (PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND); null: as fast as it can. */
  jobBytesPerSecond: number | null
}

/** The limits from the environment; a malformed value stops with a sentence naming the variable. */
export function readExportLimits(env: Record<string, string | undefined> = process.env): ExportLimits {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')))
  if (!parsed.success) throw new Error(`Invalid export configuration: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`)
  return {
    maxRows: parsed.data.PATCHBOARD_EXPORT_MAX_ROWS,
    directMaxRows: parsed.data.PATCHBOARD_EXPORT_DIRECT_MAX_ROWS,
    runningPerUser: 2,
    runningTotal: 4,
    retentionMs: 24 * 60 * 60 * 1000,
    jobBytesPerSecond: parsed.data.PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND ?? null,
  }
}

/** Where finished export files live: PATCHBOARD_DATA_DIR/exports. */
export function exportsDirectory(dataDir: string): string {
  return path.join(dataDir, 'exports')
}
