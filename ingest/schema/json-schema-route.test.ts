// The JSON Schemas as served (GET /api/v1/schema/{name}): null is allowed for optional fields, and only for them.
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { GET } from '@/app/api/v1/schema/[document]/route'

type Property = { type?: string | string[]; anyOf?: Property[]; default?: unknown }

const allowsNull = (property: Property): boolean =>
  property.type === 'null' || (Array.isArray(property.type) && property.type.includes('null')) || (property.anyOf ?? []).some(allowsNull)

async function served(name: string) {
  const response = await GET(new NextRequest(`http://patchboard.test/api/v1/schema/${name}`))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/schema+json')
  return response.json()
}

describe('published JSON Schemas', () => {
  it('scan.json: installedAt, kb, activatedAt, the asset time zone and scanId may be null; scannedAt, asset.id, a patch title and status may not', async () => {
    const schema = await served('scan.json')
    const patch = schema.properties.patches.items.properties
    const asset = schema.properties.asset.properties
    for (const property of [patch.installedAt, patch.kb, patch.isSecurity, patch.vendorSeverity, asset.activatedAt, asset.timeZone, asset.tags, schema.properties.scanId]) expect(allowsNull(property)).toBe(true)
    for (const property of [schema.properties.scannedAt, asset.id, patch.title, patch.status, patch.id]) expect(allowsNull(property)).toBe(false)
    expect(patch.kb.default).toBe('')
    expect(patch.vendorSeverity.default).toBe('None')
    expect(asset.timeZone.default).toBe('')
  })

  it('catalog.json and job-result.json allow null for their optional fields', async () => {
    const catalog = await served('catalog.json')
    expect(allowsNull(catalog.properties.modifiedAt)).toBe(true)
    expect(allowsNull(catalog.properties.title)).toBe(false)
    const job = await served('job-result.json')
    for (const name of ['startedAt', 'finishedAt', 'message', 'patches']) expect(allowsNull(job.properties[name]), name).toBe(true)
    expect(allowsNull(job.properties.reportedAt)).toBe(false)
  })
})
