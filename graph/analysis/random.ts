/**
 * The one seeded pseudo-random generator of the core (mulberry32: 32-bit
 * state, period 2^32), so that sampled betweenness, Louvain's blocs, the
 * balance heuristic, the layout's start and the tests' generated graphs are
 * reproducible from their seed on every platform. Not for anything that needs
 * real randomness.
 */
export type Random = () => number;

/** Returns a function giving uniform numbers in [0, 1) from the seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in 0 .. n - 1. */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** k distinct integers from 0 .. n - 1, uniformly (partial Fisher–Yates), in the order drawn. */
export function sampleWithoutReplacement(random: Random, n: number, k: number): Int32Array {
  if (k > n) throw new RangeError(`cannot draw ${k} distinct values from ${n}`);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(random, n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k);
}
