/**
 * HITS hubs and authorities over a CSR, unweighted unless given `weights`, with the iteration of
 * networkx's reference implementation (`_hits_python`, also graphology-metrics'
 * `hits`), not networkx 2.8's default `hits`, which asks scipy's sparse SVD
 * for the same principal singular vectors (equal up to the tolerance where
 * that vector is unique).
 *
 * From hubs h = 1/n: authorities a(v) = Σ_{u→v} h(u), then hubs
 * h(u) = Σ_{u→v} a(v) from those new authorities; each divided by its maximum.
 * Convergence: stop as soon as the L1 change of the (max-scaled) hubs
 * Σ|h' − h| < tolerance — a total, not per node, as in networkx and graphology
 * (default 1e-8, 100 iterations; more throws ConvergenceError). Finally both
 * vectors are divided by their sums: hubs and authorities each sum to 1.
 * Undirected: every tie is an arc each way (hubs = authorities).
 * A graph without ties has no HITS scores (networkx and graphology fail too):
 * ConvergenceError.
 *
 * With `weights` (ArcWeights): a(v) = Σ_{u→v} w(u, v) · h(u) and
 * h(u) = Σ_{u→v} w(u, v) · a(v), as networkx's `_hits_python` reads each
 * edge's 'weight' and graphology's hits(g, { getEdgeWeight: 'weight' }). Ties
 * that all weigh 0 are no ties: ConvergenceError as for a graph without any.
 *
 * Speed: each product is pullSums' loop with four running sums (kernels/pull.ts),
 * and the authorities are not divided by their maximum between the two
 * products (the hubs' own max-scaling cancels it), which keeps the kernel at
 * igraph's speed: 12 ms at 10k/50k undirected (32 iterations of two sparse
 * products) against igraph's 14 ms and graphology's 4.22 s (tests/bench/README.md).
 */
import type { ArcWeights } from './arc-weights';
import type { Csr } from './csr';
import { ConvergenceError } from './convergence';
import { powerIterate, scaleAndMeasure } from './power-iteration';
import { pullSums, pullWeightedSums } from './pull';

export interface HitsOptions {
  maxIterations?: number;
  /** Stop when Σ|Δhubs| < tolerance (max-scaled hubs). Default 1e-8. */
  tolerance?: number;
  /** Arc weights (non-negative); unweighted when absent. */
  weights?: ArcWeights;
}

export interface HitsResult {
  hubs: Float64Array;
  authorities: Float64Array;
  iterations: number;
}

export function hits(csr: Csr, options: HitsOptions = {}): HitsResult {
  const n = csr.order;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  if (n === 0) return { hubs: new Float64Array(0), authorities: new Float64Array(0), iterations: 0 };
  const weights = options.weights;
  if (csr.outNeighbours.length === 0 || (weights && !weights.out.some((w) => w > 0))) {
    throw new ConvergenceError('hits', 0, 'hits: not defined on a graph without ties');
  }
  const { outOffsets, outNeighbours, inOffsets, inNeighbours } = csr;
  const authorities = new Float64Array(n);
  const { values: hubs, iterations } = powerIterate('hits', n, { maxIterations, threshold: tolerance }, (current, next) => {
    // Authorities from the hubs, then hubs from those authorities. networkx
    // and graphology also divide the authorities by their maximum here; we
    // leave them unscaled, since the hubs' division by their own maximum
    // cancels any scale of the authorities (and the final division by the sum
    // would too): the same iterates up to rounding, one pass over n saved.
    // They stay bounded: hubs are ≤ 1 after scaling, so authorities ≤ n.
    if (weights) pullWeightedSums(inOffsets, inNeighbours, weights.in, current, authorities);
    else pullSums(inOffsets, inNeighbours, current, authorities);
    const hubMax = weights
      ? pullWeightedSums(outOffsets, outNeighbours, weights.out, authorities, next)
      : pullSums(outOffsets, outNeighbours, authorities, next);
    const hubScale = 1 / hubMax;
    return scaleAndMeasure(next, current, hubScale, 0);
  });
  divideBySum(hubs);
  divideBySum(authorities);
  return { hubs, authorities, iterations };
}

function divideBySum(x: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  const scale = 1 / sum;
  for (let i = 0; i < x.length; i++) x[i]! *= scale;
}
