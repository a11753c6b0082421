// JSON Schemas of the ingest documents, generated from the zod schemas (what senders write: dates as text or numbers).
import { z } from 'zod'
import { jobResultDocumentSchema } from './job-result'
import { patchCatalogSchema, scanDocumentSchema } from './scan'

const SCHEMAS = {
  'scan.json': { title: 'Patchboard scan document', schema: scanDocumentSchema },
  'catalog.json': { title: 'Patchboard patch catalog entry', schema: patchCatalogSchema },
  'job-result.json': { title: 'Patchboard job result', schema: jobResultDocumentSchema },
} as const

export type DocumentSchemaName = keyof typeof SCHEMAS
export const DOCUMENT_SCHEMA_NAMES = Object.keys(SCHEMAS) as DocumentSchemaName[]

export function documentJsonSchema(name: DocumentSchemaName): Record<string, unknown> {
  const { title, schema } = SCHEMAS[name]
  return { $id: `/api/v1/schema/${name}`, title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }
}
