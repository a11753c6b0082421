// A list URL for a query at its token version: `?q=…` for the current version, `?q=…&v=1` for an older one.
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'

export function searchHref(basePath: string, query: string, version: number = CURRENT_TOKEN_VERSION): string {
  if (query.trim() === '') return basePath
  const params = new URLSearchParams({ q: query })
  if (version !== CURRENT_TOKEN_VERSION) params.set('v', String(version))
  return `${basePath}?${params.toString()}`
}
