import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { allNull, fromRecord, TOO_SMALL, type MetricDescriptor } from './types';

export const betweenness: MetricDescriptor = {
  id: 'betweenness',
  label: 'Betweenness',
  short: 'Betw',
  description: 'Share of shortest paths between other actors that run through this one: brokers and chokepoints.',
  convention:
    'Brandes, unweighted, normalised like networkx: 1/((n−1)(n−2)) directed, 2/((n−1)(n−2)) undirected; 0 for n = 2',
  integer: false,
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    // getEdgeWeight: null: otherwise graphology takes the slower weighted path
    // and reads any `weight` attribute (GUIDE §4).
    return fromRecord(ctx, betweennessCentrality(ctx.graph, { getEdgeWeight: null, normalized: true }));
  },
};
