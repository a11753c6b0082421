// The fast scan validator agrees with the zod schema: same output for what it accepts, zod's issues for everything else.
import { describe, expect, it } from 'vitest'
import { createDemoEstate } from '../demo/generator'
import { scanDocumentSchema } from './scan'
import { parseScanDocument } from './scan-fast'

const estate = createDemoEstate({ assets: 40, days: 2, seed: 7, endDate: new Date('2026-11-01T00:00:00Z') })
const demoDocs: unknown[] = JSON.parse(JSON.stringify([...estate.scansForDay(0), ...estate.scansForDay(1)]))

/** Both validators on one input: the same verdict, the same output (serialised, dates included), zod's issues when invalid. */
function expectSameAsZod(input: unknown) {
  const fast = parseScanDocument(input)
  const zod = scanDocumentSchema.safeParse(input)
  expect(fast.ok).toBe(zod.success)
  if (fast.ok && zod.success) expect(JSON.stringify(fast.doc)).toBe(JSON.stringify(zod.data))
  if (!fast.ok && !zod.success) expect(fast.issues.map((issue) => issue.path)).toEqual(zod.error.issues.map((issue) => issue.path.join('.')))
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value))
const base = () => clone(demoDocs[0]) as { scanId?: string; scannedAt: unknown; asset: Record<string, unknown>; patches: Record<string, unknown>[] }

/** Each mutation touches one field the fast path checks; many are invalid, some valid in unusual ways. */
const MUTATIONS: [string, (doc: ReturnType<typeof base>) => void][] = [
  ['no scanId', (d) => delete d.scanId],
  ['empty scanId', (d) => (d.scanId = '')],
  ['epoch scannedAt', (d) => (d.scannedAt = 1_761_000_000_000)],
  ['negative epoch', (d) => (d.scannedAt = -5)],
  ['fractional epoch', (d) => (d.scannedAt = 1.5)],
  ['huge epoch (invalid date)', (d) => (d.scannedAt = 9_000_000_000_000_000)],
  ['date text', (d) => (d.scannedAt = '2026-10-01')],
  ['nonsense date', (d) => (d.scannedAt = 'yesterday')],
  ['future date', (d) => (d.scannedAt = '2999-01-01T00:00:00Z')],
  ['asset is a list', (d) => ((d as { asset: unknown }).asset = [])],
  ['asset without name', (d) => delete d.asset.name],
  ['asset osFamily unknown', (d) => (d.asset.osFamily = 'BeOS')],
  ['asset osFamily Linux', (d) => (d.asset.osFamily = 'Linux')],
  ['empty tag', (d) => (d.asset.tags = [''])],
  ['tag too long', (d) => (d.asset.tags = ['t'.repeat(257)])],
  ['ip list is text', (d) => (d.asset.ipAddresses = '10.0.0.1')],
  ['asset time zone known', (d) => (d.asset.timeZone = 'Asia/Kolkata')],
  ['asset time zone unknown', (d) => (d.asset.timeZone = 'Mars/Olympus_Mons')],
  ['asset time zone null', (d) => (d.asset.timeZone = null)],
  ['asset time zone empty', (d) => (d.asset.timeZone = '')],
  ['asset time zone not text', (d) => (d.asset.timeZone = 5)],
  ['activatedAt as epoch', (d) => (d.asset.activatedAt = 1_700_000_000_000)],
  ['patches missing', (d) => delete (d as { patches?: unknown }).patches],
  ['no patches', (d) => (d.patches = [])],
  ['patch is null', (d) => ((d.patches as unknown[])[0] = null)],
  ['patch without title', (d) => delete d.patches[0].title],
  ['patch title at the limit', (d) => (d.patches[0].title = 'x'.repeat(2048))],
  ['patch title over the limit', (d) => (d.patches[0].title = 'x'.repeat(2049))],
  ['vendor null', (d) => (d.patches[0].vendor = null)],
  ['qids with a float', (d) => (d.patches[0].qids = [1.5])],
  ['qids fine', (d) => (d.patches[0].qids = [0, 91_234])],
  ['severity unknown', (d) => (d.patches[0].vendorSeverity = 'Urgent')],
  ['status lower case', (d) => (d.patches[0].status = 'missing')],
  ['isSecurity as text', (d) => (d.patches[0].isSecurity = 'true')],
  ['downloadMethod unknown', (d) => (d.patches[0].downloadMethod = 'Carrier pigeon')],
  ['installedAt epoch', (d) => (d.patches[0].installedAt = 1_760_000_000_000)],
  ['publishedAt invalid', (d) => (d.patches[0].publishedAt = 'not a date')],
  ['cves too many', (d) => (d.patches[0].cves = Array.from({ length: 1001 }, (_, i) => `CVE-${i}`))],
  ['duplicate patch', (d) => d.patches.push(clone(d.patches[0]))],
  ['unknown fields', (d) => Object.assign(d.patches[0], { superfluous: 1 })],
  ['installedAt null on a Missing patch', (d) => Object.assign(d.patches[0], { status: 'Missing', installedAt: null })],
  ['every optional field null', (d) => {
    d.scanId = null as unknown as string
    for (const key of ['operatingSystem', 'osFamily', 'architecture', 'ipAddresses', 'lastLoggedOnUser', 'tags', 'activatedAt']) d.asset[key] = null
    for (const key of ['qids', 'vendor', 'product', 'appFamily', 'kb', 'cves', 'bulletin', 'category', 'vendorSeverity', 'isSecurity', 'isSuperseded',
      'supersededBy', 'supersedes', 'rebootRequired', 'downloadMethod', 'architecture', 'publishedAt', 'modifiedAt', 'installedAt']) d.patches[0][key] = null
  }],
  ['required title null', (d) => (d.patches[0].title = null)],
  ['required asset id null', (d) => (d.asset.id = null)],
  ['scannedAt null', (d) => (d.scannedAt = null)],
]

describe('parseScanDocument (fast path) against scanDocumentSchema', () => {
  it('agrees on every document of a demo estate', () => {
    expect(demoDocs.length).toBeGreaterThan(60)
    for (const doc of demoDocs) expectSameAsZod(doc)
  })

  for (const [name, mutate] of MUTATIONS) {
    it(`agrees on: ${name}`, () => {
      const doc = base()
      mutate(doc)
      expectSameAsZod(doc)
    })
  }

  it('reads canonical ISO times exactly as new Date() does (fast date path), edge cases included', () => {
    const texts = [
      '2026-11-01T08:00:00.000Z', '2024-02-29T23:59:59.999Z', '2025-02-29T00:00:00.000Z', '2100-02-29T00:00:00.000Z',
      '2000-02-29T12:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:60:00.000Z', '2026-01-01T23:59:60.000Z', '0999-01-01T00:00:00.000Z', '0050-06-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2026-1-01T00:00:00.0000Z', '2026-01-01T00:00:00.000+', '2026-01-01 00:00:00.000Z',
      '2026-0a-01T00:00:00.000Z', '+2026-01-01T00:00:00.00Z', '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z',
    ]
    for (const text of texts) {
      const doc = base()
      doc.patches[0].installedAt = text
      expectSameAsZod(doc)
      const result = parseScanDocument(doc)
      if (result.ok) expect(result.doc.patches[0].installedAt?.getTime()).toBe(new Date(text).getTime())
    }
    // Many different times in one run (the shared-Date cache must never hand out a wrong one).
    for (let i = 0; i < 2000; i++) {
      const doc = base()
      const text = new Date(1_700_000_000_000 + i * 997_003).toISOString()
      doc.patches[0].installedAt = text
      const result = parseScanDocument(doc)
      expect(result.ok && result.doc.patches[0].installedAt?.toISOString()).toBe(text)
    }
  })

  it('agrees on non-objects', () => {
    for (const value of [null, 1, 'text', [], [{}], {}]) expectSameAsZod(value)
  })

  it('counts unknown fields on every level', () => {
    const doc = base()
    Object.assign(doc, { agent: 'x' })
    Object.assign(doc.asset, { serial: 'y', rack: 'z' })
    Object.assign(doc.patches[0], { foo: 1 })
    Object.assign(doc.patches[1], { bar: 2 })
    const result = parseScanDocument(doc)
    expect(result.ok && result.unknownFields).toBe(5)
  })

  it('reads null as absent: defaults apply, optional dates stay unset, and null known fields are not counted as unknown', () => {
    const doc = base()
    Object.assign(doc.patches[0], { status: 'Missing', installedAt: null, kb: null, vendorSeverity: null })
    doc.asset.activatedAt = null
    const result = parseScanDocument(doc)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.unknownFields).toBe(0)
    expect(result.doc.patches[0]).toMatchObject({ kb: '', vendorSeverity: 'None' })
    expect(result.doc.patches[0]).not.toHaveProperty('installedAt')
    expect(result.doc.asset).not.toHaveProperty('activatedAt')
  })
})
