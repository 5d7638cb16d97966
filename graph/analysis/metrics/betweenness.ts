import { betweenness as betweennessKernel, sampledBetweenness } from '../kernels/betweenness';
import { byKey, csrOf } from '../kernels/csr';
import { sampledWeightedBetweenness, weightedBetweenness } from '../kernels/weighted-betweenness';
import { allNull, TOO_SMALL, type MetricDescriptor, type MetricEstimate, type Scores } from './types';
import { tieLength } from './weights';

/** Seed of the sampled sources when the caller gives none. */
export const DEFAULT_BETWEENNESS_SEED = 1;

export const betweenness: MetricDescriptor = {
  id: 'betweenness',
  label: 'Betweenness',
  short: 'Betw',
  description: 'Share of shortest paths between other actors that run through this one: brokers and chokepoints.',
  convention:
    'Brandes, unweighted, normalised like networkx: 1/((n−1)(n−2)) directed, 2/((n−1)(n−2)) undirected; 0 for n = 2',
  integer: false,
  weighted: (by) => ({
    label: 'Betweenness (weighted)',
    short: 'Betw w',
    description: `Share of shortest paths between other actors that run through this one, a path being shorter the ${by === 'value' ? 'greater the value of' : 'better the evidence for'} its ties.`,
    convention: `Brandes with Dijkstra, ${tieLength(by)}; equal path lengths compared exactly, as networkx's betweenness_centrality(G, weight=1/w) does; normalised as unweighted: 1/((n−1)(n−2)) directed, 2/((n−1)(n−2)) undirected; 0 for n = 2`,
    integer: false,
  }),
  work: (ctx) =>
    ctx.graph.order < 2
      ? 1
      : (ctx.betweennessSamples ?? (ctx.betweennessSources ? ctx.betweennessSources.to - ctx.betweennessSources.from : ctx.graph.order)),
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    const { csr, keys } = csrOf(ctx.graph);
    const k = ctx.betweennessSamples;
    const lengths = ctx.lengths;
    if (k !== undefined && k < csr.order) {
      // Sampled sources (Brandes & Pich 2007), networkx's
      // betweenness_centrality(G, k=k, seed=…) in spirit: uniform sources
      // without replacement, their dependencies scaled by n/k (unbiased), then
      // normalised as above. networkx draws its sources with Python's random,
      // so its numbers for a given seed are not ours; the bound is what to compare.
      const seed = ctx.betweennessSeed ?? DEFAULT_BETWEENNESS_SEED;
      const options = { samples: k, seed, confidence: 0.95, onProgress: ctx.progress };
      const s = lengths ? sampledWeightedBetweenness(csr, lengths, options) : sampledBetweenness(csr, options);
      const scores: Scores = byKey(keys, s.values);
      scores.estimate = estimateOf(s.samples, csr.order, seed, s.bound.epsilon, s.bound.confidence);
      return scores;
    }
    // Our typed-array Brandes (kernels/betweenness.ts) instead of
    // graphology-metrics' betweenness(g, { getEdgeWeight: null }), which stays
    // the reference in tests/unit/kernels.test.ts (equal to 1e-9).
    // At 10k/50k undirected: 8.74 s on one thread, against graphology's 21.7 s
    // and igraph's 9.72 s (`npm run bench`, tests/bench/README.md).
    const options = { onProgress: ctx.progress, sources: ctx.betweennessSources };
    // Weighted: the same Brandes with Dijkstra's searches (kernels/weighted-betweenness.ts),
    // = networkx's betweenness_centrality(G, weight=1/w) to 1e-9 (tests/unit/value-weighted-metrics.test.ts).
    if (lengths) return byKey(keys, weightedBetweenness(csr, lengths, options));
    return byKey(keys, betweennessKernel(csr, options));
  },
};

/**
 * The estimate's record. The bound is the kernel's (kernels/betweenness.ts,
 * SampledBetweenness.bound): each sampled term n·δ_s(v)/((n−1)(n−2)) lies in
 * [0, n/(n−1)], so Hoeffding's inequality (which holds for sampling without
 * replacement too, Hoeffding 1963 §6) with a union bound over the n actors gives
 * ε = n/(n−1) · √(ln(2n/0.05) / (2k)) at 95 %, for every actor at once.
 */
export function estimateOf(samples: number, of: number, seed: number, epsilon: number, confidence: number): MetricEstimate {
  const percent = `${+(confidence * 100).toFixed(1)} %`;
  const vacuous = epsilon >= 1 ? ', which says nothing since betweenness lies in [0, 1]: sample more sources' : '';
  return {
    samples,
    of,
    seed,
    epsilon,
    confidence,
    bound:
      `within ±${+epsilon.toPrecision(2)} of the exact value for every actor at once, with probability at least ${percent}${vacuous} ` +
      `(Hoeffding's inequality with a union bound over the ${of} actors)`,
  };
}
