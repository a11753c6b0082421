// One in-process lock per changed row: ClickHouse has no transactions, so read-check-write changes of one row take turns.
const lockHolder = globalThis as typeof globalThis & { patchboardChangeLocks?: Map<string, Promise<void>> }

/**
 * Runs `change` after every earlier change with the same key (e.g. `dashboard:<id>`, `job:<id>`) in this process has
 * finished. Without it, two saves of revision N could both read N and both write N + 1. Several servers sharing one
 * ClickHouse do not share this lock.
 */
export async function serialisedByKey<T>(key: string, change: () => Promise<T>): Promise<T> {
  const locks = (lockHolder.patchboardChangeLocks ??= new Map())
  const previous = locks.get(key) ?? Promise.resolve()
  const run = previous.then(change)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  locks.set(key, tail)
  try {
    return await run
  } finally {
    if (locks.get(key) === tail) locks.delete(key)
  }
}
