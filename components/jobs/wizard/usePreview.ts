'use client'
// A live preview from the jobs API: the body, unchanged for a moment, is POSTed; an older answer never replaces a newer one.
import { useEffect, useState } from 'react'
import { callApi } from '@/components/api-client'

export const PREVIEW_DELAY_MS = 500

export type Preview<T> = { status: 'idle' } | { status: 'loading'; last: T | null } | { status: 'ready'; data: T } | { status: 'error'; message: string }

/** `body` null: nothing to preview yet (an empty step). */
export function usePreview<T>(url: string, body: unknown): Preview<T> {
  const key = body === null ? null : JSON.stringify(body)
  const [state, setState] = useState<Preview<T>>({ status: 'idle' })
  useEffect(() => {
    let current = true
    const timer = setTimeout(async () => {
      if (key === null) return setState({ status: 'idle' })
      setState((previous) => ({ status: 'loading', last: previous.status === 'ready' ? previous.data : previous.status === 'loading' ? previous.last : null }))
      const answer = await callApi<T>('POST', url, JSON.parse(key))
      if (!current) return
      setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', message: answer.message })
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [url, key])
  return state
}
