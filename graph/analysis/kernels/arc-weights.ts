/**
 * Weights on the arcs of a CSR, for the weighted power iterations
 * (eigenvector, PageRank, HITS). The CSR itself stays unweighted (it is what
 * betweenness and closeness, which stay unweighted, run on); the weights are a
 * separate pair of arrays aligned with its rows, so the unweighted kernels
 * pay nothing for them.
 *
 * Parallel arcs, merged into one tie by the CSR, add their weights: a tie
 * made of two relations weighs the sum of the two (networkx's
 * `DiGraph` built from a `MultiDiGraph` with summed weights; graph/README.md).
 */
import type { Csr } from './csr';

export interface ArcWeights {
  /** `out[j]` is the weight of the arc `v → outNeighbours[j]` (j in v's out-row). */
  readonly out: Float64Array;
  /** `in[j]` is the weight of the arc `inNeighbours[j] → v` (j in v's in-row). Undirected: the same array as `out`. */
  readonly in: Float64Array;
}

/**
 * Sums `weights[i]` onto the tie `sources[i] → targets[i]` of the CSR (both
 * ways round for an undirected CSR, where it is one edge). Self-arcs are
 * skipped, as the CSR drops them; an arc the CSR does not have throws.
 */
export function arcWeights(csr: Csr, sources: ArrayLike<number>, targets: ArrayLike<number>, weights: ArrayLike<number>): ArcWeights {
  const m = sources.length;
  if (targets.length !== m || weights.length !== m) throw new RangeError('arcWeights: sources, targets and weights differ in length');
  const out = new Float64Array(csr.outNeighbours.length);
  const inward = csr.directed ? new Float64Array(csr.inNeighbours.length) : out;
  for (let i = 0; i < m; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    if (s === t) continue;
    const w = weights[i]!;
    out[position(csr.outOffsets, csr.outNeighbours, s, t)]! += w;
    if (csr.directed) inward[position(csr.inOffsets, csr.inNeighbours, t, s)]! += w;
    else out[position(csr.outOffsets, csr.outNeighbours, t, s)]! += w;
  }
  return { out, in: inward };
}

/** The index of `target` in `v`'s row (rows are sorted and distinct: binary search). */
function position(offsets: Int32Array, neighbours: Int32Array, v: number, target: number): number {
  let lo = offsets[v]!;
  let hi = offsets[v + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = neighbours[mid]!;
    if (x === target) return mid;
    if (x < target) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new RangeError(`arcWeights: no tie ${v} → ${target} in the CSR`);
}

/** Σ of each row's weights: a node's weighted out-degree (out-rows) or in-degree (in-rows). */
export function rowSums(offsets: Int32Array, weights: Float64Array): Float64Array {
  const n = offsets.length - 1;
  const sums = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) s += weights[j]!;
    sums[v] = s;
  }
  return sums;
}
