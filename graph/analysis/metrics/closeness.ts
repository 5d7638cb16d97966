import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import { allNull, fromRecord, TOO_SMALL, type MetricDescriptor } from './types';

export const closeness: MetricDescriptor = {
  id: 'closeness',
  label: 'Closeness',
  short: 'Clos',
  description: 'How near the actor is to the others it can be reached from: inverse mean distance.',
  convention:
    'networkx default: incoming distances on directed graphs, Wasserman–Faust correction for unreachable actors',
  integer: false,
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    // graphology walks inbound neighbours, like networkx's incoming distance;
    // wassermanFaust: true is networkx's default wf_improved=True (GUIDE §4).
    return fromRecord(ctx, closenessCentrality(ctx.graph, { wassermanFaust: true }));
  },
};
