// When the estate rollup is rebuilt: after a data change, once no dashboard render of this process is running (at the
// latest a few seconds after it was wanted), one build at a time — so the renders right after a change, which read the
// findings and events, do not also share the machine with the build.
import type { Database } from '@/clickhouse/client'
import { buildEstateRollup } from '@/lib/repositories/estate-rollup'

/** A build wanted while renders keep running starts after this long anyway. */
const LATEST_START_MS = 5_000

interface Builds {
  activeRenders: number
  wanted: { db: Database; version: string } | null
  building: { version: string; done: Promise<void> } | null
  timer: ReturnType<typeof setTimeout> | null
}

const holder = globalThis as typeof globalThis & { patchboardRollupBuilds?: Builds }
const state = (): Builds => (holder.patchboardRollupBuilds ??= { activeRenders: 0, wanted: null, building: null, timer: null })

/** The latest start of a wanted build (renders that never pause must not keep it waiting). */
function arm(builds: Builds): void {
  if (builds.timer !== null) return
  builds.timer = setTimeout(() => {
    builds.timer = null
    start(builds)
    if (builds.wanted !== null) arm(builds)
  }, LATEST_START_MS)
  builds.timer.unref?.()
}

function start(builds: Builds): void {
  if (builds.building !== null || builds.wanted === null) return
  const { db, version } = builds.wanted
  builds.wanted = null
  if (builds.timer !== null) clearTimeout(builds.timer)
  builds.timer = null
  const done = buildEstateRollup(db, version)
    .catch((error: unknown) => console.warn(`estate rollup ${version}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`))
    .finally(() => {
      builds.building = null
      if (builds.activeRenders === 0) start(builds)
      else if (builds.wanted !== null) arm(builds)
    })
  builds.building = { version, done }
}

/** Asks for the rollup of `version` (the current data version); it is built when this process's renders are done. */
export function wantEstateRollup(db: Database, version: string): void {
  const builds = state()
  if (builds.building?.version === version || builds.wanted?.version === version) return
  builds.wanted = { db, version }
  arm(builds)
  if (builds.activeRenders === 0) start(builds)
}

/** Brackets a render that reads the database: a wanted build waits until none is running. */
export async function duringRender<T>(render: () => Promise<T>): Promise<T> {
  const builds = state()
  builds.activeRenders++
  try {
    return await render()
  } finally {
    builds.activeRenders--
    if (builds.activeRenders === 0) start(builds)
  }
}

/** Starts the wanted build now, whatever is rendering, and waits for the builds to end (benchmarks, tests, shutdown). */
export async function finishEstateRollups(): Promise<void> {
  const builds = state()
  for (;;) {
    start(builds)
    if (builds.building === null) return
    await builds.building.done
  }
}
