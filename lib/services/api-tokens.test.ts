// A token's status is decided on the server: revoked wins, then an expiry in the past, else active.
import { describe, expect, it } from 'vitest'
import type { ApiTokenListing } from '@/lib/repositories/api-tokens'
import { toTokenView } from './api-tokens'

const NOW = new Date('2026-12-01T12:00:00.000Z')
const token: ApiTokenListing = { id: 't1', userId: 'u1', userEmail: 'u@example.test', name: 'nightly', createdAt: '2026-11-01T00:00:00.000Z', expiresAt: null, revokedAt: null, version: 1 }

describe('toTokenView', () => {
  it('calls a token without expiry or with a future one Active', () => {
    expect(toTokenView(token, NOW).status).toBe('Active')
    expect(toTokenView({ ...token, expiresAt: '2026-12-01T12:00:01.000Z' }, NOW).status).toBe('Active')
  })

  it('calls a token Expired from the moment its expiry passes', () => {
    expect(toTokenView({ ...token, expiresAt: '2026-12-01T12:00:00.000Z' }, NOW).status).toBe('Expired')
  })

  it('calls a revoked token Revoked even when it has expired too', () => {
    expect(toTokenView({ ...token, expiresAt: '2026-11-02T00:00:00.000Z', revokedAt: '2026-11-03T00:00:00.000Z' }, NOW).status).toBe('Revoked')
  })
})
