// The password policy: at least 12 characters, and not the account's email address (nor its local part).
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1024

/** The reason a password is refused, or null when it satisfies the policy. */
export function passwordPolicyViolation(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`
  if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`
  const candidate = password.trim().toLowerCase()
  const address = email.trim().toLowerCase()
  if (candidate === address || candidate === address.split('@')[0]) return 'The password must not be the email address.'
  return null
}
