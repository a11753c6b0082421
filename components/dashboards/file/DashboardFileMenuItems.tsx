'use client'
// The dashboard menu's file entry: Export JSON (the versioned dashboard file), for everyone who can open the dashboard.
import { MenuItem } from '@/components/ui/DropdownMenu'
import { downloadFile } from './download'

interface Props {
  dashboardId: string
  /** Where a refusal is shown (the page's notice). */
  onError: (message: string) => void
  onDone?: (filename: string) => void
}

export function DashboardFileMenuItems({ dashboardId, onError, onDone }: Props) {
  return (
    <MenuItem
      onSelect={() =>
        void downloadFile(`/api/v1/dashboards/${dashboardId}/export`, 'dashboard.dashboard.json').then((result) => {
          if (result.ok) onDone?.(result.data.filename)
          else onError(result.message)
        })
      }
    >
      Export JSON
    </MenuItem>
  )
}
