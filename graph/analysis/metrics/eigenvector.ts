import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector.js';
import { allNull, fromRecord, TOO_SMALL, type MetricDescriptor } from './types';

export const eigenvector: MetricDescriptor = {
  id: 'eigenvector',
  label: 'Eigenvector',
  short: 'Eig',
  description: 'Importance from being tied to important actors (scores flow along relations to their targets).',
  convention:
    'L2-normalised principal eigenvector by power iteration on A + I as networkx does (in-edges on directed graphs)',
  integer: false,
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    try {
      // More iterations and a tighter tolerance than networkx's (100, 1e-6),
      // so slow-converging graphs still give a value that matches its to 1e-6.
      return fromRecord(
        ctx,
        eigenvectorCentrality(ctx.graph, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-9 }),
      );
    } catch {
      // Power iteration does not converge where scores cannot circulate (an
      // acyclic graph, for one); networkx raises there too. n/a, not a wrong number.
      return allNull(ctx, 'power iteration did not converge (typical of a graph without cycles); try the undirected view');
    }
  },
};
