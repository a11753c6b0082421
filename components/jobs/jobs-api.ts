// Shapes of the jobs API answers the pages read (GET /api/v1/jobs, the previews, the people lists, bulk results) — see docs/jobs.md.
import type { JobView } from '@/lib/schemas/jobs'

export interface JobPage {
  rows: JobView[]
  total: number
  page: number
  pageSize: number
}

export interface TargetsPreview {
  count: number
  assets: { id: string; name: string; tags: string[] }[]
  taggedAssets: { matched: number; included: number }
}

export interface PatchesPreview {
  count: number
  patches: { id: string; title: string; vendorSeverity: string; missing: number }[]
}

export interface JobPersonOption {
  id: string
  email: string
  name: string
  role: string
}

export interface BulkResult {
  done: string[]
  refused: { id: string; reason: string }[]
}

export const jobUrl = (id: string, action?: string) => `/api/v1/jobs/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
