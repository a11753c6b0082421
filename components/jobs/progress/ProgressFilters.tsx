'use client'
// The progress page's pickers: which run of the job, and which asset status; each choice is a URL the page reads.
import { useRouter } from 'next/navigation'
import { useId } from 'react'

interface Props {
  /** The page path without parameters, e.g. /jobs/j1/progress. */
  path: string
  /** The URL's current parameters (run, status, q); a change drops the page number. */
  params: Record<string, string>
  runs: { id: string; label: string }[]
  runId: string
  statuses: { status: string; count: number }[]
  status: string
}

export function ProgressFilters({ path, params, runs, runId, statuses, status }: Props) {
  const router = useRouter()
  const runField = useId()
  const statusField = useId()
  const go = (change: Record<string, string>) => {
    const next = new URLSearchParams({ ...params, ...change })
    for (const [name, value] of [...next.entries()]) if (value === '') next.delete(name)
    next.delete('page')
    router.push(next.size > 0 ? `${path}?${next}` : path)
  }
  return (
    <div className="progress-filters">
      <div className="field">
        <label htmlFor={runField}>Run</label>
        <select id={runField} value={runId} onChange={(event) => go({ runId: event.target.value, status: '' })} disabled={runs.length === 0}>
          {runs.length === 0 && <option value="">No runs yet</option>}
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={statusField}>Status</label>
        <select id={statusField} value={status} onChange={(event) => go({ status: event.target.value })}>
          <option value="">All statuses</option>
          {statuses.map((entry) => (
            <option key={entry.status} value={entry.status}>
              {entry.status} ({entry.count})
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
