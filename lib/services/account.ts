// The signed-in user's own account: profile (name, time zone) and password; each change audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import type { SessionUser } from '@/lib/auth/user'
import { invalid, notFound } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { findUserById, saveUser, type UserRecord } from '@/lib/repositories/users'
import type { changePasswordBody, updateAccountBody } from '@/lib/schemas/account'
import { choosePassword, toUserView, type UserView } from './user-admin'

// The input schemas live in lib/schemas (pure, shared with the browser forms).
export { changePasswordBody, updateAccountBody } from '@/lib/schemas/account'

export const passwordChangedSchema = z.object({ signedOut: z.literal(true) })

async function requireSelf(db: Database, user: SessionUser): Promise<UserRecord> {
  const record = await findUserById(db, user.id)
  if (!record) throw notFound('Your account no longer exists.')
  return record
}

export async function getAccount(db: Database, user: SessionUser): Promise<UserView> {
  return toUserView(await requireSelf(db, user))
}

export async function updateAccount(db: Database, user: SessionUser, input: z.infer<typeof updateAccountBody>): Promise<UserView> {
  const record = await requireSelf(db, user)
  const saved = await saveUser(db, record, input)
  const after = toUserView(saved)
  await appendAudit(db, { actor: user, action: 'account.update', entity: 'user', entityId: user.id, before: toUserView(record), after })
  return after
}

/** Checks the current password, applies the policy, and ends every session (this one too: sign in again). */
export async function changeOwnPassword(db: Database, user: SessionUser, input: z.infer<typeof changePasswordBody>) {
  const record = await requireSelf(db, user)
  if (!(await verifyPassword(input.currentPassword, record.passwordHash))) {
    throw invalid('WRONG_PASSWORD', 'The current password is wrong.', [{ path: 'currentPassword', message: 'The current password is wrong.' }])
  }
  const { password } = await choosePassword(input.newPassword, record.email, 'newPassword')
  await saveUser(db, record, { passwordHash: await hashPassword(password), sessionEpoch: record.sessionEpoch + 1 })
  await appendAudit(db, { actor: user, action: 'account.changePassword', entity: 'user', entityId: user.id })
  return { signedOut: true as const }
}
