// A section's index page (Administration, Configuration): its pages the user's role may open, each with what it allows.
import Link from 'next/link'

interface Props {
  title: string
  subtitle: string
  /** `allows`: what the page lets the user do, in words (the permission it needs). */
  pages: { href: string; label: string; allows: string }[]
  /** Said instead of the list when the role may open none of the section's pages. */
  emptyText: string
}

export function SectionIndex({ title, subtitle, pages, emptyText }: Props) {
  return (
    <>
      <h1>{title}</h1>
      <p className="subtitle">{subtitle}</p>
      {pages.length === 0 ? (
        <div className="panel empty">{emptyText}</div>
      ) : (
        <ul className="panel admin-index">
          {pages.map((page) => (
            <li key={page.href}>
              <Link href={page.href}>{page.label}</Link>
              <span className="muted"> — {page.allows}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
