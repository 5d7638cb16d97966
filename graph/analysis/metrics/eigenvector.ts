import { ConvergenceError } from '../kernels/convergence';
import { byKey, csrOf } from '../kernels/csr';
import { eigenvector as eigenvectorKernel } from '../kernels/eigenvector';
import { allNull, TOO_SMALL, type MetricDescriptor } from './types';
import { tieWeight } from './weights';

export const eigenvector: MetricDescriptor = {
  id: 'eigenvector',
  label: 'Eigenvector',
  short: 'Eig',
  description: 'Importance from being tied to important actors (scores flow along relations to their targets).',
  convention:
    'L2-normalised principal eigenvector by power iteration on A + I as networkx does (in-edges on directed graphs)',
  integer: false,
  weighted: (by) => ({
    label: 'Eigenvector (weighted)',
    short: 'Eig w',
    description: `Importance from being tied to important actors, each tie counting as much as its ${by === 'value' ? 'value' : 'evidence'}.`,
    convention: `L2-normalised principal eigenvector by power iteration on W + I as networkx's eigenvector_centrality(G, weight='weight') does (in-edges on directed graphs), ${tieWeight(by)}`,
    integer: false,
  }),
  compute(ctx) {
    if (ctx.graph.order < 2) return allNull(ctx, TOO_SMALL);
    // Our power iteration over the CSR (kernels/eigenvector.ts: same start,
    // update, stopping rule and returned iterate as networkx and
    // graphology-metrics' eigenvector(g, { getEdgeWeight: null, … }), which
    // stays the reference in tests/unit/kernels.test.ts).
    // At 10k/50k undirected: 6.4 ms, against graphology's 62 ms and igraph's
    // ARPACK 21 ms (`npm run bench`, tests/bench/README.md).
    const { csr, keys } = csrOf(ctx.graph);
    try {
      // More iterations and a tighter tolerance than networkx's (100, 1e-6),
      // so slow-converging graphs still give a value that matches its to 1e-6.
      return byKey(keys, eigenvectorKernel(csr, { maxIterations: 1000, tolerance: 1e-9, weights: ctx.arcWeights }).values);
    } catch (error) {
      if (!(error instanceof ConvergenceError)) throw error;
      // Power iteration does not converge where scores cannot circulate (an
      // acyclic graph, for one); networkx raises there too. n/a, not a wrong number.
      return allNull(
        ctx,
        ctx.undirected
          ? 'power iteration did not converge (typical of a bipartite graph, such as suppliers and recipients, with large weights)'
          : 'power iteration did not converge (typical of a graph without cycles); try the undirected view',
      );
    }
  },
};
