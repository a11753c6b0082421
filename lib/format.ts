// Display formatting shared by server and browser: times in the user's time zone (stored times are UTC), the zone's name, counts with their noun.
const NO_TIME = '—'

function parse(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) || date.getTime() === 0 ? null : date
}

/**
 * "01 Dec 2026, 14:03" in `timeZone`. Where no column header names the zone, pass `{ zone: true }`
 * for "01 Dec 2026, 14:03 CET" (the zone's short name, or its offset such as GMT+1 where it has none).
 */
export function formatDateTime(iso: string, timeZone: string, options: { zone?: boolean } = {}): string {
  const date = parse(iso)
  if (!date) return NO_TIME
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.zone ? { timeZoneName: 'short' } : {}),
  }).format(date)
}

export function formatDate(iso: string, timeZone: string): string {
  const date = parse(iso)
  if (!date) return NO_TIME
  return new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'short', day: '2-digit' }).format(date)
}

/** A column header that names the zone its times are in: "Last scan (Europe/Berlin)". */
export function timeHeader(label: string, timeZone: string): string {
  return `${label} (${timeZone})`
}

/** "1 profile", "2 profiles", "1,024 assets": a count with its noun in the right number (`many` for irregular plurals). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
