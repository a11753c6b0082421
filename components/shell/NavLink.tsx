'use client'
// A navigation entry that highlights itself on its own section.
import Link from 'next/link'
import { usePathname } from 'next/navigation'

export function NavLink({ href, label, onNavigate }: { href: string; label: string; onNavigate?: () => void }) {
  const pathname = usePathname()
  const active = pathname === href || pathname.startsWith(`${href}/`)
  return (
    <Link href={href} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined} onClick={onNavigate}>
      {label}
    </Link>
  )
}
