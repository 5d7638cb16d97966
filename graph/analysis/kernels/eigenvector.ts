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
 */
import type { Csr } from './csr';
import { ConvergenceError } from './convergence';
import { pullSums } from './pull';
import type { IterativeResult } from './pagerank';

export interface EigenvectorOptions {
  /** Default 100 (networkx, graphology); Actorscope's descriptor uses 1000. */
  maxIterations?: number;
  /** Per-node tolerance: stop when Σ|Δx| < n · tolerance. Default 1e-6; Actorscope's descriptor uses 1e-9. */
  tolerance?: number;
}

export function eigenvector(csr: Csr, options: EigenvectorOptions = {}): IterativeResult {
  const n = csr.order;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  if (n === 0) return { values: new Float64Array(0), iterations: 0 };
  const { inOffsets, inNeighbours } = csr;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    pullSums(inOffsets, inNeighbours, x, next);
    let squares = 0;
    for (let v = 0; v < n; v++) {
      const sum = x[v]! + next[v]!;
      next[v] = sum;
      squares += sum * sum;
    }
    const inverseNorm = 1 / Math.sqrt(squares);
    let error = 0;
    for (let v = 0; v < n; v++) {
      const value = next[v]! * inverseNorm;
      next[v] = value;
      error += Math.abs(value - x[v]!);
    }
    const previous = x;
    x = next;
    next = previous;
    if (error < n * tolerance) return { values: x, iterations: iteration };
  }
  throw new ConvergenceError('eigenvector', maxIterations);
}
