// Cells of the jobs list: the status (with "Partially configured" and the reason the server disabled it), run times, and the latest run's progress bar.
import { formatDateTime } from '@/lib/format'
import { EARLIEST_ZONE } from '@/lib/jobs/schedule'
import type { JobView } from '@/lib/schemas/jobs'

const PART_WORDS = { patches: 'patches', targets: 'targets', schedule: 'schedule' } as const

export function JobStatusCell({ job }: { job: JobView }) {
  return (
    <span className="job-status">
      <span className={`job-status-${job.status}`}>{job.status}</span>
      {job.isAdvisory && <span className="tag">Advisory</span>}
      {job.missing.length > 0 && <span className="job-flag">Partially configured: no {job.missing.map((part) => PART_WORDS[part]).join(', no ')}</span>}
      {job.disabledReason && <span className="job-reason">{job.disabledReason}</span>}
    </span>
  )
}

/**
 * A last or next run time: in the viewer's zone; for a job in the agent's time zone the slot's wall-clock time ("agent
 * time"), since each asset runs it at that time in its own zone (the stored instant is when the slot first comes, UTC+14).
 */
export function JobRunTimeCell({ iso, job, timeZone, empty }: { iso: string | null; job: JobView; timeZone: string; empty: string }) {
  if (!iso) return <span className="muted">{empty}</span>
  if (job.schedule?.timeZone !== '') return <>{formatDateTime(iso, timeZone)}</>
  return (
    <span title="Each asset runs the job at this time in its own time zone">
      {formatDateTime(iso, EARLIEST_ZONE)} <span className="muted">agent time</span>
    </span>
  )
}

export function JobProgressCell({ progress }: { progress: JobView['progress'] }) {
  if (!progress) return <span className="muted">Not run yet</span>
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)
  const label = `${progress.done} of ${progress.total} assets done${progress.failed > 0 ? `, ${progress.failed} failed` : ''}`
  return (
    <span className="job-progress">
      <span className="job-progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className={progress.failed > 0 ? 'job-progress-fill has-failed' : 'job-progress-fill'} style={{ width: `${percent}%` }} />
      </span>
      {percent}%{progress.failed > 0 && <span className="job-flag">{progress.failed} failed</span>}
    </span>
  )
}

export function JobTagsCell({ job }: { job: JobView }) {
  const { tags, tagMatch, exclusionTags } = job.targets
  if (tags.length === 0 && exclusionTags.length === 0) return <span className="muted">—</span>
  return (
    <>
      {tags.length > 1 && <span className="job-sub">{tagMatch === 'All' ? 'All of' : 'Any of'}</span>}
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
      {exclusionTags.length > 0 && <span className="job-sub">except {exclusionTags.join(', ')}</span>}
    </>
  )
}
