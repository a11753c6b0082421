// The one time-zone rule (users, jobs, scanned assets): an IANA name the runtime knows; each name is checked once.
const known = new Set<string>()

/** Whether the runtime knows `zone` as a time zone (e.g. Europe/Berlin, UTC). */
export function isKnownTimeZone(zone: string): boolean {
  if (known.has(zone)) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    return false
  }
  known.add(zone)
  return true
}
