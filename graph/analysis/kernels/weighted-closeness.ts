/**
 * Weighted closeness over a LengthGraph (arc-lengths.ts: a tie of weight w
 * has length 1/w): networkx's closeness_centrality(G, distance='length') with
 * length = 1/w and its default wf_improved=True — for each node v, the r
 * nodes that reach v and the sum D of their shortest distances to v
 * (incoming, as networkx runs Dijkstra on G.reverse()), and
 *   C(v) = (r / D) · (r / (n − 1)),   0 when r = 0.
 * One Dijkstra per node along the in-arcs (dijkstra.ts); the bit-parallel
 * trick of the unweighted kernel (closeness.ts) needs equal steps, so it has
 * no weighted form.
 */
import type { LengthGraph } from './arc-lengths';
import { DijkstraWorkspace } from './dijkstra';
import { progressStep, type ProgressListener } from './progress';

export interface WeightedClosenessOptions {
  /** networkx's wf_improved (default true). */
  wassermanFaust?: boolean;
  /** Nodes done of n (kernels/progress.ts: throttled, last call done = n). */
  onProgress?: ProgressListener;
}

export function weightedCloseness(graph: LengthGraph, options: WeightedClosenessOptions = {}): Float64Array {
  const n = graph.order;
  const wf = options.wassermanFaust ?? true;
  const out = new Float64Array(n);
  if (n < 2) return out;
  const search = new DijkstraWorkspace(n);
  const report = options.onProgress;
  const step = report ? progressStep(n) : Infinity;
  for (let v = 0; v < n; ) {
    const end = Math.min(n, v + step);
    for (; v < end; v++) {
      search.run(v, graph.inOffsets, graph.inNeighbours, graph.inLengths);
      const { dist, order, settled } = search;
      let total = 0;
      for (let i = 1; i < settled; i++) total += dist[order[i]!]!;
      const r = settled - 1;
      if (total > 0) out[v] = wf ? (r / total) * (r / (n - 1)) : r / total;
    }
    report?.(v, n);
  }
  return out;
}
