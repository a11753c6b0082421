// Row versions for ReplacingMergeTree entities: growing with time and strictly per write, so the newest write wins.

export function nextRowVersion(previous = 0): number {
  return Math.max(Date.now() * 1000, previous + 1)
}
