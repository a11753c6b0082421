// Who the client is and which origin the server answers as: forwarding headers count only from trusted proxies; CSRF compares whole origins.
import { beforeAll, describe, expect, it } from 'vitest'
import { isSameOriginRequest, markPeerHeaderTrusted, parseTrustedProxies, PEER_HEADER, requestClient, sanitiseIncomingHeaders, serverOrigins } from './client-origin'

const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, fd00::/8')
const noProxies = parseTrustedProxies(undefined)

beforeAll(() => markPeerHeaderTrusted())

describe('trusted proxies', () => {
  it('parse IPs and CIDR ranges of both families, IPv4-mapped peers included, and reject anything else by name', () => {
    expect(proxies.has('10.20.30.40')).toBe(true)
    expect(proxies.has('::ffff:10.1.2.3')).toBe(true)
    expect(proxies.has('192.0.2.7')).toBe(true)
    expect(proxies.has('192.0.2.8')).toBe(false)
    expect(proxies.has('fd12::1')).toBe(true)
    expect(proxies.has('unknown')).toBe(false)
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '10.0.0.0/x']) expect(() => parseTrustedProxies(bad)).toThrow(`"${bad}" is not an IP address or CIDR range`)
  })
})

describe('the client address', () => {
  it("is the socket peer, whatever X-Forwarded-For a client sends (a new value per attempt no longer buys new attempts)", () => {
    const headers: Record<string, string | undefined> = { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-host': 'evil.example', 'x-real-ip': '5.6.7.8', [PEER_HEADER]: '9.9.9.9' }
    sanitiseIncomingHeaders(headers, '::ffff:203.0.113.5', noProxies)
    expect(headers).toEqual({ [PEER_HEADER]: '203.0.113.5' })
    expect(requestClient(headers, noProxies)).toEqual({ address: '203.0.113.5', viaTrustedProxy: false })
  })

  it('behind trusted proxies is the nearest X-Forwarded-For hop that is not one of them', () => {
    const headers: Record<string, string | undefined> = { 'x-forwarded-for': '6.6.6.6, 198.51.100.23, 10.0.0.2' }
    sanitiseIncomingHeaders(headers, '10.0.0.1', proxies)
    expect(headers['x-forwarded-for']).toBe('6.6.6.6, 198.51.100.23, 10.0.0.2')
    expect(requestClient(headers, proxies)).toEqual({ address: '198.51.100.23', viaTrustedProxy: true })
    expect(requestClient({ [PEER_HEADER]: '10.0.0.1' }, proxies)).toEqual({ address: '10.0.0.1', viaTrustedProxy: true })
  })
})

describe('the CSRF origin check', () => {
  const post = (headers: Record<string, string>) => new Request('http://patchboard.test/api/v1/me/tokens', { method: 'POST', headers })
  const env = { NEXTAUTH_URL: 'https://patch.example.com' }

  it('compares scheme, host and port with NEXTAUTH_URL or the Host the server is served on', () => {
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: 'patch.example.com', origin: 'https://patch.example.com' }), env)).toBe(true)
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: 'patchboard.test:3000', origin: 'http://patchboard.test:3000' }), {})).toBe(true)
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: '10.1.1.1:3000', origin: 'http://10.1.1.1:3000' }), { NEXTAUTH_URL: 'http://localhost:3000' })).toBe(true)
    // NEXTAUTH_URL says https: a page served over plain HTTP (say, injected on the way) may not write.
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: 'patch.example.com', origin: 'http://patch.example.com' }), env)).toBe(false)
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: 'patchboard.test:3000', origin: 'https://patchboard.test:3000' }), {})).toBe(false)
    expect(isSameOriginRequest(post({ [PEER_HEADER]: '203.0.113.5', host: 'patchboard.test:3000', origin: 'http://patchboard.test:3001' }), {})).toBe(false)
  })

  it('believes X-Forwarded-Host and -Proto only from a trusted proxy', () => {
    const forged = { [PEER_HEADER]: '203.0.113.5', host: 'patchboard.test', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example' }
    expect(isSameOriginRequest(post(forged), {})).toBe(false)
    const viaProxy = { [PEER_HEADER]: '192.0.2.7', host: 'backend:3000', 'x-forwarded-host': 'patch.example.com', 'x-forwarded-proto': 'https', origin: 'https://patch.example.com' }
    expect(isSameOriginRequest(post(viaProxy), { PATCHBOARD_TRUSTED_PROXIES: '192.0.2.7' })).toBe(true)
    expect(serverOrigins(new Headers(viaProxy), {}, proxies)).toEqual(['https://patch.example.com'])
  })
})
