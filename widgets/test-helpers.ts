// Test helpers for widget unit tests: viewers, a widget from partial input, rows in the combined statement's shape.
import type { QqlUser } from '@/lib/qql'
import type { ResultRow } from './result'
import { NO_FILTERS, widgetSchema, type DashboardFilters, type Widget, type WidgetInput } from './schema'

export const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
export const BERLIN: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'Europe/Berlin' }

/** A widget of `type` from its other fields (validated by the schema, so a wrong field fails the test loudly). */
export function widget<T extends Widget['type']>(input: { type: T; entity: WidgetInput['entity'] } & Record<string, unknown>): Extract<Widget, { type: T }> {
  return widgetSchema.parse({ id: '7b0f4d0a-1111-4000-8000-000000000001', title: 'Widget', ...input }) as Extract<Widget, { type: T }>
}

export const context = (user: QqlUser = EVERYONE, filters: DashboardFilters = NO_FILTERS) => ({ user, filters })

export const row = (k1: string, v: (number | null)[], extra: Partial<ResultRow> = {}): ResultRow => ({ s: 0, k1, k2: '', v, ...extra })
