// The theme is kept with the user: chosen through the preferences route, refused when unknown, untouched by other profile changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { hashPassword } from '@/lib/auth/password'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { createUser, findUserById } from '@/lib/repositories/users'
import { updatePreferencesBody } from '@/lib/schemas/preferences'
import { openTestDatabase } from '@/test/database'
import { updateAccount } from './account'
import { getPreferences, updatePreferences } from './preferences'
import { toUserView } from './user-admin'

let db: Database
let close: () => Promise<void>
let user: SessionUser

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const record = await createUser(db, { email: 'theme@example.test', name: 'Theo', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, passwordHash: await hashPassword('a long enough password 1') })
  user = toSessionUser(record)
})

afterAll(async () => close())

describe('user preferences', () => {
  it('starts at the device\'s theme and keeps the chosen one, also across a later profile change', async () => {
    expect(await getPreferences(db, user)).toEqual({ theme: 'system' })
    expect(await updatePreferences(db, user, { theme: 'dark' })).toEqual({ theme: 'dark' })
    await updateAccount(db, user, { name: 'Theo Dark' })
    const stored = await findUserById(db, user.id)
    expect(stored).toMatchObject({ name: 'Theo Dark', theme: 'dark' })
    expect(await getPreferences(db, user)).toEqual({ theme: 'dark' })
  })

  it('refuses a theme it does not know, naming the field', () => {
    const parsed = updatePreferencesBody.safeParse({ theme: 'neon' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['theme'])
  })

  it('sends the display fields the Users table shows, computed on the server', async () => {
    const record = (await findUserById(db, user.id))!
    expect(toUserView(record)).toMatchObject({ status: 'Active', scopeSummary: 'Site-Berlin' })
    expect(toUserView({ ...record, disabled: true, scope: { all: false, tags: [] } })).toMatchObject({ status: 'Disabled', scopeSummary: 'None (sees no asset)' })
    expect(toUserView({ ...record, scope: { all: true, tags: [] } }).scopeSummary).toBe('All assets')
  })
})
