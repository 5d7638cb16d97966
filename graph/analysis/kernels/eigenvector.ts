/**
 * Eigenvector centrality over a CSR: networkx `eigenvector_centrality(G)` and
 * graphology-metrics `eigenvector(g, { getEdgeWeight: null })`.
 *
 * Power iteration on A + I over in-arcs (a node's score grows with the scores
 * of those pointing at it; undirected: all neighbours), from 1/n everywhere:
 *   x'(v) = x(v) + Σ_{u→v} x(u),  then x' ← x' / ‖x'‖₂,
 * stopping as soon as Σ|x' − x| < n · tolerance and returning x' (networkx's
 * and graphology's rule and iterate). More than `maxIterations` iterations
 * throws ConvergenceError — as networkx raises PowerIterationFailedConvergence
 * and graphology throws: typical of graphs without cycles, where scores drain
 * into the sinks ever more slowly. The result is L2-normalised.
 *
 * The +I keeps the iteration from oscillating on bipartite graphs and makes
 * the norm never 0 (every x(v) > 0), so no guard is needed.
 *
 * With `weights` (ArcWeights): x'(v) = x(v) + Σ_{u→v} w(u, v) · x(u), as
 * networkx's eigenvector_centrality(G, weight='weight') and graphology's
 * eigenvector(g, { getEdgeWeight: 'weight' }) iterate; weights ≥ 0 keep the
 * norm positive as above.
 */
import type { ArcWeights } from './arc-weights';
import type { Csr } from './csr';
import { pullSums, pullWeightedSums } from './pull';
import { powerIterate, scaleAndMeasure, type IterativeResult } from './power-iteration';

export interface EigenvectorOptions {
  /** Default 100 (networkx, graphology); Actorscope's descriptor uses 1000. */
  maxIterations?: number;
  /** Per-node tolerance: stop when Σ|Δx| < n · tolerance. Default 1e-6; Actorscope's descriptor uses 1e-9. */
  tolerance?: number;
  /** Arc weights (non-negative); unweighted when absent. */
  weights?: ArcWeights;
}

export function eigenvector(csr: Csr, options: EigenvectorOptions = {}): IterativeResult {
  const n = csr.order;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  if (n === 0) return { values: new Float64Array(0), iterations: 0 };
  const { inOffsets, inNeighbours } = csr;
  const weights = options.weights?.in;
  return powerIterate('eigenvector', n, { maxIterations, threshold: n * tolerance }, (x, next) => {
    if (weights) pullWeightedSums(inOffsets, inNeighbours, weights, x, next);
    else pullSums(inOffsets, inNeighbours, x, next);
    let squares = 0;
    for (let v = 0, size = x.length; v < size; v++) {
      const sum = x[v]! + next[v]!;
      next[v] = sum;
      squares += sum * sum;
    }
    return scaleAndMeasure(next, x, 1 / Math.sqrt(squares), 0);
  });
}
