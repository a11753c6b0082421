// Next's proxy (formerly middleware): gives every page response a fresh CSP nonce, which Next then puts on its own scripts.
import { NextResponse, type NextRequest } from 'next/server'
import { newNonce, pageContentSecurityPolicy } from '@/lib/http/security-headers'

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce()
  const policy = pageContentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === 'development',
    https: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
  })
  // Next reads the nonce from the request's CSP header while rendering; the browser enforces the response's.
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  matcher: [
    {
      // Pages only: the API and static files get their headers from next.config.js; prefetches are not documents.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
