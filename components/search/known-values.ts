'use client'
// The QQL editor's look-up of known values (GET /api/v1/qql/suggest → knownValues), for one entity and token version.
import { useMemo } from 'react'
import { callApi } from '@/components/api-client'
import type { LookUpValues } from '@/components/qql-editor/QqlEditor'
import type { Entity } from '@/lib/qql/browser'

export function useKnownValues(entity: Entity, version: number, suggestUrl = '/api/v1/qql/suggest'): LookUpValues {
  return useMemo<LookUpValues>(
    () => async (request) => {
      const params = new URLSearchParams({ entity, q: request.text, cursor: String(request.cursor), v: String(version) })
      const result = await callApi<{ knownValues: string[] }>('GET', `${suggestUrl}?${params.toString()}`)
      return result.ok ? result.data.knownValues : []
    },
    [entity, suggestUrl, version],
  )
}
