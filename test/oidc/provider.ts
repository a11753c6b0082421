// A real OpenID Provider on localhost for the e2e tests (npm oidc-provider, its development login and consent pages): any login signs in.
import Provider from 'oidc-provider'
import { SSO_CLIENT, SSO_ROLES, ssoEmail } from './accounts'

const port = Number(process.env.OIDC_PORT)
const redirectUri = process.env.OIDC_REDIRECT_URI
if (!port || !redirectUri) {
  console.error('test/oidc/provider.ts needs OIDC_PORT and OIDC_REDIRECT_URI')
  process.exit(1)
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: SSO_CLIENT.id, client_secret: SSO_CLIENT.secret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'patchboard_role'] },
  // Patchboard reads the claims from the ID token, as next-auth does with `idToken: true`.
  conformIdTokenClaims: false,
  cookies: { keys: ['patchboard-e2e-oidc-cookie-key'] },
  async findAccount(_ctx, login) {
    return {
      accountId: login,
      async claims() {
        const role = SSO_ROLES[login]
        return { sub: login, email: ssoEmail(login), email_verified: true, name: `SSO ${login}`, ...(role ? { patchboard_role: role } : {}) }
      },
    }
  },
})

provider.listen(port, '127.0.0.1', () => console.log(`OpenID Provider for the e2e tests on http://127.0.0.1:${port}`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
