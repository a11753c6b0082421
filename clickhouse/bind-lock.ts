// The process-wide lock around the embedded engine's parameter binding (libchdb's parameter state is not per connection).
/**
 * libchdb sets and resets query parameters in state that is not isolated per connection: two bound calls in flight at
 * once on different connections can clobber each other's values (`456 Substitution not set`) or abort the engine. chdb
 * itself chains its bound `queryBindAsync` calls, but its bound streams (`Session.queryStreamBind`) start outside that
 * chain. Every bound call of this process therefore goes through this lock: a bound query holds it while it runs (chdb
 * would queue it anyway), a bound stream only while it starts — the engine substitutes the values when the stream is
 * created, so the rows are fetched afterwards without the lock and other pages' queries are not held up by an export.
 */
const globalForLock = globalThis as unknown as { patchboardBindLock?: { tail: Promise<void> } }

function lockState(): { tail: Promise<void> } {
  globalForLock.patchboardBindLock ??= { tail: Promise.resolve() }
  return globalForLock.patchboardBindLock
}

/** Runs `work` when no other bound call of this process is in flight; the next waits until it settles. */
export function withBindLock<T>(work: () => T | Promise<T>): Promise<T> {
  const state = lockState()
  const result = state.tail.then(work)
  state.tail = result.then(
    () => undefined,
    () => undefined,
  )
  return result
}
