'use client'
// The top bar's user menu: who is signed in (name, email, role), the Account page, and signing out.
import { signOut } from 'next-auth/react'
import Link from 'next/link'
import { DropdownMenu, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator } from '../ui/DropdownMenu'

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <DropdownMenu
      triggerClassName="user-menu-trigger"
      trigger={
        <>
          <span className="visually-hidden">User menu: </span>
          <strong>{name}</strong> <span className="muted">{role}</span>
        </>
      }
    >
      <MenuLabel>{email}</MenuLabel>
      <MenuSeparator />
      <MenuLinkItem>
        <Link href="/account">Account</Link>
      </MenuLinkItem>
      <MenuItem onSelect={() => signOut({ callbackUrl: '/login' })}>Sign out</MenuItem>
    </DropdownMenu>
  )
}
