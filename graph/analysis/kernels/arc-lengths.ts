/**
 * The lengths the weighted path metrics (betweenness, closeness) run on: a
 * tie of weight w is a step of length 1/w, so a strong tie is a short one
 * (networkx takes its `weight` as a length there, so the tests hand it 1/w).
 * A tie of weight 0 (every relation of it without a value, or confidence 0)
 * is no step at all: it is left out, as if absent. The rows are the CSR's,
 * in its order, less those ties.
 */
import type { ArcWeights } from './arc-weights';
import type { Csr } from './csr';

export interface LengthGraph {
  readonly order: number;
  readonly directed: boolean;
  /** `outNeighbours[outOffsets[v] .. outOffsets[v + 1])` are the nodes v has a tie of positive weight to; `outLengths` their lengths. */
  readonly outOffsets: Int32Array;
  readonly outNeighbours: Int32Array;
  readonly outLengths: Float64Array;
  /** The same, backwards: `inNeighbours` have a tie to v. Undirected: the out-arrays. */
  readonly inOffsets: Int32Array;
  readonly inNeighbours: Int32Array;
  readonly inLengths: Float64Array;
}

export function lengthGraph(csr: Csr, weights: ArcWeights): LengthGraph {
  const [outOffsets, outNeighbours, outLengths] = rows(csr.outOffsets, csr.outNeighbours, weights.out);
  if (!csr.directed) return { order: csr.order, directed: false, outOffsets, outNeighbours, outLengths, inOffsets: outOffsets, inNeighbours: outNeighbours, inLengths: outLengths };
  const [inOffsets, inNeighbours, inLengths] = rows(csr.inOffsets, csr.inNeighbours, weights.in);
  return { order: csr.order, directed: true, outOffsets, outNeighbours, outLengths, inOffsets, inNeighbours, inLengths };
}

/** The rows kept where the weight is positive and finite, each with length 1/weight. */
function rows(offsets: Int32Array, neighbours: Int32Array, weights: Float64Array): [Int32Array, Int32Array, Float64Array] {
  const n = offsets.length - 1;
  const kept = (w: number) => w > 0 && w < Infinity;
  let m = 0;
  for (let j = 0; j < weights.length; j++) if (kept(weights[j]!)) m++;
  const newOffsets = new Int32Array(n + 1);
  const newNeighbours = new Int32Array(m);
  const lengths = new Float64Array(m);
  let k = 0;
  for (let v = 0; v < n; v++) {
    newOffsets[v] = k;
    for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
      const w = weights[j]!;
      if (!kept(w)) continue;
      newNeighbours[k] = neighbours[j]!;
      lengths[k++] = 1 / w;
    }
  }
  newOffsets[n] = k;
  return [newOffsets, newNeighbours, lengths];
}
