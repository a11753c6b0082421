// next-auth configuration: credentials sign-in against ClickHouse users, JWT sessions carrying the user id.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { getDatabase } from '@/clickhouse/client'
import { getAuthSecret } from './secret'
import { checkCredentials } from './sign-in'

const credentialsSchema = z.object({ email: z.string().trim().email().max(256), password: z.string().min(1).max(1024) })

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60

export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const parsed = credentialsSchema.safeParse(credentials)
          if (!parsed.success) throw new Error('Enter your email address and password.')
          const result = await checkCredentials(await getDatabase(), parsed.data.email, parsed.data.password)
          if (!result.ok) throw new Error(result.message)
          return { id: result.user.id, email: result.user.email, name: result.user.name, epoch: result.user.sessionEpoch }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
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
