// A user's display preferences as the API and the Account form take them: pure zod, importable by browser code.
import { z } from 'zod'

export const THEMES = ['system', 'light', 'dark'] as const
/** `system` follows the browser's prefers-color-scheme; `light` / `dark` force one. */
export const themeSchema = z.enum(THEMES)
export type Theme = z.infer<typeof themeSchema>

export const THEME_LABELS: Record<Theme, string> = { system: 'Same as the device', light: 'Light', dark: 'Dark' }

export const preferencesSchema = z.object({ theme: themeSchema })
export type Preferences = z.infer<typeof preferencesSchema>

export const updatePreferencesBody = z.object({ theme: themeSchema })

/** A stored value the current code does not know (an older or newer release wrote it) reads as the default. */
export function readTheme(stored: string | null | undefined): Theme {
  const parsed = themeSchema.safeParse(stored)
  return parsed.success ? parsed.data : 'system'
}
