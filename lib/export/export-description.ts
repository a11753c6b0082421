// What an export job holds, in words for My exports: the QQL of Assets, Patches and Findings, the Jobs list's filters, a run's filters.
import { formatDateTime } from '@/lib/format'

/** The entities whose export is described by its QQL query (shown as code); the others by their screen's parameters. */
const QQL_ENTITIES: readonly string[] = ['assets', 'patches', 'findings']

export const isQqlDescribed = (entity: string): boolean => QQL_ENTITIES.includes(entity)

/** The stored fields of an export job that say what it exports. */
export interface DescribedExport {
  entity: string
  query: string
  /** JSON of the screen's validated parameters (query-string values), '' for the QQL entities. */
  sourceOptions: string
}

export interface DescriptionContext {
  timeZone: string
  /** Scheduled time (ISO) of the runs the viewer may see, by run id; a run missing here is named by a short id. */
  runTimes: ReadonlyMap<string, string>
}

/** The stored options, or {} when they cannot be read (each value a string, as stored). */
function optionsOf(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  } catch {
    return {}
  }
}

const valuesOf = (text: string | undefined) => (text ?? '').split(',').map((value) => value.trim()).filter(Boolean)
const isSet = (flag: string | undefined) => flag === 'true' || flag === '1'

/** "Status: Enabled or Disabled"; '' without a value. */
function filter(label: string, text: string | undefined): string {
  const values = valuesOf(text)
  return values.length === 0 ? '' : `${label}: ${values.join(' or ')}`
}

/** `search “kb50”` for a QQL query; '' without one. */
function search(query: string | undefined): string {
  const text = (query ?? '').trim()
  return text === '' ? '' : `search “${text}”`
}

const joined = (parts: string[]) => parts.filter(Boolean).join(' · ')

/** "run_3f9a0c…" → "3f9a0c1d": enough to tell runs apart when their time is not known. */
const shortRunId = (runId: string) => runId.replace(/^run_/, '').slice(0, 8)

function describeJobs(options: Record<string, string>): string {
  const words = joined([
    filter('Status', options.status),
    filter('Schedule', options.scheduleType),
    filter('Type', options.type),
    isSet(options.mine) ? 'Created by me' : '',
    isSet(options.coAuthored) ? 'I co-author' : '',
    search(options.q),
  ])
  return words === '' ? 'All jobs' : words
}

function describeRun(runId: string | undefined, context: DescriptionContext): string {
  if (!runId) return 'Latest run'
  const scheduledAt = context.runTimes.get(runId)
  return scheduledAt ? `Run of ${formatDateTime(scheduledAt, context.timeZone, { zone: true })}` : `Run ${shortRunId(runId)}`
}

/**
 * My exports' line under an export's title: the QQL query ("All rows in your scope" without one); for Jobs the filters
 * ("Status: Enabled · Type: Install · Created by me · search “kb50”", or "All jobs"); for a job's progress (the title
 * names the job) the run and filters ("Run of 02 Dec 2026, 06:45 UTC · Status: Failed · search “web”").
 */
export function describeExport(job: DescribedExport, context: DescriptionContext): string {
  if (job.entity === 'jobs') return describeJobs({ q: job.query, ...optionsOf(job.sourceOptions) })
  if (job.entity === 'jobProgress') {
    const options = optionsOf(job.sourceOptions)
    return joined([describeRun(options.runId, context), filter('Status', options.status), search(options.q)])
  }
  return job.query.trim() === '' ? 'All rows in your scope' : job.query
}

/** The run ids a job-progress export names, with their job (to look their times up for the viewer). */
export function exportRunOf(job: DescribedExport): { jobId: string; runId: string } | null {
  if (job.entity !== 'jobProgress') return null
  const { job: jobId, runId } = optionsOf(job.sourceOptions)
  return jobId && runId ? { jobId, runId } : null
}
