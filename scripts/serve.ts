// The production HTTP server: Next in this process, behind a request hook that records the socket peer and drops untrusted forwarding headers.
import { createServer } from 'node:http'
import { markPeerHeaderTrusted, sanitiseIncomingHeaders, trustedProxies } from '@/lib/http/client-origin'

// `next start` keeps a client's own X-Forwarded-For (it only fills the header in when absent), and route handlers
// never see the socket: so this server, not a header anyone can send, says who the peer is.
const env = process.env as Record<string, string | undefined>
env.NODE_ENV ??= 'production'
const port = Number(process.env.PORT || 3000)

let proxies
try {
  proxies = trustedProxies()
} catch (error) {
  console.error(`patchboard: cannot start: ${(error as Error).message}`)
  process.exit(1)
}

const { default: next } = await import('next')
const app = next({ dev: false, dir: process.cwd(), port })
const handle = app.getRequestHandler()
await app.prepare()
markPeerHeaderTrusted()

const server = createServer((request, response) => {
  sanitiseIncomingHeaders(request.headers, request.socket.remoteAddress, proxies)
  handle(request, response).catch((error: unknown) => {
    console.error('[serve] request failed', error)
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
    response.end('Internal server error')
  })
})
server.listen(port, () => {
  const via = proxies.entries.length > 0 ? `, trusting forwarding headers from ${proxies.entries.join(', ')}` : ''
  console.log(`Patchboard is listening on port ${port}${via}`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void app.close().finally(() => process.exit(0))
  })
}
