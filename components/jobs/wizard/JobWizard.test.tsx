// @vitest-environment jsdom
// The job wizard's form logic (the network stubbed; the real server is in e2e/jobs.spec.ts): a step the browser's schema
// refuses never reaches the server; a server refusal lands at its field and keeps what was typed; moving back keeps it too;
// switching from a patch list to a dynamic query asks before discarding; the save sends the job input the API expects.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { jobInputSchema } from '@/lib/schemas/jobs'
import type { JobView } from '@/lib/schemas/jobs'
import { emptyValues, valuesFromJob } from './form-model'
import { JobWizard } from './JobWizard'
import { stubRangeRects, stubResizeObserver } from '@/test/jsdom-layout'

const push = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }))

beforeAll(() => {
  stubResizeObserver()
  stubRangeRects()
})

type Handler = (url: string, body: unknown) => { status: number; body: unknown }
let handle: Handler
const calls: { url: string; body: unknown }[] = []
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

beforeEach(() => {
  calls.length = 0
  push.mockClear()
  handle = () => ({ status: 200, body: { ok: true } })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined
      calls.push({ url, body })
      const answer = handle(url, body)
      return json(answer.status, answer.body)
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderWizard(prefill: { patchIds?: string[] } = {}) {
  render(<JobWizard mode="create" job={null} initial={emptyValues(prefill)} initialNames={{ p1: 'Patch One' }} knownTags={[]} timeZones={['UTC', 'Europe/Berlin']} coAuthorOnly={false} />)
}

const validateCalls = () => calls.filter((call) => call.url === '/api/v1/jobs/validate')

describe('job wizard', () => {
  it('checks a step in the browser first: an empty name never reaches the server', async () => {
    renderWizard()
    await userEvent.click(screen.getByRole('button', { name: 'Next: Targets' }))
    expect(await screen.findByText('Give the job a name.')).toBeTruthy()
    expect(validateCalls()).toHaveLength(0)
  })

  it("shows the server's refusal at its field and keeps every typed value, also after moving back", async () => {
    handle = (url) => (url === '/api/v1/jobs/validate' ? { status: 400, body: { error: { code: 'INVALID_STEP', message: 'The basics step is not valid', details: [{ path: 'basics.name', message: 'That name is taken.' }] } } } : { status: 200, body: {} })
    renderWizard()
    await userEvent.type(screen.getByLabelText('Name'), 'Nightly servers')
    await userEvent.type(screen.getByLabelText('Description (optional)'), 'typed text')
    await userEvent.click(screen.getByRole('button', { name: 'Next: Targets' }))
    expect(await screen.findByText('That name is taken.')).toBeTruthy()
    expect(validateCalls()[0].body).toEqual({ step: 'basics', value: { name: 'Nightly servers', description: 'typed text', type: 'Install' } })
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Nightly servers')

    handle = () => ({ status: 200, body: { ok: true } })
    await userEvent.click(screen.getByRole('button', { name: 'Next: Targets' }))
    expect(await screen.findByRole('heading', { name: '2. Targets' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Nightly servers')
    expect((screen.getByLabelText('Description (optional)') as HTMLTextAreaElement).value).toBe('typed text')
  })

  it('asks before a dynamic query replaces the chosen patch list, and keeps the list when the user cancels', async () => {
    renderWizard({ patchIds: ['p1'] })
    await userEvent.type(screen.getByLabelText('Name'), 'Dynamic later')
    await userEvent.click(screen.getByRole('button', { name: 'Patches' }))
    expect(await screen.findByRole('heading', { name: '3. Patches' })).toBeTruthy()
    await userEvent.click(screen.getByLabelText(/A dynamic query/))
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard the patches chosen so far?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByText('Patch One')).toBeTruthy()
    await userEvent.click(screen.getByLabelText(/A dynamic query/))
    await userEvent.click(await screen.findByRole('button', { name: 'Switch and discard' }))
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Patches query' })).toBeTruthy())
    expect(screen.queryByText('Patch One')).toBeNull()
  })

  it('saves a partially configured job as Disabled with the input the API parses, then opens the list', async () => {
    handle = (url) => (url === '/api/v1/jobs' ? { status: 200, body: { id: 'j1', version: 1 } } : { status: 200, body: { ok: true } })
    renderWizard({ patchIds: ['p1'] })
    await userEvent.type(screen.getByLabelText('Name'), 'Half done')
    await userEvent.click(screen.getByRole('button', { name: 'Summary' }))
    expect(await screen.findByTestId('summary-missing')).toHaveProperty('textContent', expect.stringContaining('no targets, no schedule'))
    expect((screen.getByRole('button', { name: 'Save and enable' }) as HTMLButtonElement).disabled).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Save as Disabled' }))
    await waitFor(() => expect(push).toHaveBeenCalledWith('/jobs'))
    const saved = calls.find((call) => call.url === '/api/v1/jobs')!.body
    expect(jobInputSchema.parse(saved)).toMatchObject({ basics: { name: 'Half done' }, targets: null, schedule: null, patches: { mode: 'list', patchIds: ['p1'] } })
  })
  it('shows who saved first when the edit is stale (409), and keeps the edit in the form', async () => {
    const job = {
      id: 'j1', name: 'Nightly', description: '', type: 'Install', status: 'Disabled', isAdvisory: false, owner: { id: 'u1', email: 'uma@example.com' }, coAuthors: [],
      targets: { assetIds: ['a1'], tags: [], tagMatch: 'Any', exclusionTags: [], exclusionMatch: 'Any' }, patches: { mode: 'list', patchIds: ['p1'] }, schedule: null,
      scheduleText: 'Not scheduled', options: { reboot: { mode: 'allow' }, messages: { before: '', during: '', after: '' } }, missing: ['schedule'], disabledReason: '',
      createdAt: '', updatedAt: '', lastRunAt: null, nextRunAt: null, patchCount: 1, assetCount: 1, taggedAssets: { matched: 0, included: 0 }, progress: null, version: 3, actions: ['view', 'edit'],
    } as unknown as JobView
    const message = 'mia@example.com saved this job at 2026-12-02 01:00 UTC (version 4) after you opened version 3.'
    handle = (url) => (url === '/api/v1/jobs/j1' ? { status: 409, body: { error: { code: 'JOB_CHANGED', message } } } : { status: 200, body: { ok: true } })
    render(<JobWizard mode="edit" job={job} initial={valuesFromJob(job)} initialNames={{}} knownTags={[]} timeZones={['UTC']} coAuthorOnly={false} />)
    await userEvent.clear(screen.getByLabelText('Name'))
    await userEvent.type(screen.getByLabelText('Name'), 'Nightly, renamed')
    await userEvent.click(screen.getByRole('button', { name: 'Summary' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Save as Disabled' }))
    expect((await screen.findByRole('alert')).textContent).toContain(`${message} Your changes are still in this form.`)
    expect(calls.find((call) => call.url === '/api/v1/jobs/j1')?.body).toMatchObject({ version: 3, basics: { name: 'Nightly, renamed' } })
    expect(push).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Basic info' }))
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Nightly, renamed')
  })
})
