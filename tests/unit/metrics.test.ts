/**
 * computeMetrics (graph/analysis/metrics) against known answers:
 * - every graph in tests/fixtures/networkx-values.ts (networkx 2.8.8; see its
 *   header for the script), built as an Actorscope dataset in each way that
 *   should give networkx's numbers;
 * - networkx's own Florentine families test values;
 * - degrees worked by hand (partner once, parallel types each, no self-relations);
 * - edge cases: empty, one and two actors, prototype-named ids, no NaN,
 *   the `metrics` and `filter` options, and `unavailable`;
 * - HITS hub and authority against networkx 2.8.8's iteration
 *   (tests/fixtures/networkx-hits-metric.ts, script in its header), n/a where
 *   it does not converge or there is nothing to point at;
 * - the options betweennessSamples (a sampled estimate with its bound: exact
 *   at k ≥ n, seeded, unbiased, inside its bound), onProgress (monotone, ends
 *   at total, throttled, changes nothing) and clock (timings).
 */
import { describe, it, expect } from 'vitest';
import { computeMetrics, METRIC_IDS, metricById, type MetricsResult } from '../../graph/analysis/metrics';
import { csrFromDataset, sampledBetweenness } from '../../graph/analysis/kernels';
import type { Dataset, RelationType } from '../../graph/model/types';
import { handle } from '../../graph/protocol';
import { barabasiAlbert, toDataset } from '../bench/generate';
import { NETWORKX_HITS_METRIC, type HitsMetricCase } from '../fixtures/networkx-hits-metric';
import {
  NETWORKX_TOLERANCE,
  actorsDirected,
  florentine15,
  networkxFixtures,
  path4Directed,
  type NetworkxFixture,
} from '../fixtures/networkx-values';

type Edge = [source: string, target: string, type: RelationType];

function dataset(actorIds: readonly string[], edges: readonly Edge[], kinds: Record<string, string> = {}): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: { title: 'metrics test' },
    actors: actorIds.map((id) => ({ id, name: `name of ${id}`, kind: kinds[id] ?? 'state', aliases: [] })),
    relations: edges.map(([source, target, type], i) => ({ id: `r${i + 1}`, source, target, type, claims: [] })),
  };
}

/** The fixture's edges as relations, every one of the given type (or types, in turn). */
function fromFixture(f: NetworkxFixture, types: readonly RelationType[]): Dataset {
  return dataset(
    f.nodes,
    f.edges.map(([s, t], i): Edge => [s, t, types[i % types.length]!]),
  );
}

const PATH_METRICS = ['betweenness', 'closeness', 'eigenvector', 'pagerank'] as const;

/** Compares every path metric of every actor with the fixture, within NETWORKX_TOLERANCE. */
function expectMatchesNetworkx(result: MetricsResult, f: NetworkxFixture): void {
  expect(result.actors.map((a) => a.id)).toEqual(f.nodes);
  for (const metric of PATH_METRICS) {
    const expected = f.expected[metric];
    for (const row of result.actors) {
      const got = row[metric];
      const where = `${f.name} ${metric} ${row.id}`;
      if (expected === null) {
        expect(got, where).toBeNull();
      } else {
        const want = expected[row.id];
        expect(want, `${where}: fixture has a value`).toBeTypeOf('number');
        expect(got, where).toBeTypeOf('number');
        expect(Math.abs((got as number) - want!), `${where}: got ${got}, networkx ${want}`).toBeLessThanOrEqual(NETWORKX_TOLERANCE);
      }
    }
  }
}

function byId(result: MetricsResult) {
  return Object.fromEntries(result.actors.map((a) => [a.id, a] as const));
}

/** Every metric value present is null (n/a) or a finite number. */
function expectNoNaN(result: MetricsResult): void {
  for (const row of result.actors) {
    for (const m of result.metrics) {
      const v = row[m];
      if (v !== null) {
        expect(typeof v, `${row.id} ${m}`).toBe('number');
        expect(Number.isFinite(v), `${row.id} ${m} = ${v}`).toBe(true);
      }
    }
  }
}

describe('known answers from networkx 2.8.8 (tests/fixtures/networkx-values.ts)', () => {
  for (const f of networkxFixtures) {
    if (f.directed) {
      // Directed fixture: each edge one arc source → target, as a `threat`.
      it(`${f.name}: one threat relation per arc`, () => {
        const result = computeMetrics(fromFixture(f, ['threat']));
        expect(result.graph.directed).toBe(true);
        expectMatchesNetworkx(result, f);
        expectNoNaN(result);
      });
      // Every non-partner type is one arc too, so mixing them changes nothing.
      it(`${f.name}: threat, supplier, suspected-supporter and other relations alike`, () => {
        const result = computeMetrics(fromFixture(f, ['threat', 'supplier', 'suspected-supporter', 'other']));
        expectMatchesNetworkx(result, f);
      });
    } else {
      // Undirected fixture: a partner relation is an arc each way, which is the undirected graph.
      it(`${f.name}: partner relations in the directed view`, () => {
        const result = computeMetrics(fromFixture(f, ['partner']));
        expect(result.graph.directed).toBe(true);
        expectMatchesNetworkx(result, f);
        expectNoNaN(result);
      });
      it(`${f.name}: threat relations with undirected: true`, () => {
        const result = computeMetrics(fromFixture(f, ['threat']), { undirected: true });
        expect(result.graph.directed).toBe(false);
        expectMatchesNetworkx(result, f);
        expectNoNaN(result);
      });
      it(`${f.name}: partner relations with undirected: true`, () => {
        expectMatchesNetworkx(computeMetrics(fromFixture(f, ['partner']), { undirected: true }), f);
      });
    }
  }

  it('actorsDirected: partners T–R, T–C, C–A, U–K plus supplier R→T and one-way relations give the fixture', () => {
    // The dataset nx_fixtures.py's `ex` graph was built from (fixture actorsDirected,
    // see its notes): partners are arcs both ways; the supplier R→T merges onto
    // the partner arc R→T in the simple graph path metrics run on.
    const d = dataset(actorsDirected.nodes, [
      ['T', 'R', 'partner'],
      ['T', 'C', 'partner'],
      ['A', 'C', 'partner'],
      ['X', 'T', 'threat'],
      ['X', 'C', 'suspected-supporter'],
      ['T', 'P', 'supplier'],
      ['A', 'P', 'threat'],
      ['R', 'T', 'supplier'],
      ['T', 'A', 'threat'],
      ['U', 'K', 'partner'],
    ]);
    const result = computeMetrics(d);
    expectMatchesNetworkx(result, actorsDirected);
    // 10 relations; 13 distinct arcs (4 partners × 2 + 5 one-way, R→T merged).
    expect(result.graph).toMatchObject({ actors: 8, relations: 10, ties: 13, directed: true });
    // Degrees by hand: they count relations, so the supplier R→T counts even
    // though it adds no arc. T: partners R, C; X→T; T→P; R→T; T→A.
    const row = byId(result);
    expect([row.T!.degree, row.T!.inDegree, row.T!.outDegree]).toEqual([6, 4, 4]);
    expect([row.R!.degree, row.R!.inDegree, row.R!.outDegree]).toEqual([2, 1, 2]);
    expect([row.X!.degree, row.X!.inDegree, row.X!.outDegree]).toEqual([2, 0, 2]);
    expect([row.P!.degree, row.P!.inDegree, row.P!.outDegree]).toEqual([2, 2, 0]);
  });

  it('florentine15: Medici betweenness 0.522 as in networkx\'s own test', () => {
    // networkx/algorithms/centrality/tests/test_betweenness_centrality.py,
    // test_florentine_families_graph: betweenness_centrality(G, weight=None,
    // normalized=True) checked to 3 places (GUIDE §3 quotes Medici as 0.5219;
    // the exact value is 0.521978).
    const answer: Record<string, number> = {
      Acciaiuoli: 0.0, Albizzi: 0.212, Barbadori: 0.093, Bischeri: 0.104, Castellani: 0.055,
      Ginori: 0.0, Guadagni: 0.255, Lamberteschi: 0.0, Medici: 0.522, Pazzi: 0.0,
      Peruzzi: 0.022, Ridolfi: 0.114, Salviati: 0.143, Strozzi: 0.103, Tornabuoni: 0.092,
    };
    const result = computeMetrics(fromFixture(florentine15, ['partner']), { metrics: ['betweenness'] });
    const row = byId(result);
    for (const [family, b] of Object.entries(answer)) {
      expect(row[family]!.betweenness, family).toBeCloseTo(b, 3);
    }
    expect(row.Medici!.betweenness).toBeCloseTo(0.5219, 3);
    expect(row.Medici!.betweenness).toBeCloseTo(0.521978, 6);
  });
});

describe('degree, in-degree and out-degree (worked by hand)', () => {
  it('a partner relation counts once for degree and both ways for in and out', () => {
    const row = byId(computeMetrics(dataset(['A', 'B'], [['A', 'B', 'partner']])));
    expect(row.A).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1 });
    expect(row.B).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1 });
  });

  it('parallel relations of different types each count', () => {
    const row = byId(
      computeMetrics(
        dataset(['A', 'B', 'C'], [
          ['A', 'B', 'partner'],
          ['A', 'B', 'threat'],
          ['B', 'A', 'supplier'],
          ['C', 'A', 'suspected-supporter'],
        ]),
      ),
    );
    // A: partner (in+out), threat out, supplier in, suspected-supporter in.
    expect(row.A).toMatchObject({ degree: 4, inDegree: 3, outDegree: 2 });
    expect(row.B).toMatchObject({ degree: 3, inDegree: 2, outDegree: 2 });
    expect(row.C).toMatchObject({ degree: 1, inDegree: 0, outDegree: 1 });
  });

  it('self-relations are not counted', () => {
    const row = byId(
      computeMetrics(dataset(['A', 'B'], [['A', 'A', 'threat'], ['A', 'A', 'partner'], ['A', 'B', 'threat']])),
    );
    expect(row.A).toMatchObject({ degree: 1, inDegree: 0, outDegree: 1 });
    expect(row.B).toMatchObject({ degree: 1, inDegree: 1, outDegree: 0 });
  });

  it('undirected: true makes in-degree and out-degree equal to degree', () => {
    const d = dataset(['A', 'B', 'C'], [['A', 'B', 'threat'], ['A', 'C', 'supplier'], ['B', 'C', 'partner'], ['C', 'A', 'other']]);
    const row = byId(computeMetrics(d, { undirected: true }));
    expect(row.A).toMatchObject({ degree: 3, inDegree: 3, outDegree: 3 });
    expect(row.B).toMatchObject({ degree: 2, inDegree: 2, outDegree: 2 });
    expect(row.C).toMatchObject({ degree: 3, inDegree: 3, outDegree: 3 });
    // The same dataset directed: one-way types split.
    const directed = byId(computeMetrics(d));
    expect(directed.A).toMatchObject({ degree: 3, inDegree: 1, outDegree: 2 });
    // C: supplier from A (in), partner B (in and out), other to A (out).
    expect(directed.C).toMatchObject({ degree: 3, inDegree: 2, outDegree: 2 });
  });
});

describe('edge cases', () => {
  it('an empty dataset gives no rows and no exception', () => {
    const result = computeMetrics(dataset([], []));
    expect(result.actors).toEqual([]);
    expect(result.graph).toEqual({ actors: 0, relations: 0, ties: 0, directed: true, filter: 'all actors and relations' });
    expect(result.metrics).toEqual([...METRIC_IDS]);
  });

  it('one actor: degree 0 and every path metric n/a (null), with a reason', () => {
    const result = computeMetrics(dataset(['A'], [['A', 'A', 'threat']]));
    expect(result.actors).toEqual([
      {
        id: 'A', name: 'name of A', degree: 0, inDegree: 0, outDegree: 0,
        betweenness: null, closeness: null, eigenvector: null, pagerank: null, hub: null, authority: null,
      },
    ]);
    expect(Object.keys(result.unavailable).sort()).toEqual(['authority', 'betweenness', 'closeness', 'eigenvector', 'hub', 'pagerank']);
    expect(result.unavailable.betweenness).toMatch(/fewer than two actors/);
  });

  it('two partners: betweenness 0 (not NaN), closeness 1, eigenvector 1/√2, PageRank ½', () => {
    const result = computeMetrics(dataset(['A', 'B'], [['A', 'B', 'partner']]));
    for (const row of result.actors) {
      expect(row).toMatchObject({ degree: 1, betweenness: 0, closeness: 1 });
      expect(row.eigenvector).toBeCloseTo(Math.SQRT1_2, 9);
      expect(row.pagerank).toBeCloseTo(0.5, 9);
    }
    expect(result.unavailable).toEqual({});
  });

  it('two actors, one threat A→B: closeness 0 and 1, PageRank 20/57 and 37/57, eigenvector n/a', () => {
    // PageRank by hand: B dangles and spreads evenly, so
    // pA = 0.075 + 0.425·pB and pA + pB = 1 → pA = 0.5/1.425 = 20/57.
    const row = byId(computeMetrics(dataset(['A', 'B'], [['A', 'B', 'threat']])));
    expect(row.A).toMatchObject({ betweenness: 0, closeness: 0, eigenvector: null });
    expect(row.B).toMatchObject({ betweenness: 0, closeness: 1, eigenvector: null });
    expect(row.A!.pagerank).toBeCloseTo(20 / 57, 8);
    expect(row.B!.pagerank).toBeCloseTo(37 / 57, 8);
  });

  it('ids __proto__, constructor, toString, hasOwnProperty give the same numbers as ordinary ids', () => {
    const plain = ['a', 'b', 'c', 'd'];
    const tricky = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const edges = (ids: string[]): Edge[] => [
      [ids[0]!, ids[1]!, 'partner'],
      [ids[1]!, ids[2]!, 'threat'],
      [ids[2]!, ids[3]!, 'supplier'],
      [ids[3]!, ids[0]!, 'threat'],
      [ids[0]!, ids[2]!, 'suspected-supporter'],
    ];
    const a = computeMetrics(dataset(plain, edges(plain)));
    const b = computeMetrics(dataset(tricky, edges(tricky)));
    expect(b.actors.map((r) => r.id)).toEqual(tricky);
    expect(b.actors.map(({ id: _id, name: _name, ...numbers }) => numbers)).toEqual(
      a.actors.map(({ id: _id, name: _name, ...numbers }) => numbers),
    );
    expect(b.graph).toEqual(a.graph);
    expectNoNaN(b);
    // And the numbers are real ones, not all zeros: __proto__ has the partner,
    // the threat from hasOwnProperty and its own suspected-supporter relation.
    expect(b.actors[0]).toMatchObject({ id: '__proto__', degree: 3, inDegree: 2, outDegree: 2 });
  });

  it('prototype-named ids on the actorsDirected fixture still match networkx', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'];
    const rename = new Map(actorsDirected.nodes.map((n, i) => [n, names[i]!]));
    const renamed: NetworkxFixture = {
      ...actorsDirected,
      nodes: actorsDirected.nodes.map((n) => rename.get(n)!),
      edges: actorsDirected.edges.map(([s, t]) => [rename.get(s)!, rename.get(t)!]),
      expected: {
        betweenness: renameKeys(actorsDirected.expected.betweenness, rename),
        closeness: renameKeys(actorsDirected.expected.closeness, rename),
        eigenvector: renameKeys(actorsDirected.expected.eigenvector!, rename),
        pagerank: renameKeys(actorsDirected.expected.pagerank, rename),
      },
    };
    expectMatchesNetworkx(computeMetrics(fromFixture(renamed, ['threat'])), renamed);
  });

  it('no NaN anywhere: every value is null or finite, on every fixture and small case', () => {
    const cases: Array<[Dataset, boolean]> = [
      [dataset([], []), false],
      [dataset(['A'], []), false],
      [dataset(['A'], []), true],
      [dataset(['A', 'B'], []), false],
      [dataset(['A', 'B'], [['A', 'B', 'threat']]), false],
      [dataset(['A', 'B'], [['A', 'B', 'threat']]), true],
      [dataset(['A', 'B', 'C'], [['A', 'A', 'partner']]), false],
      ...networkxFixtures.flatMap((f): Array<[Dataset, boolean]> => [
        [fromFixture(f, ['threat']), false],
        [fromFixture(f, ['threat']), true],
        [fromFixture(f, ['partner']), false],
      ]),
    ];
    for (const [d, undirected] of cases) {
      const result = computeMetrics(d, { undirected });
      expect(result.actors).toHaveLength(d.actors.length);
      expectNoNaN(result);
    }
  });
});

describe('options', () => {
  const d = dataset(
    ['S1', 'S2', 'G1', 'P1'],
    [
      ['S1', 'S2', 'partner'],
      ['S1', 'G1', 'threat'],
      ['G1', 'S2', 'threat'],
      ['S2', 'P1', 'supplier'],
      ['P1', 'S1', 'suspected-supporter'],
    ],
    { S1: 'state', S2: 'state', G1: 'armed-group', P1: 'person' },
  );

  it('metrics: computes only the metrics asked for, in registry order', () => {
    const result = computeMetrics(d, { metrics: ['pagerank', 'betweenness'] });
    expect(result.metrics).toEqual(['betweenness', 'pagerank']);
    for (const row of result.actors) expect(Object.keys(row).sort()).toEqual(['betweenness', 'id', 'name', 'pagerank']);
    expect(Object.keys(result.conventions).sort()).toEqual(['betweenness', 'pagerank']);
    // The same numbers as a full run.
    const full = byId(computeMetrics(d));
    for (const row of result.actors) {
      expect(row.betweenness).toBe(full[row.id]!.betweenness);
      expect(row.pagerank).toBe(full[row.id]!.pagerank);
    }
  });

  it('filter.relationTypes: only those relations make up the graph', () => {
    const result = computeMetrics(d, { filter: { relationTypes: ['threat'] } });
    expect(result.graph).toEqual({ actors: 4, relations: 2, ties: 2, directed: true, filter: 'relation types: threat' });
    // S1 → G1 → S2 is all that is left: G1 is the broker on the one 2-step path.
    const row = byId(result);
    expect(row.G1).toMatchObject({ degree: 2, inDegree: 1, outDegree: 1, betweenness: 1 / 6 });
    expect(row.S1).toMatchObject({ degree: 1, inDegree: 0, outDegree: 1, betweenness: 0 });
    expect(row.P1).toMatchObject({ degree: 0, inDegree: 0, outDegree: 0, betweenness: 0, closeness: 0 });
  });

  it('filter.actorKinds: hidden actors take their relations with them', () => {
    const result = computeMetrics(d, { filter: { actorKinds: ['state'] } });
    expect(result.graph).toEqual({ actors: 2, relations: 1, ties: 2, directed: true, filter: 'actor kinds: state' });
    expect(result.actors.map((a) => a.id)).toEqual(['S1', 'S2']);
    for (const row of result.actors) {
      expect(row).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1, betweenness: 0, closeness: 1, pagerank: 0.5 });
    }
  });

  it('the unfiltered graph counts every relation', () => {
    expect(computeMetrics(d).graph).toEqual({ actors: 4, relations: 5, ties: 6, directed: true, filter: 'all actors and relations' });
    expect(computeMetrics(d, { undirected: true }).graph).toMatchObject({ relations: 5, ties: 5, directed: false });
  });

  it('unavailable says why eigenvector is n/a on an acyclic graph, and only for eigenvector', () => {
    const result = computeMetrics(fromFixture(path4Directed, ['threat']));
    expect(Object.keys(result.unavailable)).toEqual(['eigenvector']);
    expect(result.unavailable.eigenvector).toMatch(/did not converge/);
    expect(result.unavailable.eigenvector).toMatch(/without cycles/);
    expect(result.actors.every((a) => a.eigenvector === null)).toBe(true);
    // The undirected view of the same graph has a cycle-free but symmetric
    // adjacency, and eigenvector is defined there.
    const undirected = computeMetrics(fromFixture(path4Directed, ['threat']), { undirected: true });
    expect(undirected.unavailable).toEqual({});
    expect(undirected.actors.every((a) => typeof a.eigenvector === 'number')).toBe(true);
  });
});

describe('HITS hub and authority against networkx 2.8.8 (tests/fixtures/networkx-hits-metric.ts)', () => {
  /** The case's graph as a dataset: threat relations when directed, partner (or undirected: true) when not. */
  function caseDataset(c: HitsMetricCase, stars?: [number, number]): Dataset {
    if (stars) {
      const [a, b] = stars;
      const ids = ['c1', ...Array.from({ length: a }, (_, i) => `x${i}`), 'c2', ...Array.from({ length: b }, (_, i) => `y${i}`)];
      const edges: Edge[] = [
        ...Array.from({ length: a }, (_, i): Edge => ['c1', `x${i}`, 'threat']),
        ...Array.from({ length: b }, (_, i): Edge => ['c2', `y${i}`, 'threat']),
      ];
      return dataset(ids, edges);
    }
    return dataset(c.nodes!, c.edges!.map(([s, t]): Edge => [s, t, c.directed ? 'threat' : 'partner']));
  }

  /** Every actor's hub and authority within 1e-6 of the fixture; for the stars, leaves x… and y… against x0 and y0. */
  function expectHits(result: MetricsResult, c: HitsMetricCase, where: string): void {
    const fixtureKey = (id: string) => (id in c.hubs! ? id : id.startsWith('x') ? 'x0' : 'y0');
    for (const row of result.actors) {
      for (const [metric, expected] of [['hub', c.hubs!], ['authority', c.authorities!]] as const) {
        const got = row[metric];
        const want = expected[fixtureKey(row.id)]!;
        expect(got, `${where} ${metric} ${row.id}`).toBeTypeOf('number');
        if (!(Math.abs(got! - want) <= NETWORKX_TOLERANCE)) expect.fail(`${where} ${metric} ${row.id}: ours ${got}, networkx ${want}`);
      }
    }
    for (const metric of ['hub', 'authority'] as const) {
      const sum = result.actors.reduce((total, row) => total + row[metric]!, 0);
      expect(Math.abs(sum - 1), `${where} ${metric} sums to 1`).toBeLessThanOrEqual(1e-12);
    }
    expect(result.unavailable.hub).toBeUndefined();
  }

  it('actors-directed: the dataset behind the networkx DiGraph (partners both ways, supplier R→T merged)', () => {
    const d = dataset(actorsDirected.nodes, [
      ['T', 'R', 'partner'], ['T', 'C', 'partner'], ['A', 'C', 'partner'], ['X', 'T', 'threat'],
      ['X', 'C', 'suspected-supporter'], ['T', 'P', 'supplier'], ['A', 'P', 'threat'], ['R', 'T', 'supplier'],
      ['T', 'A', 'threat'], ['U', 'K', 'partner'],
    ]);
    const c = NETWORKX_HITS_METRIC['actors-directed']!;
    expect(c.svdsAgrees).toBe(true);
    expectHits(computeMetrics(d), c, 'actors-directed');
    // The same graph from the fixture's arcs, one threat each.
    expectHits(computeMetrics(caseDataset(c)), c, 'actors-directed arcs');
  });

  it('florentine15: partner relations, or any relations undirected: hub = authority = networkx', () => {
    const c = NETWORKX_HITS_METRIC.florentine15!;
    expect(c.hubs).toEqual(c.authorities);
    expectHits(computeMetrics(caseDataset(c)), c, 'florentine15 partners');
    const undirected = computeMetrics(dataset(c.nodes!, c.edges!.map(([s, t]): Edge => [s, t, 'threat'])), { undirected: true });
    expectHits(undirected, c, 'florentine15 undirected');
    for (const row of undirected.actors) expect(Math.abs(row.hub! - row.authority!), row.id).toBeLessThanOrEqual(1e-9);
  });

  it('star5 undirected: bipartite, so hub ≠ authority — as networkx\'s iteration gives (its SVD differs here)', () => {
    const c = NETWORKX_HITS_METRIC.star5!;
    expect(c.svdsAgrees).toBe(false);
    const result = computeMetrics(caseDataset(c), { undirected: true });
    expectHits(result, c, 'star5');
    // Hubs settle at 1/5 each, authorities at ½ for the centre and ⅛ per leaf.
    expect(byId(result)['0']).toMatchObject({ hub: 0.2, authority: 0.5 });
  });

  it('path4-directed: a repeated singular value; the iteration from 1/n gives networkx\'s iteration\'s numbers', () => {
    const c = NETWORKX_HITS_METRIC['path4-directed']!;
    expectHits(computeMetrics(caseDataset(c)), c, 'path4-directed');
  });

  it('two out-stars of 100 and 90 leaves: more than networkx\'s default 100 iterations, within our 1000', () => {
    const c = NETWORKX_HITS_METRIC['out-stars-100-90']!;
    expect(c.convergesIn100).toBe(false);
    const result = computeMetrics(caseDataset(c, [100, 90]), { metrics: ['hub', 'authority'] });
    expectHits(result, c, 'out-stars-100-90');
  });

  it('two out-stars of 100 and 99 leaves: no convergence in 1000 iterations, so n/a with the reason (networkx raises too)', () => {
    const c = NETWORKX_HITS_METRIC['out-stars-100-99']!;
    expect(c.hubs).toBeNull();
    const result = computeMetrics(caseDataset(c, [100, 99]));
    for (const metric of ['hub', 'authority'] as const) {
      expect(result.actors.every((a) => a[metric] === null), metric).toBe(true);
      expect(result.unavailable[metric]).toMatch(/did not converge in 1000 iterations/);
    }
    // Only HITS: the other metrics are there.
    expect(Object.keys(result.unavailable).sort()).toEqual(['authority', 'hub']);
    expect(result.actors.every((a) => typeof a.pagerank === 'number')).toBe(true);
  });

  it('no relations between distinct actors: n/a, with the reason', () => {
    const result = computeMetrics(dataset(['A', 'B', 'C'], [['A', 'A', 'threat']]));
    expect(result.actors.map((a) => [a.hub, a.authority])).toEqual([[null, null], [null, null], [null, null]]);
    expect(result.unavailable.hub).toMatch(/without relations between distinct actors/);
    expect(result.unavailable.authority).toBe(result.unavailable.hub);
  });

  it('descriptors: labels, short names, and conventions that say how to reproduce the numbers in networkx', () => {
    expect([metricById('hub').label, metricById('hub').short]).toEqual(['Hub', 'Hub']);
    expect([metricById('authority').label, metricById('authority').short]).toEqual(['Authority', 'Auth']);
    for (const id of ['hub', 'authority'] as const) {
      const { convention } = metricById(id);
      expect(convention).toContain('_hits_python(G, max_iter=1000, tol=1e-8)');
      expect(convention).toContain('summing to 1');
      expect(convention).toContain('n/a if not converged');
      expect(convention).toMatch(/Undirected: .* except on bipartite graphs/);
    }
    expect(METRIC_IDS.slice(-2)).toEqual(['hub', 'authority']);
  });
});

describe('option betweennessSamples: a sampled estimate with its error bound', () => {
  const ba = toDataset(barabasiAlbert(300, 1200, 5));
  const exact = computeMetrics(ba, { metrics: ['betweenness'] });
  const column = (r: MetricsResult) => r.actors.map((a) => a.betweenness!);

  it('with k ≥ n sources it is the exact betweenness, and nothing is called an estimate', () => {
    for (const k of [300, 301, 10_000]) {
      const result = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: k });
      expect(column(result)).toEqual(column(exact));
      expect(result.estimates).toBeUndefined();
    }
    expect(exact.estimates).toBeUndefined();
  });

  it('with k < n: the kernel\'s estimate for the seed, and estimates.betweenness says so, with the Hoeffding bound', () => {
    const result = computeMetrics(ba, { betweennessSamples: 40, betweennessSeed: 9 });
    const kernel = sampledBetweenness(csrFromDataset(ba, false), { samples: 40, seed: 9 });
    expect(column(result)).toEqual(Array.from(kernel.values));
    const e = result.estimates!.betweenness!;
    expect(Object.keys(result.estimates!)).toEqual(['betweenness']);
    // ε = n/(n−1) · √(ln(2n/(1 − 0.95)) / (2k)), for every actor at once.
    const epsilon = (300 / 299) * Math.sqrt(Math.log((2 * 300) / 0.05) / (2 * 40));
    expect(e).toMatchObject({ samples: 40, of: 300, seed: 9, confidence: 0.95 });
    expect(e.epsilon).toBeCloseTo(epsilon, 12);
    expect(e.bound).toBe(
      `within ±${+epsilon.toPrecision(2)} of the exact value for every actor at once, with probability at least 95 % ` +
        "(Hoeffding's inequality with a union bound over the 300 actors)",
    );
    // Only betweenness is estimated: the other metrics are the exact run's.
    const full = computeMetrics(ba);
    for (const m of METRIC_IDS.filter((id) => id !== 'betweenness')) {
      expect(result.actors.map((a) => a[m]), m).toEqual(full.actors.map((a) => a[m]));
    }
  });

  it('the same seed gives the same estimate, another seed another; the default seed is 1', () => {
    const a = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 30, betweennessSeed: 4 });
    const b = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 30, betweennessSeed: 4 });
    const c = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 30, betweennessSeed: 5 });
    expect(column(a)).toEqual(column(b));
    expect(column(a)).not.toEqual(column(c));
    const byDefault = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 30 });
    expect(byDefault.estimates!.betweenness!.seed).toBe(1);
    expect(column(byDefault)).toEqual(column(computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 30, betweennessSeed: 1 })));
  });

  it('every actor inside the stated bound, on several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 25, betweennessSeed: seed });
      const { epsilon } = result.estimates!.betweenness!;
      result.actors.forEach((row, i) => {
        expect(Math.abs(row.betweenness! - exact.actors[i]!.betweenness!), `seed ${seed} ${row.id}`).toBeLessThanOrEqual(epsilon);
      });
    }
  });

  it('unbiased: averaged over 300 seeds, the estimates approach the exact values (directed view, k = 6 of 40)', () => {
    const small = toDataset(barabasiAlbert(40, 100, 2));
    const truth = column(computeMetrics(small, { metrics: ['betweenness'] }));
    const runs = 300;
    const mean = new Array<number>(40).fill(0);
    const square = new Array<number>(40).fill(0);
    for (let seed = 1; seed <= runs; seed++) {
      const v = column(computeMetrics(small, { metrics: ['betweenness'], betweennessSamples: 6, betweennessSeed: seed }));
      v.forEach((x, i) => {
        mean[i]! += x / runs;
        square[i]! += (x * x) / runs;
      });
    }
    truth.forEach((t, i) => {
      // Within 5 standard errors of the mean of 300 estimates.
      const sd = Math.sqrt(Math.max(0, square[i]! - mean[i]! * mean[i]!));
      expect(Math.abs(mean[i]! - t), `actor ${i}`).toBeLessThanOrEqual((5 * sd) / Math.sqrt(runs) + 1e-12);
    });
  });

  it('refuses a count that is not a whole number of at least 1; handle() passes the option through', () => {
    for (const bad of [0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => computeMetrics(ba, { betweennessSamples: bad })).toThrow(/betweennessSamples must be a whole number of at least 1/);
    }
    const response = handle({ type: 'metrics', dataset: ba, metrics: ['betweenness'], betweennessSamples: 20, betweennessSeed: 3 });
    expect(response.ok).toBe(true);
    if (response.ok) expect(response.result.estimates?.betweenness).toMatchObject({ samples: 20, of: 300, seed: 3 });
  });
});

describe('option onProgress', () => {
  const ba = toDataset(barabasiAlbert(500, 2000, 8));
  type Report = { stage: string; done: number; total: number };
  const record = (options: Parameters<typeof computeMetrics>[1] = {}) => {
    const reports: Report[] = [];
    const result = computeMetrics(ba, { ...options, onProgress: (p) => reports.push(p) });
    return { result, reports };
  };

  it('each metric in turn, from 0 to its total, never going back; the results are the same as without it', () => {
    const { result, reports } = record();
    expect(result).toEqual(computeMetrics(ba));
    const stages = [...new Set(reports.map((r) => r.stage))];
    expect(stages).toEqual([...METRIC_IDS]);
    for (const stage of stages) {
      const mine = reports.filter((r) => r.stage === stage);
      // Contiguous: one stage at a time.
      const first = reports.indexOf(mine[0]!);
      expect(reports.slice(first, first + mine.length)).toEqual(mine);
      const total = mine[0]!.total;
      expect(mine.every((r) => r.total === total), stage).toBe(true);
      expect(mine[0]!.done, stage).toBe(0);
      expect(mine[mine.length - 1]!.done, stage).toBe(total);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.done, stage).toBeGreaterThan(mine[i - 1]!.done);
    }
    // Betweenness counts sources, closeness actors; the quick metrics 0 then 1.
    const of = (stage: string) => reports.filter((r) => r.stage === stage);
    expect(of('betweenness')[0]!.total).toBe(500);
    expect(of('closeness')[0]!.total).toBe(500);
    expect(of('pagerank').map((r) => r.done)).toEqual([0, 1]);
    // Throttled: 0, then every 64 sources (500 / 100 < 64), then the end.
    expect(of('betweenness').map((r) => r.done)).toEqual([0, 64, 128, 192, 256, 320, 384, 448, 500]);
    // Closeness reports after batches of 32 actors, once at least 64 more are done, and at the end.
    expect(of('closeness').map((r) => r.done)).toEqual([0, 64, 128, 192, 256, 320, 384, 448, 500]);
  });

  it('a sampled betweenness counts its k sources', () => {
    const { result, reports } = record({ metrics: ['betweenness'], betweennessSamples: 150 });
    expect(reports.map((r) => [r.done, r.total])).toEqual([[0, 150], [64, 150], [128, 150], [150, 150]]);
    expect(result).toEqual(computeMetrics(ba, { metrics: ['betweenness'], betweennessSamples: 150 }));
  });

  it('handle() forwards its context\'s listener', () => {
    const reports: Report[] = [];
    const response = handle({ type: 'metrics', dataset: ba, metrics: ['closeness'] }, { onProgress: (p) => reports.push(p) });
    expect(response.ok).toBe(true);
    expect(reports[0]).toEqual({ stage: 'closeness', done: 0, total: 500 });
    expect(reports[reports.length - 1]).toEqual({ stage: 'closeness', done: 500, total: 500 });
  });
});

describe('option clock: timings', () => {
  const ba = toDataset(barabasiAlbert(200, 800, 3));

  it('gives the milliseconds of each metric computed and of the preparation, by the clock given', () => {
    // A fake clock that advances 1 ms per reading: every interval is a whole number of readings.
    let now = 0;
    const result = computeMetrics(ba, { metrics: ['betweenness', 'hub', 'authority'], clock: () => now++ });
    expect(Object.keys(result.timings!)).toEqual(['betweenness', 'hub', 'authority']);
    for (const t of Object.values(result.timings!)) expect(t).toBe(1);
    expect(result.preparationTime).toBe(1);
    const { timings: _t, preparationTime: _p, ...rest } = result;
    expect(rest).toEqual(computeMetrics(ba, { metrics: ['betweenness', 'hub', 'authority'] }));
  });

  it('a real clock gives non-negative times; without a clock there are none', () => {
    const timed = computeMetrics(ba, { clock: () => performance.now() });
    expect(Object.keys(timed.timings!)).toEqual([...METRIC_IDS]);
    for (const t of Object.values(timed.timings!)) expect(t).toBeGreaterThanOrEqual(0);
    const untimed = computeMetrics(ba);
    expect('timings' in untimed).toBe(false);
    expect('preparationTime' in untimed).toBe(false);
  });
});

function renameKeys(record: Record<string, number>, rename: Map<string, string>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of Object.entries(record)) out[rename.get(k)!] = v;
  return out;
}
