// Browser-side calls to Patchboard's JSON API: same-origin fetch (the session cookie, the Origin header the CSRF check wants).
export interface FieldIssue {
  path: string
  message: string
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string; issues: FieldIssue[] }

/** The `details` of an error answer when they name fields (zod issues: `[{ path, message }]`), else none. */
function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return []
  return details.filter((item): item is FieldIssue => typeof item?.path === 'string' && typeof item?.message === 'string')
}

export async function callApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'The server could not be reached; check the connection and try again.', issues: [] }
  }
  const payload = await response.json().catch(() => null)
  if (response.ok) return { ok: true, data: payload as T }
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
  return { ok: false, status: response.status, code: error?.code ?? 'HTTP_ERROR', message: error?.message ?? `The server answered ${response.status}.`, issues: fieldIssues(error?.details) }
}
