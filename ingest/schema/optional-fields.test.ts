// Every optional field of a scan, catalog entry and job result × {absent, null, wrong type}; and the published JSON Schemas agree.
import { describe, expect, it } from 'vitest'
import { documentJsonSchema, type DocumentSchemaName } from './json-schema'
import { validateCatalogEntry, validateJobResult, validateScan, type Validation } from './validate'

type Doc = Record<string, unknown>

interface Kind {
  schema: DocumentSchemaName
  validate: (raw: unknown) => Validation<unknown>
  base: () => Doc
  /** Every optional field, as a dotted path into `base()`; list items are shown by their first element (`patches.0.kb`). */
  optional: string[]
  booleans: string[]
}

const scanPatchOptional = [
  'qids', 'vendor', 'product', 'appFamily', 'kb', 'cves', 'bulletin', 'category', 'vendorSeverity', 'isSecurity', 'isSuperseded',
  'supersededBy', 'supersedes', 'rebootRequired', 'downloadMethod', 'architecture', 'publishedAt', 'modifiedAt',
]
const catalogBooleans = ['isSecurity', 'isSuperseded', 'rebootRequired']

const KINDS: Record<string, Kind> = {
  scan: {
    schema: 'scan.json',
    validate: validateScan,
    base: () => ({
      scanId: 'scan-1',
      scannedAt: '2026-11-01T08:00:00.000Z',
      asset: { id: 'a1', name: 'WKS-1', operatingSystem: 'Windows 11', osFamily: 'Windows', architecture: 'x64', ipAddresses: ['10.0.0.1'], lastLoggedOnUser: 'CORP\\jdoe', tags: ['Site-Berlin'], activatedAt: '2025-01-01T00:00:00Z', timeZone: 'Europe/Berlin' },
      patches: [
        { id: 'KB1', title: 'Update 1', status: 'Missing', installedAt: 1_760_000_000_000, qids: [1], vendor: 'Microsoft', product: ['Windows 11'], appFamily: 'Windows', kb: 'KB1', cves: ['CVE-2026-1'], bulletin: 'MS-1', category: 'Security Patches', vendorSeverity: 'Critical', isSecurity: true, isSuperseded: false, supersededBy: [], supersedes: ['KB0'], rebootRequired: true, downloadMethod: 'Automatic', architecture: 'x64', publishedAt: '2026-10-01T00:00:00Z', modifiedAt: '2026-10-02T00:00:00Z' },
      ],
    }),
    optional: [
      'scanId',
      ...['operatingSystem', 'osFamily', 'architecture', 'ipAddresses', 'lastLoggedOnUser', 'tags', 'activatedAt', 'timeZone'].map((field) => `asset.${field}`),
      ...[...scanPatchOptional, 'installedAt'].map((field) => `patches.0.${field}`),
    ],
    booleans: catalogBooleans.map((field) => `patches.0.${field}`),
  },
  catalog: {
    schema: 'catalog.json',
    validate: validateCatalogEntry,
    base: () => ({ id: 'KB2', title: 'Update 2', qids: [2], vendor: 'Microsoft', product: ['Office'], appFamily: 'Office', kb: 'KB2', cves: ['CVE-2026-2'], bulletin: '', category: 'Updates', vendorSeverity: 'Low', isSecurity: false, isSuperseded: true, supersededBy: ['KB3'], supersedes: [], rebootRequired: false, downloadMethod: 'Acquired', architecture: 'x86', publishedAt: 1_750_000_000_000, modifiedAt: '2026-09-01T00:00:00Z' }),
    optional: scanPatchOptional,
    booleans: catalogBooleans,
  },
  'job result': {
    schema: 'job-result.json',
    validate: validateJobResult,
    base: () => ({ jobId: 'job-1', runId: 'run-1', assetId: 'a1', status: 'Completed', reportedAt: '2026-11-01T10:00:00Z', startedAt: '2026-11-01T09:00:00Z', finishedAt: '2026-11-01T09:30:00Z', message: 'done', patches: [{ id: 'KB1', status: 'Installed', message: 'ok' }] }),
    optional: ['startedAt', 'finishedAt', 'message', 'patches', 'patches.0.message'],
    booleans: [],
  },
}

/** Sets (or, with `undefined`, deletes) the field at a dotted path. */
function withField(doc: Doc, path: string, value: unknown): Doc {
  const keys = path.split('.')
  let target = doc as Record<string, unknown>
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>
  if (value === undefined) delete target[keys.at(-1)!]
  else target[keys.at(-1)!] = value
  return doc
}

const serialised = (result: Validation<unknown>) => (result.ok ? JSON.stringify(result.doc) : `rejected: ${JSON.stringify(result.issues)}`)

for (const [name, kind] of Object.entries(KINDS)) {
  describe(`${name} documents: every optional field absent, null or of the wrong type`, () => {
    it('the base document is valid', () => {
      expect(serialised(kind.validate(kind.base()))).not.toMatch(/^rejected/)
    })

    for (const path of kind.optional) {
      it(`${path}: absent → accepted, null → accepted exactly as absent, wrong type → rejected naming the field and what was received`, () => {
        const absent = kind.validate(withField(kind.base(), path, undefined))
        expect(absent.ok, serialised(absent)).toBe(true)
        const asNull = kind.validate(withField(kind.base(), path, null))
        expect(serialised(asNull)).toBe(serialised(absent))

        const isBoolean = kind.booleans.includes(path)
        const wrong = kind.validate(withField(kind.base(), path, isBoolean ? 'yes' : true))
        expect(wrong.ok).toBe(false)
        if (wrong.ok) return
        expect(wrong.issues).toHaveLength(1)
        expect(wrong.issues[0].path).toBe(path)
        expect(wrong.issues[0].message).toMatch(isBoolean ? /^expected true or false, got text$/ : /^expected .+, got a boolean$/)
      })
    }

    it('the table lists exactly the fields the published JSON Schema calls optional, and the schema allows null for each', () => {
      const { optional, required } = fieldsOf(documentJsonSchema(kind.schema))
      expect([...optional].sort()).toEqual([...kind.optional].sort())
      for (const path of optional) expect(optionalAllowsNull(documentJsonSchema(kind.schema), path), path).toBe(true)
      for (const path of required) expect(optionalAllowsNull(documentJsonSchema(kind.schema), path), `${path} is required: null is not allowed`).toBe(false)
    })
  })
}

it('a wrong type in a date names what was received, never a length', () => {
  const doc = withField(KINDS.scan.base(), 'patches.0.installedAt', false)
  const result = validateScan(doc)
  expect(result.ok).toBe(false)
  if (!result.ok) expect(`${result.issues[0].path}: ${result.issues[0].message}`).toBe('patches.0.installedAt: expected a date (ISO-8601 text or epoch milliseconds), got a boolean')
  const long = validateScan(withField(KINDS.scan.base(), 'scannedAt', 'x'.repeat(80)))
  expect(!long.ok && long.issues[0].message).toBe('expected a date (ISO-8601 text or epoch milliseconds), got text of 80 characters (a date is at most 64)')
  for (const [value, received] of [[[], 'a list'], [{}, 'an object'], [null, 'null'], [-1, 'a negative number (-1)'], [1.5, 'a fractional number']] as const) {
    const result = validateScan(withField(KINDS.scan.base(), 'scannedAt', value))
    expect(!result.ok && result.issues[0].message).toBe(`expected a date (ISO-8601 text or epoch milliseconds), got ${received}`)
  }
})

it('an asset time zone must be one the runtime knows: an unknown name rejects the scan saying so', () => {
  const result = validateScan(withField(KINDS.scan.base(), 'asset.timeZone', 'Mars/Olympus_Mons'))
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.issues).toEqual([{ path: 'asset.timeZone', message: 'unknown time zone "Mars/Olympus_Mons": use an IANA name such as Europe/Berlin or America/New_York' }])
  const known = validateScan(withField(KINDS.scan.base(), 'asset.timeZone', 'Asia/Kolkata'))
  expect(known.ok && (known.doc as { asset: { timeZone: string } }).asset.timeZone).toBe('Asia/Kolkata')
  const absent = validateScan(withField(KINDS.scan.base(), 'asset.timeZone', undefined))
  expect(absent.ok && (absent.doc as { asset: { timeZone: string } }).asset.timeZone).toBe('')
})

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[] }

/** The non-null branch of a nullable schema. */
const concrete = (schema: JsonSchema): JsonSchema => schema.anyOf?.find((branch) => branch.type !== 'null' && (branch.properties || branch.items)) ?? schema

/** Dotted paths of the fields of an object schema (into objects and lists of objects, list items as `.0`), split by required. */
function fieldsOf(schema: JsonSchema, prefix = ''): { optional: string[]; required: string[] } {
  const result = { optional: [] as string[], required: [] as string[] }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${key}`
    ;(schema.required?.includes(key) ? result.required : result.optional).push(path)
    const inner = concrete(property)
    const nested = inner.properties ? fieldsOf(inner, `${path}.`) : inner.items?.properties ? fieldsOf(inner.items, `${path}.0.`) : null
    if (nested) {
      result.optional.push(...nested.optional)
      result.required.push(...nested.required)
    }
  }
  return result
}

function optionalAllowsNull(schema: JsonSchema, path: string): boolean {
  let current = schema
  for (const key of path.split('.')) current = key === '0' ? concrete(current).items! : concrete(current).properties![key]
  const allows = (branch: JsonSchema) => branch.type === 'null' || (Array.isArray(branch.type) && branch.type.includes('null'))
  return allows(current) || (current.anyOf ?? []).some(allows)
}
