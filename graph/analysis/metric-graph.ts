/**
 * The simple graph that path-based metrics run on. Actorscope's data is a
 * multigraph (several typed relations may join two actors); like networkx's
 * DiGraph/Graph, path metrics count a tie between two actors once, however
 * many relations make it up. Self-relations are left out.
 *
 * Directed (the default): a `partner` relation is an arc each way, every other
 * type one arc source → target. Undirected: every relation is a mutual tie.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { Dataset } from '../model/types';
import { isMutual } from '../model/types';
import { actorKey } from '../model/actor-graph';
import { csrFromDataset, rememberCsr, type GraphLike } from './kernels/csr';

export type SimpleGraph = DirectedGraph | UndirectedGraph;

/**
 * What the metrics read of their graph (MetricContext.graph): its size, its
 * node keys, and its CSR through kernels/csr.ts's csrOf. A graphology
 * SimpleGraph is one; computeMetrics uses csrMetricGraph's, which is built
 * straight from the dataset.
 */
export interface MetricGraph extends GraphLike {
  /** Ties between distinct actors (graphology's `size`). */
  readonly size: number;
}

/**
 * buildMetricGraph's graph as its CSR (kernels/csr.ts csrFromDataset) behind
 * the few graph methods the metrics use, node `a<i>` = dataset.actors[i]. The
 * same CSR, node for node and neighbour for neighbour, as
 * csrOf(buildMetricGraph(dataset, undirected)), without a graphology graph:
 * at 10k/50k, 8 ms instead of ~250 ms (graphology's mergeEdge per relation,
 * then its edges read back into a CSR), most of `actorscope metrics`' time
 * for the fast metrics (tests/bench/README.md, "CLI whole process").
 */
export function csrMetricGraph(dataset: Dataset, undirected = false): MetricGraph {
  const csr = csrFromDataset(dataset, undirected);
  const keys = dataset.actors.map((_a, i) => actorKey(i));
  const graph: MetricGraph = {
    type: csr.directed ? 'directed' : 'undirected',
    order: csr.order,
    size: csr.ties,
    forEachNode: (callback) => keys.forEach((key) => callback(key)),
    forEachEdge: (callback) => {
      const { outOffsets, outNeighbours } = csr;
      for (let u = 0; u < csr.order; u++) {
        for (let j = outOffsets[u]!; j < outOffsets[u + 1]!; j++) {
          const v = outNeighbours[j]!;
          // An undirected tie is stored both ways: visit it once, from its lower end.
          if (!csr.directed && v < u) continue;
          callback(`e${j}`, {}, keys[u]!, keys[v]!, {}, {}, !csr.directed);
        }
      }
    },
  };
  rememberCsr(graph, { csr, keys });
  return graph;
}

export function buildMetricGraph(dataset: Dataset, undirected = false): SimpleGraph {
  const graph: SimpleGraph = undirected ? new UndirectedGraph() : new DirectedGraph();
  const keyOf = new Map<string, string>();
  dataset.actors.forEach((a, i) => {
    keyOf.set(a.id, actorKey(i));
    graph.addNode(actorKey(i));
  });
  for (const r of dataset.relations) {
    const s = keyOf.get(r.source);
    const t = keyOf.get(r.target);
    if (s === undefined || t === undefined || s === t) continue;
    graph.mergeEdge(s, t);
    if (!undirected && isMutual(r.type)) graph.mergeEdge(t, s);
  }
  return graph;
}

/** The same graph with every arc turned round (for in-distance closeness). */
export function reverseGraph(graph: DirectedGraph): DirectedGraph {
  const reversed = new DirectedGraph();
  graph.forEachNode((n) => reversed.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => reversed.mergeEdge(t, s));
  return reversed;
}
