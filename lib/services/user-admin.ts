// Administration → Users: the API's schemas and the user-management operations, each audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { generatePassword, hashPassword } from '@/lib/auth/password'
import { passwordPolicyViolation } from '@/lib/auth/password-policy'
import { defaultScopeFor, roleSchema, tagScopeSchema, type SessionUser, type TagScope } from '@/lib/auth/user'
import { conflict, invalid, notFound } from '@/lib/errors'
import { deleteApiTokensOfUser } from '@/lib/repositories/api-tokens'
import { appendAudit } from '@/lib/repositories/audit'
import { createUser, deleteUser, findUserByEmail, findUserById, listUsers, saveUser, type UserRecord } from '@/lib/repositories/users'

import type { createUserBody, resetPasswordBody, updateUserBody } from '@/lib/schemas/users'

// The input schemas live in lib/schemas (pure, shared with the browser forms); routes import them from here as before.
export { createUserBody, emailSchema, resetPasswordBody, updateUserBody } from '@/lib/schemas/users'

/** A user as the API shows it: never the password hash. */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scope: tagScopeSchema,
  timeZone: z.string(),
  disabled: z.boolean(),
  /** What the Users table shows, decided here rather than in the browser. */
  status: z.enum(['Active', 'Disabled']),
  /** The tag scope in words: "All assets", "None (sees no asset)" or the tags. */
  scopeSummary: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
})
export type UserView = z.infer<typeof userViewSchema>

export const userListSchema = z.object({ users: z.array(userViewSchema) })
export const userIdParams = z.object({ id: z.string().min(1).max(64) })

/** The answer to a create or a password reset: the user, and the password when Patchboard generated it (shown once). */
export const userWithPasswordSchema = z.object({ user: userViewSchema, generatedPassword: z.string().optional() })

/** A tag scope in words, as lists and the audit log show it. */
export function describeScope(scope: TagScope): string {
  if (scope.all) return 'All assets'
  return scope.tags.length === 0 ? 'None (sees no asset)' : scope.tags.join(', ')
}

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope: user.scope,
    timeZone: user.timeZone,
    disabled: user.disabled,
    status: user.disabled ? 'Disabled' : 'Active',
    scopeSummary: describeScope(user.scope),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  }
}

/** Checks a chosen password against the policy, or generates one; returns the password and whether it was generated. */
export async function choosePassword(given: string | undefined, email: string, field = 'password'): Promise<{ password: string; generated: boolean }> {
  if (given === undefined || given === '') return { password: generatePassword(), generated: true }
  const violation = await passwordPolicyViolation(given, email)
  // `details` names the form field, so the form shows the reason right at it.
  if (violation) throw invalid('WEAK_PASSWORD', violation, [{ path: field, message: violation }])
  return { password: given, generated: false }
}

async function requireUser(db: Database, id: string): Promise<UserRecord> {
  const user = await findUserById(db, id)
  if (!user) throw notFound('No such user.')
  return user
}

/** An administrator cannot lock themselves out: no changing their own role, disabling or deleting themselves. */
function refuseSelf(actor: SessionUser, target: UserRecord, what: string): void {
  if (actor.id === target.id) throw conflict('SELF_CHANGE', `You cannot ${what} your own account; ask another administrator.`)
}

export async function listUserViews(db: Database): Promise<UserView[]> {
  return (await listUsers(db)).map(toUserView)
}

export async function getUserView(db: Database, id: string): Promise<UserView> {
  return toUserView(await requireUser(db, id))
}

export async function createUserAsAdmin(db: Database, actor: SessionUser, input: z.infer<typeof createUserBody>) {
  if (await findUserByEmail(db, input.email)) throw conflict('EMAIL_TAKEN', `A user with the email ${input.email} exists already.`)
  const { password, generated } = await choosePassword(input.password, input.email)
  const user = await createUser(db, {
    email: input.email,
    name: input.name,
    role: input.role,
    scope: input.scope ?? defaultScopeFor(input.role),
    timeZone: input.timeZone,
    passwordHash: await hashPassword(password),
  })
  const view = toUserView(user)
  await appendAudit(db, { actor, action: 'user.create', entity: 'user', entityId: user.id, after: view })
  return { user: view, ...(generated ? { generatedPassword: password } : {}) }
}

export async function updateUserAsAdmin(db: Database, actor: SessionUser, id: string, input: z.infer<typeof updateUserBody>): Promise<UserView> {
  const user = await requireUser(db, id)
  if (input.version !== undefined && input.version !== user.version) {
    throw conflict('VERSION_CONFLICT', 'Someone changed this user meanwhile; reload and try again.', { version: user.version })
  }
  if (input.role !== undefined && input.role !== user.role) refuseSelf(actor, user, 'change the role of')
  if (input.disabled === true) refuseSelf(actor, user, 'disable')
  const { version: _version, ...changes } = input
  const saved = await saveUser(db, user, changes)
  const before = toUserView(user)
  const after = toUserView(saved)
  await appendAudit(db, { actor, action: 'user.update', entity: 'user', entityId: user.id, before, after })
  return after
}

export async function deleteUserAsAdmin(db: Database, actor: SessionUser, id: string): Promise<{ deleted: true }> {
  const user = await requireUser(db, id)
  refuseSelf(actor, user, 'delete')
  await deleteUser(db, user)
  await deleteApiTokensOfUser(db, user.id)
  await appendAudit(db, { actor, action: 'user.delete', entity: 'user', entityId: user.id, before: toUserView(user) })
  return { deleted: true }
}

/** Sets a new password and ends the user's sessions. */
export async function resetPasswordAsAdmin(db: Database, actor: SessionUser, id: string, input: z.infer<typeof resetPasswordBody>) {
  const user = await requireUser(db, id)
  const { password, generated } = await choosePassword(input.password, user.email)
  const saved = await saveUser(db, user, {
    passwordHash: await hashPassword(password),
    sessionEpoch: user.sessionEpoch + 1,
  })
  await appendAudit(db, { actor, action: 'user.resetPassword', entity: 'user', entityId: user.id })
  return { user: toUserView(saved), ...(generated ? { generatedPassword: password } : {}) }
}

/** Ends every session of the user at once: the session epoch in their cookies no longer matches. */
export async function forceSignOutAsAdmin(db: Database, actor: SessionUser, id: string): Promise<UserView> {
  const user = await requireUser(db, id)
  const saved = await saveUser(db, user, { sessionEpoch: user.sessionEpoch + 1 })
  await appendAudit(db, { actor, action: 'user.forceSignOut', entity: 'user', entityId: user.id })
  return toUserView(saved)
}
