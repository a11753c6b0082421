// Export columns of the jobs list (one row per job, as the Jobs list shows it) and of a job run's progress (one row per asset × patch).
import { invalid } from '@/lib/errors'
import type { JobProgressView, RunAssetProgress } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import type { TableColumn } from './table-writer'

const text = <Row>(id: string, header: string, value: (row: Row) => string | string[], isDefault = true, type: 'text' | 'list' = 'text'): TableColumn<Row> => ({
  id, header, type, width: Math.max(type === 'list' ? 28 : 24, header.length + 4), default: isDefault, value,
})
const integer = <Row>(id: string, header: string, value: (row: Row) => number | null, isDefault = true): TableColumn<Row> => ({
  id, header, type: 'integer', width: Math.max(12, header.length + 4), default: isDefault, value,
})
const date = <Row>(id: string, header: string, value: (row: Row) => string | null, isDefault = true): TableColumn<Row> => ({
  id, header, type: 'date', width: Math.max(20, header.length + 16), default: isDefault, value,
})
const flag = <Row>(id: string, header: string, value: (row: Row) => boolean, isDefault = true): TableColumn<Row> => ({
  id, header, type: 'boolean', width: Math.max(10, header.length + 4), default: isDefault, value,
})

/** The Jobs list's columns, in its order, then what the list shows on a job's detail. */
export const JOB_COLUMNS: readonly TableColumn<JobView>[] = [
  text('status', 'Status', (job) => job.status),
  text('name', 'Name', (job) => job.name),
  text('type', 'Type', (job) => job.type || 'Not chosen'),
  text('owner', 'Owner', (job) => job.owner?.email ?? 'Unassigned advisory'),
  text('schedule', 'Schedule', (job) => job.scheduleText),
  integer('patchCount', 'Patches', (job) => job.patchCount),
  text('patchQuery', 'Dynamic patch query', (job) => (job.patches?.mode === 'dynamic' ? job.patches.query : ''), false),
  integer('assetCount', 'Assets', (job) => job.assetCount),
  text('tags', 'Target tags', (job) => job.targets.tags, true, 'list'),
  text('taggedAssets', 'Tagged assets (included of matched)', (job) => `${job.taggedAssets.included} of ${job.taggedAssets.matched}`),
  date('lastRun', 'Last run', (job) => job.lastRunAt),
  date('nextRun', 'Next run', (job) => job.nextRunAt),
  text('progress', 'Progress (latest run)', (job) => (job.progress ? `${job.progress.done} of ${job.progress.total} done` : 'Not run yet')),
  integer('failed', 'Failed (latest run)', (job) => job.progress?.failed ?? null),
  text('exclusionTags', 'Exclusion tags', (job) => job.targets.exclusionTags, false, 'list'),
  text('coAuthors', 'Co-authors', (job) => job.coAuthors.map((person) => person.email), false, 'list'),
  flag('isAdvisory', 'Advisory', (job) => job.isAdvisory, false),
  text('missing', 'Not configured yet', (job) => job.missing, false, 'list'),
  text('disabledReason', 'Disabled because', (job) => job.disabledReason, false),
  text('description', 'Description', (job) => job.description, false),
  text('id', 'Job id', (job) => job.id, false),
  date('created', 'Created', (job) => job.createdAt, false),
  date('updated', 'Updated', (job) => job.updatedAt, false),
]

/** One exported row of a run's progress: an asset of the run and one patch of the run (its outcome on that asset, if reported). */
export interface ProgressRow {
  run: NonNullable<JobProgressView['run']>
  asset: RunAssetProgress
  patch: { id: string; title: string; status: string; message: string }
}

export const JOB_PROGRESS_COLUMNS: readonly TableColumn<ProgressRow>[] = [
  text('asset.name', 'Asset', (row) => row.asset.assetName),
  text('asset.status', 'Asset status', (row) => row.asset.status),
  text('patch.id', 'Patch id', (row) => row.patch.id),
  text('patch.title', 'Patch', (row) => row.patch.title),
  text('patch.status', 'Patch outcome', (row) => row.patch.status || 'Not reported yet'),
  text('patch.message', 'Patch message', (row) => row.patch.message),
  text('asset.message', 'Asset message', (row) => row.asset.message),
  date('reported', 'Reported', (row) => row.asset.reportedAt),
  text('asset.id', 'Asset id', (row) => row.asset.assetId, false),
  text('run.id', 'Run id', (row) => row.run.runId, false),
  date('run.scheduled', 'Run scheduled', (row) => row.run.scheduledAt, false),
]

/** The chosen columns in the order given (the defaults when none), or a 400 naming every unknown or repeated one. */
export function pickColumns<Row>(all: readonly TableColumn<Row>[], ids: readonly string[] | null, entity: string): TableColumn<Row>[] {
  const wanted = ids === null || ids.length === 0 ? all.filter((column) => column.default).map((column) => column.id) : ids
  const byId = new Map(all.map((column) => [column.id, column]))
  const unknown = wanted.filter((id) => !byId.has(id))
  if (unknown.length > 0) throw invalid('UNKNOWN_COLUMN', `Unknown ${entity} column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, { unknown, known: [...byId.keys()] })
  const duplicate = wanted.find((id, index) => wanted.indexOf(id) !== index)
  if (duplicate !== undefined) throw invalid('DUPLICATE_COLUMN', `Column ${duplicate} is listed twice`, { duplicate })
  return wanted.map((id) => byId.get(id) as TableColumn<Row>)
}

/** The rows of one page of assets: each asset once per patch of the run, its reported outcome beside it. */
export function progressRows(view: JobProgressView): ProgressRow[] {
  const run = view.run
  if (run === null) return []
  return view.assets.rows.flatMap((asset) => {
    const reported = new Map(asset.patches.map((patch) => [patch.id, patch]))
    const runPatches = view.patchOutcomes.length > 0 ? view.patchOutcomes : asset.patches
    return runPatches.map((patch) => {
      const outcome = reported.get(patch.id)
      return { run, asset, patch: { id: patch.id, title: outcome?.title || patch.title, status: outcome?.status ?? '', message: outcome?.message ?? '' } }
    })
  })
}
