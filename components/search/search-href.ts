// A list URL for a query at its token version: `?q=…` for the current version, `?q=…&v=1` for an older one.
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'

/** A `basePath` with parameters of its own (`/jobs/j1/progress?runId=r1`) keeps them; its old `q`, `v` and `page` go. */
export function searchHref(basePath: string, query: string, version: number = CURRENT_TOKEN_VERSION): string {
  const [path, kept = ''] = basePath.split('?', 2)
  const params = new URLSearchParams(kept)
  for (const name of ['q', 'v', 'page']) params.delete(name)
  if (query.trim() !== '') params.set('q', query)
  if (query.trim() !== '' && version !== CURRENT_TOKEN_VERSION) params.set('v', String(version))
  return params.size > 0 ? `${path}?${params.toString()}` : path
}
