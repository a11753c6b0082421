// Wall-clock time in a named time zone → UTC, and UTC → the text form of a ClickHouse DateTime64(3) parameter.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone)
  if (cached !== undefined) return cached
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
    return formatter
  } catch {
    return null
  }
}

export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null
}

/** How far the zone's wall clock is ahead of UTC at the given instant, in milliseconds. */
function zoneOffsetAt(utcMs: number, formatter: Intl.DateTimeFormat): number {
  const fields: Record<string, number> = {}
  for (const part of formatter.formatToParts(new Date(utcMs))) fields[part.type] = Number(part.value)
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second)
  return wall - Math.floor(utcMs / 1000) * 1000
}

const DAY_MS = 86_400_000

/**
 * The UTC instant at which the zone's clocks show `wallMs` (wall-clock milliseconds written as if UTC). A wall time
 * that occurs twice (clocks set back) resolves to its first occurrence; one skipped by clocks set forward, to the
 * same distance after the jump (02:30 in a 02:00→03:00 jump is 03:30). Assumes at most one offset change a day.
 */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return wallMs
  const formatter = formatterFor(timeZone)
  if (formatter === null) return wallMs
  const offsetBefore = zoneOffsetAt(wallMs - DAY_MS, formatter)
  const offsetAfter = zoneOffsetAt(wallMs + DAY_MS, formatter)
  const matching = [wallMs - offsetBefore, wallMs - offsetAfter].filter((utc) => utc + zoneOffsetAt(utc, formatter) === wallMs)
  return matching.length > 0 ? Math.min(...matching) : wallMs - offsetBefore
}

/** `2026-01-31 10:00:00.000`, the text ClickHouse reads as a DateTime64(3, 'UTC') parameter. */
export function formatUtcDateTime64(utcMs: number): string {
  return new Date(utcMs).toISOString().replace('T', ' ').replace('Z', '')
}
