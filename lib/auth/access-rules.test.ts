// Access rules without a database: password policy, API-token format and comparison, OIDC role claims.
import crypto from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateApiToken, isTokenUsable, parseApiToken } from './api-tokens'
import { secretMatches } from './secrets'
import { readOidcConfig, roleFromClaims } from './oidc'
import { passwordPolicyViolation } from './password-policy'
import { defaultScopeFor, ROLES } from './user'

afterEach(() => vi.restoreAllMocks())

describe('password policy', () => {
  it('wants at least 12 characters that are not the email address', async () => {
    expect(await passwordPolicyViolation('short-pass1', 'a@example.com')).toMatch(/at least 12/)
    expect(await passwordPolicyViolation('Alice.Smith@Example.com', 'alice.smith@example.com')).toMatch(/not be the email/)
    expect(await passwordPolicyViolation('alice.smith.', 'alice.smith.@example.com')).toMatch(/not be the email/)
    expect(await passwordPolicyViolation('correct horse battery', 'alice@example.com')).toBeNull()
  })

  it('refuses blank and easily guessed passwords with the estimator\'s advice', async () => {
    expect(await passwordPolicyViolation(' '.repeat(12), 'a@example.com')).toBe('The password must not be blank or only spaces.')
    expect(await passwordPolicyViolation('aaaaaaaaaaaa', 'a@example.com')).toMatch(/^This password is too easy to guess\. Repeated characters like "aaa" are easy to guess\./)
    expect(await passwordPolicyViolation('123456789012', 'a@example.com')).toMatch(/too easy to guess\. This is a commonly used password\./)
    expect(await passwordPolicyViolation('qwertyuiop12', 'a@example.com')).toMatch(/too easy to guess/)
  })

  it('accepts the passwords Patchboard generates and the e2e administrator password', async () => {
    const { generatePassword } = await import('./password')
    for (let i = 0; i < 5; i++) expect(await passwordPolicyViolation(generatePassword(), 'reader@patchboard.local')).toBeNull()
    expect(await passwordPolicyViolation('e2e-admin-password-1234', 'admin@e2e.test')).toBeNull()
  })
})

describe('API tokens', () => {
  it('look like pbt_<id>_<secret>, and only the hash of the secret is kept', () => {
    const generated = generateApiToken()
    expect(generated.token).toMatch(/^pbt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/)
    const parsed = parseApiToken(generated.token)!
    expect(parsed.id).toBe(generated.id)
    expect(generated.secretHash).not.toContain(parsed.secret)
    expect(secretMatches(parsed.secret, generated.secretHash)).toBe(true)
    expect(secretMatches(`${parsed.secret.slice(0, -1)}x`, generated.secretHash)).toBe(false)
    expect(parseApiToken('pbt_nope')).toBeNull()
    expect(parseApiToken(`${generated.token} `)).toBeNull()
  })

  it('compares secrets and passwords in constant time', async () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual')
    const generated = generateApiToken()
    secretMatches(parseApiToken(generated.token)!.secret, generated.secretHash)
    const { hashPassword, verifyPassword } = await import('./password')
    await verifyPassword('wrong password here', await hashPassword('right password here'))
    expect(spy).toHaveBeenCalledTimes(2)
  })

  it('stop working when revoked or expired', () => {
    const now = new Date('2030-01-01T00:00:00Z')
    expect(isTokenUsable({ revokedAt: null, expiresAt: null }, now)).toBe(true)
    expect(isTokenUsable({ revokedAt: '2029-12-31T00:00:00Z', expiresAt: null }, now)).toBe(false)
    expect(isTokenUsable({ revokedAt: null, expiresAt: '2030-01-01T00:00:00Z' }, now)).toBe(false)
    expect(isTokenUsable({ revokedAt: null, expiresAt: '2030-01-02T00:00:00Z' }, now)).toBe(true)
  })
})

describe('tag scope defaults', () => {
  it('gives a new user no asset, except Administrators (all)', () => {
    for (const role of ROLES) expect(defaultScopeFor(role)).toEqual(role === 'Administrator' ? { all: true, tags: [] } : { all: false, tags: [] })
  })
})

describe('OIDC', () => {
  it('is configured only with issuer, client id and secret', () => {
    expect(readOidcConfig({ PATCHBOARD_OIDC_ISSUER: 'https://idp.example.com/' })).toBeNull()
    expect(
      readOidcConfig({ PATCHBOARD_OIDC_ISSUER: 'https://idp.example.com/', PATCHBOARD_OIDC_CLIENT_ID: 'pb', PATCHBOARD_OIDC_CLIENT_SECRET: 's' }),
    ).toEqual({ issuer: 'https://idp.example.com', clientId: 'pb', clientSecret: 's', roleClaim: 'patchboard_role' })
  })

  it('maps the role claim to a role in any spelling, the first known one of a list, and unknown or missing to Patch Reader', () => {
    expect(roleFromClaims({ patchboard_role: 'Patch Manager' }, 'patchboard_role')).toBe('Patch Manager')
    expect(roleFromClaims({ patchboard_role: 'patch_dashboard-author' }, 'patchboard_role')).toBe('Patch Dashboard Author')
    expect(roleFromClaims({ groups: ['staff', 'administrator', 'patch user'] }, 'groups')).toBe('Administrator')
    expect(roleFromClaims({ patchboard_role: 'root' }, 'patchboard_role')).toBe('Patch Reader')
    expect(roleFromClaims({ patchboard_role: 7 }, 'patchboard_role')).toBe('Patch Reader')
    expect(roleFromClaims({}, 'patchboard_role')).toBe('Patch Reader')
  })
})
