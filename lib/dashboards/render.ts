// Dashboard PNG / PDF: the server opens its own dashboard page in headless Chromium (playwright-core, the system Chromium)
// with a one-shot session of the requester, waits until every widget has rendered, and returns the bytes.
import fs from 'node:fs'
import { encode } from 'next-auth/jwt'
import { chromium } from 'playwright-core'
import type { Database } from '@/clickhouse/client'
import { getAuthSecret } from '@/lib/auth/secret'
import { endSession, newSessionClaims, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-claims'
import type { SessionUser } from '@/lib/auth/user'
import { DomainError, notFound } from '@/lib/errors'
import { findUserById } from '@/lib/repositories/users'

export const DOWNLOAD_FORMATS = ['png', 'pdf'] as const
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]

/** The page's signal that every widget has its data drawn (docs/dashboards.md, "Download"). */
export const READY_SELECTOR = '[data-dashboard-ready="true"]'
/** A render session dies this long after it is minted even if revoking it fails (it is revoked when the render ends). */
const RENDER_SESSION_SECONDS = 120
const RENDER_TIMEOUT_MS = 45_000

/** next-auth's session cookie name: `__Secure-` prefixed when NEXTAUTH_URL is https (as next-auth itself decides). */
export function sessionCookieName(): string {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token'
}

const unavailable = (code: string, message: string) => new DomainError('unavailable', code, message)

/** The system Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when there is none. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  // An executable outside the project: not a file for the build to trace.
  return fs.existsSync(/*turbopackIgnore: true*/ candidate) ? candidate : null
}

/** Where the renderer reaches this server: PATCHBOARD_RENDER_URL (operator's setting), else loopback on PORT — never a client's header. */
export function renderBaseUrl(): string {
  return (process.env.PATCHBOARD_RENDER_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/$/, '')
}

/**
 * A session cookie of `user` for the renderer alone: its absolute lifetime (signedInAt + SESSION_MAX_AGE) ends in
 * RENDER_SESSION_SECONDS, its JWT expires then too, and `revoke` ends it for good when the render is over.
 */
export async function mintRenderSession(db: Database, user: SessionUser): Promise<{ cookie: string; revoke: () => Promise<void> }> {
  const stored = await findUserById(db, user.id)
  if (!stored || stored.disabled) throw notFound('Your account is no longer active.')
  const claims = newSessionClaims(stored.id, stored.sessionEpoch, Date.now() - (SESSION_MAX_AGE_SECONDS - RENDER_SESSION_SECONDS) * 1000)
  const cookie = await encode({ token: { ...claims, sub: stored.id, email: stored.email, name: stored.name }, secret: getAuthSecret(), maxAge: RENDER_SESSION_SECONDS })
  return { cookie, revoke: () => endSession(db, claims) }
}

// One render at a time per process: a Chromium costs hundreds of MB and the machine's cores are shared with the engine.
const queueHolder = globalThis as typeof globalThis & { patchboardRenderQueue?: Promise<unknown> }

function oneAtATime<T>(render: () => Promise<T>): Promise<T> {
  const run = (queueHolder.patchboardRenderQueue ?? Promise.resolve()).then(render, render)
  queueHolder.patchboardRenderQueue = run.catch(() => undefined)
  return run
}

export interface RenderRequest {
  /** Path and query of the page to open, e.g. `/dashboards/<id>?print=1&filters=…`. */
  path: string
  format: DownloadFormat
}

/** Renders a page of this server as the user sees it; 503 with the reason when Chromium is missing or the page never gets ready. */
export async function renderDashboardPage(db: Database, user: SessionUser, request: RenderRequest): Promise<Buffer> {
  const executablePath = chromiumPath()
  if (executablePath === null) {
    throw unavailable('RENDERER_UNAVAILABLE', 'Downloading a dashboard needs Chromium on the server: install it (apt-get install chromium) or set CHROMIUM_PATH to its executable.')
  }
  return oneAtATime(async () => {
    const base = renderBaseUrl()
    const session = await mintRenderSession(db, user)
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
    try {
      // The session travels as a request header (a Secure cookie cannot be planted for http://127.0.0.1), and the page
      // may reach nothing but this server: any other origin is refused, so the session never leaves it.
      const origin = new URL(base).origin
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: user.timeZone, extraHTTPHeaders: { cookie: `${sessionCookieName()}=${session.cookie}` } })
      await context.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'))
      const page = await context.newPage()
      const response = await page.goto(`${base}${request.path}`, { waitUntil: 'domcontentloaded', timeout: RENDER_TIMEOUT_MS }).catch((error: Error) => {
        throw unavailable('RENDER_FAILED', `The renderer could not open the dashboard page at ${base}: ${error.message.split('\n')[0]}`)
      })
      if (!response || response.status() >= 400) throw unavailable('RENDER_FAILED', `The dashboard page answered ${response?.status() ?? 'nothing'} to the renderer.`)
      if (new URL(page.url()).pathname !== new URL(`${base}${request.path}`).pathname) {
        throw unavailable('RENDER_FAILED', `The renderer was sent to ${new URL(page.url()).pathname} instead of the dashboard (its session was not accepted: check NEXTAUTH_SECRET and PATCHBOARD_RENDER_URL).`)
      }
      try {
        await page.waitForSelector(READY_SELECTOR, { timeout: RENDER_TIMEOUT_MS, state: 'attached' })
      } catch {
        throw unavailable('RENDER_FAILED', `The dashboard page did not finish rendering its widgets within ${RENDER_TIMEOUT_MS / 1000} s.`)
      }
      if (request.format === 'png') return await page.screenshot({ fullPage: true, type: 'png' })
      await page.emulateMedia({ media: 'print' })
      return await page.pdf({ format: 'A4', landscape: true, printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '8mm', right: '8mm' } })
    } finally {
      await browser.close()
      await session.revoke()
    }
  })
}
