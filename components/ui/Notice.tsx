'use client'
// The one result message of a page action: success (role=status) or error (role=alert), optionally carrying a secret shown once with a Copy button.
import { useCallback, useState } from 'react'

export interface NoticeMessage {
  kind: 'ok' | 'error'
  text: string
  /** A value shown only this once (a generated password, a new token or key): selectable, copyable. */
  secret?: string
}

export function Notice({ notice, onDismiss }: { notice: NoticeMessage | null; onDismiss?: () => void }) {
  const [copied, setCopied] = useState(false)
  if (!notice) return null
  const secret = notice.secret
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      <div className="notice-body">
        {notice.text}
        {secret && (
          <div className="secret-row">
            <code className="secret" data-testid="notice-secret">
              {secret}
            </code>
            <button
              type="button"
              className="secondary small"
              onClick={() => navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="notice-close" aria-label="Dismiss message" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  )
}

/** `const { notice, show, noticeElement } = useNotice()` — one message at a time; a new one replaces the old. */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const show = useCallback((next: NoticeMessage | null) => setNotice(next), [])
  const noticeElement = <Notice key={notice ? `${notice.kind}:${notice.text}` : 'none'} notice={notice} onDismiss={() => setNotice(null)} />
  return { notice, show, noticeElement }
}
