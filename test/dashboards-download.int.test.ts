// Dashboard PNG/PDF through the download route in the real system Chromium, against a stand-in page server that checks
// the session the renderer carries: the requester's own, short-lived, revoked once the render is over.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { decode } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { getAuthSecret } from '@/lib/auth/secret'
import { SESSION_MAX_AGE_SECONDS, userOfSession, type SessionClaims } from '@/lib/auth/session-claims'
import { chromiumPath, mintRenderSession, sessionCookieName } from '@/lib/dashboards/render'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
let admin: Caller
let manager: Caller
let server: http.Server
/** Another origin the page links to: it must never be asked (the session would travel with the request). */
let elsewhere: http.Server
let elsewhereHits = 0
/** What the stand-in page saw: the URL, and the claims of the session cookie with the user they resolve to. */
const visits: { url: string; claims: SessionClaims | null; email: string | null }[] = []

function cookieValue(header: string | undefined, name: string): string | undefined {
  return header?.split(/;\s*/).find((part) => part.startsWith(`${name}=`))?.slice(name.length + 1)
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  admin = await createCaller(db, 'Administrator', 'admin@test.io')
  manager = await createCaller(db, 'Patch Manager', 'manager@test.io')
  api = await dashboardApi()
  const pageSecret = getAuthSecret()
  // The dashboard page's contract (docs/dashboards.md): ready when the grid carries data-dashboard-ready="true".
  server = http.createServer(async (request, response) => {
    const token = cookieValue(request.headers.cookie, sessionCookieName())
    const claims = token ? ((await decode({ token, secret: pageSecret }).catch(() => null)) as SessionClaims | null) : null
    const user = await userOfSession(db, claims)
    visits.push({ url: request.url ?? '', claims, email: user?.email ?? null })
    if (!user) {
      if (request.url === '/login') response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Sign in</h1>')
      else response.writeHead(302, { location: '/login' }).end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html' })
    const beacon = `<img src="http://localhost:${(elsewhere.address() as AddressInfo).port}/pixel.png">`
    response.end(`<main data-dashboard-ready="true"><h1>Dashboard for ${user.email}</h1>${beacon}</main>`)
  })
  elsewhere = http.createServer((_request, response) => {
    elsewhereHits++
    response.end()
  })
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.PATCHBOARD_RENDER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  delete process.env.PATCHBOARD_RENDER_URL
  await new Promise((resolve) => server.close(resolve))
  await new Promise((resolve) => elsewhere.close(resolve))
  await close()
})

async function sharedBoard(): Promise<string> {
  const answer = await api(manager, 'POST', '/api/v1/dashboards', { name: 'Quarterly report', shared: true })
  return (answer.json as { id: string }).id
}

describe.skipIf(chromiumPath() === null)('download as PNG and PDF (system Chromium)', () => {
  it("renders the page with the requester's own one-shot session, as PNG and as PDF, audited", async () => {
    const id = await sharedBoard()
    const png = await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=png&filters=${encodeURIComponent('osFamily: Windows')}`)
    expect(png.status, png.text.slice(0, 300)).toBe(200)
    expect(png.text.slice(0, 4)).toBe('\uFFFDPNG')
    const visit = visits.filter((seen) => seen.url.startsWith('/dashboards/')).at(-1)!
    expect(visit.email).toBe('admin@test.io')
    expect(visit.url).toBe(`/dashboards/${id}?print=1&filters=osFamily%3A+Windows`)
    // Its lifetime ends within about two minutes, and it is dead as soon as the render is over.
    expect(visit.claims!.signedInAt! + SESSION_MAX_AGE_SECONDS * 1000 - Date.now()).toBeLessThanOrEqual(120_000)
    expect(await userOfSession(db, visit.claims)).toBeNull()
    // The page linked another origin: the renderer refused to ask it.
    expect(elsewhereHits).toBe(0)

    const pdf = await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.text.slice(0, 5)).toBe('%PDF-')
    const audit = await db.query<{ n: number }>("SELECT toUInt32(count()) AS n FROM audit_log WHERE action = 'dashboard.download' AND entity_id = {id:String}", { id })
    expect(Number(audit[0].n)).toBe(2)
  }, 120_000)

  it('only Administrators download (the permission table), and only dashboards they may view', async () => {
    const id = await sharedBoard()
    const refused = await api(manager, 'GET', `/api/v1/dashboards/${id}/download?format=pdf`)
    expect(refused.status).toBe(403)
    expect((await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=gif`)).json.error?.message).toMatch(/png or pdf/)
  })
})

describe('the render session', () => {
  it("is a session the app itself accepts (next-auth's cookie, this server's secret) for the requester, until revoked", async () => {
    const session = await mintRenderSession(db, manager.user)
    const me = (cookie: string) => api({ ...manager, token: '' }, 'GET', '/api/v1/me', undefined, { cookie: `${sessionCookieName()}=${cookie}` })
    const signedIn = await me(session.cookie)
    expect(signedIn.status, signedIn.text).toBe(200)
    expect(signedIn.json).toMatchObject({ email: 'manager@test.io' })
    await session.revoke()
    expect((await me(session.cookie)).status).toBe(401)
  })
})

describe.skipIf(chromiumPath() === null)('a render the app does not sign in', () => {
  it('answers 503 at once naming the session, instead of waiting for a page that never gets ready', async () => {
    const id = await sharedBoard()
    const secret = process.env.NEXTAUTH_SECRET
    process.env.NEXTAUTH_SECRET = 'not-the-secret-the-page-server-decodes-with-0123456789'
    try {
      const answer = await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=png`)
      expect(answer.status).toBe(503)
      expect(answer.json.error).toMatchObject({ code: 'RENDER_FAILED', message: expect.stringMatching(/\/login.*session was not accepted/) })
    } finally {
      if (secret === undefined) delete process.env.NEXTAUTH_SECRET
      else process.env.NEXTAUTH_SECRET = secret
    }
  }, 60_000)

  it('a server the renderer cannot reach is a 503 naming where it looked, not a 500', async () => {
    const id = await sharedBoard()
    const url = process.env.PATCHBOARD_RENDER_URL
    process.env.PATCHBOARD_RENDER_URL = 'http://127.0.0.1:9'
    try {
      const answer = await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=pdf`)
      expect(answer.status).toBe(503)
      expect(answer.json.error).toMatchObject({ code: 'RENDER_FAILED', message: expect.stringContaining('http://127.0.0.1:9') })
    } finally {
      process.env.PATCHBOARD_RENDER_URL = url
    }
  }, 60_000)
})

describe('without Chromium', () => {
  it('the download says so with a 503 naming what to install', async () => {
    const id = await sharedBoard()
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      const answer = await api(admin, 'GET', `/api/v1/dashboards/${id}/download?format=png`)
      expect(answer.status).toBe(503)
      expect(answer.json.error).toMatchObject({ code: 'RENDERER_UNAVAILABLE', message: expect.stringMatching(/Chromium.*CHROMIUM_PATH/) })
    } finally {
      delete process.env.CHROMIUM_PATH
    }
  })
})
