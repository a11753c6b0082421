// First start: creates the initial Administrator when there is no user (a weak PATCHBOARD_ADMIN_PASSWORD stops it), and tells the operator its password once.
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from '@/clickhouse/client'
import { invalid } from '@/lib/errors'
import { countUsers, createUser } from '@/lib/repositories/users'
import { generatePassword, hashPassword } from './password'
import { passwordPolicyViolation } from './password-policy'

export const DEFAULT_ADMIN_EMAIL = 'admin@patchboard.local'
export const INITIAL_PASSWORD_FILE = 'initial-admin-password'

export interface InitialAdmin {
  email: string
  /** Present only when Patchboard generated the password (then also written to the data directory). */
  generatedPassword?: string
}

export async function ensureInitialAdmin(db: Database, dataDir: string, env: Record<string, string | undefined> = process.env): Promise<InitialAdmin | null> {
  if ((await countUsers(db)) > 0) return null
  const email = (env.PATCHBOARD_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase()
  const given = env.PATCHBOARD_ADMIN_PASSWORD
  // A weak password from the environment stops the first start rather than guard the Administrator.
  const violation = given ? await passwordPolicyViolation(given, email) : null
  if (violation) {
    throw invalid('WEAK_ADMIN_PASSWORD', `PATCHBOARD_ADMIN_PASSWORD is refused: ${violation} Choose a stronger one, or unset it and Patchboard generates one.`)
  }
  const password = given || generatePassword()
  await createUser(db, { email, name: 'Administrator', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: await hashPassword(password) })
  if (given) return { email }
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(path.join(dataDir, INITIAL_PASSWORD_FILE), `${email}\n${password}\n`, { mode: 0o600 })
  return { email, generatedPassword: password }
}

export function describeInitialAdmin(admin: InitialAdmin, dataDir: string): string {
  if (!admin.generatedPassword) return `Created the Administrator ${admin.email} with the password from PATCHBOARD_ADMIN_PASSWORD.`
  return [
    'Created the first Administrator — this password is shown once:',
    `  email:    ${admin.email}`,
    `  password: ${admin.generatedPassword}`,
    `  (also saved to ${path.join(dataDir, INITIAL_PASSWORD_FILE)}, readable only by you)`,
  ].join('\n')
}
