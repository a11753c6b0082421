// Bad input to the job APIs answers 4xx with the API's error shape, never 500: fast-check throws any JSON and mutated
// wizard bodies at every job route that takes a body, as an operator and as Patch Security.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { RouteAnswer } from './route-harness'
import { createCaller, dashboardApi as routeApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { seedJobEstate, weeklyJob } from './jobs-fixtures'

let db: Database
let close: () => Promise<void>
let api: Api
let user: Caller
let security: Caller
let jobId: string
const unexpected: string[] = []

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void unexpected.push(args.map(String).join(' ').slice(0, 500)))
  await seedJobEstate(db)
  user = await createCaller(db, 'Patch Manager', 'manager@test.io')
  security = await createCaller(db, 'Patch Security', 'security@test.io')
  api = await routeApi()
  jobId = ((await api(user, 'POST', '/api/v1/jobs', weeklyJob('Target'))).json as unknown as { id: string }).id
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

function expectNoServerError(answer: RouteAnswer, what: string) {
  expect(answer.status, `${what} → ${answer.status} ${answer.text.slice(0, 300)}\n${unexpected.join('\n')}`).toBeLessThan(500)
  if (answer.status >= 400) expect(answer.json.error, `${what}: error body`).toMatchObject({ code: expect.any(String), message: expect.any(String) })
}

const hostile = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', "'); DROP TABLE jobs; --", '{p1:String}', '9007199254740993', '-1', 'NaN', '25:00', '2026-02-30', 'Mars/Olympus', 'x'.repeat(20_000)),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
)
/** A valid wizard body with one field (at any depth) replaced by hostile input. */
const mutatedJob = fc.tuple(fc.constantFrom('basics.name', 'basics.type', 'targets.tags', 'targets.assetIds', 'targets.tagMatch', 'patches.mode', 'patches.patchIds', 'patches.query', 'schedule.schedule.type', 'schedule.schedule.time', 'schedule.schedule.days', 'schedule.timeZone', 'schedule.patchWindowHours', 'options.reboot', 'coAuthors.coAuthorIds', 'version', 'advisory'), hostile).map(([path, value]) => {
  const body = structuredClone({ ...weeklyJob('Fuzzed'), version: 1 }) as Record<string, unknown>
  const keys = path.split('.')
  let node = body
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
  node[keys.at(-1)!] = value
  return body
})
const anyBody = fc.oneof(fc.jsonValue(), mutatedJob, fc.string({ maxLength: 60 }))

describe('fast-check: job routes never answer 5xx', () => {
  const routes = () => [
    ['POST', '/api/v1/jobs'],
    ['POST', '/api/v1/jobs/validate'],
    ['POST', '/api/v1/jobs/targets/preview'],
    ['POST', '/api/v1/jobs/patches/preview'],
    ['POST', '/api/v1/jobs/bulk'],
    ['PUT', `/api/v1/jobs/${jobId}`],
    ['POST', `/api/v1/jobs/${jobId}/clone`],
    ['POST', `/api/v1/jobs/${jobId}/owner`],
    ['POST', `/api/v1/jobs/${jobId}/assign`],
  ] as const

  it('any JSON and mutated wizard bodies, as a Patch Manager and as Patch Security', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), anyBody, fc.boolean(), async ([method, url], body, asSecurity) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body)
        expectNoServerError(await api(asSecurity ? security : user, method, url, text), `${method} ${url} ${text.slice(0, 200)}`)
      }),
      { numRuns: 400 },
    )
  })

  it('hostile ids in the path and the query string', async () => {
    await fc.assert(
      // `.` and `..` are dot segments, not ids: a URL never carries them to a handler (/api/v1/jobs/. is /api/v1/jobs/).
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }).filter((id) => id !== '.' && id !== '..'), fc.constantFrom('', '/enable', '/disable'), async (id, action) => {
        const url = `/api/v1/jobs/${encodeURIComponent(id)}${action}`
        expectNoServerError(await api(user, action ? 'POST' : 'GET', url), url)
      }),
      { numRuns: 150 },
    )
    for (const query of ['purpose=owner&jobId=%00', 'purpose=coAuthor&jobId=' + 'x'.repeat(300), 'purpose=nobody']) {
      expectNoServerError(await api(user, 'GET', `/api/v1/jobs/people?${query}`), query)
    }
  })

  it('a body that is not JSON, and a job id that does not exist, answer 400 and 404', async () => {
    const notJson = await api(user, 'POST', '/api/v1/jobs', '{"basics": ')
    expect(notJson.status).toBe(400)
    expect(notJson.json.error?.code).toBe('INVALID_JSON')
    expect((await api(user, 'POST', '/api/v1/jobs/no-such-job/enable')).status).toBe(404)
    expect((await api(user, 'PUT', '/api/v1/jobs/no-such-job', { ...weeklyJob('x'), version: 1 })).status).toBe(404)
  })
})
