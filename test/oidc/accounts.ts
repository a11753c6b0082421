// The e2e OpenID Provider's test accounts and client, shared by the provider (provider.ts), playwright.config.ts and the specs.

/** The role claim each test login carries; any other login signs in without one (Patchboard then gives Patch Reader). */
export const SSO_ROLES: Record<string, string> = { 'sso-manager': 'Patch Manager', 'sso-security': 'Patch Security' }
export const SSO_CLIENT = { id: 'patchboard-e2e', secret: 'patchboard-e2e-client-secret' }
export const ssoEmail = (login: string) => `${login}@sso.test`
