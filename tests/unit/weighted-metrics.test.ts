/**
 * Centralities weighted by evidence (`weighted: true`, graph/analysis/metrics/weights.ts):
 * strength, and eigenvector, PageRank and HITS with each tie weighing the
 * summed confidence of its relations; betweenness and closeness with length
 * 1/w (compared with networkx at test time in value-weighted-metrics.test.ts); PN unweighted.
 *
 * Known answers from networkx 3.6.1 (pyenv python3), this script: each
 * relation weighs its confidence (the grades below: B2 0.64, A1 1.0, no claim
 * 0.5, C3 0.36, F6 0.09, A2 0.8, D4 0.16, a disputing claim only 0); parallel
 * relations add up on their tie, a partner relation is an arc each way.
 *
 *   import networkx as nx
 *   from networkx.algorithms.link_analysis.hits_alg import _hits_python
 *   rel = [('A','partner','B',0.64),('A','threat','C',1.0),('B','supplier','C',0.5),('C','supplier','D',0.36),
 *          ('D','suspected-supporter','A',0.09),('B','supplier','A',0.8),('E','threat','D',0.16),('F','threat','A',0.0)]
 *   D = nx.DiGraph(); D.add_nodes_from('ABCDEF'); U = nx.Graph(); U.add_nodes_from('ABCDEF')
 *   def add(G, s, t, w):
 *       if G.has_edge(s, t): G[s][t]['weight'] += w
 *       else: G.add_edge(s, t, weight=w)
 *   for s, ty, t, w in rel:
 *       add(D, s, t, w)
 *       if ty == 'partner': add(D, t, s, w)
 *       add(U, s, t, w)
 *   for G in (D, U):
 *       nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-12, max_iter=1000)
 *       nx.eigenvector_centrality(G, weight='weight', max_iter=1000, tol=1e-12)
 *       _hits_python(G, max_iter=1000, tol=1e-12)
 *   dict(D.in_degree(weight='weight')), dict(D.out_degree(weight='weight')), dict(U.degree(weight='weight'))
 *
 * F's only relation weighs 0, so F is dangling in the weighted PageRank
 * (networkx's scipy PageRank: a zero row of the weighted adjacency).
 * The kernels are also checked against graphology-metrics 2.4.2 with
 * getEdgeWeight: 'weight' on random weighted graphs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import eigenvectorReference from 'graphology-metrics/centrality/eigenvector.js';
import hitsReference from 'graphology-metrics/centrality/hits.js';
import pagerankReference from 'graphology-metrics/centrality/pagerank.js';
import { arcWeights, csrFromArcs, eigenvector, hits, pagerank } from '../../graph/analysis/kernels';
import { computeMetrics, metricView, type MetricId, type MetricsResult } from '../../graph/analysis/metrics';
import type { Claim, Dataset, Relation, RelationType } from '../../graph/model/types';
import { testClaim } from '../support/claims';

type Tie = readonly [string, RelationType, string, Claim[]];

const WEIGHED: readonly Tie[] = [
  ['A', 'partner', 'B', [testClaim('B2')]],
  ['A', 'threat', 'C', [testClaim('A1')]],
  ['B', 'supplier', 'C', []],
  ['C', 'supplier', 'D', [testClaim('C3')]],
  ['D', 'suspected-supporter', 'A', [testClaim('F6')]],
  ['B', 'supplier', 'A', [testClaim('A2')]],
  ['E', 'threat', 'D', [testClaim('D4')]],
  ['F', 'threat', 'A', [testClaim('B2', 'disputes')]],
];

function dataset(actors: readonly string[], ties: readonly Tie[]): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: { title: 'weighted metrics test' },
    actors: actors.map((id) => ({ id, name: id, kind: 'state', aliases: [] })),
    relations: ties.map(([source, type, target, claims], i): Relation => ({ id: `r${i + 1}`, source, target, type, claims })),
  };
}

const GRAPH = dataset(['A', 'B', 'C', 'D', 'E', 'F'], WEIGHED);

const NETWORKX = {
  directed: {
    pagerank: { A: 0.32703304513, B: 0.137605467586, C: 0.22877057565, D: 0.24833848445, E: 0.029126213592, F: 0.029126213592 },
    eigenvector: { A: 0.535336463721, B: 0.348715882991, C: 0.722331094381, D: 0.264669404448, E: 0, F: 0 },
    hub: { A: 0.294454955878, B: 0.671311469249, C: 0, D: 0.034233574873, E: 0, F: 0 },
    authority: { A: 0.542276189753, B: 0.105378215577, C: 0.352345594671, D: 0, E: 0, F: 0 },
    inDegree: { A: 1.53, B: 0.64, C: 1.5, D: 0.52, E: 0, F: 0 },
    outDegree: { A: 1.64, B: 1.94, C: 0.36, D: 0.09, E: 0.16, F: 0 },
  },
  undirected: {
    pagerank: { A: 0.305131581211, B: 0.233168243256, C: 0.246925105917, D: 0.12798768349, E: 0.057661172534, F: 0.029126213592 },
    eigenvector: { A: 0.649604944381, B: 0.57745918024, C: 0.481013924101, D: 0.114451092305, E: 0.008992423661, F: 0 },
    hub: { A: 0.354680478191, B: 0.315289315384, C: 0.262630772892, D: 0.062489623115, E: 0.004909810418, F: 0 },
    authority: { A: 0.354680478192, B: 0.315289315384, C: 0.262630772892, D: 0.062489623115, E: 0.004909810418, F: 0 },
    // U.degree(weight='weight'): the strength; a partner relation once.
    degree: { A: 2.53, B: 1.94, C: 1.86, D: 0.61, E: 0.16, F: 0 },
  },
} as const;

const column = (result: MetricsResult, metric: MetricId) => Object.fromEntries(result.actors.map((a) => [a.id, a[metric] ?? null]));

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>, digits = 6): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, value] of Object.entries(expected)) expect(actual[id], id).toBeCloseTo(value, digits);
}

describe('weighted by evidence: known answers from networkx', () => {
  for (const mode of ['directed', 'undirected'] as const) {
    it(`${mode}: strength, eigenvector, PageRank, hub and authority = networkx's weighted values to 1e-6`, () => {
      const result = computeMetrics(GRAPH, { weighted: true, undirected: mode === 'undirected' });
      for (const [metric, expected] of Object.entries(NETWORKX[mode])) expectClose(column(result, metric as MetricId), expected);
    });
  }

  it('degree (directed) is the strength with a partner relation once, parallel relations each adding their confidence', () => {
    const result = computeMetrics(GRAPH, { weighted: true });
    expectClose(column(result, 'degree'), NETWORKX.undirected.degree, 12);
    expect(metricView('degree', true)).toMatchObject({ label: 'Strength', integer: false, weighted: true });
    expect(result.conventions.degree).toMatch(/weighted by evidence: a relation weighs its confidence.*the sum of the relations' weights/);
  });

  it('with every confidence 1 the strengths are the degrees, and on a graph without parallel relations the power iterations are the unweighted ones', () => {
    const ones = dataset(['A', 'B', 'C', 'D', 'E', 'F'], WEIGHED.map(([s, t, u]) => [s, t, u, [testClaim('A1')]] as const));
    const weighted = computeMetrics(ones, { weighted: true });
    const plain = computeMetrics(ones);
    for (const metric of ['degree', 'inDegree', 'outDegree'] as const) {
      expectClose(column(weighted, metric), column(plain, metric) as Record<string, number>, 12);
    }
    // GRAPH has parallel relations (B→A as partner and supplier: weight 2 on one tie), so the power iterations are compared on one without.
    const simple = dataset(['A', 'B', 'C', 'D'], [
      ['A', 'partner', 'B', [testClaim('A1')]],
      ['B', 'supplier', 'C', [testClaim('A1')]],
      ['C', 'threat', 'A', [testClaim('A1')]],
      ['C', 'threat', 'D', [testClaim('A1')]],
    ]);
    const w = computeMetrics(simple, { weighted: true });
    const u = computeMetrics(simple);
    for (const metric of ['eigenvector', 'pagerank', 'hub', 'authority'] as const) {
      expectClose(column(w, metric), column(u, metric) as Record<string, number>, 9);
    }
  });

  it('PN stays unweighted, betweenness and closeness take lengths 1/confidence, and the result and the conventions say so', () => {
    const all = ['degree', 'betweenness', 'closeness', 'pagerank', 'pn'] as const;
    const weighted = computeMetrics(GRAPH, { weighted: true, metrics: all });
    const plain = computeMetrics(GRAPH, { metrics: all });
    expect(column(weighted, 'pn')).toEqual(column(plain, 'pn'));
    expect(weighted.conventions.pn).toMatch(/^unweighted \(the weighting does not apply to it\): /);
    expect(metricView('pn', true).weighted).toBe(false);
    for (const metric of ['betweenness', 'closeness'] as const) {
      expect(weighted.conventions[metric]).toMatch(/weighted by evidence: .*length 1\/w/);
      expect(metricView(metric, true).weighted).toBe(true);
    }
    expect(column(weighted, 'closeness')).not.toEqual(column(plain, 'closeness'));
    expect(weighted.weighted).toBe(true);
    expect(weighted.weightBy).toBe('evidence');
    expect(weighted.unweighted).toEqual(['pn']);
    expect(plain.weighted).toBe(false);
    expect(plain.unweighted).toBeUndefined();
    expect(column(weighted, 'pagerank')).not.toEqual(column(plain, 'pagerank'));
  });

  it('HITS weighted: ties that all weigh 0 are n/a, as a graph without ties', () => {
    const zero = dataset(['A', 'B'], [['A', 'threat', 'B', [testClaim('A1', 'disputes')]]]);
    const result = computeMetrics(zero, { weighted: true, metrics: ['hub', 'pagerank'] });
    expect(result.unavailable.hub).toMatch(/without relations/);
    expectClose(column(result, 'pagerank'), { A: 0.5, B: 0.5 }, 12);
  });
});

// ------------------------------------------------------------- kernels = graphology-metrics, weighted

interface WeightedGraph {
  n: number;
  directed: boolean;
  arcs: Array<[number, number, number]>;
}

const weightedGraph: fc.Arbitrary<WeightedGraph> = fc
  .record({ n: fc.integer({ min: 2, max: 30 }), directed: fc.boolean() })
  .chain(({ n, directed }) =>
    fc.record({
      n: fc.constant(n),
      directed: fc.constant(directed),
      // Positive weights: graphology divides by a zero out-strength where networkx (and we) call the node dangling.
      arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.05, max: 1, noNaN: true })), { maxLength: n * 3 }),
    }),
  );

function setup(g: WeightedGraph) {
  const arcs = g.arcs.filter(([s, t]) => s !== t);
  const csr = csrFromArcs(g.n, arcs.map((a) => a[0]), arcs.map((a) => a[1]), g.directed);
  const weights = arcWeights(csr, arcs.map((a) => a[0]), arcs.map((a) => a[1]), arcs.map((a) => a[2]));
  const graph = g.directed ? new DirectedGraph() : new UndirectedGraph();
  for (let v = 0; v < g.n; v++) graph.addNode(String(v));
  for (const [s, t, w] of arcs) {
    const edge = graph.edge(String(s), String(t));
    if (edge === undefined) graph.addEdge(String(s), String(t), { weight: w });
    else graph.updateEdgeAttribute(edge, 'weight', (x) => (x as number) + w);
  }
  return { csr, weights, graph };
}

function attempt<T>(f: () => T): T | 'throws' {
  try {
    return f();
  } catch {
    return 'throws';
  }
}

function expectSame(ours: ArrayLike<number> | 'throws', reference: Record<string, number> | 'throws', n: number): void {
  if (reference === 'throws' || ours === 'throws') {
    expect(ours === 'throws').toBe(reference === 'throws');
    return;
  }
  for (let v = 0; v < n; v++) expect(Math.abs(ours[v]! - reference[String(v)]!)).toBeLessThan(1e-9);
}

describe('weighted kernels = graphology-metrics with getEdgeWeight "weight" (fast-check)', () => {
  it('PageRank, eigenvector and HITS, parallel arcs adding their weights', () => {
    fc.assert(
      fc.property(weightedGraph, (g) => {
        const { csr, weights, graph } = setup(g);
        const options = { maxIterations: 1000, tolerance: 1e-10 };
        expectSame(pagerank(csr, { ...options, weights }).values, pagerankReference(graph, { getEdgeWeight: 'weight', alpha: 0.85, ...options }), g.n);
        expectSame(
          attempt(() => eigenvector(csr, { ...options, weights }).values),
          attempt(() => eigenvectorReference(graph, { getEdgeWeight: 'weight', ...options })),
          g.n,
        );
        const ours = attempt(() => hits(csr, { maxIterations: 1000, weights }));
        const theirs = attempt(() => hitsReference(graph, { getEdgeWeight: 'weight', maxIterations: 1000 }));
        expectSame(ours === 'throws' ? ours : ours.hubs, theirs === 'throws' ? theirs : theirs.hubs, g.n);
        expectSame(ours === 'throws' ? ours : ours.authorities, theirs === 'throws' ? theirs : theirs.authorities, g.n);
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
