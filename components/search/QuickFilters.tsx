// Quick filters: one click adds (or removes) a ready-made QQL clause to the list's query.
import Link from 'next/link'
import type { QuickFilter } from '@/lib/services/quick-filters'

/** The query with the clause added, or removed when it is already there (so a filter toggles). */
export function toggleClause(query: string, clause: string): string {
  const trimmed = query.trim()
  if (trimmed === clause) return ''
  if (trimmed.endsWith(` and ${clause}`)) return trimmed.slice(0, -` and ${clause}`.length)
  if (trimmed.startsWith(`${clause} and `)) return trimmed.slice(`${clause} and `.length)
  if (trimmed === '') return clause
  return `${/\bor\b/i.test(trimmed) ? `(${trimmed})` : trimmed} and ${clause}`
}

export function QuickFilters({ basePath, query, filters }: { basePath: string; query: string; filters: QuickFilter[] }) {
  return (
    <div className="quick-filters" aria-label="Quick filters">
      {filters.map((filter) => {
        const next = toggleClause(query, filter.clause)
        const on = query.includes(filter.clause)
        return (
          <Link key={filter.label} className={on ? 'chip on' : 'chip'} aria-pressed={on} href={next ? `${basePath}?${new URLSearchParams({ q: next }).toString()}` : basePath}>
            {filter.label}
          </Link>
        )
      })}
    </div>
  )
}
