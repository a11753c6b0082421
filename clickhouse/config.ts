// Reads and validates the database settings from the environment (embedded engine or ClickHouse server).
import path from 'node:path'
import { z } from 'zod'

const envSchema = z.object({
  PATCHBOARD_DATA_DIR: z.string().min(1).default('./data'),
  CLICKHOUSE_URL: z.string().url('CLICKHOUSE_URL must be a URL such as http://localhost:8123').optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'CLICKHOUSE_DATABASE must be a plain identifier')
    .default('patchboard'),
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'CLICKHOUSE_CLUSTER must be a plain cluster name')
    .optional(),
})

export type DatabaseConfig =
  | { engine: 'embedded'; dataDir: string; clickhouseDir: string; database: string; cluster?: undefined }
  | { engine: 'http'; dataDir: string; url: string; user: string; password: string; database: string; cluster?: string }

/** The data directory holds the embedded engine's files and Patchboard's own (auth secret, initial password). */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`Invalid database configuration: ${detail}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.PATCHBOARD_DATA_DIR)
  if (e.CLICKHOUSE_URL) {
    return {
      engine: 'http',
      dataDir,
      url: e.CLICKHOUSE_URL,
      user: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD,
      database: e.CLICKHOUSE_DATABASE,
      cluster: e.CLICKHOUSE_CLUSTER,
    }
  }
  return { engine: 'embedded', dataDir, clickhouseDir: path.join(dataDir, 'clickhouse'), database: e.CLICKHOUSE_DATABASE }
}
