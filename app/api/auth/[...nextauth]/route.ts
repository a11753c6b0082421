// next-auth's own endpoints (sign-in, sign-out, session, CSRF token): public by nature, through the authorization backstop.
import NextAuth from 'next-auth'
import { authOptions } from '@/lib/auth/options'
import { publicApiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

const handler = publicApiRoute('next-auth itself: sign-in, sign-out, session and CSRF token, before anyone is signed in', (request, context) =>
  NextAuth(authOptions())(request, context),
)

export { handler as GET, handler as POST }
