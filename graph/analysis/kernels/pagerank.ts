/**
 * PageRank over a CSR, unweighted unless given `weights`: networkx `pagerank(G, alpha)` and
 * graphology-metrics `pagerank(g, { getEdgeWeight: null })`.
 *
 * Start from 1/n everywhere; each iteration
 *   x'(v) = α · Σ_{u→v} x(u)/out(u) + (α · Σ_{dangling u} x(u) + 1 − α) / n
 * (a dangling node — no out-arcs — spreads its score uniformly), and stop as
 * soon as the L1 change Σ|x' − x| < n · tolerance, returning x' (the same rule
 * and the same returned iterate as networkx and graphology). More than
 * `maxIterations` iterations throws ConvergenceError, like both of them.
 * Undirected: every tie is an arc each way. Scores sum to 1.
 *
 * With `weights` (ArcWeights): a walker leaves u along u → v with chance
 * w(u, v) / Σ_v w(u, v), i.e. out(u) above becomes u's weighted out-degree,
 * as networkx's pagerank(G, weight='weight') and graphology's
 * pagerank(g, { getEdgeWeight: 'weight' }). A node whose out-arcs weigh 0 in
 * all is dangling (networkx's scipy implementation, whose dangling nodes are
 * the zero rows of the weighted adjacency; graphology would divide by 0).
 *
 * Pulled over in-arcs with x(u)/out(u) computed once per node per iteration,
 * so the inner loop is one load and one add per arc; two buffers swapped.
 */
import { rowSums, type ArcWeights } from './arc-weights';
import type { Csr } from './csr';
import { powerIterate, scaleAndMeasure, type IterativeResult } from './power-iteration';
import { pullSums, pullWeightedSums } from './pull';

export interface PagerankOptions {
  /** Damping (default 0.85). */
  alpha?: number;
  /** Default 100 (networkx, graphology); Actorscope's descriptor uses 1000. */
  maxIterations?: number;
  /** Per-node tolerance: stop when Σ|Δx| < n · tolerance. Default 1e-6 (networkx, graphology). */
  tolerance?: number;
  /** Arc weights (non-negative); unweighted when absent. */
  weights?: ArcWeights;
}

export function pagerank(csr: Csr, options: PagerankOptions = {}): IterativeResult {
  const n = csr.order;
  const alpha = options.alpha ?? 0.85;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  if (n === 0) return { values: new Float64Array(0), iterations: 0 };
  const { outOffsets, inOffsets, inNeighbours } = csr;
  const p = 1 / n;
  const weights = options.weights;
  const outStrength = weights ? rowSums(outOffsets, weights.out) : null;
  const inverseOut = new Float64Array(n);
  let danglingCount = 0;
  for (let u = 0; u < n; u++) {
    const d = outStrength ? outStrength[u]! : outOffsets[u + 1]! - outOffsets[u]!;
    if (d === 0) danglingCount++;
    else inverseOut[u] = 1 / d;
  }
  const dangling = new Int32Array(danglingCount);
  for (let u = 0, k = 0; u < n; u++) if (inverseOut[u] === 0) dangling[k++] = u;
  const share = new Float64Array(n);
  return powerIterate('pagerank', n, { maxIterations, threshold: n * tolerance }, (x, next) => {
    let dangleSum = 0;
    for (let i = 0; i < danglingCount; i++) dangleSum += x[dangling[i]!]!;
    const base = (alpha * dangleSum + (1 - alpha)) * p;
    for (let u = 0, size = x.length; u < size; u++) share[u] = x[u]! * inverseOut[u]!;
    if (weights) pullWeightedSums(inOffsets, inNeighbours, weights.in, share, next);
    else pullSums(inOffsets, inNeighbours, share, next);
    return scaleAndMeasure(next, x, alpha, base);
  });
}
