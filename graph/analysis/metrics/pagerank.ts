import pagerankCentrality from 'graphology-metrics/centrality/pagerank.js';
import { allNull, fromRecord, TOO_SMALL, type MetricDescriptor } from './types';

export const pagerank: MetricDescriptor = {
  id: 'pagerank',
  label: 'PageRank',
  short: 'PR',
  description: 'Chance a random walk along relations stands at the actor: influence received.',
  convention: 'alpha 0.85, unweighted, dangling actors spread uniformly, scores sum to 1 (networkx default)',
  integer: false,
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    return fromRecord(
      ctx,
      pagerankCentrality(ctx.graph, { getEdgeWeight: null, alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 }),
    );
  },
};
