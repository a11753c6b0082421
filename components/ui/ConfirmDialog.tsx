'use client'
// Asking before a destructive or irreversible action (Radix AlertDialog) — the replacement for window.confirm.
import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useCallback, useRef, useState, type ReactNode } from 'react'

export interface ConfirmOptions {
  title: string
  description: ReactNode
  /** The confirming button's words, e.g. "Delete user". */
  confirmLabel: string
  /** Destructive actions get the red button. */
  danger?: boolean
}

interface Props extends ConfirmOptions {
  open: boolean
  onAnswer: (confirmed: boolean) => void
}

/** Escape, the overlay and "Cancel" answer no; focus starts on Cancel so Enter never destroys by accident. */
export function ConfirmDialog({ open, onAnswer, title, description, confirmLabel, danger = false }: Props) {
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && onAnswer(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="secondary">
                Cancel
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className={danger ? 'danger solid' : undefined} onClick={() => onAnswer(true)}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}

/**
 * `const { confirm, confirmDialog } = useConfirm()` — `await confirm({...})` resolves true or false like
 * window.confirm did, while `confirmDialog` (rendered once by the caller) is an accessible dialog.
 */
export function useConfirm() {
  const [pending, setPending] = useState<ConfirmOptions | null>(null)
  const resolver = useRef<((confirmed: boolean) => void) | null>(null)

  const confirm = useCallback((options: ConfirmOptions) => {
    resolver.current?.(false)
    setPending(options)
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve
    })
  }, [])

  const answer = useCallback((confirmed: boolean) => {
    resolver.current?.(confirmed)
    resolver.current = null
    setPending(null)
  }, [])

  const confirmDialog = pending ? <ConfirmDialog open onAnswer={answer} {...pending} /> : null
  return { confirm, confirmDialog }
}
