// Input schemas of the Account page (profile, password, API tokens): pure zod, shared by the API routes and the browser forms.
import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits'
import { timeZoneSchema } from '@/lib/auth/user'
import { personNameSchema } from './users'

export const updateAccountBody = z
  .object({ name: personNameSchema.optional(), timeZone: timeZoneSchema.optional() })
  .refine((body) => body.name !== undefined || body.timeZone !== undefined, 'Give a name or a time zone.')

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1, 'Enter a new password.').max(PASSWORD_MAX_LENGTH),
})

/** The password form asks for the new password twice; only the two fields above travel to the server. */
export const changePasswordForm = changePasswordBody
  .extend({ confirmPassword: z.string() })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ['confirmPassword'], message: 'The new passwords do not match.' })

export const MAX_TOKEN_DAYS = 3650

const tokenLifetimeDays = z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable()

export const createTokenBody = z.object({
  name: z.string().trim().min(1, 'Name the token, e.g. after the script that uses it.').max(100),
  /** Days until the token stops working; omitted or null: it never expires. */
  expiresInDays: tokenLifetimeDays.default(null),
})

/** The token form's lifetime choices; `never` is null days. */
export const TOKEN_LIFETIMES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const

/** The token form: the lifetime picked from TOKEN_LIFETIMES, then checked with the API's own rule. */
export const createTokenForm = createTokenBody.extend({
  expiresInDays: z
    .string()
    .transform((choice) => (choice === 'never' ? null : Number(choice)))
    .pipe(tokenLifetimeDays),
})
