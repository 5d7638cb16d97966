/**
 * Exact frustration of one component: exhaustive search over every
 * two-colouring, in Gray-code order so that each step flips one actor and
 * updates the cost incrementally in O(its pairs).
 *
 * The root actor stays on side 0 (a colouring and its mirror cost the same),
 * so a component of n actors takes 2^(n−1) − 1 flips. The actors flipped most
 * often (Gray-code bit 0 flips every other step) are those with fewest pairs.
 *
 * Incremental cost: with s_v = ±1 and d_uv = pos_uv − neg_uv, flipping v
 * changes the cost by s_v · h_v where h_v = Σ_u s_u d_uv; after the flip each
 * neighbour u's h_u changes by −2 s_v(old) d_uv.
 */
import type { ColouringProblem } from './problem';

/** Components larger than this cannot be searched exhaustively (2^30 flips is already minutes). */
export const MAX_EXACT_SIZE = 30;

export interface Colouring {
  cost: number;
  /** side[v] for each local vertex; side[root] = 0. */
  side: Uint8Array;
}

/** The work an exhaustive search did: what the tests assert instead of its time. */
export interface SearchWork {
  /** Gray-code steps taken: 2^(n−1) − 1 for a full search. */
  flips: number;
  /** Pair terms updated: the flipped actors' pairs summed over the flips. */
  pairUpdates: number;
}

/**
 * @param stopAt a proven lower bound: the search stops as soon as it reaches it.
 */
export function solveExact(problem: ColouringProblem, root: number, stopAt = 0): Colouring & { work: SearchWork } {
  const { n, offsets, adjVertex, adjPair, pos, neg } = problem;
  if (n > MAX_EXACT_SIZE) throw new RangeError(`balance: ${n} actors is too many for the exact search (at most ${MAX_EXACT_SIZE})`);
  const free: number[] = [];
  for (let v = 0; v < n; v++) if (v !== root) free.push(v);
  free.sort((x, y) => offsets[x + 1]! - offsets[x]! - (offsets[y + 1]! - offsets[y]!) || x - y);

  const d = new Int32Array(adjPair.length);
  for (let k = 0; k < adjPair.length; k++) d[k] = pos[adjPair[k]!]! - neg[adjPair[k]!]!;
  // Start: everyone on side 0 (s = +1): every pair together, cost Σ neg; h_v = Σ_u d_uv.
  const s = new Int8Array(n).fill(1);
  const h = new Int32Array(n);
  let cost = 0;
  for (let i = 0; i < problem.m; i++) cost += neg[i]!;
  for (let v = 0; v < n; v++) for (let k = offsets[v]!; k < offsets[v + 1]!; k++) h[v]! += d[k]!;

  let best = cost;
  let bestStep = 0;
  const steps = 2 ** free.length;
  let i = 1;
  let pairUpdates = 0;
  for (; i < steps && best > stopAt; i++) {
    const v = free[31 - Math.clz32(i & -i)]!;
    const sv = s[v]!;
    cost += sv * h[v]!;
    const end = offsets[v + 1]!;
    pairUpdates += end - offsets[v]!;
    for (let k = offsets[v]!; k < end; k++) h[adjVertex[k]!]! -= 2 * sv * d[k]!;
    s[v] = -sv;
    if (cost < best) {
      best = cost;
      bestStep = i;
    }
  }

  // The colouring after step i is the Gray code i ^ (i >> 1) over `free`.
  const gray = bestStep ^ (bestStep >>> 1);
  const side = new Uint8Array(n);
  free.forEach((v, b) => (side[v] = (gray >>> b) & 1));
  return { cost: best, side, work: { flips: i - 1, pairUpdates } };
}
