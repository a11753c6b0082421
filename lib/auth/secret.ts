// The key that signs session cookies: NEXTAUTH_SECRET, or one generated once and kept in the data directory.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { readDatabaseConfig } from '@/clickhouse/config'

export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET
  const file = path.join(readDatabaseConfig().dataDir, 'auth-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = crypto.randomBytes(32).toString('base64url')
    // wx: if two workers race, the loser reads the winner's secret.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      return fs.readFileSync(file, 'utf8').trim()
    }
  }
}
