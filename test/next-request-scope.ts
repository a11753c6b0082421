// Test helper: runs a route handler inside Next's own request scope (its work and request stores, as `next start` does), so headers(), cookies() and next-auth's session lookup work under Vitest. Import it before anything from next.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'

// Next's server sets this global before loading its request storage; without it the storage is a stub that throws.
const globals = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }
globals.AsyncLocalStorage ??= AsyncLocalStorage

// Node's own require, so these are the module instances next-auth's require('next/headers') sees.
const nodeRequire = createRequire(import.meta.url)

interface Storage {
  run<T>(store: unknown, callback: () => T): T
}
const { workAsyncStorage } = nodeRequire('next/dist/server/app-render/work-async-storage.external') as { workAsyncStorage: Storage }
const { workUnitAsyncStorage } = nodeRequire('next/dist/server/app-render/work-unit-async-storage.external') as { workUnitAsyncStorage: Storage }
const { createRequestStoreForAPI } = nodeRequire('next/dist/server/async-storage/request-store') as {
  createRequestStoreForAPI: (request: Request, url: URL, implicitTags: unknown, onUpdateCookies: undefined, previewProps: undefined) => unknown
}
const { createWorkStore } = nodeRequire('next/dist/server/async-storage/work-store') as {
  createWorkStore: (context: { page: string; renderOpts: { experimental: Record<string, never> }; isPrefetchRequest: boolean; buildId: string }) => unknown
}

/** Runs `handle` as Next runs the route handler of `page` (e.g. `/api/v1/me/route`) for `request`. */
export function inNextRequestScope<T>(page: string, request: Request, handle: () => Promise<T>): Promise<T> {
  const workStore = createWorkStore({ page, renderOpts: { experimental: {} }, isPrefetchRequest: false, buildId: 'test' })
  const requestStore = createRequestStoreForAPI(request, new URL(request.url), { tags: [], expirationsByCacheKind: new Map() }, undefined, undefined)
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, handle))
}
