// next-auth configuration: rate-limited credentials sign-in against ClickHouse users (optionally OIDC), JWT sessions carrying the user id.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { getDatabase } from '@/clickhouse/client'
import { findUserByEmail } from '@/lib/repositories/users'
import { linkOidcUser, OIDC_PROVIDER_ID, oidcProvider, readOidcConfig, type OidcProfile } from './oidc'
import { clientAddress, signInRateLimiter } from './rate-limit'
import { getAuthSecret } from './secret'
import { checkCredentials } from './sign-in'

const credentialsSchema = z.object({ email: z.string().trim().email().max(256), password: z.string().min(1).max(1024) })

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60

export function authOptions(): NextAuthOptions {
  const oidc = readOidcConfig()
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials)
          if (!parsed.success) throw new Error('Enter your email address and password.')
          const limit = signInRateLimiter().attempt(clientAddress(request?.headers), parsed.data.email)
          if (!limit.allowed) throw new Error(limit.message)
          const result = await checkCredentials(await getDatabase(), parsed.data.email, parsed.data.password)
          if (!result.ok) throw new Error(result.message)
          return { id: result.user.id, email: result.user.email, name: result.user.name, epoch: result.user.sessionEpoch }
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !oidc) return true
        const linked = await linkOidcUser(await getDatabase(), profile as OidcProfile, oidc)
        return linked.ok ? true : `/login?error=${linked.reason}`
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID && profile?.email) {
          // signIn() has linked the account: the session carries the Patchboard user's id, not the provider's subject.
          const linked = await findUserByEmail(await getDatabase(), profile.email)
          token.uid = linked?.id
          token.epoch = linked?.sessionEpoch ?? 0
        } else if (user) {
          token.uid = user.id
          token.epoch = (user as { epoch?: number }).epoch ?? 0
        }
        return token
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, epoch: token.epoch }
      },
    },
  }
}
