// The demo patch catalog: ~13 months of Microsoft Patch Tuesday releases and third-party app updates, linked into supersedence chains.
import type { z } from 'zod'
import type { PATCH_CATEGORIES, VENDOR_SEVERITIES, patchCatalogSchema, scanPatchSchema } from '../schema/scan'
import { hashInts, hashString, mod, mulberry32, pickWeighted, type Random } from './random'

export type PatchCatalogInput = z.input<typeof patchCatalogSchema>
export type ScanPatchInput = z.input<typeof scanPatchSchema>
type Severity = (typeof VENDOR_SEVERITIES)[number]
type Category = (typeof PATCH_CATEGORIES)[number]

export const DAY_MS = 86_400_000

/** One patch of the demo catalog, plus what the simulation needs to deploy it. */
export interface DemoPatch {
  /** Index of its stream in DemoCatalog.streams. */
  readonly stream: number
  readonly publishedMs: number
  /** When the next release of its stream came out and superseded it; Infinity for the newest release. */
  readonly supersededAtMs: number
  readonly severity: Severity
  /** Catalog fields while it is the newest release of its stream. */
  readonly current: PatchCatalogInput
  /** Catalog fields once superseded (null for the newest release). */
  readonly superseded: PatchCatalogInput | null
  /** Multiplier of the median time to patch (browsers auto-update fast, manual downloads are slow). */
  readonly deployFactor: number
  /** Multiplier of the chance that an asset never installs it. */
  readonly stuckFactor: number
}

export interface DemoCatalog {
  readonly patches: readonly DemoPatch[]
  /**
   * Streams are supersedence chains (an OS version's cumulative updates, one browser's versions, ...):
   * the indices of their patches, oldest release first.
   */
  readonly streams: readonly (readonly number[])[]
  readonly streamByKey: ReadonlyMap<string, number>
}

/** Windows releases assets run; each has its own cumulative-update and .NET streams per architecture. */
export const WINDOWS_RELEASES = [
  { key: 'win10-22h2', title: 'Windows 10 Version 22H2', products: ['Windows 10 Version 22H2'], kbOffset: 120, dotnet: '.NET Framework 3.5, 4.8 and 4.8.1 for Windows 10 Version 22H2', architectures: ['x64', 'x86'] },
  { key: 'win11-23h2', title: 'Windows 11 Version 23H2', products: ['Windows 11 Version 22H2', 'Windows 11 Version 23H2'], kbOffset: 130, dotnet: '.NET Framework 3.5 and 4.8.1 for Windows 11, version 23H2', architectures: ['x64'] },
  { key: 'win11-24h2', title: 'Windows 11 Version 24H2', products: ['Windows 11 Version 24H2'], kbOffset: 140, dotnet: '.NET Framework 3.5 and 4.8.1 for Windows 11, version 24H2', architectures: ['x64'] },
  { key: 'srv2016', title: 'Windows Server 2016', products: ['Windows Server 2016'], kbOffset: 110, dotnet: '.NET Framework 4.8 for Windows Server 2016', architectures: ['x64'] },
  { key: 'srv2019', title: 'Windows Server 2019', products: ['Windows Server 2019'], kbOffset: 100, dotnet: '.NET Framework 3.5, 4.7.2 and 4.8 for Windows Server 2019', architectures: ['x64'] },
  { key: 'srv2022', title: 'Microsoft server operating system version 21H2', products: ['Windows Server 2022'], kbOffset: 150, dotnet: '.NET Framework 3.5 and 4.8.1 for Microsoft server operating system version 21H2', architectures: ['x64'] },
] as const

export type WindowsReleaseKey = (typeof WINDOWS_RELEASES)[number]['key']

/** Keys of the Microsoft product streams (application streams are keyed by AppKey). */
export const STREAM = {
  os: (release: WindowsReleaseKey, architecture: string) => `os:${release}:${architecture}`,
  dotnet: (release: WindowsReleaseKey, architecture: string) => `dotnet:${release}:${architecture}`,
  msrt: (architecture: string) => `msrt:${architecture}`,
  servicingStack2016: 'ssu:srv2016',
  defender: 'defender',
  featureUpdate: 'feature:win11-24h2',
  m365Apps: 'm365apps',
  office2016: ['office2016:word', 'office2016:excel', 'office2016:outlook', 'office2016:office'],
  sql2019: 'sql:2019',
  sql2022: 'sql:2022',
} as const

const SEVERITIES = {
  windows: [['Critical', 0.5], ['Important', 0.5]],
  dotnet: [['Critical', 0.1], ['Important', 0.65], ['Moderate', 0.25]],
  office: [['Critical', 0.2], ['Important', 0.6], ['Moderate', 0.2]],
  sql: [['Important', 0.75], ['Moderate', 0.25]],
  browser: [['Critical', 0.15], ['Important', 0.6], ['Moderate', 0.2], ['Low', 0.05]],
  app: [['Critical', 0.1], ['Important', 0.35], ['Moderate', 0.3], ['Low', 0.25]],
} as const satisfies Record<string, readonly (readonly [Severity, number])[]>

interface Release {
  id: string
  title: string
  publishedMs: number
  kb?: string
  bulletin?: string
  /** Default true. */
  security?: boolean
  /** Default: 'Security Patches' for security releases, 'Updates' otherwise. */
  category?: Category
}

interface StreamSpec {
  key: string
  vendor: string
  product: readonly string[]
  appFamily: string
  architecture: string
  /** QIDs are drawn from [qidBase, qidBase + 1000). */
  qidBase: number
  /** Distribution of vendor severities of its security releases (default: SEVERITIES.app). */
  severities?: readonly (readonly [Severity, number])[]
  rebootRequired: boolean
  /** Vendor requires a manual download (e.g. Oracle). */
  acquired?: boolean
  deployFactor: number
  stuckFactor?: number
  releases: Release[]
}

interface Month {
  year: number
  /** 0-based. */
  month: number
  /** Months since January 2024 (negative before); drives KB and version numbering. */
  index: number
  patchTuesdayMs: number
  /** e.g. '2026-03'. */
  label: string
}

interface Horizon {
  startMs: number
  endMs: number
  months: Month[]
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** The 2nd Tuesday of a month, 17:00 UTC (10:00 in Redmond). */
function patchTuesday(year: number, month: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay()
  return Date.UTC(year, month, 1 + ((9 - firstWeekday) % 7) + 7, 17)
}

function dayOfYear(ms: number): number {
  const date = new Date(ms)
  return Math.floor((ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS)
}

const yy = (ms: number) => pad(new Date(ms).getUTCFullYear() % 100, 2)

/** The catalog covers the 12 calendar months before endDate's month, and that month up to endDate. */
function horizonEnding(endMs: number): Horizon {
  const end = new Date(endMs)
  const months: Month[] = []
  for (let offset = -12; offset <= 0; offset++) {
    const first = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + offset, 1))
    const year = first.getUTCFullYear()
    const month = first.getUTCMonth()
    months.push({ year, month, index: (year - 2024) * 12 + month, patchTuesdayMs: patchTuesday(year, month), label: `${year}-${pad(month + 1, 2)}` })
  }
  return { startMs: Date.UTC(months[0].year, months[0].month, 1), endMs, months }
}

/** Releases on a fixed cadence from an anchor release; `make` gets the cycle number (0 = the anchor) and its date. */
function everyDays<T>(horizon: Horizon, anchorIso: string, periodDays: number, make: (cycle: number, atMs: number) => T[]): T[] {
  const anchorMs = Date.parse(anchorIso)
  const period = periodDays * DAY_MS
  const releases: T[] = []
  for (let cycle = Math.floor((horizon.startMs - anchorMs) / period) - 1; anchorMs + cycle * period <= horizon.endMs; cycle++) {
    releases.push(...make(cycle, anchorMs + cycle * period))
  }
  return releases
}

/** Microsoft KB number for a monthly release: months since 2024-01 spaced by 640, then a per-product offset and jitter. */
function monthlyKb(month: Month, offset: number): string {
  return `KB${5034000 + 640 * month.index + offset + (hashInts(month.index, offset) % 8)}`
}

const msBulletin = (month: Month) => `MSRC ${month.year}-${MONTH_NAMES[month.month]}`

function microsoftStreams(horizon: Horizon): StreamSpec[] {
  const { months } = horizon
  const streams: StreamSpec[] = []
  for (const release of WINDOWS_RELEASES) {
    for (const architecture of release.architectures) {
      const suffix = architecture === 'x64' ? '' : `-${architecture}`
      const systems = `${architecture}-based Systems`
      streams.push({
        key: STREAM.os(release.key, architecture),
        vendor: 'Microsoft',
        product: release.products,
        appFamily: 'Windows',
        architecture,
        qidBase: 92000,
        severities: SEVERITIES.windows,
        rebootRequired: true,
        deployFactor: 1,
        releases: months.map((month) => {
          const kb = monthlyKb(month, release.kbOffset)
          return { id: `msft-${kb.toLowerCase()}${suffix}`, kb, bulletin: msBulletin(month), publishedMs: month.patchTuesdayMs, title: `${month.label} Cumulative Update for ${release.title} for ${systems} (${kb})` }
        }),
      })
      streams.push({
        key: STREAM.dotnet(release.key, architecture),
        vendor: 'Microsoft',
        product: ['.NET Framework', ...release.products],
        appFamily: '.NET Framework',
        architecture,
        qidBase: 92100,
        severities: SEVERITIES.dotnet,
        rebootRequired: true,
        deployFactor: 1.2,
        // A security update in most months; a non-security preview rollup (4th Tuesday) in the others.
        releases: months.map((month) => {
          const kb = monthlyKb(month, release.kbOffset + 200)
          const id = `msft-${kb.toLowerCase()}${suffix}`
          if (hashInts(month.index, 31) % 10 < 7) {
            return { id, kb, bulletin: msBulletin(month), publishedMs: month.patchTuesdayMs, title: `${month.label} Cumulative Update for ${release.dotnet} for ${architecture} (${kb})` }
          }
          return { id, kb, security: false, category: 'Update Rollups', publishedMs: month.patchTuesdayMs + 14 * DAY_MS, title: `${month.label} Cumulative Update Preview for ${release.dotnet} for ${architecture} (${kb})` }
        }),
      })
    }
    if (release.key === 'srv2016') {
      streams.push({
        key: STREAM.servicingStack2016,
        vendor: 'Microsoft',
        product: release.products,
        appFamily: 'Windows',
        architecture: 'x64',
        qidBase: 92200,
        rebootRequired: true,
        deployFactor: 1,
        releases: months.map((month) => {
          const kb = monthlyKb(month, 90)
          return { id: `msft-${kb.toLowerCase()}`, kb, security: false, category: 'Critical Updates', publishedMs: month.patchTuesdayMs, title: `${month.label} Servicing Stack Update for Windows Server 2016 for x64-based Systems (${kb})` }
        }),
      })
    }
  }
  for (const architecture of ['x64', 'x86']) {
    streams.push({
      key: STREAM.msrt(architecture),
      vendor: 'Microsoft',
      product: ['Windows'],
      appFamily: 'Windows',
      architecture,
      qidBase: 92300,
      rebootRequired: false,
      deployFactor: 0.8,
      releases: months.map((month) => {
        const version = `5.${120 + month.index}`
        const suffix = architecture === 'x64' ? '' : `-${architecture}`
        return { id: `msft-kb890830-${version}${suffix}`, kb: 'KB890830', security: false, category: 'Update Rollups', publishedMs: month.patchTuesdayMs, title: `Windows Malicious Software Removal Tool ${architecture} - v${version} (KB890830)` }
      }),
    })
  }
  streams.push({
    key: STREAM.defender,
    vendor: 'Microsoft',
    product: ['Microsoft Defender Antivirus'],
    appFamily: 'Defender',
    architecture: 'x64',
    qidBase: 92400,
    rebootRequired: false,
    deployFactor: 0.3,
    releases: months.map((month) => {
      const version = `4.18.${pad(month.year % 100, 2)}${pad(month.month + 1, 2)}0.${3 + (hashInts(month.index, 41) % 9)}`
      return { id: `msft-kb4052623-${version}`, kb: 'KB4052623', security: false, category: 'Definition Updates', publishedMs: month.patchTuesdayMs - 7 * DAY_MS, title: `Update for Microsoft Defender Antivirus antimalware platform - KB4052623 (Version ${version})` }
    }),
  })
  streams.push({
    key: STREAM.featureUpdate,
    vendor: 'Microsoft',
    product: ['Windows 10 Version 22H2', 'Windows 11 Version 23H2'],
    appFamily: 'Windows',
    architecture: 'x64',
    qidBase: 92500,
    rebootRequired: true,
    deployFactor: 12,
    stuckFactor: 8,
    releases: [{ id: 'msft-feature-update-win11-24h2', security: false, category: 'Feature Packs', publishedMs: Math.max(Date.UTC(2024, 9, 1, 17), horizon.startMs + 7 * DAY_MS), title: 'Feature update to Windows 11, version 24H2' }],
  })
  streams.push({
    key: STREAM.m365Apps,
    vendor: 'Microsoft',
    product: ['Microsoft 365 Apps for enterprise'],
    appFamily: 'Office',
    architecture: 'x64',
    qidBase: 110400,
    severities: SEVERITIES.office,
    rebootRequired: false,
    deployFactor: 1,
    releases: months.map((month) => {
      const build = `${17328 + 100 * month.index}.${20000 + (hashInts(month.index, 53) % 400)}`
      const version = `${pad(month.year % 100, 2)}${pad(month.month + 1, 2)}`
      return { id: `msft-m365apps-${version}-${build}`, bulletin: msBulletin(month), publishedMs: month.patchTuesdayMs, title: `Microsoft 365 Apps for enterprise Version ${version} (Build ${build})` }
    }),
  })
  const officeProducts = ['Word', 'Excel', 'Outlook', 'Office'] as const
  officeProducts.forEach((name, position) => {
    streams.push({
      key: STREAM.office2016[position],
      vendor: 'Microsoft',
      product: [name === 'Office' ? 'Office 2016' : `${name} 2016`],
      appFamily: 'Office',
      architecture: 'x64',
      qidBase: 110500,
      severities: SEVERITIES.office,
      rebootRequired: false,
      deployFactor: 1.2,
      releases: months
        .filter((month) => hashInts(month.index, 61 + position) % 2 === 0)
        .map((month) => {
          const kb = `KB${5002500 + 25 * month.index + 6 * position + (hashInts(month.index, 67 + position) % 5)}`
          return { id: `msft-${kb.toLowerCase()}`, kb, bulletin: msBulletin(month), publishedMs: month.patchTuesdayMs, title: `Security Update for Microsoft ${name} 2016 (${kb}) 64-Bit Edition` }
        }),
    })
  })
  for (const [key, version, firstCu, parity] of [[STREAM.sql2019, '2019', 25, 0], [STREAM.sql2022, '2022', 11, 1]] as const) {
    streams.push({
      key,
      vendor: 'Microsoft',
      product: [`SQL Server ${version}`],
      appFamily: 'SQL Server',
      architecture: 'x64',
      qidBase: 92600,
      severities: SEVERITIES.sql,
      rebootRequired: true,
      deployFactor: 2,
      // A cumulative update every other month, two days after Patch Tuesday; about half carry security fixes.
      releases: months
        .filter((month) => mod(month.index, 2) === parity)
        .map((month) => {
          const kb = monthlyKb(month, 500 + 20 * parity)
          const cu = firstCu + Math.floor(month.index / 2)
          const security = hashInts(month.index, 71 + parity) % 2 === 0
          const title = security ? `Security update for SQL Server ${version} CU${cu} (${kb})` : `Cumulative Update ${cu} for SQL Server ${version} (${kb})`
          return { id: `msft-${kb.toLowerCase()}`, kb, bulletin: security ? msBulletin(month) : '', security, category: security ? 'Security Patches' : 'Update Rollups', publishedMs: month.patchTuesdayMs + 2 * DAY_MS, title }
        }),
    })
  }
  return streams
}

interface AppRelease {
  version: string
  publishedMs: number
  bulletin?: string
}

/** Keys of the application streams, Microsoft and third-party; each asset has a subset of them installed. */
export type AppKey = 'edge' | 'chrome' | 'teams' | 'vcredist' | 'firefox' | 'firefox-esr' | 'acrobat-reader' | 'oracle-jre' | 'oracle-jdk' | '7zip' | 'zoom' | 'slack' | 'notepadpp' | 'vlc' | 'putty' | 'winscp' | 'git' | 'wireshark' | 'intel-graphics'

/** A third-party application: one stream of versions, each a patch. */
interface AppSpec {
  key: AppKey
  vendor: string
  product: string
  appFamily: string
  idPrefix: string
  titlePrefix: string
  qidBase: number
  severities?: readonly (readonly [Severity, number])[]
  deployFactor: number
  acquired?: boolean
  /** Share of releases that fix vulnerabilities (default 1). */
  securityShare?: number
  category?: Category
  releases: (horizon: Horizon) => AppRelease[]
}

/** Chromium majors every 4 weeks from M121 (2024-01-23); a mid-cycle security respin in some cycles. */
function chromiumReleases(horizon: Horizon, delayDays: number, firstBuild: number, buildStep: number, patchBase: number): AppRelease[] {
  return everyDays(horizon, '2024-01-23T19:00:00Z', 28, (cycle, atMs) => {
    const hash = hashInts(cycle, firstBuild)
    const prefix = `${121 + cycle}.0.${firstBuild + buildStep * cycle}`
    const releases = [{ version: `${prefix}.${patchBase + (hash % 50)}`, publishedMs: atMs + delayDays * DAY_MS }]
    if (hash % 4 === 0) releases.push({ version: `${prefix}.${patchBase + 60 + ((hash >>> 8) % 50)}`, publishedMs: atMs + (delayDays + 14) * DAY_MS })
    return releases
  })
}

/** Oracle Critical Patch Updates: the 3rd Tuesday of January, April, July and October. */
function oracleQuarterly(horizon: Horizon, version: (quarter: number) => string): AppRelease[] {
  return horizon.months
    .filter((month) => month.month % 3 === 0)
    .map((month) => ({ version: version(Math.floor(month.index / 3)), publishedMs: month.patchTuesdayMs + 7 * DAY_MS, bulletin: `CPU${MONTH_NAMES[month.month]}${month.year}` }))
}

/** Versioned releases on a plain cadence. */
function cadence(horizon: Horizon, anchorIso: string, periodDays: number, version: (cycle: number, atMs: number) => string): AppRelease[] {
  return everyDays(horizon, anchorIso, periodDays, (cycle, atMs) => [{ version: version(cycle, atMs), publishedMs: atMs }])
}

const APPS: AppSpec[] = [
  { key: 'edge', vendor: 'Microsoft', product: 'Microsoft Edge', appFamily: 'Edge', idPrefix: 'msedge', titlePrefix: 'Microsoft Edge (Stable Channel)', qidBase: 378000, severities: SEVERITIES.browser, deployFactor: 0.35, releases: (w) => chromiumReleases(w, 2, 2277, 62, 83) },
  { key: 'chrome', vendor: 'Google', product: 'Google Chrome', appFamily: 'Chrome', idPrefix: 'chrome', titlePrefix: 'Google Chrome', qidBase: 379000, severities: SEVERITIES.browser, deployFactor: 0.3, releases: (w) => chromiumReleases(w, 0, 6167, 55, 85) },
  {
    key: 'firefox', vendor: 'Mozilla', product: 'Mozilla Firefox', appFamily: 'Firefox', idPrefix: 'firefox', titlePrefix: 'Mozilla Firefox', qidBase: 379500, severities: SEVERITIES.browser, deployFactor: 0.4,
    releases: (w) => everyDays(w, '2024-01-23T15:00:00Z', 28, (cycle, atMs) => {
      const major = 122 + cycle
      const respin = hashInts(cycle, 122) % 4 === 0 ? [{ version: `${major}.0.1`, publishedMs: atMs + 10 * DAY_MS }] : []
      return [{ version: `${major}.0`, publishedMs: atMs }, ...respin]
    }).map(({ version, publishedMs }) => ({ version, publishedMs, bulletin: `MFSA ${new Date(publishedMs).getUTCFullYear()}-${pad(1 + Math.floor(dayOfYear(publishedMs) / 14), 2)}` })),
  },
  {
    key: 'firefox-esr', vendor: 'Mozilla', product: 'Mozilla Firefox ESR', appFamily: 'Firefox', idPrefix: 'firefox-esr', titlePrefix: 'Mozilla Firefox ESR', qidBase: 379600, severities: SEVERITIES.browser, deployFactor: 0.8,
    // A new ESR major every 13 cycles (128 on 2024-07-09, 140 on 2025-06-24), minor versions in between.
    releases: (w) => cadence(w, '2024-01-23T15:00:00Z', 28, (cycle) => `${128 + 12 * Math.floor((cycle - 6) / 13)}.${mod(cycle - 6, 13)}.0esr`),
  },
  {
    key: 'acrobat-reader', vendor: 'Adobe', product: 'Adobe Acrobat Reader DC', appFamily: 'Acrobat Reader', idPrefix: 'acrobat-reader', titlePrefix: 'Adobe Acrobat Reader DC', qidBase: 376000, severities: SEVERITIES.office, deployFactor: 1.5,
    releases: (w) => cadence(w, '2024-02-13T17:00:00Z', 56, (_, atMs) => `${yy(atMs)}.${pad(1 + Math.floor(dayOfYear(atMs) / 120), 3)}.${20000 + 3 * dayOfYear(atMs)}`)
      .map((release) => ({ ...release, bulletin: `APSB${yy(release.publishedMs)}-${pad(1 + Math.floor(dayOfYear(release.publishedMs) / 7), 2)}` })),
  },
  {
    key: 'teams', vendor: 'Microsoft', product: 'Microsoft Teams', appFamily: 'Teams', idPrefix: 'msteams', titlePrefix: 'Microsoft Teams', qidBase: 378200, deployFactor: 0.6, securityShare: 0.4,
    releases: (w) => cadence(w, '2024-01-16T18:00:00Z', 35, (cycle, atMs) => `${yy(atMs)}${pad(1 + dayOfYear(atMs), 3)}.${2200 + mod(cycle, 100)}.${3000 + (hashInts(cycle, 35) % 1000)}.${1000 + (hashInts(cycle, 36) % 9000)}`),
  },
  { key: 'vcredist', vendor: 'Microsoft', product: 'Microsoft Visual C++ 2015-2022 Redistributable (x64)', appFamily: 'Visual C++', idPrefix: 'msvc-redist', titlePrefix: 'Microsoft Visual C++ 2015-2022 Redistributable (x64)', qidBase: 378300, deployFactor: 2, securityShare: 0.5, releases: (w) => cadence(w, '2024-02-13T17:00:00Z', 84, (cycle) => `14.${38 + Math.floor(cycle / 2)}.${33135 + 500 * cycle}`) },
  { key: 'oracle-jre', vendor: 'Oracle', product: 'Java SE Runtime Environment 8', appFamily: 'Java', idPrefix: 'oracle-jre', titlePrefix: 'Oracle Java SE Runtime Environment', qidBase: 376700, severities: SEVERITIES.office, deployFactor: 1.5, acquired: true, releases: (w) => oracleQuarterly(w, (quarter) => `8u${401 + 10 * quarter}`) },
  { key: 'oracle-jdk', vendor: 'Oracle', product: 'Java SE Development Kit 21', appFamily: 'Java', idPrefix: 'oracle-jdk', titlePrefix: 'Oracle JDK', qidBase: 376800, deployFactor: 1.5, acquired: true, releases: (w) => oracleQuarterly(w, (quarter) => `21.0.${2 + quarter}`) },
  { key: '7zip', vendor: 'Igor Pavlov', product: '7-Zip', appFamily: '7-Zip', idPrefix: '7zip', titlePrefix: '7-Zip', qidBase: 377000, deployFactor: 3, securityShare: 0.5, releases: (w) => cadence(w, '2024-01-30T12:00:00Z', 91, (_, atMs) => `${yy(atMs)}.${pad(1 + 2 * Math.floor(dayOfYear(atMs) / 91), 2)}`) },
  { key: 'zoom', vendor: 'Zoom Video Communications', product: 'Zoom Workplace', appFamily: 'Zoom', idPrefix: 'zoom', titlePrefix: 'Zoom Workplace', qidBase: 377200, deployFactor: 0.8, securityShare: 0.7, releases: (w) => cadence(w, '2024-01-08T16:00:00Z', 49, (cycle) => `${6 + Math.floor(cycle / 9)}.${mod(cycle, 9)}.${hashInts(cycle, 6) % 10}`) },
  { key: 'slack', vendor: 'Slack Technologies', product: 'Slack', appFamily: 'Slack', idPrefix: 'slack', titlePrefix: 'Slack', qidBase: 377300, deployFactor: 0.8, securityShare: 0.4, releases: (w) => cadence(w, '2024-01-15T16:00:00Z', 49, (cycle) => `4.${36 + cycle}.${100 + (hashInts(cycle, 4) % 80)}`) },
  { key: 'notepadpp', vendor: 'Don Ho', product: 'Notepad++', appFamily: 'Notepad++', idPrefix: 'notepadpp', titlePrefix: 'Notepad++', qidBase: 377400, deployFactor: 3, securityShare: 0.4, releases: (w) => cadence(w, '2024-01-10T10:00:00Z', 49, (cycle) => `8.${6 + Math.floor(cycle / 5)}${mod(cycle, 5) ? `.${mod(cycle, 5)}` : ''}`) },
  { key: 'vlc', vendor: 'VideoLAN', product: 'VLC media player', appFamily: 'VLC', idPrefix: 'vlc', titlePrefix: 'VLC media player', qidBase: 377500, deployFactor: 3, securityShare: 0.6, releases: (w) => cadence(w, '2023-11-28T12:00:00Z', 140, (cycle) => `3.0.${20 + cycle}`) },
  { key: 'putty', vendor: 'Simon Tatham', product: 'PuTTY', appFamily: 'PuTTY', idPrefix: 'putty', titlePrefix: 'PuTTY', qidBase: 377600, deployFactor: 3, securityShare: 0.5, releases: (w) => cadence(w, '2023-12-18T12:00:00Z', 182, (cycle) => `0.${80 + cycle}`) },
  { key: 'winscp', vendor: 'Martin Prikryl', product: 'WinSCP', appFamily: 'WinSCP', idPrefix: 'winscp', titlePrefix: 'WinSCP', qidBase: 377700, deployFactor: 3, securityShare: 0.4, releases: (w) => cadence(w, '2024-01-10T12:00:00Z', 84, (cycle) => `6.${2 + Math.floor(cycle / 4)}.${mod(cycle, 4)}`) },
  { key: 'git', vendor: 'The Git Development Community', product: 'Git for Windows', appFamily: 'Git', idPrefix: 'git', titlePrefix: 'Git for Windows', qidBase: 377800, deployFactor: 2, securityShare: 0.6, releases: (w) => cadence(w, '2024-01-08T12:00:00Z', 56, (cycle) => `2.${43 + cycle}.0`) },
  { key: 'wireshark', vendor: 'Wireshark Foundation', product: 'Wireshark', appFamily: 'Wireshark', idPrefix: 'wireshark', titlePrefix: 'Wireshark', qidBase: 377900, deployFactor: 2.5, securityShare: 0.7, releases: (w) => cadence(w, '2024-01-17T12:00:00Z', 42, (cycle) => `4.${2 + Math.floor(cycle / 8)}.${mod(cycle, 8)}`) },
  { key: 'intel-graphics', vendor: 'Intel', product: 'Intel Graphics Driver', appFamily: 'Graphics Drivers', idPrefix: 'intel-graphics', titlePrefix: 'Intel Graphics Driver', qidBase: 378500, deployFactor: 3, securityShare: 0, category: 'Drivers', releases: (w) => cadence(w, '2024-01-25T12:00:00Z', 91, (cycle) => `31.0.101.${5186 + 120 * cycle}`) },
]

function appStream(app: AppSpec, horizon: Horizon): StreamSpec {
  return {
    key: app.key,
    vendor: app.vendor,
    product: [app.product],
    appFamily: app.appFamily,
    architecture: 'x64',
    qidBase: app.qidBase,
    severities: app.severities,
    rebootRequired: app.category === 'Drivers',
    acquired: app.acquired,
    deployFactor: app.deployFactor,
    releases: app.releases(horizon).map(({ version, publishedMs, bulletin }) => {
      const security = hashString(`${app.key}:${version}`) % 1000 < 1000 * (app.securityShare ?? 1)
      return { id: `${app.idPrefix}-${version}`, title: `${app.titlePrefix} ${version}`, publishedMs, bulletin, security, category: app.category }
    }),
  }
}

function makeCves(rng: Random, publishedMs: number, microsoft: boolean): string[] {
  const count = 1 + Math.floor(rng() * rng() * 8)
  const year = new Date(publishedMs).getUTCFullYear()
  const cves = new Set<string>()
  while (cves.size < count) {
    const cveYear = rng() < 0.15 ? year - 1 : year
    const number = microsoft ? 20000 + Math.floor(rng() * 40000) : 1000 + Math.floor(rng() * 13000)
    cves.add(`CVE-${cveYear}-${pad(number, 4)}`)
  }
  return [...cves]
}

interface PatchDraft {
  release: Release
  severity: Severity
  fields: PatchCatalogInput
  deployFactor: number
  stuckFactor: number
}

/** Catalog fields and deployment traits of one release; all randomness is seeded by the patch id. */
function draftPatch(spec: StreamSpec, release: Release): PatchDraft {
  const rng = mulberry32(hashString(release.id))
  const security = release.security ?? true
  const severity: Severity = security ? pickWeighted(rng, spec.severities ?? SEVERITIES.app) : 'None'
  const qids = [spec.qidBase + Math.floor(rng() * 1000)]
  if (rng() < 0.2) qids.push(spec.qidBase + Math.floor(rng() * 1000))
  const roll = rng()
  const downloadMethod = roll < 0.015 ? 'Unavailable' : spec.acquired || roll < 0.05 ? 'Acquired' : 'Automatic'
  const publishedAt = new Date(release.publishedMs).toISOString()
  return {
    release,
    severity,
    fields: {
      id: release.id,
      qids: [...new Set(qids)],
      title: release.title,
      vendor: spec.vendor,
      product: [...spec.product],
      appFamily: spec.appFamily,
      kb: release.kb ?? '',
      cves: security ? makeCves(rng, release.publishedMs, spec.vendor === 'Microsoft') : [],
      bulletin: release.bulletin ?? '',
      category: release.category ?? (security ? 'Security Patches' : 'Updates'),
      vendorSeverity: severity,
      isSecurity: security,
      isSuperseded: false,
      supersededBy: [],
      supersedes: [],
      rebootRequired: spec.rebootRequired,
      downloadMethod,
      architecture: spec.architecture,
      publishedAt,
      modifiedAt: publishedAt,
    },
    deployFactor: spec.deployFactor * (downloadMethod === 'Automatic' ? 1 : 3),
    stuckFactor: (spec.stuckFactor ?? 1) * (downloadMethod === 'Unavailable' ? 10 : 1),
  }
}

/** Patch field objects are shared by many scan documents: freeze them, their lists included. */
export function freezePatch<T extends PatchCatalogInput>(fields: T): T {
  for (const value of Object.values(fields)) {
    if (Array.isArray(value)) Object.freeze(value)
  }
  Object.freeze(fields)
  return fields
}

/** Builds the catalog as known at endMs: every release of the covered months that was published by then. */
export function buildCatalog(endMs: number): DemoCatalog {
  const horizon = horizonEnding(endMs)
  const specs = [...microsoftStreams(horizon), ...APPS.map((app) => appStream(app, horizon))]
  const patches: DemoPatch[] = []
  const streams: number[][] = []
  const streamByKey = new Map<string, number>()
  for (const spec of specs) {
    const drafts = spec.releases
      .filter((release) => release.publishedMs > horizon.startMs && release.publishedMs <= endMs)
      .sort((a, b) => a.publishedMs - b.publishedMs)
      .map((release) => draftPatch(spec, release))
    const stream = streams.length
    const first = patches.length
    drafts.forEach((draft, position) => {
      const previous = drafts[position - 1]
      const next = drafts[position + 1]
      const current = freezePatch({ ...draft.fields, supersedes: previous ? [previous.release.id] : [] })
      patches.push({
        stream,
        publishedMs: draft.release.publishedMs,
        supersededAtMs: next ? next.release.publishedMs : Infinity,
        severity: draft.severity,
        current,
        superseded: next ? freezePatch({ ...current, isSuperseded: true, supersededBy: [next.release.id], modifiedAt: next.fields.publishedAt }) : null,
        deployFactor: draft.deployFactor,
        stuckFactor: draft.stuckFactor,
      })
    })
    streams.push(drafts.map((_, position) => first + position))
    streamByKey.set(spec.key, stream)
  }
  return { patches, streams, streamByKey }
}
