// Browser-side calls to Patchboard's JSON API: same-origin fetch (the session cookie, the Origin header the CSRF check wants).
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string }

export async function callApi<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<ApiResult<T>> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  const payload = await response.json().catch(() => null)
  if (response.ok) return { ok: true, data: payload as T }
  const message = (payload as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${response.status}.`
  return { ok: false, status: response.status, message }
}
