'use client'
// A non-modal panel anchored to a button (Radix Popover): Escape or a click outside closes it; focus moves into it.
import * as RadixPopover from '@radix-ui/react-popover'
import type { ReactNode } from 'react'

interface Props {
  trigger: ReactNode
  /** Names the trigger button and the panel for screen readers. */
  label: string
  triggerClassName?: string
  open?: boolean
  onOpenChange?: (open: boolean) => void
  children: ReactNode
}

export function Popover({ trigger, label, triggerClassName = 'secondary small', open, onOpenChange, children }: Props) {
  return (
    <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
      <RadixPopover.Trigger asChild>
        <button type="button" className={triggerClassName} aria-label={label}>
          {trigger}
        </button>
      </RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content className="popover" align="end" sideOffset={4} collisionPadding={8} aria-label={label}>
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  )
}
