'use client'
// The dashboard's data: ONE request for every widget (GET /api/v1/dashboards/:id/data), again on Refresh (bypassing the
// server's cache), on the auto-refresh interval (through the cache, which every write invalidates), and when the filters change; a slower answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react'
import { callApi } from '@/components/api-client'
import type { DashboardData } from '@/lib/services/dashboards-data'
import type { DashboardFilters } from '@/widgets/schema'

/** `null` filters: the dashboard's saved ones (the URL names none). */
export function dataUrl(dashboardId: string, filters: DashboardFilters | null, refresh: boolean): string {
  const params = new URLSearchParams()
  if (filters !== null) {
    params.set('filters', filters.query)
    params.set('tags', filters.tags.join(','))
  }
  if (refresh) params.set('refresh', '1')
  const text = params.toString()
  return `/api/v1/dashboards/${dashboardId}/data${text ? `?${text}` : ''}`
}

export interface DashboardDataState {
  data: DashboardData | null
  /** Bumped on every new answer: the cards render again and report again. */
  generation: number
  loading: boolean
  error: string | null
  refresh: () => void
  /** Fetches again without bypassing the cache (after a save changed the widgets). */
  reload: () => void
}

export function useDashboardData(dashboardId: string, filters: DashboardFilters | null, intervalSeconds: number): DashboardDataState {
  const [state, setState] = useState<{ data: DashboardData | null; generation: number; loading: boolean; error: string | null }>({ data: null, generation: 0, loading: true, error: null })
  const latestRequest = useRef(0)

  const load = useCallback(
    async (refresh: boolean) => {
      const request = ++latestRequest.current
      setState((current) => ({ ...current, loading: true }))
      const result = await callApi<DashboardData>('GET', dataUrl(dashboardId, filters, refresh))
      if (request !== latestRequest.current) return
      setState((current) =>
        result.ok
          ? { data: result.data, generation: current.generation + 1, loading: false, error: null }
          : { ...current, loading: false, error: result.message },
      )
    },
    [dashboardId, filters],
  )

  useEffect(() => {
    // Fetching on mount and whenever the filters change is this hook's purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(false)
  }, [load])

  useEffect(() => {
    if (intervalSeconds <= 0) return
    // The cache is keyed by the data version, so an interval read shows every new scan without recomputing unchanged data.
    const timer = window.setInterval(() => void load(false), intervalSeconds * 1000)
    return () => window.clearInterval(timer)
  }, [load, intervalSeconds])

  const refresh = useCallback(() => void load(true), [load])
  const reload = useCallback(() => void load(false), [load])
  return { ...state, refresh, reload }
}
