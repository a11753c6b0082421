// Unit tests of the demo estate generator: determinism, schema validity, realism and consistency of the simulated scans.
import { describe, it, expect } from 'vitest'
import { PATCH_CATEGORIES, VENDOR_SEVERITIES, scanDocumentSchema, type ScanDocumentInput } from '../schema/scan'
import { createDemoEstate } from './generator'

const DAY_MS = 86_400_000
const END = new Date('2026-03-20T15:00:00Z')
const OPTIONS = { assets: 150, days: 30, seed: 7, endDate: END }
const estate = createDemoEstate(OPTIONS)
const scansByDay = Array.from({ length: OPTIONS.days }, (_, day) => estate.scansForDay(day))
const catalogById = new Map(estate.catalog.map((patch) => [patch.id, patch]))

const ms = (value: string | number | null | undefined) => new Date(value ?? Number.NaN).getTime()
const missingCount = (doc: ScanDocumentInput) => doc.patches.filter((patch) => patch.status === 'Missing').length
const share = (part: number, whole: number) => part / whole
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Each asset's scans over the window, oldest first. */
function historyByAsset(): Map<string, ScanDocumentInput[]> {
  const history = new Map<string, ScanDocumentInput[]>()
  for (const docs of scansByDay) {
    for (const doc of docs) history.set(doc.asset.id, [...(history.get(doc.asset.id) ?? []), doc])
  }
  return history
}

describe('createDemoEstate', () => {
  it("gives every asset its site's time zone in its scans", () => {
    const zones: Record<string, string> = { 'Site-Berlin': 'Europe/Berlin', 'Site-Austin': 'America/Chicago', 'Site-Pune': 'Asia/Kolkata', 'Site-London': 'Europe/London' }
    const docs = scansByDay.flat()
    for (const doc of docs) {
      const site = doc.asset.tags?.find((tag) => tag.startsWith('Site-'))
      expect(doc.asset.timeZone, doc.asset.id).toBe(zones[site ?? ''])
    }
    expect(new Set(docs.map((doc) => doc.asset.timeZone)).size).toBe(4)
  })

  it('is deterministic for the same options, whatever order days are asked in', () => {
    const again = createDemoEstate(OPTIONS)
    expect(again.scansForDay(17)).toEqual(scansByDay[17])
    expect(again.scansForDay(0)).toEqual(scansByDay[0])
    expect(again.scansForDay(29)).toEqual(scansByDay[29])
    expect(again.catalog).toEqual(estate.catalog)
  })

  it('differs for a different seed', () => {
    const other = createDemoEstate({ ...OPTIONS, seed: 8 }).scansForDay(29)
    const ids = new Set(scansByDay[29].map((doc) => doc.asset.id))
    expect(other.some((doc) => ids.has(doc.asset.id))).toBe(false)
    expect(other.map((doc) => doc.asset.name)).not.toEqual(scansByDay[29].map((doc) => doc.asset.name))
  })

  it('produces documents that pass the scan schema', () => {
    // Every 4th day and the last: documents differ in state, not in shape, from day to day.
    const sample = scansByDay.filter((_, day) => day % 4 === 0 || day === OPTIONS.days - 1).flat()
    const problems = sample.flatMap((doc) => {
      const result = scanDocumentSchema.safeParse(doc)
      return result.success ? [] : [`${doc.scanId}: ${result.error.message}`]
    })
    expect(problems.slice(0, 3)).toEqual([])
  })

  it('rejects invalid options and day indices', () => {
    expect(() => createDemoEstate({ ...OPTIONS, days: 0 })).toThrow(RangeError)
    expect(() => createDemoEstate({ ...OPTIONS, assets: -1 })).toThrow(RangeError)
    expect(() => estate.scansForDay(OPTIONS.days)).toThrow(RangeError)
    expect(() => estate.scansForDay(1.5)).toThrow(RangeError)
  })

  it('defaults endDate to now truncated to the hour', () => {
    const [doc] = createDemoEstate({ assets: 1, days: 1, seed: 1 }).scansForDay(0)
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000
    expect(ms(doc.scannedAt)).toBeLessThanOrEqual(hour)
    expect(ms(doc.scannedAt)).toBeGreaterThan(hour - DAY_MS)
  })
})

describe('catalog', () => {
  it('has several hundred uniquely identified patches', () => {
    expect(estate.catalogSize).toBe(estate.catalog.length)
    expect(estate.catalogSize).toBeGreaterThanOrEqual(400)
    expect(estate.catalogSize).toBeLessThanOrEqual(700)
    expect(catalogById.size).toBe(estate.catalogSize)
  })

  it('has consistent supersedence chains', () => {
    for (const patch of estate.catalog) {
      expect(patch.isSuperseded).toBe((patch.supersededBy ?? []).length > 0)
      for (const newerId of patch.supersededBy ?? []) {
        const newer = catalogById.get(newerId)
        expect(newer, `${patch.id} superseded by unknown ${newerId}`).toBeDefined()
        expect(newer?.supersedes).toContain(patch.id)
        expect(ms(newer?.publishedAt)).toBeGreaterThan(ms(patch.publishedAt))
      }
      for (const olderId of patch.supersedes ?? []) expect(catalogById.get(olderId)?.supersededBy).toContain(patch.id)
    }
  })

  it('mixes vendors, severities, categories and download methods realistically', () => {
    const count = <T>(pick: (patch: (typeof estate.catalog)[number]) => T) => {
      const counts = new Map<T, number>()
      for (const patch of estate.catalog) counts.set(pick(patch), (counts.get(pick(patch)) ?? 0) + 1)
      return counts
    }
    const severities = count((patch) => patch.vendorSeverity)
    for (const severity of VENDOR_SEVERITIES) expect(severities.get(severity) ?? 0).toBeGreaterThan(0)
    expect(share(severities.get('Critical') ?? 0, estate.catalogSize)).toBeGreaterThan(0.12)
    expect(share(severities.get('Critical') ?? 0, estate.catalogSize)).toBeLessThan(0.3)
    expect(share(severities.get('Important') ?? 0, estate.catalogSize)).toBeGreaterThan(0.3)
    const categories = count((patch) => patch.category)
    expect(share(categories.get('Security Patches') ?? 0, estate.catalogSize)).toBeGreaterThan(0.5)
    expect(categories.size).toBeGreaterThanOrEqual(5)
    for (const category of categories.keys()) expect(PATCH_CATEGORIES).toContain(category)
    expect([...count((patch) => patch.downloadMethod).keys()].sort()).toEqual(['Acquired', 'Automatic', 'Unavailable'])
    expect(count((patch) => patch.vendor).size).toBeGreaterThanOrEqual(10)

    const windowsUpdates = estate.catalog.filter((patch) => patch.title.includes('Cumulative Update for Windows'))
    expect(windowsUpdates.length).toBeGreaterThan(50)
    for (const patch of windowsUpdates) {
      expect(patch.id).toMatch(/^msft-kb\d{7}(-x86)?$/)
      expect(patch.kb).toMatch(/^KB\d{7}$/)
      expect(patch.rebootRequired).toBe(true)
      // Released on Patch Tuesday: the 2nd Tuesday of the month.
      const published = new Date(ms(patch.publishedAt))
      expect(published.getUTCDay()).toBe(2)
      expect(Math.ceil(published.getUTCDate() / 7)).toBe(2)
    }
    const browsers = estate.catalog.filter((patch) => ['Chrome', 'Firefox', 'Edge'].includes(patch.appFamily ?? ''))
    expect(browsers.length).toBeGreaterThan(30)
    expect(browsers.every((patch) => !patch.rebootRequired)).toBe(true)
    expect(estate.catalog.some((patch) => /^chrome-\d+\.0\.\d+\.\d+$/.test(patch.id))).toBe(true)
    for (const patch of estate.catalog) {
      expect((patch.cves ?? []).length).toBeLessThanOrEqual(8)
      for (const cve of patch.cves ?? []) expect(cve).toMatch(/^CVE-\d{4}-\d{4,5}$/)
      expect((patch.cves ?? []).length > 0).toBe(patch.isSecurity)
      expect(ms(patch.publishedAt)).toBeLessThanOrEqual(END.getTime())
      expect(ms(patch.publishedAt)).toBeGreaterThan(END.getTime() - 400 * DAY_MS)
    }
  })
})

describe('assets', () => {
  const lastDay = scansByDay[OPTIONS.days - 1]
  const assets = lastDay.map((doc) => doc.asset)

  it('are a realistic mix of Windows workstations and servers', () => {
    const servers = assets.filter((asset) => asset.tags?.includes('Servers'))
    expect(share(servers.length, assets.length)).toBeGreaterThan(0.15)
    expect(share(servers.length, assets.length)).toBeLessThan(0.35)
    for (const asset of assets) {
      const server = asset.tags?.includes('Servers')
      expect(asset.name).toMatch(server ? /^SRV-(BER|AUS|PUN|LON)-\d{4,}$/ : /^WKS-(BER|AUS|PUN|LON)-\d{4,}$/)
      expect(asset.operatingSystem).toMatch(server ? /^Microsoft Windows Server (2016|2019|2022) / : /^Microsoft Windows 1[01] (Enterprise|Pro) \d{2}H2$/)
      expect(asset.osFamily).toBe('Windows')
      expect(asset.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(asset.ipAddresses?.length).toBeGreaterThan(0)
      for (const address of asset.ipAddresses ?? []) expect(address).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/)
      expect(ms(asset.activatedAt)).toBeLessThan(END.getTime() - OPTIONS.days * DAY_MS)
      expect(asset.tags?.filter((tag) => tag.startsWith('Site-'))).toHaveLength(1)
      if (!server) expect(asset.lastLoggedOnUser).toMatch(/^CORP\\[a-z]+$/)
    }
    expect(new Set(assets.map((asset) => asset.id)).size).toBe(OPTIONS.assets)
    expect(new Set(assets.map((asset) => asset.name)).size).toBe(OPTIONS.assets)
    expect(new Set(assets.map((asset) => asset.operatingSystem)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(assets.flatMap((asset) => asset.tags ?? []).filter((tag) => tag.startsWith('Site-'))).size).toBeGreaterThanOrEqual(3)
    const departments = new Set(assets.flatMap((asset) => asset.tags ?? []).filter((tag) => ['Finance', 'Engineering', 'Sales', 'HR', 'IT', 'Operations'].includes(tag)))
    expect(departments.size).toBeGreaterThanOrEqual(5)
    expect(share(assets.filter((asset) => asset.architecture === 'x64').length, assets.length)).toBeGreaterThan(0.9)
  })

  it('report roughly 60-150 applicable patches each', () => {
    const counts = lastDay.filter((doc) => doc.asset.architecture === 'x64').map((doc) => doc.patches.length)
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(40)
    expect(Math.max(...counts)).toBeLessThanOrEqual(220)
    expect(median(counts)).toBeGreaterThanOrEqual(60)
    expect(median(counts)).toBeLessThanOrEqual(150)
  })
})

describe('scans over time', () => {
  it('cover every asset on the last day and most assets on other days, once each', () => {
    expect(scansByDay[OPTIONS.days - 1]).toHaveLength(OPTIONS.assets)
    for (const docs of scansByDay) {
      expect(docs.length).toBeGreaterThanOrEqual(OPTIONS.assets * 0.9)
      expect(new Set(docs.map((doc) => doc.asset.id)).size).toBe(docs.length)
    }
    const scanIds = scansByDay.flatMap((docs) => docs.map((doc) => doc.scanId))
    expect(new Set(scanIds).size).toBe(scanIds.length)
  })

  it('are dated within their day and never after endDate', () => {
    scansByDay.forEach((docs, day) => {
      const slotEnd = END.getTime() - (OPTIONS.days - 1 - day) * DAY_MS
      for (const doc of docs) {
        expect(ms(doc.scannedAt)).toBeLessThanOrEqual(slotEnd)
        expect(ms(doc.scannedAt)).toBeGreaterThan(slotEnd - DAY_MS)
      }
    })
  })

  it('never report a patch before it was published, nor install it before then', () => {
    const problems: string[] = []
    for (const docs of scansByDay) {
      for (const doc of docs) {
        const scannedMs = ms(doc.scannedAt)
        for (const patch of doc.patches) {
          const where = `${doc.scanId} ${patch.id}`
          if (ms(patch.publishedAt) > scannedMs) problems.push(`${where}: reported before it was published`)
          if (patch.status === 'Installed' && !(ms(patch.installedAt) >= ms(patch.publishedAt) && ms(patch.installedAt) <= scannedMs)) problems.push(`${where}: installedAt out of range`)
          if (patch.status === 'Missing' && patch.installedAt !== undefined) problems.push(`${where}: missing with installedAt`)
          // Supersedence as known at scan time: the superseding patch is already published and in the catalog.
          for (const newerId of patch.supersededBy ?? []) {
            if (!(ms(catalogById.get(newerId)?.publishedAt) <= scannedMs)) problems.push(`${where}: superseded by unpublished ${newerId}`)
          }
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it('show patches getting installed, never uninstalled, and new patches arriving as missing', () => {
    const problems: string[] = []
    let changed = 0
    for (const history of historyByAsset().values()) {
      const counts = history.map(missingCount)
      if (new Set(counts).size > 1) changed++
      for (let i = 1; i < history.length; i++) {
        const before = new Map(history[i - 1].patches.map((patch) => [patch.id, patch]))
        let arrived = 0
        for (const patch of history[i].patches) {
          const earlier = before.get(patch.id)
          if (!earlier) arrived++
          else if (earlier.status === 'Installed' && (patch.status !== 'Installed' || patch.installedAt !== earlier.installedAt)) problems.push(`${history[i].scanId} ${patch.id}: installation changed`)
        }
        // Missing counts only grow by newly published patches.
        if (counts[i] > counts[i - 1] + arrived) problems.push(`${history[i].scanId}: missing count grew without new patches`)
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
    expect(changed).toBeGreaterThanOrEqual(OPTIONS.assets * 0.8)
  })

  it('patch critical updates faster than low-severity ones, and workstations faster than servers', () => {
    const delays = new Map<string, number[]>()
    const missingShare = { server: [] as number[], workstation: [] as number[] }
    for (const doc of scansByDay[OPTIONS.days - 1]) {
      const role = doc.asset.tags?.includes('Servers') ? 'server' : 'workstation'
      missingShare[role].push(missingCount(doc) / doc.patches.length)
      for (const patch of doc.patches) {
        if (patch.status !== 'Installed' || patch.isSuperseded) continue
        const key = `${role}:${patch.vendorSeverity}`
        delays.set(key, [...(delays.get(key) ?? []), ms(patch.installedAt) - ms(patch.publishedAt)])
      }
    }
    expect(median(delays.get('workstation:Critical') ?? [])).toBeLessThan(median(delays.get('workstation:Low') ?? []))
    expect(median(delays.get('workstation:Critical') ?? [])).toBeLessThan(median(delays.get('server:Critical') ?? []))
    const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
    expect(average(missingShare.server)).toBeGreaterThan(average(missingShare.workstation))
  })

  it('stop reporting some patches (an application was uninstalled) and mark patches superseded once a newer one is out', () => {
    const history = historyByAsset()
    const lost = [...history.values()].filter((scans) => {
      const last = new Set(scans[scans.length - 1].patches.map((patch) => patch.id))
      return scans[0].patches.some((patch) => !last.has(patch.id))
    })
    expect(lost.length).toBeGreaterThan(0)
    const firstState = new Map<string, boolean | null | undefined>()
    let becameSuperseded = 0
    for (const docs of scansByDay) {
      for (const doc of docs) {
        for (const patch of doc.patches) {
          if (!firstState.has(patch.id)) firstState.set(patch.id, patch.isSuperseded)
          else if (firstState.get(patch.id) === false && patch.isSuperseded) {
            becameSuperseded++
            firstState.set(patch.id, true)
          }
        }
      }
    }
    expect(becameSuperseded).toBeGreaterThan(5)
  })
})
