// @vitest-environment jsdom
// My exports' line under each export: a QQL query as code, the Jobs filters and a run's filters in words — never the stored raw text; a running export's progress.
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExportJobView } from '@/lib/services/exports'
import { ExportJobList } from './ExportJobList'

afterEach(cleanup)

const job = (changes: Partial<ExportJobView>): ExportJobView => ({
  id: 'e1',
  entity: 'findings',
  title: 'Findings',
  format: 'csv',
  query: '',
  description: 'All rows in your scope',
  version: 2,
  columns: [],
  status: 'done',
  rowsWritten: 10,
  rowsTotal: 10,
  percent: 100,
  etaSeconds: null,
  finishing: false,
  bytes: 2048,
  sheets: 1,
  error: '',
  fileName: 'patchboard-findings.csv',
  downloadUrl: '/api/v1/exports/e1/download',
  createdAt: '2026-12-02T06:50:00.000Z',
  startedAt: '2026-12-02T06:50:01.000Z',
  finishedAt: '2026-12-02T06:50:05.000Z',
  expiresAt: '2026-12-03T06:50:05.000Z',
  ...changes,
})

const JOBS = [
  job({ id: 'e1', query: 'status: Missing', description: 'status: Missing' }),
  job({ id: 'e2', entity: 'jobs', title: 'Jobs', query: 'kb50', description: 'Status: Enabled · Type: Install · Created by me · search “kb50”' }),
  job({ id: 'e3', entity: 'jobProgress', title: 'Job progress: Weekly browsers', query: 'job j-42 run run_3f9a0c1d2e4b status Failed', description: 'Run of 02 Dec 2026, 06:45 UTC · Status: Failed' }),
  job({ id: 'e4', entity: 'assets', title: 'Assets' }),
]

const line = (id: string) => within(screen.getByTestId(`export-${id}`)).getByTestId('export-description')

describe('My exports', () => {
  it('shows what each export holds in words: QQL as code, the Jobs filters and the run of a job progress as text', () => {
    render(<ExportJobList initialJobs={JOBS} userId="u1" timeZone="UTC" />)
    expect(line('e1').querySelector('code')?.textContent).toBe('status: Missing')
    expect(line('e2').textContent).toBe('Status: Enabled · Type: Install · Created by me · search “kb50”')
    expect(line('e2').querySelector('code')).toBeNull()
    expect(line('e3').textContent).toBe('Run of 02 Dec 2026, 06:45 UTC · Status: Failed')
    expect(line('e4').textContent).toBe('All rows in your scope')
    expect(screen.getByRole('table', { name: 'My exports' }).textContent).not.toMatch(/job j-42|run_3f9a/)
  })
})

describe('My exports progress', () => {
  it('says the rows are being counted before there is a total, then the share written and the time left', () => {
    const running = (changes: Partial<ExportJobView>) => job({ status: 'running', finishedAt: null, expiresAt: null, downloadUrl: null, ...changes })
    render(<ExportJobList initialJobs={[running({ id: 'r1', rowsWritten: 0, rowsTotal: 0, percent: 0 }), running({ id: 'r2', rowsWritten: 400, rowsTotal: 1000, percent: 40, etaSeconds: 90 })]} userId="u1" timeZone="UTC" />)
    const progress = (id: string) => within(screen.getByTestId(`export-${id}`)).getByTestId('export-progress-text').textContent
    expect(progress('r1')).toBe('Counting the rows…')
    expect(progress('r2')).toBe('40 % — 400 of 1,000 rows, about 2 min left')
  })
})
