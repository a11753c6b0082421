// next-auth configuration: throttled credentials sign-in against ClickHouse users (optionally OIDC), JWT sessions with an id that sign-out revokes.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { getDatabase } from '@/clickhouse/client'
import { findUserByEmail } from '@/lib/repositories/users'
import { linkOidcUser, OIDC_PROVIDER_ID, oidcProvider, readOidcConfig, type OidcProfile } from './oidc'
import { requestClient } from '@/lib/http/client-origin'
import { signInThrottle } from './rate-limit'
import { getAuthSecret } from './secret'
import { endSession, newSessionClaims, SESSION_MAX_AGE_SECONDS, type SessionClaims } from './session-claims'
import { signInWithPassword } from './sign-in'

const credentialsSchema = z.object({ email: z.string().trim().email().max(256), password: z.string().min(1).max(1024) })

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
          // The socket's peer (or, behind a trusted proxy, the client it names): never a header the client chose.
          const source = requestClient(request?.headers).address
          const result = await signInWithPassword(await getDatabase(), signInThrottle(), source, parsed.data.email, parsed.data.password)
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
          return linked ? { ...token, ...newSessionClaims(linked.id, linked.sessionEpoch) } : token
        }
        if (user) return { ...token, ...newSessionClaims(user.id, (user as { epoch?: number }).epoch ?? 0) }
        return token
      },
      async session({ session, token }) {
        const { uid, epoch, sid, signedInAt } = token as SessionClaims
        return { ...session, uid, epoch, sid, signedInAt }
      },
    },
    events: {
      // Sign-out ends this session for good: a copy of its cookie is refused from now on (lib/auth/session-claims.ts).
      async signOut({ token }) {
        await endSession(await getDatabase(), token as SessionClaims)
      },
    },
  }
}
