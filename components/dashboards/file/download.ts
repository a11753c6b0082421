// Downloads an API file answer in the browser (the dashboard export): the server's error message instead of a raw JSON page.
import type { ApiResult } from '@/components/api-client'

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? ''
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback
}

export async function downloadFile(url: string, fallbackName: string): Promise<ApiResult<{ filename: string }>> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'The server could not be reached; check the connection and try again.', issues: [] }
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    return { ok: false, status: response.status, code: payload?.error?.code ?? 'HTTP_ERROR', message: payload?.error?.message ?? `The server answered ${response.status}.`, issues: [] }
  }
  const filename = filenameOf(response, fallbackName)
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  return { ok: true, data: { filename } }
}
