// The demo estate's users: one per non-administrator role, each limited to demo sites, passwords shown once.
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from '@/clickhouse/client'
import { createUser, findUserByEmail } from '@/lib/repositories/users'
import { INITIAL_PASSWORD_FILE } from './bootstrap'
import { generatePassword, hashPassword } from './password'
import type { Role } from './user'

export const DEMO_USERS: { email: string; name: string; role: Exclude<Role, 'Administrator'>; tags: string[] }[] = [
  { email: 'reader@patchboard.local', name: 'Rita Reader', role: 'Patch Reader', tags: ['Site-Berlin'] },
  { email: 'author@patchboard.local', name: 'Anton Author', role: 'Patch Dashboard Author', tags: ['Site-Austin'] },
  { email: 'user@patchboard.local', name: 'Uma User', role: 'Patch User', tags: ['Site-Pune'] },
  { email: 'security@patchboard.local', name: 'Sam Security', role: 'Patch Security', tags: ['Site-London'] },
  { email: 'manager@patchboard.local', name: 'Mia Manager', role: 'Patch Manager', tags: ['Site-Berlin', 'Site-Austin'] },
]

export interface CreatedDemoUser {
  email: string
  role: Role
  tags: string[]
  password: string
}

/** Creates the demo users that do not exist yet and appends their passwords to the initial-password file (mode 600). */
export async function createDemoUsers(db: Database, dataDir: string): Promise<CreatedDemoUser[]> {
  const created: CreatedDemoUser[] = []
  for (const demo of DEMO_USERS) {
    if (await findUserByEmail(db, demo.email)) continue
    const password = generatePassword()
    await createUser(db, { email: demo.email, name: demo.name, role: demo.role, scope: { all: false, tags: demo.tags }, passwordHash: await hashPassword(password) })
    created.push({ email: demo.email, role: demo.role, tags: demo.tags, password })
  }
  if (created.length > 0) {
    fs.mkdirSync(dataDir, { recursive: true })
    const file = path.join(dataDir, INITIAL_PASSWORD_FILE)
    fs.appendFileSync(file, created.map((user) => `${user.email}\n${user.password}\n`).join(''), { mode: 0o600 })
    fs.chmodSync(file, 0o600)
  }
  return created
}

export function describeDemoUsers(users: CreatedDemoUser[], dataDir: string): string {
  return [
    'Created demo users, one per role — these passwords are shown once:',
    ...users.map((user) => `  ${user.role.padEnd(22)} ${user.email.padEnd(28)} ${user.password}   (scope: ${user.tags.join(', ')})`),
    `  (also saved to ${path.join(dataDir, INITIAL_PASSWORD_FILE)}, readable only by you)`,
  ].join('\n')
}
