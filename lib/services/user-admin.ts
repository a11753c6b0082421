// Administration → Users: the API's schemas and the user-management operations, each audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { generatePassword, hashPassword } from '@/lib/auth/password'
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits'
import { passwordPolicyViolation } from '@/lib/auth/password-policy'
import { defaultScopeFor, roleSchema, tagScopeSchema, timeZoneSchema, type SessionUser } from '@/lib/auth/user'
import { conflict, invalid, notFound } from '@/lib/errors'
import { deleteApiTokensOfUser } from '@/lib/repositories/api-tokens'
import { appendAudit } from '@/lib/repositories/audit'
import { createUser, deleteUser, findUserByEmail, findUserById, listUsers, saveUser, type UserRecord } from '@/lib/repositories/users'

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(256))

/** A user as the API shows it: never the password hash. */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scope: tagScopeSchema,
  timeZone: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
})
export type UserView = z.infer<typeof userViewSchema>

export const userListSchema = z.object({ users: z.array(userViewSchema) })
export const userIdParams = z.object({ id: z.string().min(1).max(64) })

const passwordField = z.string().max(PASSWORD_MAX_LENGTH)

export const createUserBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  /** Defaults to none (sees no asset) except for Administrators (all assets). */
  scope: tagScopeSchema.optional(),
  timeZone: timeZoneSchema.default('UTC'),
  /** Omitted: Patchboard generates one and returns it once. */
  password: passwordField.optional(),
})

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    scope: tagScopeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    disabled: z.boolean().optional(),
    /** The version the change was made on; a newer stored version answers 409. */
    version: z.number().int().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'Give at least one field to change.')

export const resetPasswordBody = z.object({ password: passwordField.optional() })

/** The answer to a create or a password reset: the user, and the password when Patchboard generated it (shown once). */
export const userWithPasswordSchema = z.object({ user: userViewSchema, generatedPassword: z.string().optional() })

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope: user.scope,
    timeZone: user.timeZone,
    disabled: user.disabled,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  }
}

/** Checks a chosen password against the policy, or generates one; returns the password and whether it was generated. */
export async function choosePassword(given: string | undefined, email: string): Promise<{ password: string; generated: boolean }> {
  if (given === undefined || given === '') return { password: generatePassword(), generated: true }
  const violation = await passwordPolicyViolation(given, email)
  if (violation) throw invalid('WEAK_PASSWORD', violation)
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
