'use client'
// The columns a user last chose for an export of one list, in localStorage per user and list (as the grid's layout; docs/ui.md).

export const exportColumnsKey = (userId: string, entity: string) => `patchboard.export.${userId}.${entity}`

/** The remembered choice, kept only where the columns still exist (in the remembered order); none: the defaults. */
export function rememberedColumns(userId: string, entity: string, known: readonly { id: string; default: boolean }[]): string[] {
  let stored: unknown = null
  try {
    stored = JSON.parse(window.localStorage.getItem(exportColumnsKey(userId, entity)) ?? 'null')
  } catch {
    // Storage disabled or a foreign value: the defaults.
  }
  const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string' && known.some((column) => column.id === id)) : []
  return ids.length > 0 ? ids : known.filter((column) => column.default).map((column) => column.id)
}

export function rememberColumns(userId: string, entity: string, ids: readonly string[]): void {
  try {
    window.localStorage.setItem(exportColumnsKey(userId, entity), JSON.stringify(ids))
  } catch {
    // Storage disabled: the choice lasts until the dialog closes.
  }
}
