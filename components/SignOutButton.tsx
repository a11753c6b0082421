'use client'
// Sign-out button for the user menu.
import { signOut } from 'next-auth/react'

export function SignOutButton() {
  return (
    <button type="button" className="secondary" onClick={() => signOut({ callbackUrl: '/login' })}>
      Sign out
    </button>
  )
}
