// Who the client of a request is and which origin the server answers as: the socket peer, and forwarding headers only from trusted proxies.
import net from 'node:net'

/**
 * The header Patchboard's HTTP server (scripts/serve.ts) sets to the socket's peer address, replacing any value a
 * client sent. Route handlers cannot see the socket, and `next start` keeps a client's own X-Forwarded-For.
 */
export const PEER_HEADER = 'x-patchboard-peer'
/** Headers that only a trusted proxy may set; the server drops them from any other peer before Next sees them. */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'] as const

type HeaderSource = Headers | Record<string, string | string[] | undefined>

function header(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

const globalForPeer = globalThis as unknown as { patchboardPeerHeaderSet?: boolean; patchboardPeerWarned?: boolean }

/** Called once by the server that sets PEER_HEADER (it runs Next in the same process): only then is the header believed. */
export function markPeerHeaderTrusted(): void {
  globalForPeer.patchboardPeerHeaderSet = true
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so IPv4 proxies match however the socket reports them. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1] : trimmed
}

export interface TrustedProxies {
  entries: string[]
  has(address: string): boolean
}

/** Parses `PATCHBOARD_TRUSTED_PROXIES`: comma-separated IP addresses and CIDR ranges (IPv4 or IPv6); a bad entry throws. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const list = new net.BlockList()
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = net.isIP(normaliseAddress(address))
    const prefix = bits === undefined ? undefined : Number(bits)
    const maxPrefix = family === 6 ? 128 : 32
    if (!family || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(bits) || prefix > maxPrefix))) {
      throw new Error(`PATCHBOARD_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 192.0.2.7, fd00::/8).`)
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(normaliseAddress(address), type)
    else list.addSubnet(normaliseAddress(address), prefix, type)
  }
  return {
    entries,
    has(candidate: string) {
      const address = normaliseAddress(candidate)
      const family = net.isIP(address)
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}

let cached: { text: string | undefined; proxies: TrustedProxies } | undefined

export function trustedProxies(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const text = env.PATCHBOARD_TRUSTED_PROXIES
  if (!cached || cached.text !== text) cached = { text, proxies: parseTrustedProxies(text) }
  return cached.proxies
}

/**
 * For the HTTP server, before Next sees the request: records the socket peer in PEER_HEADER and drops every
 * forwarding header unless the peer is a trusted proxy (so no code, Next's included, can be fooled by them).
 */
export function sanitiseIncomingHeaders(headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined, proxies = trustedProxies()): void {
  const peer = normaliseAddress(remoteAddress ?? '')
  headers[PEER_HEADER] = peer || 'unknown'
  if (peer && proxies.has(peer)) return
  for (const name of FORWARDING_HEADERS) delete headers[name]
}

export interface RequestClient {
  /** The client's IP address (`unknown` when the server could not see the socket, e.g. under `next dev`). */
  address: string
  /** Whether the immediate peer is a trusted proxy, so its forwarding headers count. */
  viaTrustedProxy: boolean
}

/** The client of a request: the socket peer, or — behind trusted proxies — the nearest untrusted X-Forwarded-For hop. */
export function requestClient(headers: HeaderSource | undefined, proxies = trustedProxies()): RequestClient {
  const peer = globalForPeer.patchboardPeerHeaderSet ? header(headers, PEER_HEADER) : undefined
  if (!peer || peer === 'unknown') {
    if (!globalForPeer.patchboardPeerWarned) {
      globalForPeer.patchboardPeerWarned = true
      console.warn('[patchboard] client addresses are unknown (not started with `npm start`): sign-in throttling treats all clients as one source.')
    }
    return { address: 'unknown', viaTrustedProxy: false }
  }
  if (!proxies.has(peer)) return { address: peer, viaTrustedProxy: false }
  // Each proxy appends the address it saw: walking from the right, the first hop that is not ours is the client.
  const hops = (header(headers, 'x-forwarded-for') ?? '').split(',').map((hop) => normaliseAddress(hop)).filter((hop) => net.isIP(hop) !== 0)
  const client = [...hops].reverse().find((hop) => !proxies.has(hop)) ?? hops[0] ?? peer
  return { address: client, viaTrustedProxy: true }
}

const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined

const originOf = (url: string): URL | null => {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * The origins (scheme://host[:port]) this server answers as: NEXTAUTH_URL's, and the request's own — its Host and
 * the scheme it is served on (plain HTTP here, or a trusted proxy's X-Forwarded-Host/-Proto). When NEXTAUTH_URL
 * says https, a plain-HTTP origin never counts (a page injected over HTTP must not write as the user).
 */
export function serverOrigins(headers: HeaderSource, env: Record<string, string | undefined> = process.env, proxies = trustedProxies(env)): string[] {
  const configured = env.NEXTAUTH_URL ? originOf(env.NEXTAUTH_URL) : null
  const forwarded = requestClient(headers, proxies).viaTrustedProxy
  const host = (forwarded && first(header(headers, 'x-forwarded-host'))) || header(headers, 'host')
  const scheme = (forwarded && first(header(headers, 'x-forwarded-proto'))?.toLowerCase()) || 'http'
  const own = host && (scheme === 'http' || scheme === 'https') ? originOf(`${scheme}://${host}`) : null
  const origins = configured ? [configured.origin] : []
  if (own && (!configured || own.protocol === configured.protocol)) origins.push(own.origin)
  return origins
}

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or, without it, the Referer) must be one of
 * the server's own origins — scheme, host and port alike. A missing or `null` origin is refused.
 */
export function isSameOriginRequest(request: Request, env: Record<string, string | undefined> = process.env): boolean {
  const source = request.headers.get('origin') ?? request.headers.get('referer')
  if (!source || source === 'null') return false
  let origin: string
  try {
    origin = new URL(source).origin
  } catch {
    return false
  }
  return serverOrigins(request.headers, env).includes(origin)
}
