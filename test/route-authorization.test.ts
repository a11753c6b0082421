// Backstop (as Fleet's authz check): every API route makes an authorization decision, or is a listed public route.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Wrappers that make an authorization decision: a user's role (apiRoute) or an agent's activation key (agentRoute). */
const AUTHORIZING_WRAPPERS = ['apiRoute', 'agentRoute']

/** Routes open without a session, each with the reason it may be. */
const PUBLIC_ROUTES: Record<string, string> = {
  'app/api/health/route.ts': 'load balancers and operators probe it without a session',
  'app/api/auth/[...nextauth]/route.ts': 'next-auth itself: sign-in, sign-out, CSRF token',
  'app/api/v1/schema/[document]/route.ts': 'the published ingest contracts (JSON Schema), for agent developers',
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === 'route.ts' ? [full] : []
  })
}

const root = path.resolve(__dirname, '..')
const files = routeFiles(path.join(root, 'app')).map((file) => path.relative(root, file))

describe('every API route makes an authorization decision', () => {
  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(2)
  })

  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(root, file), 'utf8')
      const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (\w+)\(/g)]
      if (PUBLIC_ROUTES[file]) return
      expect(handlers.length, `${file} exports no handler built with apiRoute()`).toBeGreaterThan(0)
      for (const [, method, wrapper] of handlers) {
        expect(AUTHORIZING_WRAPPERS, `${file} ${method} must be built with apiRoute({ action }) or agentRoute()`).toContain(wrapper)
      }
      expect(source, `${file} must not export handlers in another way`).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)/)
      if (handlers.some(([, , wrapper]) => wrapper === 'apiRoute')) expect(source).toMatch(/apiRoute\(\s*\{\s*action: '[a-zA-Z.]+'/)
    })
  }

  it('lists only public routes that exist', () => {
    for (const file of Object.keys(PUBLIC_ROUTES)) expect(files).toContain(file)
  })
})
