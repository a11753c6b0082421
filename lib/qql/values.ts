// Reading typed values out of QQL text: integers, booleans, dates (absolute and relative), IP addresses, LIKE patterns.

export function readInteger(text: string): number | null {
  if (!/^[+-]?\d{1,16}$/.test(text)) return null
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : null
}

export function readBoolean(text: string): boolean | null {
  const lower = text.toLowerCase()
  return lower === 'true' ? true : lower === 'false' ? false : null
}

const TIME_UNITS = {
  y: 'year',
  M: 'month',
  w: 'week',
  d: 'day',
  h: 'hour',
  m: 'minute',
  s: 'second',
} as const
export type TimeUnit = (typeof TIME_UNITS)[keyof typeof TIME_UNITS]

/**
 * A date as the user wrote it. Absolute dates cover the whole unit they name (`2026-01` is January, `2026-01-31` that
 * day, `2026-01-31T10:00` that minute) as the half-open span [start, end), in milliseconds of wall-clock time
 * (`zoned`: read in the user's time zone at compile time) or of UTC (an explicit `Z` or offset). Relative dates
 * (`now`, `now-30d`, `now+2h`) are instants resolved by the database clock.
 */
export type DateValue =
  | { kind: 'absolute'; start: number; end: number; zoned: boolean }
  | { kind: 'relative'; amount: number; unit: TimeUnit }

/** Years that DateTime64(3) holds. */
const MIN_YEAR = 1900
const MAX_YEAR = 2299
/** How far `now±N<unit>` may reach: 400 years either way, as DateTime64 spans (the syntax's six digits keep hours and smaller inside it). */
const MAX_RELATIVE_AMOUNT: Partial<Record<TimeUnit, number>> = { year: 400, month: 4_800, week: 20_800, day: 146_000 }

const ABSOLUTE_DATE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/i
const RELATIVE_DATE = /^now(?:([+-])(\d{1,6})([yMwdhms]))?$/

export const DATE_EXAMPLES = ['now-1d', 'now-7d', 'now-30d', 'now-90d', 'now-1M', 'now-1y'] as const
export const DATE_FORMAT_HINT = '2026-01-31, 2026-01-31T10:00, now-30d, now-1M, now-2w or now-12h'

/** Text shaped like an absolute date whose year DateTime64(3) cannot hold (`99999-01-01`, `1800-01-01`), for a plain message. */
export function isDateOutsideYears(text: string): { min: number; max: number } | null {
  const year = /^[+-]?(\d{4,})-\d{2}/.exec(text)?.[1]
  if (year === undefined) return null
  const value = Number(year)
  return value < MIN_YEAR || value > MAX_YEAR ? { min: MIN_YEAR, max: MAX_YEAR } : null
}

export function readDate(text: string): DateValue | null {
  const relative = RELATIVE_DATE.exec(text.toLowerCase() === 'now' ? 'now' : text)
  if (relative !== null) return readRelativeDate(relative)
  const absolute = ABSOLUTE_DATE.exec(text)
  return absolute === null ? null : readAbsoluteDate(absolute)
}

function readRelativeDate([, sign, digits, unit]: RegExpExecArray): DateValue | null {
  if (sign === undefined) return { kind: 'relative', amount: 0, unit: 'second' }
  const amount = Number(digits)
  const timeUnit = TIME_UNITS[unit as keyof typeof TIME_UNITS]
  if (amount > (MAX_RELATIVE_AMOUNT[timeUnit] ?? Infinity)) return null
  return { kind: 'relative', amount: sign === '-' ? -amount : amount, unit: timeUnit }
}

function readAbsoluteDate(match: RegExpExecArray): DateValue | null {
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, millisText, offsetText] = match
  const year = Number(yearText)
  const month = Number(monthText)
  const day = dayText === undefined ? 1 : Number(dayText)
  const hour = hourText === undefined ? 0 : Number(hourText)
  const minute = minuteText === undefined ? 0 : Number(minuteText)
  const second = secondText === undefined ? 0 : Number(secondText)
  const millis = millisText === undefined ? 0 : Number(millisText.padEnd(3, '0'))
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null

  const start = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  const end =
    dayText === undefined
      ? Date.UTC(year, month, 1)
      : hourText === undefined
        ? Date.UTC(year, month - 1, day + 1)
        : start + (secondText === undefined ? 60_000 : millisText === undefined ? 1_000 : 1)
  if (offsetText === undefined) return { kind: 'absolute', start, end, zoned: true }
  const offset = offsetText.toUpperCase() === 'Z' ? 0 : readOffsetMinutes(offsetText)
  if (offset === null) return null
  return { kind: 'absolute', start: start - offset * 60_000, end: end - offset * 60_000, zoned: false }
}

function readOffsetMinutes(text: string): number | null {
  const digits = text.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2))
  if (hours > 14 || minutes > 59) return null
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** An IP value: one address, a CIDR block (`10.0.0.0/8`), or a wildcard pattern (`10.0.*`). */
export type IpValue = { kind: 'address'; text: string } | { kind: 'cidr'; text: string } | { kind: 'pattern'; parts: string[] }

export function readIp(text: string, wildcardParts: string[] | null): IpValue | null {
  if (wildcardParts !== null) return wildcardParts.every((part) => /^[0-9a-f:.]*$/i.test(part)) ? { kind: 'pattern', parts: wildcardParts } : null
  const slash = text.indexOf('/')
  if (slash === -1) return isIpAddress(text) ? { kind: 'address', text } : null
  const address = text.slice(0, slash)
  const prefix = readInteger(text.slice(slash + 1))
  const maxPrefix = isIpv4(address) ? 32 : isIpv6(address) ? 128 : -1
  return prefix !== null && prefix >= 0 && prefix <= maxPrefix && /^\d+$/.test(text.slice(slash + 1)) ? { kind: 'cidr', text } : null
}

function isIpAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text)
}

function isIpv4(text: string): boolean {
  const octets = text.split('.')
  return octets.length === 4 && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]{2,45}$/i.test(text) || text.split('::').length > 2) return false
  const groups = text.split(':')
  const last = groups[groups.length - 1]
  // An IPv6 address may end in an embedded IPv4 address (`::ffff:10.0.0.1`), which takes two groups' room.
  const embedsIpv4 = last.includes('.')
  if (embedsIpv4 && !isIpv4(last)) return false
  const hexGroups = embedsIpv4 ? groups.slice(0, -1) : groups
  if (!hexGroups.every((group) => /^[0-9a-f]{0,4}$/i.test(group))) return false
  const room = embedsIpv4 ? 6 : 8
  return text.includes('::') ? hexGroups.filter((group) => group !== '').length < room : hexGroups.length === room
}

/** Escapes LIKE's own metacharacters so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** A LIKE pattern matching the whole value, with each QQL wildcard `*` turned into `%`. */
export function likePattern(parts: readonly string[]): string {
  return parts.map(escapeLike).join('%')
}
