// Input schemas of user administration (create, change, reset password): pure zod, shared by the API routes and the browser forms.
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits'
import { roleSchema, tagScopeSchema, timeZoneSchema } from '@/lib/auth/user'

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter an email address such as name@example.com.').max(256))

export const personNameSchema = z.string().trim().min(1, 'Enter a name.').max(200)

const passwordField = z.string().max(PASSWORD_MAX_LENGTH)

export const createUserBody = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  /** Defaults to none (sees no asset) except for Administrators (all assets). */
  scope: tagScopeSchema.optional(),
  timeZone: timeZoneSchema.default('UTC'),
  /** Omitted: Patchboard generates one and returns it once. */
  password: passwordField.optional(),
})

export const updateUserBody = z
  .object({
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    scope: tagScopeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    disabled: z.boolean().optional(),
    /** The version the change was made on; a newer stored version answers 409. */
    version: z.number().int().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'Give at least one field to change.')

export const resetPasswordBody = z.object({ password: passwordField.optional() })
