/**
 * computeMetrics (graph/analysis/metrics) against known answers:
 * - every graph in tests/fixtures/networkx-values.ts (networkx 2.8.8; see its
 *   header for the script), built as an Actorscope dataset in each way that
 *   should give networkx's numbers;
 * - networkx's own Florentine families test values;
 * - degrees worked by hand (partner once, parallel types each, no self-relations);
 * - edge cases: empty, one and two actors, prototype-named ids, no NaN,
 *   the `metrics` and `filter` options, and `unavailable`.
 */
import { describe, it, expect } from 'vitest';
import { computeMetrics, METRIC_IDS, type MetricsResult } from '../../graph/analysis/metrics';
import type { Dataset, RelationType } from '../../graph/model/types';
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
    version: 1,
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
        betweenness: null, closeness: null, eigenvector: null, pagerank: null,
      },
    ]);
    expect(Object.keys(result.unavailable).sort()).toEqual(['betweenness', 'closeness', 'eigenvector', 'pagerank']);
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

function renameKeys(record: Record<string, number>, rename: Map<string, string>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of Object.entries(record)) out[rename.get(k)!] = v;
  return out;
}
