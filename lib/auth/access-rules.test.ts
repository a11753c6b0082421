// Access rules without a database: password policy, sign-in rate limits, API-token format and comparison, OIDC role claims, audit filters.
import crypto from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseAuditFilter } from '@/lib/services/audit-log'
import { generateApiToken, isTokenUsable, parseApiToken } from './api-tokens'
import { secretMatches } from './secrets'
import { readOidcConfig, roleFromClaims } from './oidc'
import { passwordPolicyViolation } from './password-policy'
import { clientAddress, SIGN_IN_LIMITS, SignInRateLimiter } from './rate-limit'
import { defaultScopeFor, ROLES } from './user'

afterEach(() => vi.restoreAllMocks())

describe('password policy', () => {
  it('wants at least 12 characters that are not the email address', () => {
    expect(passwordPolicyViolation('short-pass1', 'a@example.com')).toMatch(/at least 12/)
    expect(passwordPolicyViolation('Alice.Smith@Example.com', 'alice.smith@example.com')).toMatch(/not be the email/)
    expect(passwordPolicyViolation('alice.smith.', 'alice.smith.@example.com')).toMatch(/not be the email/)
    expect(passwordPolicyViolation('correct horse battery', 'alice@example.com')).toBeNull()
  })
})

describe('sign-in rate limit', () => {
  it('refuses the attempt after the limit per address + email with a clear wait, and allows again after the window', () => {
    const limiter = new SignInRateLimiter()
    const { limit, windowMs } = SIGN_IN_LIMITS.perAddressAndEmail
    const start = 1_000_000
    for (let i = 0; i < limit; i++) expect(limiter.attempt('10.0.0.1', 'A@x.io', start + i * 1000).allowed).toBe(true)
    const refused = limiter.attempt('10.0.0.1', 'a@x.io', start + limit * 1000)
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: windowMs / 1000 - limit })
    expect(refused.allowed === false && refused.message).toBe(`Too many sign-in attempts, try again in ${windowMs / 1000 - limit} s.`)
    // Another email from the same address, and the same email from elsewhere, are still allowed.
    expect(limiter.attempt('10.0.0.1', 'b@x.io', start + limit * 1000).allowed).toBe(true)
    expect(limiter.attempt('10.0.0.2', 'a@x.io', start + limit * 1000).allowed).toBe(true)
    expect(limiter.attempt('10.0.0.1', 'a@x.io', start + windowMs + 1).allowed).toBe(true)
  })

  it('also limits one address trying many emails', () => {
    const limiter = new SignInRateLimiter()
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) expect(limiter.attempt('10.0.0.9', `u${i}@x.io`, 5000).allowed).toBe(true)
    expect(limiter.attempt('10.0.0.9', 'new@x.io', 5000).allowed).toBe(false)
  })

  it('reads the client address from the forwarding headers', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })).toBe('203.0.113.7')
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2')
    expect(clientAddress(undefined)).toBe('unknown')
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

describe('audit filter', () => {
  it('parses field:value terms, quoted values, free text and a time range', () => {
    expect(parseAuditFilter('actor:admin@x.io action:user.* "Site Berlin" after:2026-11-01 before:2026-11-02T12:00Z')).toEqual({
      terms: [
        { field: 'actor', pattern: 'admin@x.io' },
        { field: 'action', pattern: 'user.*' },
        { field: 'text', pattern: 'Site Berlin' },
      ],
      after: '2026-11-01T00:00:00.000Z',
      before: '2026-11-02T12:00:00.000Z',
    })
    expect(parseAuditFilter('  ')).toEqual({ terms: [] })
  })

  it('names the position of an unknown field or a bad date', () => {
    expect(() => parseAuditFilter('action:x colour:red')).toThrow(/Unknown field "colour" at position 10/)
    expect(() => parseAuditFilter('after:yesterday')).toThrow(/not a date/)
  })
})
