// The page Content-Security-Policy: nonce-only scripts (eval in development only), inline styles for CodeMirror, no framing.
import { describe, expect, it } from 'vitest'
import { newNonce, pageContentSecurityPolicy } from './security-headers'

describe('page Content-Security-Policy', () => {
  it('lets only scripts with this response’s nonce run, forbids framing, and upgrades requests only over HTTPS', () => {
    const policy = pageContentSecurityPolicy('abc123==', { development: false, https: false })
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('upgrade-insecure-requests')
    expect(pageContentSecurityPolicy('n', { development: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests$/)
  })

  it('draws a new unpredictable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})
