'use client'
// Below 1024 px the sidebar is hidden: a "Menu" button opens the navigation as a drawer (a Radix dialog: focus trapped, Escape closes).
import * as RadixDialog from '@radix-ui/react-dialog'
import { useState } from 'react'
import type { NavEntry } from '@/lib/navigation'
import { NavList } from './NavList'

export function NavDrawer({ nav }: { nav: NavEntry[] }) {
  const [open, setOpen] = useState(false)
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger asChild>
        <button type="button" className="secondary nav-toggle" aria-label="Open navigation">
          ☰ Menu
        </button>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="sidebar drawer" aria-describedby={undefined}>
          <RadixDialog.Title className="brand">
            Patch<span>board</span>
          </RadixDialog.Title>
          <RadixDialog.Close asChild>
            <button type="button" className="drawer-close small" aria-label="Close navigation">
              ✕
            </button>
          </RadixDialog.Close>
          <NavList nav={nav} onNavigate={() => setOpen(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
