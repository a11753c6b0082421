'use client'
// The dashboard menu's file actions: Export JSON (everyone who can open it) and, for Administrators, Download PNG / PDF.
import { MenuItem } from '@/components/ui/DropdownMenu'
import { downloadFile } from './download'

interface Props {
  dashboardId: string
  /** Administrators (`dashboards.download`): PNG and PDF rendered by the server in headless Chromium. */
  canDownload?: boolean
  /** The filters in the URL, so a filtered dashboard downloads as filtered. */
  filters?: { query: string; tags: readonly string[] }
  /** Where a refusal is shown (e.g. "Chromium is not installed" from the renderer). */
  onError: (message: string) => void
  onDone?: (filename: string) => void
}

export function DashboardFileMenuItems({ dashboardId, canDownload = false, filters, onError, onDone }: Props) {
  const run = async (url: string, fallback: string) => {
    const result = await downloadFile(url, fallback)
    if (result.ok) onDone?.(result.data.filename)
    else onError(result.message)
  }
  const rendered = (format: 'png' | 'pdf') => {
    const params = new URLSearchParams({ format })
    if (filters?.query) params.set('filters', filters.query)
    if (filters?.tags.length) params.set('tags', filters.tags.join(','))
    return `/api/v1/dashboards/${dashboardId}/download?${params.toString()}`
  }
  return (
    <>
      <MenuItem onSelect={() => void run(`/api/v1/dashboards/${dashboardId}/export`, 'dashboard.dashboard.json')}>Export JSON</MenuItem>
      {canDownload && (
        <>
          <MenuItem onSelect={() => void run(rendered('png'), 'dashboard.png')}>Download PNG</MenuItem>
          <MenuItem onSelect={() => void run(rendered('pdf'), 'dashboard.pdf')}>Download PDF</MenuItem>
        </>
      )}
    </>
  )
}
