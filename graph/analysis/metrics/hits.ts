import { ConvergenceError } from '../kernels/convergence';
import { byKey, csrOf, type Csr } from '../kernels/csr';
import { hits, type HitsResult } from '../kernels/hits';
import { allNull, TOO_SMALL, type MetricContext, type MetricDescriptor, type Scores } from './types';
import { tieWeight } from './weights';

/**
 * HITS hubs and authorities (Kleinberg 1999) over our kernel
 * (kernels/hits.ts): networkx's reference power iteration, which
 * graphology-metrics' hits(g, { getEdgeWeight: null }) also runs and which
 * stays the reference in tests/unit/kernels.test.ts (equal to 1e-9).
 * Settings: networkx's tolerance, 1e-8 on the summed change of the
 * max-scaled hubs; 1000 iterations instead of networkx's 100 (as eigenvector
 * takes 1000), so that slowly settling graphs still get a value — the same
 * value networkx's iteration reaches with max_iter=1000
 * (tests/fixtures/networkx-hits-metric.ts: out-stars-100-90 needs more than 100).
 *
 * Our kernel rather than graphology-metrics' hits: at 10k/50k undirected it
 * takes 12 ms, igraph's hub_score (ARPACK) 14 ms and graphology-metrics
 * 4.22 s (`npm run bench`, tests/bench/README.md).
 */
const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-8;

const SEE_ALSO =
  "networkx's power iteration _hits_python(G, max_iter=1000, tol=1e-8) (nx.hits(G), an SVD, agrees unless the top singular value is repeated)";

/**
 * One run for both metrics: hubs and authorities come out of the same
 * iteration, so the result is kept per CSR (csrOf gives one CSR per graph,
 * hence per computeMetrics call) and the second metric costs nothing. A
 * weighted run is kept under its weights (one object per computeMetrics call)
 * so that it is never taken for the unweighted one of the same graph.
 */
const runs = new WeakMap<Csr, HitsResult | string>();
const weightedRuns = new WeakMap<object, HitsResult | string>();

function hitsOf(ctx: MetricContext): { keys: readonly string[]; outcome: HitsResult | string } {
  const { csr, keys } = csrOf(ctx.graph);
  const weights = ctx.arcWeights;
  let outcome = weights ? weightedRuns.get(weights) : runs.get(csr);
  if (outcome === undefined) {
    try {
      outcome = hits(csr, { maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE, weights });
    } catch (error) {
      if (!(error instanceof ConvergenceError)) throw error;
      outcome =
        error.iterations === 0
          ? 'not defined on a graph without relations between distinct actors (nothing to point at); networkx fails too'
          : `power iteration did not converge in ${MAX_ITERATIONS} iterations (typical of two nearly equally strong, separate groups of hubs); networkx's iteration raises too`;
    }
    if (weights) weightedRuns.set(weights, outcome);
    else runs.set(csr, outcome);
  }
  return { keys, outcome };
}

function scores(ctx: MetricContext, which: 'hubs' | 'authorities'): Scores {
  if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
  const { keys, outcome } = hitsOf(ctx);
  if (typeof outcome === 'string') return allNull(ctx, outcome);
  return byKey(keys, outcome[which]);
}

export const hub: MetricDescriptor = {
  id: 'hub',
  label: 'Hub',
  short: 'Hub',
  description:
    'HITS hub score: directs relations at strong authorities — a source whose threats, supplies or support aim at the actors that matter.',
  convention:
    `HITS hubs, unweighted, summing to 1: ${SEE_ALSO}; from 1/n, authority = Σ hubs pointing in, hub = Σ authorities pointed at, ` +
    'each ÷ its max, until Σ|Δhub| < 1e-8; n/a if not converged. Undirected: hub = authority, except on bipartite graphs (a star, a tree)',
  integer: false,
  weighted: (by) => ({
    label: 'Hub (weighted)',
    short: 'Hub w',
    description: `HITS hub score with each tie counting as much as its ${by === 'value' ? 'value: directs relations of great value' : 'evidence: directs well-evidenced relations'} at strong authorities.`,
    convention: `HITS hubs, ${tieWeight(by)}, summing to 1: ${SEE_ALSO} with weight='weight'; authority = Σ weight × hub pointing in, hub = Σ weight × authority pointed at; otherwise as unweighted`,
    integer: false,
  }),
  compute: (ctx) => scores(ctx, 'hubs'),
};

export const authority: MetricDescriptor = {
  id: 'authority',
  label: 'Authority',
  short: 'Auth',
  description:
    'HITS authority score: receives relations from strong hubs — a target that the main sources of threats, supplies or support converge on.',
  convention:
    `HITS authorities, unweighted, summing to 1: the same iteration as Hub, ${SEE_ALSO}; n/a if not converged. ` +
    'Undirected: authority = hub, except on bipartite graphs (a star, a tree)',
  integer: false,
  weighted: (by) => ({
    label: 'Authority (weighted)',
    short: 'Auth w',
    description: `HITS authority score with each tie counting as much as its ${by === 'value' ? 'value: receives relations of great value' : 'evidence: receives well-evidenced relations'} from strong hubs.`,
    convention: `HITS authorities, ${tieWeight(by)}, summing to 1: the same weighted iteration as Hub; otherwise as unweighted`,
    integer: false,
  }),
  compute: (ctx) => scores(ctx, 'authorities'),
};
