// Seeded, dependency-free randomness for the demo estate: mulberry32 generators, integer/string hashing and weighted picks.

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed always yields the same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Mixes integers into one well-distributed unsigned 32-bit hash (murmur3 finaliser after each value). */
export function hashInts(...values: number[]): number {
  let hash = 0x9e3779b9
  for (const value of values) {
    hash = Math.imul(hash ^ (value | 0), 0x85ebca6b)
    hash ^= hash >>> 13
    hash = Math.imul(hash, 0xc2b2ae35)
    hash ^= hash >>> 16
  }
  return hash >>> 0
}

/** A uniform number in [0, 1) determined by the given integers. */
export function unitHash(...values: number[]): number {
  return hashInts(...values) / 4294967296
}

/** One element of a non-empty list, uniformly. */
export function pick<T>(rng: Random, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]
}

/** One value from [value, weight] pairs, proportionally to the weights. */
export function pickWeighted<T>(rng: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = rng() * total
  for (const [value, weight] of choices) {
    roll -= weight
    if (roll < 0) return value
  }
  return choices[choices.length - 1][0]
}

/** Non-negative remainder (for negative release indices). */
export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor
}
