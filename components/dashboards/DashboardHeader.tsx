'use client'
// The dashboard's title bar: name, when its data was read and how fresh it is, auto-refresh, Refresh, Edit layout, and the
// dashboard menu (home, downloads for Administrators, and the file and rebuild entries it is given).
import type { ReactNode } from 'react'
import { DropdownMenu, MenuItem, MenuLinkItem, MenuSeparator } from '@/components/ui/DropdownMenu'
import { formatDateTime } from '@/lib/format'

export const REFRESH_CHOICES = [
  { seconds: 0, label: 'Off' },
  { seconds: 60, label: 'Every minute' },
  { seconds: 300, label: 'Every 5 minutes' },
  { seconds: 900, label: 'Every 15 minutes' },
] as const

/** The saved interval as one of the choices (the nearest one not more frequent). */
export function refreshChoice(seconds: number): number {
  if (seconds <= 0) return 0
  return REFRESH_CHOICES.find((choice) => choice.seconds >= seconds)?.seconds ?? 900
}

interface Props {
  name: string
  description: string
  timeZone: string
  refreshedAt: string | null
  newestScanAt: string | null
  loading: boolean
  refreshSeconds: number
  onRefreshSeconds: (seconds: number) => void
  onRefresh: () => void
  /** Null: the viewer may not edit (no edit controls at all). */
  edit: { editing: boolean; onToggle: () => void } | null
  isHome: boolean
  onSetHome: () => void
  /** `…/download?format=` base with the filters, for Administrators; null for everyone else. */
  downloadBase: string | null
  menuItems?: ReactNode
  editTools?: ReactNode
}

export function DashboardHeader(props: Props) {
  const { timeZone, refreshedAt, newestScanAt } = props
  return (
    <header className="dashboard-header">
      <div className="dashboard-heading">
        <h1>{props.name}</h1>
        {props.description && <p className="subtitle">{props.description}</p>}
        <p className="dashboard-meta" aria-live="polite">
          <span data-testid="last-refreshed">{refreshedAt ? `Refreshed ${formatDateTime(refreshedAt, timeZone, { zone: true })}` : 'Loading…'}</span>
          <span aria-hidden="true"> · </span>
          <span data-testid="data-freshness">{newestScanAt ? `Newest scan ${formatDateTime(newestScanAt, timeZone, { zone: true })}` : 'No scans in your scope yet'}</span>
        </p>
      </div>
      <div className="dashboard-controls">
        <label className="inline">
          Auto-refresh
          <select className="input" value={props.refreshSeconds} onChange={(event) => props.onRefreshSeconds(Number(event.target.value))}>
            {REFRESH_CHOICES.map((choice) => (
              <option key={choice.seconds} value={choice.seconds}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={props.onRefresh} disabled={props.loading} aria-busy={props.loading || undefined}>
          {props.loading ? 'Refreshing…' : 'Refresh'}
        </button>
        {props.edit && (
          <button type="button" className={props.edit.editing ? undefined : 'secondary'} aria-pressed={props.edit.editing} onClick={props.edit.onToggle}>
            {props.edit.editing ? 'Done editing' : 'Edit layout'}
          </button>
        )}
        <DropdownMenu trigger={<>Dashboard<span className="visually-hidden"> actions</span></>}>
          <MenuItem onSelect={props.onSetHome} disabled={props.isHome}>
            {props.isHome ? 'This is your home dashboard' : 'Set as my home'}
          </MenuItem>
          {props.downloadBase && (
            <>
              <MenuSeparator />
              <MenuLinkItem>
                <a href={`${props.downloadBase}png`} download>
                  Download PNG
                </a>
              </MenuLinkItem>
              <MenuLinkItem>
                <a href={`${props.downloadBase}pdf`} download>
                  Download PDF
                </a>
              </MenuLinkItem>
            </>
          )}
          {props.menuItems}
        </DropdownMenu>
      </div>
      {props.editTools && <div className="dashboard-edit-tools">{props.editTools}</div>}
    </header>
  )
}
