'use client'
// The jobs list's filters (status, schedule type, type, created by me, co-authored by me): each change opens the list with it in the URL.
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { JOB_SCHEDULE_TYPES, JOB_STATUSES, JOB_TYPES } from '@/lib/schemas/jobs'

const SELECTS = [
  { key: 'status', label: 'Status', values: JOB_STATUSES, all: 'Any status' },
  { key: 'scheduleType', label: 'Schedule', values: JOB_SCHEDULE_TYPES, all: 'Any schedule' },
  { key: 'type', label: 'Type', values: JOB_TYPES, all: 'Any type' },
] as const

const TOGGLES = [
  { key: 'mine', label: 'Created by me' },
  { key: 'coAuthored', label: 'I co-author' },
] as const

export function JobFilters() {
  const router = useRouter()
  const pathname = usePathname()
  const current = useSearchParams()

  function set(key: string, value: string) {
    const next = new URLSearchParams(current.toString())
    if (value) next.set(key, value)
    else next.delete(key)
    next.delete('page')
    router.push(`${pathname}?${next.toString()}`)
  }

  return (
    <div className="job-filters" role="group" aria-label="Filters">
      {SELECTS.map((select) => (
        <div key={select.key} className="field">
          <label htmlFor={`job-filter-${select.key}`}>{select.label}</label>
          <select id={`job-filter-${select.key}`} value={current.get(select.key) ?? ''} onChange={(event) => set(select.key, event.target.value)}>
            <option value="">{select.all}</option>
            {select.values.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
      {TOGGLES.map((toggle) => (
        <label key={toggle.key} className="inline">
          <input type="checkbox" checked={current.get(toggle.key) === '1'} onChange={(event) => set(toggle.key, event.target.checked ? '1' : '')} /> {toggle.label}
        </label>
      ))}
    </div>
  )
}
