// My exports' description of an export: QQL as is, the Jobs filters and a run's filters in words, never the stored raw text.
import { describe, expect, it } from 'vitest'
import { describeExport, exportRunOf, isQqlDescribed } from './export-description'

const context = { timeZone: 'UTC', runTimes: new Map<string, string>() }
const jobs = (options: Record<string, string>, query = options.q ?? '') => ({ entity: 'jobs', query, sourceOptions: JSON.stringify(options) })
const progress = (options: Record<string, string>, query = 'job j1 run run_x') => ({ entity: 'jobProgress', query, sourceOptions: JSON.stringify(options) })
const NO_FILTERS = { q: '', v: '3', status: '', scheduleType: '', type: '', mine: 'false', coAuthored: 'false', sort: 'updated', dir: 'desc' }
const RUN = 'run_3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6'

describe('describeExport', () => {
  it('Assets, Patches and Findings: their QQL query, or every row in scope without one', () => {
    expect(describeExport({ entity: 'findings', query: 'status: Missing', sourceOptions: '' }, context)).toBe('status: Missing')
    expect(describeExport({ entity: 'assets', query: '  ', sourceOptions: '' }, context)).toBe('All rows in your scope')
    expect(isQqlDescribed('patches')).toBe(true)
    expect(isQqlDescribed('jobs')).toBe(false)
    expect(isQqlDescribed('jobProgress')).toBe(false)
  })

  it('Jobs: every filter in words, in the list order, several values joined by "or"', () => {
    const text = describeExport(jobs({ ...NO_FILTERS, q: 'name: kb50', status: 'Enabled,Disabled', scheduleType: 'Weekly', type: 'Install', mine: 'true', coAuthored: 'true' }), context)
    expect(text).toBe('Status: Enabled or Disabled · Schedule: Weekly · Type: Install · Created by me · I co-author · search “name: kb50”')
  })

  it('Jobs: "All jobs" without filters (the sort is no filter), a flag given as 1 counts', () => {
    expect(describeExport(jobs(NO_FILTERS), context)).toBe('All jobs')
    expect(describeExport(jobs({ ...NO_FILTERS, mine: '1' }), context)).toBe('Created by me')
  })

  it('Jobs: unreadable options fall back to the stored QQL', () => {
    expect(describeExport({ entity: 'jobs', query: 'kb50', sourceOptions: '{not json' }, context)).toBe('search “kb50”')
    expect(describeExport({ entity: 'jobs', query: '', sourceOptions: '[1]' }, context)).toBe('All jobs')
  })

  it('job progress: the run by its time in the viewer\'s zone, then the status filter and the asset search', () => {
    const runTimes = new Map([[RUN, '2026-12-02T06:45:00.000Z']])
    const options = { job: 'j1', runId: RUN, status: 'Failed,Pending Reboot', q: 'name: web' }
    expect(describeExport(progress(options), { timeZone: 'UTC', runTimes })).toBe('Run of 02 Dec 2026, 06:45 UTC · Status: Failed or Pending Reboot · search “name: web”')
    expect(describeExport(progress(options), { timeZone: 'Europe/Berlin', runTimes })).toMatch(/^Run of 02 Dec 2026, 07:45 (CET|GMT\+1) · /)
  })

  it('job progress: a run whose time is not known (or not visible) by a short id; without a run, the latest', () => {
    const text = describeExport(progress({ job: 'j1', runId: RUN, q: '' }), context)
    expect(text).toBe('Run 3f9a0c1d')
    expect(text).not.toContain('job j1')
    expect(describeExport(progress({ job: 'j1', q: '' }), context)).toBe('Latest run')
    expect(describeExport(progress({ job: 'j1', status: 'Failed', q: '' }), context)).toBe('Latest run · Status: Failed')
  })
})

describe('exportRunOf', () => {
  it('names the job and run of a job-progress export only', () => {
    expect(exportRunOf(progress({ job: 'j1', runId: RUN }))).toEqual({ jobId: 'j1', runId: RUN })
    expect(exportRunOf(progress({ job: 'j1' }))).toBeNull()
    expect(exportRunOf(jobs(NO_FILTERS))).toBeNull()
    expect(exportRunOf({ entity: 'jobProgress', query: '', sourceOptions: '' })).toBeNull()
  })
})
