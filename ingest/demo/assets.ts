// Demo assets: deterministic Windows workstations and servers (name, OS, network, user, tags) and the patch streams each one runs.
import type { z } from 'zod'
import type { assetSchema } from '../schema/scan'
import { DAY_MS, STREAM, type AppKey, type DemoCatalog, type WindowsReleaseKey } from './catalog'
import { hashInts, mulberry32, pick, pickWeighted, type Random } from './random'

export type AssetInput = z.input<typeof assetSchema>

const HOUR_MS = 3_600_000

/** Maintenance windows: an asset installs patches 13 to 20 hours before the end of a day slot, i.e. before it scans. */
export const MAINTENANCE_SLOTS = 8

export interface DemoAsset {
  readonly index: number
  /** Shared by all of its scan documents (frozen). */
  readonly asset: AssetInput
  readonly server: boolean
  /** A neglected machine that rarely patches. */
  readonly laggard: boolean
  /** Indices into DemoCatalog.streams: its OS, Microsoft products and installed applications. */
  readonly streams: readonly number[]
  /** It scans this long before the end of each day slot. */
  readonly scanOffsetMs: number
  /** 0 .. MAINTENANCE_SLOTS-1; it installs patches maintenanceOffsetMs before the end of a day slot. */
  readonly maintenanceSlot: number
  readonly maintenanceOffsetMs: number
  /** A third-party stream uninstalled at removedAtMs (its patches are no longer reported), or -1. */
  readonly removedStream: number
  readonly removedAtMs: number
}

interface WindowsVersion {
  release: WindowsReleaseKey
  name: (rng: Random) => string
}

const WORKSTATION_VERSIONS: readonly (readonly [WindowsVersion, number])[] = [
  [{ release: 'win10-22h2', name: (rng) => `Microsoft Windows 10 ${rng() < 0.85 ? 'Enterprise' : 'Pro'} 22H2` }, 0.3],
  [{ release: 'win11-23h2', name: () => 'Microsoft Windows 11 Enterprise 22H2' }, 0.08],
  [{ release: 'win11-23h2', name: () => 'Microsoft Windows 11 Enterprise 23H2' }, 0.3],
  [{ release: 'win11-24h2', name: () => 'Microsoft Windows 11 Enterprise 24H2' }, 0.32],
]

const SERVER_VERSIONS: readonly (readonly [WindowsVersion, number])[] = [
  [{ release: 'srv2016', name: () => 'Microsoft Windows Server 2016 Standard 1607' }, 0.25],
  [{ release: 'srv2019', name: (rng) => `Microsoft Windows Server 2019 ${rng() < 0.7 ? 'Standard' : 'Datacenter'} 1809` }, 0.4],
  [{ release: 'srv2022', name: (rng) => `Microsoft Windows Server 2022 ${rng() < 0.5 ? 'Standard' : 'Datacenter'} 21H2` }, 0.35],
]

interface Site {
  tag: string
  /** Used in asset names. */
  code: string
  /** Second octet of the site's 10.x network. */
  octet: number
  /** The site's IANA time zone: its assets report it in their scans (jobs in the agent's time zone run in it). */
  timeZone: string
}

const SITES: readonly (readonly [Site, number])[] = [
  [{ tag: 'Site-Berlin', code: 'BER', octet: 10, timeZone: 'Europe/Berlin' }, 0.35],
  [{ tag: 'Site-Austin', code: 'AUS', octet: 20, timeZone: 'America/Chicago' }, 0.3],
  [{ tag: 'Site-Pune', code: 'PUN', octet: 30, timeZone: 'Asia/Kolkata' }, 0.25],
  [{ tag: 'Site-London', code: 'LON', octet: 40, timeZone: 'Europe/London' }, 0.1],
]

type Department = 'Finance' | 'Engineering' | 'Sales' | 'HR' | 'IT' | 'Operations'

const WORKSTATION_DEPARTMENTS: readonly (readonly [Department, number])[] = [
  ['Engineering', 25], ['Sales', 20], ['Operations', 15], ['Finance', 12], ['HR', 8], ['IT', 10],
]
const SERVER_DEPARTMENTS: readonly (readonly [Department, number])[] = [
  ['IT', 40], ['Engineering', 25], ['Operations', 20], ['Finance', 15],
]

const FIRST_NAMES = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hannah', 'Ivan', 'Julia', 'Karan', 'Laura', 'Marco', 'Nina', 'Omar', 'Priya', 'Quinn', 'Rahul', 'Sofia', 'Tom', 'Uwe', 'Vera', 'Wei', 'Yusuf', 'Zoe']
const SURNAMES = ['Schmidt', 'Miller', 'Patel', 'Garcia', 'Weber', 'Johnson', 'Sharma', 'Brown', 'Fischer', 'Lopez', 'Kumar', 'Taylor', 'Wagner', 'Davis', 'Iyer', 'Wilson', 'Becker', 'Moore', 'Nair', 'Clark', 'Hoffmann', 'Lewis', 'Rao', 'Walker', 'Koch', 'Young', 'Desai', 'Hall', 'Richter', 'King']
const SERVICE_ACCOUNTS = ['svc-backup', 'svc-sql', 'svc-deploy', 'svc-monitor', 'svc-web']

/** Applications assets pick independently; Firefox users get the ESR edition 20% of the time. */
type PickedApp = Exclude<AppKey, 'firefox-esr'>

/** Chance that a workstation of a department has an application installed. */
function workstationAppChance(app: PickedApp, department: Department): number {
  const technical = department === 'Engineering' || department === 'IT'
  switch (app) {
    case 'edge': return 1
    case 'chrome': return 0.7
    case 'teams': return 0.6
    case 'vcredist': return 0.5
    case 'firefox': return technical ? 0.35 : 0.18
    case 'acrobat-reader': return 0.55
    case 'oracle-jre': return department === 'Finance' || department === 'Operations' ? 0.35 : 0.08
    case 'oracle-jdk': return department === 'Engineering' ? 0.4 : 0.02
    case '7zip': return 0.45
    case 'zoom': return 0.35
    case 'slack': return technical ? 0.5 : 0.25
    case 'notepadpp': return technical ? 0.55 : 0.15
    case 'vlc': return 0.15
    case 'putty': return department === 'IT' ? 0.5 : department === 'Engineering' ? 0.3 : 0
    case 'winscp': return department === 'IT' ? 0.4 : department === 'Engineering' ? 0.15 : 0
    case 'git': return department === 'Engineering' ? 0.75 : department === 'IT' ? 0.3 : 0
    case 'wireshark': return department === 'IT' ? 0.35 : department === 'Engineering' ? 0.1 : 0
    case 'intel-graphics': return 0.6
  }
}

function serverAppChance(app: PickedApp, release: WindowsReleaseKey): number {
  switch (app) {
    case 'edge': return release === 'srv2022' ? 0.9 : 0.3
    case 'chrome': return 0.1
    case 'vcredist': return 0.5
    case 'firefox': return 0.03
    case 'acrobat-reader': return 0.1
    case 'oracle-jre': return 0.2
    case '7zip': return 0.4
    case 'notepadpp': return 0.4
    case 'putty': return 0.15
    case 'winscp': return 0.15
    case 'git': return 0.1
    case 'wireshark': return 0.05
    default: return 0
  }
}

const PICKED_APPS: readonly PickedApp[] = ['edge', 'chrome', 'teams', 'vcredist', 'firefox', 'acrobat-reader', 'oracle-jre', 'oracle-jdk', '7zip', 'zoom', 'slack', 'notepadpp', 'vlc', 'putty', 'winscp', 'git', 'wireshark', 'intel-graphics']

/** A stable UUID-shaped id (version-4 layout) derived from the seed and the asset's index. */
export function assetId(seed: number, index: number): string {
  const hex = [1, 2, 3, 4].map((part) => hashInts(seed, index, part).toString(16).padStart(8, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[hashInts(seed, index, 5) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A login such as 'jdoe'. */
function login(rng: Random): string {
  return `${pick(rng, FIRST_NAMES)[0]}${pick(rng, SURNAMES)}`.toLowerCase()
}

/**
 * Creates the estate's assets; the window is `days` day slots ending at endMs. Each asset depends only
 * on (seed, index, window): a larger estate starts with the same machines as a smaller one.
 */
export function createAssets(count: number, seed: number, catalog: DemoCatalog, endMs: number, days: number): DemoAsset[] {
  const windowStartMs = endMs - days * DAY_MS
  const stream = (key: string): number => {
    const index = catalog.streamByKey.get(key)
    if (index === undefined) throw new Error(`demo catalog has no stream ${key}`)
    return index
  }
  const counters = new Map<string, number>()
  const assets: DemoAsset[] = []
  for (let index = 0; index < count; index++) {
    const rng = mulberry32(hashInts(seed, index, 0xa55e7))
    const server = rng() < 0.25
    const version = pickWeighted(rng, server ? SERVER_VERSIONS : WORKSTATION_VERSIONS)
    const x86 = version.release === 'win10-22h2' && rng() < 0.05
    const architecture = x86 ? 'x86' : 'x64'
    const site = pickWeighted(rng, SITES)
    const department = pickWeighted(rng, server ? SERVER_DEPARTMENTS : WORKSTATION_DEPARTMENTS)

    const prefix = server ? 'SRV' : 'WKS'
    const counterKey = `${prefix}-${site.code}`
    const number = (counters.get(counterKey) ?? 0) + 1
    counters.set(counterKey, number)

    const ipAddresses = [`10.${site.octet}.${(server ? 200 : 16) + Math.floor(number / 250)}.${4 + (number % 250)}`]
    if (server && rng() < 0.25) ipAddresses.push(`10.${site.octet + 1}.${200 + Math.floor(number / 250)}.${4 + (number % 250)}`)
    if (!server && rng() < 0.15) ipAddresses.push(`10.250.${Math.floor(rng() * 250)}.${2 + Math.floor(rng() * 250)}`)

    const tags: string[] = [site.tag, server ? 'Servers' : 'Workstations', department]
    if (server && rng() < 0.2) tags.push('Critical-Infrastructure')
    if (!server && rng() < 0.03) tags.push('VIP')
    if (x86) tags.push('Kiosk')

    let lastLoggedOnUser = ''
    if (!server) lastLoggedOnUser = `CORP\\${login(rng)}`
    else if (rng() < 0.5) lastLoggedOnUser = `CORP\\adm-${login(rng)}`
    else if (rng() < 0.6) lastLoggedOnUser = `CORP\\${pick(rng, SERVICE_ACCOUNTS)}`

    const asset: AssetInput = {
      id: assetId(seed, index),
      name: `${counterKey}-${String(number).padStart(4, '0')}`,
      operatingSystem: version.name(rng),
      osFamily: 'Windows',
      architecture,
      ipAddresses,
      lastLoggedOnUser,
      tags,
      activatedAt: new Date(windowStartMs - Math.floor((30 + rng() * 900) * DAY_MS / 1000) * 1000).toISOString(),
      timeZone: site.timeZone,
    }
    Object.freeze(ipAddresses)
    Object.freeze(tags)
    Object.freeze(asset)

    const streams = [stream(STREAM.os(version.release, architecture)), stream(STREAM.dotnet(version.release, architecture)), stream(STREAM.msrt(architecture))]
    const apps: number[] = []
    if (!x86) {
      streams.push(stream(STREAM.defender))
      if (version.release === 'srv2016') streams.push(stream(STREAM.servicingStack2016))
      if (version.release === 'win10-22h2' || version.release === 'win11-23h2') streams.push(stream(STREAM.featureUpdate))
      const office = rng()
      if (!server && office < 0.8) streams.push(stream(STREAM.m365Apps))
      else if (!server && office < 0.92) streams.push(...STREAM.office2016.map(stream))
      if (server && rng() < 0.3) streams.push(stream(version.release === 'srv2022' ? STREAM.sql2022 : STREAM.sql2019))
      for (const app of PICKED_APPS) {
        if (rng() < (server ? serverAppChance(app, version.release) : workstationAppChance(app, department))) {
          apps.push(stream(app === 'firefox' && rng() < 0.2 ? 'firefox-esr' : app))
        }
      }
    }
    streams.push(...apps)

    const maintenanceSlot = Math.floor(rng() * MAINTENANCE_SLOTS)
    // About 5% of machines lose an application during the window (its patches stop being reported).
    const removed = apps.length > 0 && rng() < 0.05
    assets.push({
      index,
      asset,
      server,
      laggard: rng() < (server ? 0.08 : 0.05),
      streams,
      scanOffsetMs: Math.floor((5 / 60 + rng() * 12) * HOUR_MS / 1000) * 1000,
      maintenanceSlot,
      maintenanceOffsetMs: (13 + maintenanceSlot) * HOUR_MS,
      removedStream: removed ? pick(rng, apps) : -1,
      removedAtMs: removed ? windowStartMs + Math.floor((0.5 + rng() * Math.max(0, days - 1)) * DAY_MS) : Infinity,
    })
  }
  return assets
}
