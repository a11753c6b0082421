// Optional OIDC sign-in: the provider (when PATCHBOARD_OIDC_* are set), claim → role mapping, user linking by email.
import type { OAuthConfig } from 'next-auth/providers/oauth'
import type { Database } from '@/clickhouse/client'
import { appendAudit } from '@/lib/repositories/audit'
import { createUser, findUserByEmail, type UserRecord } from '@/lib/repositories/users'
import { defaultScopeFor, ROLES, type Role } from './user'

export const OIDC_PROVIDER_ID = 'oidc'
export const DEFAULT_ROLE_CLAIM = 'patchboard_role'
export const DEFAULT_OIDC_ROLE: Role = 'Patch Reader'

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  roleClaim: string
}

/** The OIDC settings, or null when any of issuer, client id and client secret is missing (credentials only). */
export function readOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const issuer = env.PATCHBOARD_OIDC_ISSUER?.trim()
  const clientId = env.PATCHBOARD_OIDC_CLIENT_ID?.trim()
  const clientSecret = env.PATCHBOARD_OIDC_CLIENT_SECRET
  if (!issuer || !clientId || !clientSecret) return null
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret, roleClaim: env.PATCHBOARD_OIDC_ROLE_CLAIM?.trim() || DEFAULT_ROLE_CLAIM }
}

export interface OidcProfile {
  sub: string
  email?: string
  email_verified?: boolean
  name?: string
  preferred_username?: string
  [claim: string]: unknown
}

export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub }),
  }
}

const normalise = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, ' ').trim()
const ROLE_BY_NAME = new Map<string, Role>(ROLES.map((role) => [normalise(role), role]))

/**
 * The role a claim names: a role's name in any case, with spaces, `_` or `-` (`Patch Manager`, `patch_manager`);
 * for a list, the first value that names a role. A missing or unknown claim gives Patch Reader.
 */
export function roleFromClaims(profile: Record<string, unknown>, claim: string): Role {
  const value = profile[claim]
  const candidates = Array.isArray(value) ? value : [value]
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue
    const role = ROLE_BY_NAME.get(normalise(candidate))
    if (role) return role
  }
  return DEFAULT_OIDC_ROLE
}

/** Why an OIDC sign-in was refused: the code travels in the /login URL, the page shows the message. */
export const OIDC_REFUSALS = {
  OidcNoEmail: 'The identity provider sent no email address.',
  OidcUnverifiedEmail: 'The identity provider has not verified this email address.',
  OidcDisabled: 'This account is disabled. Ask an administrator.',
} as const
export type OidcRefusal = keyof typeof OIDC_REFUSALS

export type OidcLinkResult = { ok: true; user: UserRecord } | { ok: false; reason: OidcRefusal }

/**
 * Links an OIDC sign-in to the Patchboard user with the same (verified) email, creating one on first sign-in with the
 * claim's role and an empty tag scope (an administrator assigns tags). Existing users keep their role and scope.
 */
export async function linkOidcUser(db: Database, profile: OidcProfile, config: Pick<OidcConfig, 'roleClaim'>): Promise<OidcLinkResult> {
  const email = profile.email?.trim().toLowerCase()
  if (!email) return { ok: false, reason: 'OidcNoEmail' }
  if (profile.email_verified === false) return { ok: false, reason: 'OidcUnverifiedEmail' }
  const existing = await findUserByEmail(db, email)
  if (existing) return existing.disabled ? { ok: false, reason: 'OidcDisabled' } : { ok: true, user: existing }
  const role = roleFromClaims(profile, config.roleClaim)
  // No password: such a user signs in through the identity provider only (an empty hash never verifies).
  const user = await createUser(db, { email, name: profile.name ?? email, role, scope: defaultScopeFor(role), passwordHash: '' })
  await appendAudit(db, { actor: { id: 'system', email: 'system' }, action: 'user.create', entity: 'user', entityId: user.id, after: { email, role, via: 'oidc' } })
  return { ok: true, user }
}
