// Random secrets for bearer credentials (API tokens, activation keys): generation, hashing, constant-time check.
import crypto from 'node:crypto'

/** A 256-bit random secret, URL-safe. */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** The secret has 256 random bits, so a fast hash is enough (there is no brute force to slow down). */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex')
}

/** Compares the secret's hash with the stored one in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex')
  const expected = Buffer.from(storedHash, 'hex')
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
