/**
 * computeMetrics' graph (graph/analysis/metric-graph.ts csrMetricGraph): the
 * CSR built straight from the dataset, behind the graph methods the metrics
 * read. On random datasets (fast-check, directed and undirected, with
 * parallel relations and self-relations), it is buildMetricGraph's graphology
 * graph in everything the metrics see: order, size, type, node keys in order,
 * the ties (forEachEdge, each undirected tie once) and the CSR csrOf gives
 * (which is the one it was built with, not rebuilt).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csrFromGraph, csrOf } from '../../graph/analysis/kernels';
import { buildMetricGraph, csrMetricGraph, type MetricGraph } from '../../graph/analysis/metric-graph';
import { arbitraryDataset } from '../support/arbitrary-dataset';

function nodes(graph: MetricGraph): string[] {
  const out: string[] = [];
  graph.forEachNode((n) => out.push(n));
  return out;
}

function ties(graph: MetricGraph): string[] {
  const out: string[] = [];
  graph.forEachEdge((_e, _a, s, t, _sa, _ta, undirected) => out.push(undirected ? [s, t].sort().join('—') : `${s}→${t}`));
  return out.sort();
}

describe('csrMetricGraph', () => {
  it('is buildMetricGraph in order, size, type, nodes, ties and CSR', () => {
    fc.assert(
      fc.property(arbitraryDataset, fc.boolean(), (dataset, undirected) => {
        const reference = buildMetricGraph(dataset, undirected);
        const graph = csrMetricGraph(dataset, undirected);
        expect([graph.order, graph.size, graph.type]).toEqual([reference.order, reference.size, reference.type]);
        expect(nodes(graph)).toEqual(nodes(reference));
        expect(ties(graph)).toEqual(ties(reference));
        expect(csrOf(graph)).toEqual(csrFromGraph(reference));
        // csrOf hands back the CSR it was built with; read from its edges it is the same.
        expect(csrOf(graph)).toBe(csrOf(graph));
        expect(csrFromGraph(graph)).toEqual(csrOf(graph));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
