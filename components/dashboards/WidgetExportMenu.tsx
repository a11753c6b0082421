'use client'
// A widget card's Export menu (view mode): the widget's data as CSV or XLSX, with the dashboard filters in use.
import { DropdownMenu, MenuItem } from '@/components/ui/DropdownMenu'
import type { DashboardFilters, Widget } from '@/widgets/schema'
import { downloadFile } from './file/download'

interface Props {
  dashboardId: string
  widget: Widget
  /** The filters the card shows its data with (the URL's, else the dashboard's saved ones). */
  filters: DashboardFilters
  /** Where a refusal is shown (the page's notice), and the file's name once downloaded. */
  onError: (message: string) => void
  onDone: (filename: string) => void
}

const FORMATS = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'xlsx', label: 'Export XLSX' },
] as const

export function WidgetExportMenu({ dashboardId, widget, filters, onError, onDone }: Props) {
  const download = (format: (typeof FORMATS)[number]['format']) => {
    const query = new URLSearchParams({ format, filters: filters.query, tags: filters.tags.join(',') })
    void downloadFile(`/api/v1/dashboards/${dashboardId}/widgets/${widget.id}/export?${query}`, `widget.${format}`).then((result) => {
      if (result.ok) onDone(result.data.filename)
      else onError(result.message)
    })
  }
  return (
    <DropdownMenu triggerClassName="secondary small widget-menu" trigger={<>Export<span className="visually-hidden"> data of {widget.title}</span></>}>
      {FORMATS.map(({ format, label }) => (
        <MenuItem key={format} onSelect={() => download(format)}>
          {label}
        </MenuItem>
      ))}
    </DropdownMenu>
  )
}
