'use client'
// A modal dialog (Radix Dialog): focus trapped inside, Escape and the close button dismiss it, focus returns to the trigger.
import * as RadixDialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'

interface Props {
  title: string
  /** One sentence under the title; read out as the dialog's description. */
  description?: ReactNode
  open?: boolean
  onOpenChange?: (open: boolean) => void
  /** The element that opens it (a button); absent when the parent controls `open`. */
  trigger?: ReactNode
  wide?: boolean
  children: ReactNode
}

export function Dialog({ title, description, open, onOpenChange, trigger, wide = false, children }: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className={wide ? 'dialog wide' : 'dialog'} {...(description ? {} : { 'aria-describedby': undefined })}>
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

/** A button that closes the surrounding dialog (e.g. "Cancel" in a form inside it). */
function DialogClose({ children }: { children: ReactNode }) {
  return <RadixDialog.Close asChild>{children}</RadixDialog.Close>
}

/** The dialog's secondary dismiss button ("Cancel", or e.g. "Close" after the work is done). */
export function DialogCancel({ label = 'Cancel' }: { label?: string }) {
  return (
    <DialogClose>
      <button type="button" className="secondary">
        {label}
      </button>
    </DialogClose>
  )
}
