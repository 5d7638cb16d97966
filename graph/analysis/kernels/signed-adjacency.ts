/**
 * The signed adjacency PN centrality runs on (Everett & Borgatti 2014): the
 * symmetric matrix A = P − 2N over a dataset's actors, held as compressed
 * sparse rows with a value per entry.
 *
 * P and N are binary and symmetric: P(i, j) = 1 when any positive relation
 * joins i and j, in either direction; N(i, j) = 1 when any negative one does.
 * So several relations of one sign count once, and a pair with both a
 * positive and a negative relation has P = N = 1, A = −1 (both entries kept,
 * as the paper's two separate relations would be). Relations whose type has no
 * sign (0: `other`) and self-relations are left out. Actor i is row i.
 */
import type { Dataset } from '../../model/types';
import { DEFAULT_SIGNS, signOf, type SignMap } from '../signs';

export interface SignedAdjacency {
  /** Number of actors. */
  readonly order: number;
  /** Row v's entries are `neighbours[offsets[v] .. offsets[v + 1])`, ascending, with `values` alongside. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** A(v, neighbour): 1 (positive only), −2 (negative only) or −1 (both). */
  readonly values: Float64Array;
}

const POSITIVE = 1;
const NEGATIVE = 2;

export function signedAdjacency(dataset: Dataset, signs: SignMap = DEFAULT_SIGNS): SignedAdjacency {
  const n = dataset.actors.length;
  const index = new Map<string, number>();
  dataset.actors.forEach((a, i) => index.set(a.id, i));
  // Pair (low, high) → which signs join it; the key low·n + high is exact below 2^53.
  const pairs = new Map<number, number>();
  for (const r of dataset.relations) {
    const sign = signOf(r.type, signs);
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (sign === 0 || s === undefined || t === undefined || s === t) continue;
    const key = Math.min(s, t) * n + Math.max(s, t);
    pairs.set(key, (pairs.get(key) ?? 0) | (sign > 0 ? POSITIVE : NEGATIVE));
  }
  const offsets = new Int32Array(n + 1);
  for (const key of pairs.keys()) {
    offsets[Math.floor(key / n) + 1]!++;
    offsets[(key % n) + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const neighbours = new Int32Array(offsets[n]!);
  const values = new Float64Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  // Pairs in ascending key order fill every row in ascending neighbour order.
  const sorted = [...pairs.entries()].sort((x, y) => x[0] - y[0]);
  const put = (row: number, column: number, value: number) => {
    const at = fill[row]!++;
    neighbours[at] = column;
    values[at] = value;
  };
  // Row i's lower neighbours (keys j·n + i, j < i) come before its upper ones
  // (keys i·n + k, k > i) in key order, so one pass keeps each row sorted.
  for (const [key, flags] of sorted) {
    const low = Math.floor(key / n);
    const high = key % n;
    const value = (flags & POSITIVE ? 1 : 0) - (flags & NEGATIVE ? 2 : 0);
    put(low, high, value);
    put(high, low, value);
  }
  return { order: n, offsets, neighbours, values };
}
