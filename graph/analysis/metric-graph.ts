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

export type SimpleGraph = DirectedGraph | UndirectedGraph;

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
