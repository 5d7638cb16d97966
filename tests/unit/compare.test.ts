/**
 * Comparing actors (graph/analysis/compare, graph/cli/compare.ts):
 * - rankValues / fractionalRanks / spearman on small lists (ties, nulls);
 * - compareActors on a graph worked by hand, and against networkx values
 *   (tests/fixtures/networkx-values.ts) where it overlaps;
 * - layerRankings on a graph where actors rank differently per layer;
 * - rankStability dropping a suspected tie, and dropping by grade;
 * - explainBetweenness: the pairs add up to the betweenness (directed and
 *   undirected, several graphs), and a hand-worked pair list; sampled
 *   sources on larger graphs: the estimate within its bound, real pairs,
 *   and a 10,000-actor hub explained from the sources that fit in EXACT_WORK;
 * - explainEigenvector: shares sum to 1;
 * - prototype-named ids, structured-cloneable results, bad input;
 * - the explain request (graph/protocol.ts) carries samples and seed, and a
 *   sampled explanation reaches its result with exact: false and its estimate;
 * - the CLI through runCompare with a fake Io on tests/fixtures/compare/, and
 *   on a generated 300-actor file for sampled explanations (marked ≈).
 * Hand-worked numbers were also checked with networkx 2.8.8 and
 * scipy.stats.spearmanr 1.10.1 (Debian's /usr/bin/python3).
 */
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { bigActorId, bigDataset, bigDatasetJson } from '../support/big-dataset';
import {
  compareActors,
  competitionRanks,
  explainBetweenness,
  explainEigenvector,
  fractionalRanks,
  layerRankings,
  rankStability,
  rankValues,
  spearman,
  type Comparison,
  type LayerResult,
} from '../../graph/analysis/compare';
import { EXACT_WORK } from '../../graph/analysis/compare/pair-search';
import { csrFromDataset } from '../../graph/analysis/kernels';
import { computeMetrics, METRIC_IDS, type MetricId } from '../../graph/analysis/metrics';
import { COMPARE_USAGE, runCompare } from '../../graph/cli/compare';
import { handle } from '../../graph/protocol';
import { UsageError } from '../../graph/cli/common';
import type { Claim, Dataset, Grade, RelationType } from '../../graph/model/types';
import {
  NETWORKX_TOLERANCE,
  actorsDirected,
  florentine15,
  path4,
  type NetworkxFixture,
} from '../fixtures/networkx-values';
import { runCommand, runWithFiles, type Run } from '../support/run-command';

// ------------------------------------------------------------------ helpers

/** [source, target, type, claims as "B2" (supports) or "-A1" (disputes)]. */
type Edge = [source: string, target: string, type: RelationType, claims?: string[]];

function claim(spec: string): Claim {
  const disputes = spec.startsWith('-');
  return {
    quote: 'q',
    sourceId: 'test',
    locator: { paragraph: 1 },
    assertedBy: 'reported',
    stance: disputes ? 'disputes' : 'supports',
    grade: (disputes ? spec.slice(1) : spec) as Grade,
  };
}

function dataset(ids: readonly string[], edges: readonly Edge[], kinds: Record<string, string> = {}): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [{ id: 'test', title: 'test' }],
    meta: { title: 'compare test' },
    actors: ids.map((id) => ({ id, name: `name of ${id}`, kind: kinds[id] ?? 'state', aliases: [] })),
    relations: edges.map(([source, target, type, claims = ['B2']], i) => ({
      id: `r${i + 1}`,
      source,
      target,
      type,
      claims: claims.map(claim),
    })),
  };
}

function fromFixture(f: NetworkxFixture, type: RelationType): Dataset {
  return dataset(f.nodes, f.edges.map(([s, t]): Edge => [s, t, type]));
}

/** The metric row of one compared actor. */
function cell(c: Comparison, id: string, metric: MetricId) {
  const m = c.actors.find((a) => a.id === id)?.metrics.find((x) => x.metric === metric);
  if (!m) throw new Error(`no ${metric} for ${id}`);
  return m;
}

/** Competition rank from a list of values, computed independently: 1 + how many are clearly greater. */
function rankAmong(values: readonly number[], v: number, tolerance: number): number {
  return 1 + values.filter((x) => x > v + tolerance).length;
}

/** A small deterministic pseudo-random generator (LCG), for graphs that are not hand-made. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomDataset(seed: number, n: number, m: number): Dataset {
  const next = lcg(seed);
  const ids = Array.from({ length: n }, (_v, i) => `n${i}`);
  const types: RelationType[] = ['partner', 'threat', 'supplier', 'suspected-supporter', 'other'];
  const edges: Edge[] = [];
  for (let k = 0; k < m; k++) {
    const s = ids[Math.floor(next() * n)]!;
    const t = ids[Math.floor(next() * n)]!; // self-relations and parallels included on purpose
    edges.push([s, t, types[Math.floor(next() * types.length)]!]);
  }
  return dataset(ids, edges);
}

// ------------------------------------------------------------------ ranks

describe('rankValues: competition ranking ("1224")', () => {
  it('1 = highest, ties share the best rank and the next rank skips', () => {
    const ranks = rankValues([
      { id: 'a', value: 3 },
      { id: 'b', value: 5 },
      { id: 'c', value: 3 },
      { id: 'd', value: 1 },
      { id: 'e', value: 5 },
    ]);
    // Sorted: b 5, e 5 (#1, #1), a 3, c 3 (#3, #3), d 1 (#5); input order is kept.
    expect(ranks).toEqual([
      { id: 'a', rank: 3 },
      { id: 'b', rank: 1 },
      { id: 'c', rank: 3 },
      { id: 'd', rank: 5 },
      { id: 'e', rank: 1 },
    ]);
  });

  it('null (and NaN or ±Infinity) get rank null and take no rank', () => {
    const ranks = rankValues([
      { id: 'a', value: null },
      { id: 'b', value: 0.5 },
      { id: 'c', value: Number.NaN },
      { id: 'd', value: 0 },
      { id: 'e', value: 0.5 },
      { id: 'f', value: Number.POSITIVE_INFINITY },
    ]);
    expect(ranks.map((r) => r.rank)).toEqual([null, 1, null, 3, 1, null]);
  });

  it('an empty list, all nulls, and negative values', () => {
    expect(rankValues([])).toEqual([]);
    expect(competitionRanks([null, null])).toEqual([null, null]);
    expect(competitionRanks([-1, 0, -1, 2])).toEqual([3, 2, 3, 1]);
  });

  it('values equal up to rounding tie; the tolerance is relative unless an absolute one is given', () => {
    // 0.1 + 0.2 and 0.3 differ in the last bit.
    expect(competitionRanks([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
    // Tiny values that really differ (betweenness on a large graph) do not tie by default…
    expect(competitionRanks([2e-10, 1e-10, 0])).toEqual([1, 2, 3]);
    // …but do with an absolute tolerance (iteration noise of eigenvector).
    expect(competitionRanks([2.3e-9, 6.7e-11, 0.5], { absolute: 1e-8 })).toEqual([2, 2, 1]);
    // Each value is compared with the first of its group: no chaining.
    expect(competitionRanks([1, 0.6, 0.2], { absolute: 0.5 })).toEqual([1, 1, 3]);
  });
});

describe('fractionalRanks and spearman', () => {
  it('fractional ranks give ties the mean of the ranks they span', () => {
    expect(fractionalRanks([10, 20, 20, 5])).toEqual([3, 1.5, 1.5, 4]);
  });

  it('spearman: 1 for the same order, −1 for the reverse, ties by mean ranks as scipy', () => {
    expect(spearman([[1, 10], [2, 20], [3, 30]])).toBeCloseTo(1, 12);
    expect(spearman([[1, 30], [2, 20], [3, 10]])).toBeCloseTo(-1, 12);
    // scipy.stats.spearmanr([0, .25, 1/3, 1/3, 0], [0, 0, 0, 1/6, 0]) = 0.5590169943749473 = √5/4
    // (worked in the rankStability test below).
    expect(spearman([[0, 0], [0.25, 0], [1 / 3, 0], [1 / 3, 1 / 6], [0, 0]])).toBeCloseTo(Math.sqrt(5) / 4, 12);
  });

  it('spearman is null with fewer than two pairs or without variance, and skips pairs with a null', () => {
    expect(spearman([])).toBeNull();
    expect(spearman([[1, 2]])).toBeNull();
    expect(spearman([[1, 2], [null, 3]])).toBeNull();
    expect(spearman([[1, 0], [2, 0], [3, 0]])).toBeNull();
    expect(spearman([[1, 1], [2, 2], [null, 9], [3, Number.NaN], [4, 4]])).toBeCloseTo(1, 12);
  });
});

// ------------------------------------------------------------------ compareActors

/**
 * The hand graph for compareActors. Relations:
 *   r1 A–B partner, r2 B–C partner, r3 B→D threat, r4 C→D supplier, r5 D→E threat, r6 A→B supplier.
 * Directed simple graph (n = 5): A⇄B, B⇄C, B→D, C→D, D→E (r6 merges onto A→B).
 *
 * Degree (relations): A r1 r6 = 2; B r1 r2 r3 r6 = 4; C r2 r4 = 2; D r3 r4 r5 = 3; E r5 = 1.
 *   max 4 → normalised A .5, B 1, C .5, D .75, E .25; ranks B 1, D 2, A C 3, E 5.
 * In-degree (a partner counts for both): A 1, B 3 (r1 r2 r6), C 1, D 2, E 1 → B 1, D 2, A C E 3.
 * Out-degree: A 2 (r1 r6), B 3 (r1 r2 r3), C 2, D 1, E 0 → B 1, A C 2, D 4, E 5.
 * Betweenness: shortest paths (all unique) through B: A→C, A→D, A→E, C→A = 4;
 *   through D: A→E, B→E, C→E = 3; others 0. Scale 1/((n−1)(n−2)) = 1/12:
 *   B 1/3, D 1/4; max 1/3 → normalised B 1, D .75; ranks B 1, D 2, A C E 3.
 * Closeness (incoming, Wasserman–Faust (r/Σd)·(r/(n−1))):
 *   A reached by B 1, C 2 → (2/3)(2/4) = 1/3; B by A 1, C 1 → 1/2; C by B 1, A 2 → 1/3;
 *   D by B 1, C 1, A 2 → (3/4)(3/4) = 9/16; E by D 1, B 2, C 2, A 3 → (4/8)(4/4) = 1/2.
 *   max 9/16 → normalised B = E = 8/9, A = C = 16/27; ranks D 1, B E 2, A C 4.
 * Eigenvector (in-edges): the cycle A⇄B⇄C carries λ = √2 with x = (1, √2, 1);
 *   λ x_D = x_B + x_C → x_D = 1 + 1/√2; λ x_E = x_D → x_E = 1/√2 + 1/2; L2-normalised
 *   (networkx: A .345623, B .488785, D .590016, E .417204). Normalised by x_D:
 *   B 2(√2 − 1), E 1/√2, A = C 2 − √2; ranks D 1, B 2, E 3, A C 4.
 * PageRank (networkx 2.8.8, alpha .85, tol 1e-10): A = C .144787, B .256668, D .206321,
 *   E .247437 → ranks B 1, E 2, D 3, A C 4; normalised by B.
 */
const handGraph = dataset(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'B', 'partner'],
    ['B', 'C', 'partner'],
    ['B', 'D', 'threat'],
    ['C', 'D', 'supplier'],
    ['D', 'E', 'threat'],
    ['A', 'B', 'supplier'],
  ],
);

describe('compareActors', () => {
  it('values, normalised values and ranks on the hand graph (see the working above)', () => {
    const c = compareActors(handGraph, { actors: ['D', 'B', 'E'] });
    expect(c.actorCount).toBe(5);
    expect(c.directed).toBe(true);
    expect(c.metrics).toEqual([...METRIC_IDS]);
    expect(c.actors.map((a) => [a.id, a.name])).toEqual([
      ['D', 'name of D'],
      ['B', 'name of B'],
      ['E', 'name of E'],
    ]);
    expect(c.unavailable).toEqual([]);

    expect(cell(c, 'D', 'degree')).toEqual({ metric: 'degree', value: 3, normalized: 0.75, rank: 2 });
    expect(cell(c, 'B', 'degree')).toEqual({ metric: 'degree', value: 4, normalized: 1, rank: 1 });
    expect(cell(c, 'E', 'degree')).toEqual({ metric: 'degree', value: 1, normalized: 0.25, rank: 5 });
    expect(cell(c, 'B', 'inDegree')).toMatchObject({ value: 3, rank: 1 });
    expect(cell(c, 'D', 'inDegree')).toMatchObject({ value: 2, rank: 2 });
    expect(cell(c, 'E', 'inDegree')).toMatchObject({ value: 1, rank: 3 });
    expect(cell(c, 'D', 'outDegree')).toMatchObject({ value: 1, rank: 4 });
    expect(cell(c, 'E', 'outDegree')).toMatchObject({ value: 0, normalized: 0, rank: 5 });

    // Eigenvector stops iterating at a tolerance of 1e-9: compare it to 7 places.
    const close = (id: string, metric: MetricId, value: number, normalized: number, rank: number) => {
      const m = cell(c, id, metric);
      const digits = metric === 'eigenvector' ? 7 : 9;
      expect(m.value, `${id} ${metric}`).toBeCloseTo(value, digits);
      expect(m.normalized, `${id} ${metric} normalised`).toBeCloseTo(normalized, digits);
      expect(m.rank, `${id} ${metric} rank`).toBe(rank);
    };
    close('B', 'betweenness', 1 / 3, 1, 1);
    close('D', 'betweenness', 1 / 4, 0.75, 2);
    close('E', 'betweenness', 0, 0, 3);
    close('D', 'closeness', 9 / 16, 1, 1);
    close('B', 'closeness', 1 / 2, 8 / 9, 2);
    close('E', 'closeness', 1 / 2, 8 / 9, 2);
    const norm = Math.hypot(1, Math.SQRT2, 1, 1 + Math.SQRT1_2, Math.SQRT1_2 + 0.5);
    close('D', 'eigenvector', (1 + Math.SQRT1_2) / norm, 1, 1);
    close('B', 'eigenvector', Math.SQRT2 / norm, 2 * (Math.SQRT2 - 1), 2);
    close('E', 'eigenvector', (Math.SQRT1_2 + 0.5) / norm, Math.SQRT1_2, 3);
    expect(cell(c, 'D', 'eigenvector').value).toBeCloseTo(0.5900158887550163, 6); // networkx
    const prB = 0.256667599083832;
    const pr = (id: string, v: number, rank: number) => {
      const m = cell(c, id, 'pagerank');
      expect(Math.abs(m.value! - v)).toBeLessThan(1e-8);
      expect(m.normalized!).toBeCloseTo(v / prB, 6);
      expect(m.rank).toBe(rank);
    };
    pr('B', prB, 1);
    pr('E', 0.24743743728593712, 2);
    pr('D', 0.20632126226587771, 3);

    expect(c.maxima.find((m) => m.metric === 'degree')!.max).toBe(4);
    expect(c.maxima.find((m) => m.metric === 'closeness')!.max).toBeCloseTo(9 / 16, 12);
  });

  it('equals the centrality table (computeMetrics) number for number', () => {
    const table = computeMetrics(handGraph);
    const c = compareActors(handGraph, { actors: ['A', 'C'] });
    for (const a of c.actors) {
      const row = table.actors.find((r) => r.id === a.id)!;
      for (const m of a.metrics) expect(m.value, `${a.id} ${m.metric}`).toBe(row[m.metric]);
    }
    // A and C are symmetric in what points at them and in their counts: every
    // value, normalised value and rank the same — except the hub score, which
    // looks at what they point at: A → B only, C → B and D. networkx 2.8.8
    // (_hits_python(G, max_iter=1000) on A⇄B, B⇄C, B→D, C→D, D→E): hubs A 0.133974598,
    // C 0.366025405 ((2 − √3)/2 and (√3 − 1)/2).
    const notHub = (a: (typeof c.actors)[number]) => a.metrics.filter((m) => m.metric !== 'hub');
    expect(notHub(c.actors[0]!)).toEqual(notHub(c.actors[1]!));
    const hub = (i: number) => c.actors[i]!.metrics.find((m) => m.metric === 'hub')!.value!;
    expect(hub(0)).toBeCloseTo((2 - Math.sqrt(3)) / 2, 8);
    expect(hub(1)).toBeCloseTo((Math.sqrt(3) - 1) / 2, 8);
  });

  it('florentine15 (partner relations) against networkx: values, value / max, and ranks among all 15', () => {
    const families = ['Medici', 'Guadagni', 'Strozzi', 'Pazzi'];
    const metrics = ['betweenness', 'closeness', 'eigenvector', 'pagerank'] as const;
    const c = compareActors(fromFixture(florentine15, 'partner'), { actors: families, metrics });
    expect(c.metrics).toEqual([...metrics]);
    expect(c.actorCount).toBe(15);
    for (const metric of metrics) {
      const expected = florentine15.expected[metric]!;
      const all = Object.values(expected);
      const max = Math.max(...all);
      for (const family of families) {
        const m = cell(c, family, metric);
        const where = `${family} ${metric}`;
        expect(Math.abs(m.value! - expected[family]!), where).toBeLessThanOrEqual(NETWORKX_TOLERANCE);
        expect(m.normalized!, where).toBeCloseTo(expected[family]! / max, 5);
        expect(m.rank, where).toBe(rankAmong(all, expected[family]!, 1e-5));
      }
    }
    // The Medici lead every one of these.
    for (const metric of metrics) expect(cell(c, 'Medici', metric)).toMatchObject({ normalized: 1, rank: 1 });
    // Guadagni: betweenness #2, closeness #5 (after Medici, Ridolfi, Tornabuoni = Albizzi tied #3).
    expect(cell(c, 'Guadagni', 'betweenness').rank).toBe(2);
    expect(cell(c, 'Guadagni', 'closeness').rank).toBe(5);
  });

  it('actorsDirected (the networkx DiGraph fixture) and path4 undirected', () => {
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
    const c = compareActors(d, { actors: ['T', 'C', 'U'], metrics: ['betweenness', 'closeness', 'pagerank', 'eigenvector'] });
    for (const metric of ['betweenness', 'closeness', 'pagerank', 'eigenvector'] as const) {
      const expected = actorsDirected.expected[metric]!;
      const all = Object.values(expected);
      for (const id of ['T', 'C', 'U']) {
        const m = cell(c, id, metric);
        expect(Math.abs(m.value! - expected[id]!), `${id} ${metric}`).toBeLessThanOrEqual(NETWORKX_TOLERANCE);
        // Eigenvector values below 1e-8 are iteration noise for 0 (rankOptionsFor): rank them with 0.
        expect(m.rank, `${id} ${metric}`).toBe(rankAmong(all, expected[id]!, metric === 'eigenvector' ? 1e-8 : 1e-5));
      }
    }
    // T and C tie on closeness (0.457143), C ties with A and P on eigenvector (0.510233).
    expect(cell(c, 'T', 'closeness').rank).toBe(1);
    expect(cell(c, 'C', 'closeness').rank).toBe(1);
    expect(cell(c, 'C', 'eigenvector').rank).toBe(1);
    // U's eigenvector 7.5e-9 is noise: it ties with K's equal value and X's 1.7e-24 at the bottom.
    expect(cell(c, 'U', 'eigenvector').rank).toBe(6);

    const p = compareActors(fromFixture(path4, 'threat'), { actors: ['0', '1'], undirected: true, metrics: ['betweenness'] });
    expect(p.directed).toBe(false);
    expect(cell(p, '1', 'betweenness')).toMatchObject({ normalized: 1, rank: 1 });
    expect(cell(p, '1', 'betweenness').value).toBeCloseTo(2 / 3, 9);
    expect(cell(p, '0', 'betweenness')).toEqual({ metric: 'betweenness', value: 0, normalized: 0, rank: 3 });
  });

  it('the filter applies before ranking; a metric n/a everywhere gives nulls and a reason', () => {
    // Partner relations only: A–B–C path, D and E isolated; B's betweenness 2/12.
    const c = compareActors(handGraph, { actors: ['B', 'D'], filter: { relationTypes: ['partner'] }, metrics: ['degree', 'betweenness'] });
    expect(c.filter).toBe('relation types: partner');
    expect(cell(c, 'B', 'degree')).toEqual({ metric: 'degree', value: 2, normalized: 1, rank: 1 });
    expect(cell(c, 'D', 'degree')).toEqual({ metric: 'degree', value: 0, normalized: 0, rank: 4 });
    expect(cell(c, 'B', 'betweenness').value).toBeCloseTo(1 / 6, 12);

    // A → B → C threats: eigenvector does not converge.
    const acyclic = dataset(['A', 'B', 'C'], [['A', 'B', 'threat'], ['B', 'C', 'threat']]);
    const e = compareActors(acyclic, { actors: ['A', 'B'], metrics: ['eigenvector', 'degree'] });
    expect(cell(e, 'A', 'eigenvector')).toEqual({ metric: 'eigenvector', value: null, normalized: null, rank: null });
    expect(e.maxima).toEqual([{ metric: 'degree', max: 2 }, { metric: 'eigenvector', max: null }]);
    expect(e.unavailable).toHaveLength(1);
    expect(e.unavailable[0]!.reason).toMatch(/did not converge/);
  });

  it('a maximum of 0 normalises to 0, not NaN', () => {
    const c = compareActors(dataset(['A', 'B', 'C'], []), { actors: ['A', 'B'], metrics: ['degree', 'betweenness'] });
    for (const a of c.actors) for (const m of a.metrics) expect(m).toMatchObject({ value: 0, normalized: 0, rank: 1 });
  });

  it('throws a clear Error for 1 or 7 actors, a repeated, unknown or filtered-out id, and no metrics', () => {
    const seven = dataset(['a', 'b', 'c', 'd', 'e', 'f', 'g'], []);
    expect(() => compareActors(seven, { actors: ['a'] })).toThrow('compare 2 to 6 actors, not 1');
    expect(() => compareActors(seven, { actors: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })).toThrow('compare 2 to 6 actors, not 7');
    expect(() => compareActors(seven, { actors: [] })).toThrow(/not 0/);
    expect(() => compareActors(seven, { actors: ['a', 'a'] })).toThrow('actor "a" is given twice');
    expect(() => compareActors(seven, { actors: ['a', 'zz'] })).toThrow('"zz" is not an actor id in this dataset');
    const kinds = dataset(['a', 'b', 'p'], [], { p: 'person' });
    expect(() => compareActors(kinds, { actors: ['a', 'p'], filter: { actorKinds: ['state'] } })).toThrow('actor "p" is hidden by the filter');
    expect(() => compareActors(seven, { actors: ['a', 'b'], metrics: [] })).toThrow(/at least one metric/);
  });
});

// ------------------------------------------------------------------ layers

/**
 * The layer graph: partners A–B, B–C; suppliers C→D, D→E; threats E→A, E→B, E→C.
 * Directed, n = 5, scale 1/12.
 * Degree:   all A 2, B 3, C 3, D 2, E 4 → E 1, B C 2, A D 4.
 *   partner A 1, B 2, C 1 → B 1, A C 2, D E 4.  supplier C 1, D 2, E 1 → D 1, C E 2, A B 4.
 *   threat E 3, A B C 1 → E 1, A B C 2, D 5.
 *   change = rank in all − rank in layer: partner A +2, B +1, C 0, D 0, E −3;
 *   supplier A 0, B −2, C 0, D +3, E −1; threat A +2, B 0, C 0, D −1, E 0.
 * Betweenness, all: every shortest path is unique —
 *   A→C via B; A→D via B C; A→E via B C D; B→D via C; B→E via C D; C→A via B; C→E via D;
 *   D→A, D→B, D→C via E; E→D via C.
 *   B: A→C A→D A→E C→A = 4 → 1/3; C: A→D A→E B→D B→E E→D = 5 → 5/12;
 *   D: A→E B→E C→E = 3 → 1/4; E: D→A D→B D→C = 3 → 1/4; A 0 (networkx agrees).
 *   ranks C 1, B 2, D E 3, A 5.
 *   partner layer (A⇄B⇄C): B 2/12 = 1/6 (#1), the rest 0 (#2).
 *   supplier layer (C→D→E): D 1/12 (#1), the rest 0 (#2).   threat layer: all 0, all #1.
 *   changes: partner A +3, B +1, C −1, D +1, E +1; supplier A +3, B 0, C −1, D +2, E +1;
 *   threat A +4, B +1, C 0, D +2, E +2.
 */
const layerGraph = dataset(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'B', 'partner'],
    ['B', 'C', 'partner'],
    ['C', 'D', 'supplier'],
    ['D', 'E', 'supplier'],
    ['E', 'A', 'threat'],
    ['E', 'B', 'threat'],
    ['E', 'C', 'threat'],
  ],
);

function layerTable(result: LayerResult): Array<[string, Array<[string, number | null, number | null]>]> {
  return result.layers.map((l) => [l.layer, l.rows.map((r) => [r.id, r.rank, r.change] as [string, number | null, number | null])]);
}

describe('layerRankings', () => {
  it('degree: exact ranks and changes per layer (see the working above)', () => {
    const result = layerRankings(layerGraph, { metric: 'degree' });
    expect(result.metric).toBe('degree');
    expect(result.actorCount).toBe(5);
    expect(result.layers.map((l) => [l.layer, l.relations])).toEqual([
      ['all', 7],
      ['partner', 2],
      ['supplier', 2],
      ['threat', 3],
    ]);
    expect(layerTable(result)).toEqual([
      ['all', [['A', 4, null], ['B', 2, null], ['C', 2, null], ['D', 4, null], ['E', 1, null]]],
      ['partner', [['A', 2, 2], ['B', 1, 1], ['C', 2, 0], ['D', 4, 0], ['E', 4, -3]]],
      ['supplier', [['A', 4, 0], ['B', 4, -2], ['C', 2, 0], ['D', 1, 3], ['E', 2, -1]]],
      ['threat', [['A', 2, 2], ['B', 2, 0], ['C', 2, 0], ['D', 5, -1], ['E', 1, 0]]],
    ]);
    expect(result.layers[0]!.rows.map((r) => r.value)).toEqual([2, 3, 3, 2, 4]);
    expect(result.layers[0]!.rows[0]!.name).toBe('name of A');
  });

  it('betweenness: C leads the whole graph but D leads the supplier layer', () => {
    const result = layerRankings(layerGraph, { metric: 'betweenness', actors: ['D', 'C', 'A'] });
    // Rows restricted to the actors asked for, in that order; ranks still among all 5.
    expect(layerTable(result)).toEqual([
      ['all', [['D', 3, null], ['C', 1, null], ['A', 5, null]]],
      ['partner', [['D', 2, 1], ['C', 2, -1], ['A', 2, 3]]],
      ['supplier', [['D', 1, 2], ['C', 2, -1], ['A', 2, 3]]],
      ['threat', [['D', 1, 2], ['C', 1, 0], ['A', 1, 4]]],
    ]);
    const all = result.layers[0]!.rows;
    expect(all[0]!.value).toBeCloseTo(1 / 4, 12);
    expect(all[1]!.value).toBeCloseTo(5 / 12, 12);
    expect(result.layers[2]!.rows[0]!.value).toBeCloseTo(1 / 12, 12);
    // Every layer keeps the 5 actors: the partner layer's B is 2 · 1/12, not 2 · 1/2 (n = 3).
    const partnerB = layerRankings(layerGraph, { metric: 'betweenness', actors: ['B'], layers: ['partner'] });
    expect(partnerB.layers.map((l) => l.layer)).toEqual(['all', 'partner']);
    expect(partnerB.layers[1]!.rows[0]).toMatchObject({ id: 'B', rank: 1, change: 1 });
    expect(partnerB.layers[1]!.rows[0]!.value).toBeCloseTo(1 / 6, 12);
    // And the 'all' layer equals the centrality table.
    const table = computeMetrics(layerGraph, { metrics: ['betweenness'] });
    expect(result.layers[0]!.rows.map((r) => r.value)).toEqual(['D', 'C', 'A'].map((id) => table.actors.find((a) => a.id === id)!.betweenness));
  });

  it('undirected, and a layer where the metric is n/a: null ranks and changes, with the reason', () => {
    // Directed supplier layer C→D→E is acyclic: eigenvector n/a there.
    const result = layerRankings(layerGraph, { metric: 'eigenvector', layers: ['supplier'] });
    const supplier = result.layers[1]!;
    expect(supplier.unavailable).toMatch(/did not converge/);
    expect(supplier.rows.every((r) => r.value === null && r.rank === null && r.change === null)).toBe(true);
    expect(result.layers[0]!.unavailable).toBeUndefined();
    // Undirected, the supplier layer is the path C–D–E: D ranks #1 there.
    const undirected = layerRankings(layerGraph, { metric: 'betweenness', layers: ['supplier'], undirected: true, actors: ['D'] });
    expect(undirected.directed).toBe(false);
    expect(undirected.layers[1]!.rows[0]).toMatchObject({ id: 'D', rank: 1 });
    // Path C–D–E in 5 actors: D lies on {C, E} once, scale 2/((n−1)(n−2)) = 1/6.
    expect(undirected.layers[1]!.rows[0]!.value).toBeCloseTo(1 / 6, 12);
  });

  it('an unknown actor throws', () => {
    expect(() => layerRankings(layerGraph, { metric: 'degree', actors: ['Q'] })).toThrow('"Q" is not an actor id');
  });
});

// ------------------------------------------------------------------ stability

/**
 * The stability graph (tests/fixtures/compare/five.json has the same one):
 *   r1 A–B partner [B2]; r2 C–D partner [C2, disputed A1]; r3 D–E partner [disputed A1 only];
 *   r4 B→C suspected-supporter [B3].
 * Base, directed: A⇄B, B→C, C⇄D⇄E; n = 5, scale 1/12. Unique shortest paths:
 *   through B: A→C, A→D, A→E = 3 → 1/4; through C: A→D, A→E, B→D, B→E = 4 → 1/3;
 *   through D: A→E, B→E, C→E, E→C = 4 → 1/3; A, E 0. Ranks: C D 1, B 3, A E 4.
 * Without the suspected r4: A⇄B and C⇄D⇄E apart; D: C→E, E→C → 1/6; ranks D 1, A B C E 2.
 *   deltas (base − variant): A +2, B +1, C −1, D 0, E +2;
 *   sorted by |delta|, then base rank: A (2, #4), E (2, #4), C (1, #1), B (1, #3), D.
 *   Spearman: fractional ranks base A 4.5, B 3, C 1.5, D 1.5, E 4.5; variant A B C E 3.5, D 1;
 *   deviations from 3: (1.5, 0, −1.5, −1.5, 1.5) and (.5, .5, .5, −2, .5);
 *   Σxy = 3.75, Σx² = 9, Σy² = 5 → 3.75/√45 = √5/4 ≈ 0.559017 (scipy agrees).
 * minGrade B3 drops r2 (best support C2: reliability C below B) and r3 (no supporting claim):
 *   A⇄B, B→C: B on A→C only → 1/12; ranks B 1, A C D E 2; deltas A +2, B +2, C −1, D −1, E +2;
 *   sorted: B (#3), A (#4), E (#4), C (#1), D (#1).
 *   Spearman: base deviations as above, variant (.5, −2, .5, .5, .5): Σxy = 0 → 0.
 */
const stabilityGraph = dataset(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'B', 'partner', ['B2']],
    ['C', 'D', 'partner', ['C2', '-A1']],
    ['D', 'E', 'partner', ['-A1']],
    ['B', 'C', 'suspected-supporter', ['B3']],
  ],
);

describe('rankStability', () => {
  it('dropping the suspected tie moves actors by the amounts worked above', () => {
    const s = rankStability(stabilityGraph, { metric: 'betweenness', dropSuspected: true });
    expect(s.metric).toBe('betweenness');
    expect(s.dropped).toEqual(['r4']);
    expect(s.moves.map((m) => [m.id, m.baseRank, m.variantRank, m.delta])).toEqual([
      ['A', 4, 2, 2],
      ['E', 4, 2, 2],
      ['C', 1, 2, -1],
      ['B', 3, 2, 1],
      ['D', 1, 1, 0],
    ]);
    const byId = new Map(s.moves.map((m) => [m.id, m]));
    expect(byId.get('B')!.baseValue).toBeCloseTo(1 / 4, 12);
    expect(byId.get('C')!.baseValue).toBeCloseTo(1 / 3, 12);
    expect(byId.get('C')!.variantValue).toBe(0);
    expect(byId.get('D')!.variantValue).toBeCloseTo(1 / 6, 12);
    expect(byId.get('A')!.name).toBe('name of A');
    expect(s.spearman).toBeCloseTo(Math.sqrt(5) / 4, 12);
    expect(s.spearman).toBeCloseTo(0.5590169943749473, 12); // scipy.stats.spearmanr
  });

  it('minGrade drops relations without a supporting claim at or above the grade', () => {
    const s = rankStability(stabilityGraph, { metric: 'betweenness', minGrade: 'B3' });
    expect(s.dropped).toEqual(['r2', 'r3']);
    expect(s.moves.map((m) => [m.id, m.baseRank, m.variantRank, m.delta])).toEqual([
      ['B', 3, 1, 2],
      ['A', 4, 2, 2],
      ['E', 4, 2, 2],
      ['C', 1, 2, -1],
      ['D', 1, 2, -1],
    ]);
    expect(s.moves[0]!.variantValue).toBeCloseTo(1 / 12, 12);
    expect(s.spearman).toBeCloseTo(0, 12);
    // B2 keeps r1 and r4 is B3 — not at or above B2 — so it goes too; A1 keeps nothing.
    expect(rankStability(stabilityGraph, { metric: 'degree', minGrade: 'B2' }).dropped).toEqual(['r2', 'r3', 'r4']);
    expect(rankStability(stabilityGraph, { metric: 'degree', minGrade: 'A1' }).dropped).toEqual(['r1', 'r2', 'r3', 'r4']);
    // Both options together.
    const both = rankStability(stabilityGraph, { metric: 'betweenness', minGrade: 'B3', dropSuspected: true });
    expect(both.dropped).toEqual(['r2', 'r3', 'r4']);
    // Nothing left with a path through a third actor: every variant value 0, so no variance.
    expect(both.moves.every((m) => m.variantValue === 0 && m.variantRank === 1)).toBe(true);
    expect(both.spearman).toBeNull();
  });

  it('a relation without any claim never meets a grade', () => {
    const d = dataset(['A', 'B', 'C'], [['A', 'B', 'partner', []], ['B', 'C', 'partner', ['F6']]]);
    expect(rankStability(d, { metric: 'degree', minGrade: 'F6' }).dropped).toEqual(['r1']);
  });

  it('nothing to drop: no moves and Spearman 1', () => {
    const s = rankStability(handGraph, { metric: 'pagerank', dropSuspected: true });
    expect(s.dropped).toEqual([]);
    expect(s.moves.every((m) => m.delta === 0 && m.baseValue === m.variantValue)).toBe(true);
    expect(s.spearman).toBeCloseTo(1, 12);
    // Sorted by base rank when nothing moves: B 1, E 2, D 3, then A C (4) in dataset order.
    expect(s.moves.map((m) => m.id)).toEqual(['B', 'E', 'D', 'A', 'C']);
  });

  it('n/a values give null ranks, null deltas (sorted last) and no Spearman', () => {
    // Eigenvector n/a on the acyclic base and on the variant alike.
    const d = dataset(['A', 'B', 'C'], [['A', 'B', 'threat'], ['B', 'C', 'suspected-supporter']]);
    const s = rankStability(d, { metric: 'eigenvector', dropSuspected: true });
    expect(s.moves.every((m) => m.baseRank === null && m.variantRank === null && m.delta === null)).toBe(true);
    expect(s.spearman).toBeNull();
  });
});

// ------------------------------------------------------------------ explain

/**
 * The explain graph: partners A–B, B–C, C–D, D–A (a 4-cycle) and D–E (a tail).
 * Directed view (each partner an arc both ways), n = 5, scale 1/12.
 *   D lies on: A→C (2 shortest paths, A-B-C and A-D-C: share 1/2), C→A (1/2),
 *   A→E, C→E, E→A, E→C (1 path each, through D), B→E and E→B (2 paths each, both via D: share 1).
 *   Σ = 6 + 1 = 7 → 7/12. B: A→C, C→A (1/2 each) → 1/12. A: B→D, D→B, B→E, E→B (1/2 each) → 1/6.
 * Undirected: unordered pairs {A,C} 1/2, {A,E} {B,E} {C,E} 1 → 3.5 × 2/((n−1)(n−2)) = 7/12.
 * networkx: betweenness A 1/6, B 1/12, C 1/6, D 7/12, E 0 (Graph and DiGraph alike).
 */
const cycleTail = dataset(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'B', 'partner'],
    ['B', 'C', 'partner'],
    ['C', 'D', 'partner'],
    ['D', 'A', 'partner'],
    ['D', 'E', 'partner'],
  ],
);

/** Σ share × scale over every pair equals the actor's betweenness from computeMetrics. */
function expectPairsAddUp(d: Dataset, undirected: boolean, label: string): void {
  const table = computeMetrics(d, { undirected, metrics: ['betweenness'] });
  for (const row of table.actors) {
    const e = explainBetweenness(d, row.id, { undirected, limit: Infinity });
    expect(e.betweenness, `${label} ${row.id}`).toBe(row.betweenness);
    expect(e.pairs).toHaveLength(e.totalPairs);
    const sum = e.pairs.reduce((acc, p) => acc + p.share, 0) * e.scale!;
    expect(Math.abs(sum - row.betweenness!), `${label} ${row.id}: pairs give ${sum}, metric ${row.betweenness}`).toBeLessThan(1e-12);
    const contributions = e.pairs.reduce((acc, p) => acc + p.contribution, 0);
    expect(Math.abs(contributions - row.betweenness!)).toBeLessThan(1e-12);
    for (const p of e.pairs) {
      expect(p.source).not.toBe(row.id);
      expect(p.target).not.toBe(row.id);
      expect(p.through).toBeGreaterThan(0);
      expect(p.through).toBeLessThanOrEqual(p.paths);
      expect(p.share).toBe(p.through / p.paths);
    }
  }
}

describe('explainBetweenness', () => {
  it('the hand-worked pair list of D (directed), sorted by share then names', () => {
    const e = explainBetweenness(cycleTail, 'D');
    expect(e.actor).toBe('D');
    expect(e.betweenness).toBeCloseTo(7 / 12, 12);
    expect(e.scale).toBe(1 / 12);
    expect(e.totalPairs).toBe(8);
    expect(e.pairs.map((p) => [p.source, p.target, p.through, p.paths, p.share])).toEqual([
      ['A', 'E', 1, 1, 1],
      ['B', 'E', 2, 2, 1],
      ['C', 'E', 1, 1, 1],
      ['E', 'A', 1, 1, 1],
      ['E', 'B', 2, 2, 1],
      ['E', 'C', 1, 1, 1],
      ['A', 'C', 1, 2, 0.5],
      ['C', 'A', 1, 2, 0.5],
    ]);
    expect(e.pairs[0]).toMatchObject({ sourceName: 'name of A', targetName: 'name of E', contribution: 1 / 12 });
  });

  it('undirected: each unordered pair once, with the factor 2/((n−1)(n−2))', () => {
    const e = explainBetweenness(cycleTail, 'D', { undirected: true });
    expect(e.directed).toBe(false);
    expect(e.scale).toBeCloseTo(1 / 6, 15);
    expect(e.betweenness).toBeCloseTo(7 / 12, 12);
    expect(e.pairs.map((p) => [p.source, p.target, p.share])).toEqual([
      ['A', 'E', 1],
      ['B', 'E', 1],
      ['C', 'E', 1],
      ['A', 'C', 0.5],
    ]);
  });

  it('limit keeps the first pairs and totalPairs counts them all; default 20', () => {
    const a = explainBetweenness(cycleTail, 'A', { limit: 1 });
    expect(a.betweenness).toBeCloseTo(1 / 6, 12);
    expect(a.totalPairs).toBe(4);
    // All four at share 1/2; names then decide: B→D first.
    expect(a.pairs.map((p) => [p.source, p.target, p.share])).toEqual([['B', 'D', 0.5]]);
    expect(explainBetweenness(cycleTail, 'E').pairs).toEqual([]);
    const big = randomDataset(7, 40, 160);
    const hub = computeMetrics(big, { metrics: ['betweenness'] }).actors.reduce((a, b) => (b.betweenness! > a.betweenness! ? b : a));
    const e = explainBetweenness(big, hub.id);
    expect(e.totalPairs).toBeGreaterThan(20);
    expect(e.pairs).toHaveLength(20);
    for (let i = 1; i < e.pairs.length; i++) expect(e.pairs[i - 1]!.share).toBeGreaterThanOrEqual(e.pairs[i]!.share);
  });

  it('Σ σ_st(v)/σ_st × scale equals the betweenness of every actor, on several graphs, directed and undirected', () => {
    const graphs: Array<[string, Dataset]> = [
      ['hand', handGraph],
      ['layers', layerGraph],
      ['stability', stabilityGraph],
      ['cycle+tail', cycleTail],
      ['florentine15', fromFixture(florentine15, 'partner')],
      ['actorsDirected', fromFixture(actorsDirected, 'threat')],
      ['random 1', randomDataset(1, 12, 30)],
      ['random 2', randomDataset(2, 25, 60)],
      ['random 3', randomDataset(3, 30, 45)],
    ];
    for (const [label, d] of graphs) {
      expectPairsAddUp(d, false, `${label} directed`);
      expectPairsAddUp(d, true, `${label} undirected`);
    }
    // Medici's 0.521978 (networkx) from its pairs.
    const medici = explainBetweenness(fromFixture(florentine15, 'partner'), 'Medici', { undirected: true, limit: 3 });
    expect(medici.betweenness!).toBeCloseTo(0.521978, 6);
  });

  it('sampled sources: an estimate within its bound; the pairs listed are real pairs with their exact shares', () => {
    const d = bigDataset({ actors: 300, relations: 1200, seed: 4 });
    for (const undirected of [false, true]) {
      for (const id of [bigActorId(0), bigActorId(7), bigActorId(150), bigActorId(299)]) {
        const exact = explainBetweenness(d, id, { undirected, limit: Infinity });
        expect(exact.exact).toBe(true);
        expect(exact.estimate).toBeUndefined();
        // As many samples as sources (or more) is the exact result.
        expect(explainBetweenness(d, id, { undirected, samples: 1000 })).toEqual(explainBetweenness(d, id, { undirected }));
        const e = explainBetweenness(d, id, { undirected, samples: 40, limit: Infinity });
        expect(e.exact).toBe(false);
        const { samples, of, nearest, seed, standardError, epsilon, confidence } = e.estimate!;
        expect([samples, seed, confidence]).toEqual([40, 1, 0.95]);
        // The sources that reach the actor: every other actor when undirected (the graph is connected).
        if (undirected) expect(of).toBe(299);
        else expect(of).toBeGreaterThan(40);
        expect(nearest).toBeLessThanOrEqual(20);
        expect(standardError).toBeGreaterThanOrEqual(0);
        expect(Math.abs(e.betweenness! - exact.betweenness!), `${id} ${undirected}`).toBeLessThanOrEqual(epsilon);
        expect(e.totalPairs).toBeGreaterThan(0);
        const shares = new Map(exact.pairs.map((p) => [`${p.source} ${p.target}`, p.share]));
        const seen = new Set<string>();
        for (const p of e.pairs) {
          expect(shares.get(`${p.source} ${p.target}`), `${p.source} → ${p.target}`).toBe(p.share);
          expect(seen.has(`${p.source} ${p.target}`)).toBe(false);
          seen.add(`${p.source} ${p.target}`);
        }
        for (let i = 1; i < e.pairs.length; i++) expect(e.pairs[i - 1]!.share).toBeGreaterThanOrEqual(e.pairs[i]!.share);
        // The same seed, the same answer; another seed, other sources.
        expect(explainBetweenness(d, id, { undirected, samples: 40, limit: Infinity })).toEqual(e);
        expect(explainBetweenness(d, id, { undirected, samples: 40, seed: 2 }).betweenness).not.toBe(e.betweenness);
      }
    }
  }, 60_000);

  it('a hub of a 10,000-actor, 50,000-relation graph is explained from the sources that fit in EXACT_WORK', () => {
    const d = bigDataset({ actors: 10_000, relations: 50_000 });
    const e = explainBetweenness(d, bigActorId(0));
    expect(e).toMatchObject({ exact: false, estimate: { of: 9988 } });
    expect(e.pairs).toHaveLength(20);
    // The exact value (0.0558321, tests/support/measure-explain.ts) within the bound.
    expect(Math.abs(e.betweenness! - 0.0558321)).toBeLessThan(e.estimate!.epsilon);
    // Fast by the work done, not the seconds: the sources searched, each one search over the actors
    // and arcs, fit in EXACT_WORK steps (about a second): 1249, an eighth of the 9988 that reach the hub.
    const csr = csrFromDataset(d);
    expect(e.estimate!.samples * (csr.order + csr.outNeighbours.length)).toBeLessThanOrEqual(EXACT_WORK);
    expect(e.estimate!.samples).toBe(Math.floor(EXACT_WORK / (csr.order + csr.outNeighbours.length)));
  }, 60_000);

  it('one and two actors: n/a and 0, no pairs; an unknown actor throws', () => {
    expect(explainBetweenness(dataset(['A'], []), 'A')).toMatchObject({ betweenness: null, scale: null, pairs: [], totalPairs: 0 });
    expect(explainBetweenness(dataset(['A', 'B'], [['A', 'B', 'partner']]), 'A')).toMatchObject({ betweenness: 0, pairs: [], totalPairs: 0 });
    expect(() => explainBetweenness(cycleTail, 'Q')).toThrow('"Q" is not an actor id');
  });
});

describe('explainEigenvector', () => {
  it('shares of the in-neighbours sum to 1, and their scores are the metric\'s', () => {
    for (const [d, undirected] of [
      [fromFixture(florentine15, 'partner'), false],
      [handGraph, false],
      [cycleTail, true],
      [randomDataset(5, 20, 60), true],
    ] as const) {
      const table = computeMetrics(d, { undirected, metrics: ['eigenvector'] });
      for (const row of table.actors) {
        const e = explainEigenvector(d, row.id, { undirected });
        expect(e.eigenvector).toBe(row.eigenvector);
        if (e.neighbourSum > 0) {
          expect(e.contributions.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
        }
        for (const c of e.contributions) expect(c.score).toBe(table.actors.find((a) => a.id === c.id)!.eigenvector);
        for (let i = 1; i < e.contributions.length; i++) {
          expect(e.contributions[i - 1]!.share).toBeGreaterThanOrEqual(e.contributions[i]!.share);
        }
      }
    }
  });

  it('on the hand graph: D draws on B and C; the neighbour sum is λ = √2 times the score', () => {
    // λ x_D = x_B + x_C with x_B = √2, x_C = 1 (unnormalised): B's share √2/(1 + √2).
    const e = explainEigenvector(handGraph, 'D');
    expect(e.contributions.map((c) => c.id)).toEqual(['B', 'C']);
    expect(e.contributions[0]!.share).toBeCloseTo(Math.SQRT2 / (1 + Math.SQRT2), 6);
    expect(e.neighbourSum / e.eigenvector!).toBeCloseTo(Math.SQRT2, 6);
    // In-neighbours only: E has D; D is not B's in-neighbour.
    expect(explainEigenvector(handGraph, 'E').contributions.map((c) => [c.id, c.share])).toEqual([['D', 1]]);
    expect(explainEigenvector(handGraph, 'B').contributions.map((c) => c.id)).toEqual(['A', 'C']);
    // Undirected, every neighbour counts.
    expect(explainEigenvector(handGraph, 'B', { undirected: true }).contributions.map((c) => c.id).sort()).toEqual(['A', 'C', 'D']);
  });

  it('n/a eigenvector: null with the reason and no contributions', () => {
    const e = explainEigenvector(dataset(['A', 'B', 'C'], [['A', 'B', 'threat'], ['B', 'C', 'threat']]), 'B');
    expect(e.eigenvector).toBeNull();
    expect(e.contributions).toEqual([]);
    expect(e.unavailable).toMatch(/did not converge/);
  });
});

// ------------------------------------------------------------------ the explain request

describe('the explain request (handle): samples and seed reach explainBetweenness', () => {
  const d = bigDataset({ actors: 300, relations: 1200, seed: 4 });
  const hub = bigActorId(0);

  it('a sampled explanation reaches the result with exact: false and its estimate', () => {
    const response = handle({ type: 'explain', dataset: d, options: { actor: hub, samples: 40, seed: 3 } });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const b = response.result.betweenness;
    expect(b).toEqual(explainBetweenness(d, hub, { samples: 40, seed: 3 }));
    expect(b.exact).toBe(false);
    expect(b.estimate).toMatchObject({ samples: 40, seed: 3, confidence: 0.95 });
    expect(b.estimate!.epsilon).toBeGreaterThan(0);
    expect(b.estimate!.of).toBeGreaterThan(40);
    expect(b.estimate!.bound).toMatch(/^within ±\S+ of the exact value with probability at least 95 %/);
    // The eigenvector part is not sampled; the whole answer crosses the worker boundary intact.
    expect(response.result.eigenvector).toEqual(explainEigenvector(d, hub));
    expect(structuredClone(response.result)).toEqual(response.result);
    // Undirected and another seed pass through as well.
    const undirected = handle({ type: 'explain', dataset: d, options: { actor: hub, undirected: true, samples: 40 } });
    expect(undirected.ok && undirected.result.betweenness).toEqual(explainBetweenness(d, hub, { undirected: true, samples: 40 }));
  });

  it('without samples the default holds (exact on a small graph); samples = n asks for the exact explanation', () => {
    const plain = handle({ type: 'explain', dataset: d, options: { actor: hub } });
    expect(plain.ok && plain.result.betweenness).toEqual(explainBetweenness(d, hub));
    expect(plain.ok && plain.result.betweenness.exact).toBe(true);
    expect(plain.ok && plain.result.betweenness.estimate).toBeUndefined();
    const exact = handle({ type: 'explain', dataset: d, options: { actor: hub, samples: d.actors.length } });
    expect(exact.ok && exact.result.betweenness).toEqual(plain.ok && plain.result.betweenness);
  });
});

// ------------------------------------------------------------------ ids and plain data

describe('prototype-named ids and plain data', () => {
  const plain = ['A', 'B', 'C', 'D', 'E'];
  const tricky = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  const rename = (d: Dataset): Dataset => {
    const to = new Map(plain.map((id, i) => [id, tricky[i]!]));
    return {
      ...d,
      actors: d.actors.map((a) => ({ ...a, id: to.get(a.id)!, name: `name of ${to.get(a.id)!}` })),
      relations: d.relations.map((r) => ({ ...r, source: to.get(r.source)!, target: to.get(r.target)! })),
    };
  };
  /** Replace the plain ids (and names) in a result by the tricky ones, through JSON. */
  const mapped = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_k, v: unknown) => {
        if (typeof v !== 'string') return v;
        const i = plain.indexOf(v);
        if (i >= 0) return tricky[i];
        const m = /^name of ([A-E])$/.exec(v);
        return m ? `name of ${tricky[plain.indexOf(m[1]!)]}` : v;
      }),
    );

  it('__proto__, constructor, toString, … give the same results as A–E', () => {
    const d = rename(stabilityGraph);
    expect(compareActors(d, { actors: ['__proto__', 'toString', 'valueOf'] })).toEqual(
      mapped(compareActors(stabilityGraph, { actors: ['A', 'C', 'E'] })),
    );
    expect(layerRankings(d, { metric: 'betweenness', actors: ['constructor', '__proto__'] })).toEqual(
      mapped(layerRankings(stabilityGraph, { metric: 'betweenness', actors: ['B', 'A'] })),
    );
    expect(rankStability(d, { metric: 'betweenness', dropSuspected: true })).toEqual(
      mapped(rankStability(stabilityGraph, { metric: 'betweenness', dropSuspected: true })),
    );
    const cycle = rename(cycleTail);
    expect(explainBetweenness(cycle, 'hasOwnProperty')).toEqual(mapped(explainBetweenness(cycleTail, 'D')));
    expect(explainEigenvector(cycle, '__proto__', { undirected: true })).toEqual(
      mapped(explainEigenvector(cycleTail, 'A', { undirected: true })),
    );
    // And the numbers are real: toString (C) is a broker.
    expect(cell(compareActors(d, { actors: ['__proto__', 'toString'] }), 'toString', 'betweenness').rank).toBe(1);
  });

  it('results survive structuredClone (they cross a Web Worker boundary) and hold no class instances', () => {
    const results: unknown[] = [
      compareActors(handGraph, { actors: ['A', 'B'] }),
      layerRankings(layerGraph, { metric: 'degree' }),
      rankStability(stabilityGraph, { metric: 'betweenness', dropSuspected: true, minGrade: 'B3' }),
      explainBetweenness(cycleTail, 'D'),
      explainEigenvector(cycleTail, 'D'),
    ];
    for (const r of results) {
      expect(structuredClone(r)).toEqual(r);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });
});

// ------------------------------------------------------------------ CLI

const FIXTURES = fileURLToPath(new URL('../fixtures/compare', import.meta.url));

/**
 * runCompare with a fake Io reading tests/fixtures/compare/. A UsageError is
 * mapped to exit 2 as graph/cli.ts's main() does (its message in err, the error in usage).
 */
const cli = (...args: string[]): Run => runCommand(runCompare, FIXTURES, ...args);

interface JsonMove {
  id: string;
  baseRank: number | null;
  variantRank: number | null;
  delta: number | null;
}
interface JsonOutput {
  actors: Array<{ id: string; name: string; metrics: Record<string, { value: number | null; normalized: number | null; rank: number | null }> }>;
  actorCount: number;
  graph: { actors: number; relations: number; directed: boolean; filter: string };
  unavailable: Record<string, string>;
  layers: Record<string, Array<{ layer: string; relations: number; rows: Array<{ id: string; rank: number | null; change: number | null }> }>>;
  stability: {
    metric: string;
    withoutSuspected: { dropped: string[]; spearman: number | null; moves: JsonMove[] };
    minGrade?: { grade: string; dropped: string[]; spearman: number | null; moves: JsonMove[] };
  };
  explain?: Array<{
    id: string;
    betweenness: { value: number; exact: boolean; estimate?: unknown; totalPairs: number; pairs: unknown[] };
    eigenvector: { value: number | null };
  }>;
}

describe('actorscope compare (runCompare)', () => {
  it('--json: actors with metrics keyed by metric, actorCount, layers per layer metric, stability', () => {
    const run = cli('five.json', '--actors', 'B,C', '--json', '--evidence', 'all');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const json = JSON.parse(run.out) as JsonOutput;
    expect(Object.keys(json)).toEqual(['actors', 'actorCount', 'graph', 'unavailable', 'layers', 'stability']);
    expect(json.actorCount).toBe(5);
    expect(json.graph).toEqual({ actors: 5, relations: 4, directed: true, filter: 'all actors and relations' });
    expect(json.actors.map((a) => [a.id, a.name])).toEqual([['B', 'Bravo'], ['C', 'Charlie']]);
    expect(Object.keys(json.actors[0]!.metrics)).toEqual([...METRIC_IDS]);
    expect(json.actors[0]!.metrics.betweenness).toEqual({ value: 0.25, normalized: 0.75, rank: 3 });
    expect(json.actors[1]!.metrics.betweenness!.rank).toBe(1);
    expect(json.actors[1]!.metrics.degree).toEqual({ value: 2, normalized: 1, rank: 1 });

    // Betweenness layers (default): partner A⇄B, C⇄D⇄E gives D 1/6 (#1), the rest #2;
    // no supplier or threat relations: everyone 0, #1. B is #3 overall, C #1.
    expect(Object.keys(json.layers)).toEqual(['betweenness']);
    expect(json.layers.betweenness!.map((l) => [l.layer, l.relations, l.rows.map((r) => [r.id, r.rank, r.change])])).toEqual([
      ['all', 4, [['B', 3, null], ['C', 1, null]]],
      ['partner', 3, [['B', 2, 1], ['C', 2, -1]]],
      ['supplier', 0, [['B', 1, 2], ['C', 1, 0]]],
      ['threat', 0, [['B', 1, 2], ['C', 1, 0]]],
    ]);

    // Stability of betweenness without r4 (worked in the rankStability tests): the compared actors only, in move order.
    expect(json.stability.metric).toBe('betweenness');
    expect(json.stability.minGrade).toBeUndefined();
    expect(json.stability.withoutSuspected.dropped).toEqual(['r4']);
    expect(json.stability.withoutSuspected.spearman).toBeCloseTo(Math.sqrt(5) / 4, 12);
    expect(json.stability.withoutSuspected.moves.map((m) => [m.id, m.baseRank, m.variantRank, m.delta])).toEqual([
      ['C', 1, 2, -1],
      ['B', 3, 2, 1],
    ]);
  });

  it('--metrics, --layer-metric, --layers, --stability-metric, --min-grade, --explain, --undirected', () => {
    const run = cli(
      'five.json', '--actors', 'C,B', '--json', '--metrics', 'degree,betweenness', '--layer-metric', 'degree,betweenness',
      '--layers', 'partner', '--stability-metric', 'betweenness', '--min-grade', 'B3', '--explain', '--evidence', 'all',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as JsonOutput;
    expect(Object.keys(json.actors[0]!.metrics)).toEqual(['degree', 'betweenness']);
    expect(Object.keys(json.layers)).toEqual(['degree', 'betweenness']);
    expect(json.layers.degree!.map((l) => l.layer)).toEqual(['all', 'partner']);
    expect(json.stability.minGrade!.grade).toBe('B3');
    expect(json.stability.minGrade!.dropped).toEqual(['r2', 'r3']);
    expect(json.stability.minGrade!.moves.map((m) => [m.id, m.delta])).toEqual([['B', 2], ['C', -1]]);
    expect(json.explain!.map((e) => [e.id, e.betweenness.totalPairs])).toEqual([['C', 4], ['B', 3]]);
    expect(json.explain![1]!.betweenness.value).toBe(0.25);
    // Exact here: said so, with no estimate.
    expect(json.explain!.map((e) => [e.betweenness.exact, 'estimate' in e.betweenness])).toEqual([[true, false], [true, false]]);

    const undirected = JSON.parse(cli('five.json', '--actors', 'B,C', '--json', '--undirected').out) as JsonOutput;
    expect(undirected.graph.directed).toBe(false);
  });

  it('the text output: table with "value (#rank)", bars, layer ranks with ▲/▼, stability moves', () => {
    const run = cli('five.json', '--actors', 'B,C', '--min-grade', 'B3', '--explain', '--evidence', 'all');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('Bravo vs Charlie: 5 actors, 4 relations, directed: partner counted both ways');
    // The table: header, rule, then one row per compared actor.
    const header = lines.findIndex((l) => l.startsWith('id  '));
    expect(lines[header]!.split(/\s{2,}/)).toEqual(['id', 'name', 'Degree', 'In-degree', 'Out-degree', 'Betweenness', 'Closeness', 'Eigenvector', 'PageRank', 'Hub', 'Authority']);
    expect(lines[header + 2]).toMatch(/^B {3}Bravo {4}2 \(#1\) .* 0\.2500 \(#3\) /);
    expect(lines[header + 3]).toMatch(/^C {3}Charlie {2}2 \(#1\) .* 0\.3333 \(#1\) /);
    // Bars: betweenness B at 0.75 of the highest is 18 of 24 full blocks.
    const bars = lines.indexOf('Betweenness (highest 0.3333)');
    expect(lines[bars + 1]).toBe(`  Bravo    ${'█'.repeat(18)}${' '.repeat(6)}  0.75`);
    expect(lines[bars + 2]).toBe(`  Charlie  ${'█'.repeat(24)}  1.00`);
    // Layers: ▲ for higher in the layer, ▼ for lower.
    expect(run.out).toMatch(/\npartner {11}3 {2}0\.0000 \(#2\) {2}▲1 {2}0\.0000 \(#2\) {2}▼1\n/);
    expect(run.out).toMatch(/\nsupplier {10}0 {2}0\.0000 \(#1\) {2}▲2 {2}0\.0000 \(#1\) {3}=\n/);
    // Stability, both variants.
    expect(run.out).toContain('dropped: r4 Bravo suspected-supporter Charlie\nSpearman rank correlation over all actors: 0.559');
    expect(run.out).toContain('dropped: r2 Charlie partner Delta; r3 Delta partner Echo\nSpearman rank correlation over all actors: 0.000');
    expect(run.out).toMatch(/\nB {3}Bravo {4}0\.2500 \(#3\) {2}0\.0833 \(#1\) {4}▲2\n/);
    // Explanations.
    expect(run.out).toContain('Why Charlie:\n  betweenness 0.3333: on shortest paths between 4 ordered pairs of other actors:\n    Alpha → Delta: 1 of 1 shortest paths');
    // Exact: nothing is marked as an estimate.
    expect(run.out).not.toMatch(/≈|estimated|Estimated/);
  });

  it('--explain-samples K: a sampled explanation is marked ≈ with its bound in the text and carries exact/estimate in the JSON', () => {
    const big = bigDataset({ actors: 300, relations: 1200, seed: 4 });
    const files = new Map([['big.json', bigDatasetJson({ actors: 300, relations: 1200, seed: 4 })]]);
    const actors = `${bigActorId(0)},${bigActorId(150)}`;
    const args = ['big.json', '--actors', actors, '--explain', '--explain-samples', '40', '--explain-seed', '3'];
    const expected = [bigActorId(0), bigActorId(150)].map((id) => explainBetweenness(big, id, { limit: 5, samples: 40, seed: 3 }));
    expect(expected.every((e) => !e.exact)).toBe(true);

    const json = JSON.parse(runWithFiles(runCompare, files, ...args, '--json').out) as JsonOutput;
    json.explain!.forEach((e, i) => {
      expect(e.betweenness).toEqual({
        value: expected[i]!.betweenness,
        exact: false,
        estimate: expected[i]!.estimate,
        totalPairs: expected[i]!.totalPairs,
        pairs: expected[i]!.pairs,
      });
    });

    const run = runWithFiles(runCompare, files, ...args);
    expect(run.code).toBe(0);
    const hub = expected[0]!;
    const e = hub.estimate!;
    const why = run.out.slice(run.out.indexOf(`Why ${hub.name}:`)).split('\n');
    expect(why[1]).toBe(
      `  betweenness ≈ ${hub.betweenness!.toFixed(4)} ± ${+e.epsilon.toPrecision(2)} (95 %), estimated from 40 of ${e.of} sources (seed 3):`,
    );
    expect(why[2]).toBe(`  ${e.bound}; standard error about ${+e.standardError.toPrecision(2)};`);
    expect(why[3]).toBe(
      `  on shortest paths between about ${hub.totalPairs} ordered pairs of other actors (estimated); the first 5 found from the searched sources:`,
    );
    expect(why[4]).toMatch(/^ {4}.+ → .+: \d+ of \d+ shortest paths$/);
    // Never the exact wording for a sampled value.
    expect(run.out).not.toMatch(/\n {2}betweenness \d/);

    // As many samples as actors: exact again, and said so.
    const exact = JSON.parse(runWithFiles(runCompare, files, 'big.json', '--actors', actors, '--explain', '--explain-samples', '300', '--json').out) as JsonOutput;
    expect(exact.explain![0]!.betweenness).toMatchObject({ exact: true, value: explainBetweenness(big, bigActorId(0)).betweenness });
    expect('estimate' in exact.explain![0]!.betweenness).toBe(false);
  });

  it('prototype-named ids work end to end', () => {
    const run = cli('proto.json', '--actors', '__proto__,toString', '--json');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const json = JSON.parse(run.out) as JsonOutput;
    expect(json.actors.map((a) => a.id)).toEqual(['__proto__', 'toString']);
    expect(json.actors[1]!.metrics.betweenness!.rank).toBe(1);
    expect(json.stability.withoutSuspected.moves.map((m) => m.id)).toEqual(['__proto__', 'toString']);
  });

  it('bad usage exits 2: 1 or 7 actors, a repeated or unknown id, no --actors, a bad metric, layer or grade', () => {
    const cases: Array<[string[], RegExp]> = [
      [['five.json', '--actors', 'B'], /--actors needs 2 to 6 actor ids, not 1/],
      [['five.json', '--actors', 'A,B,C,D,E,A2,B2'], /not 7/],
      [['five.json', '--actors', 'B,B'], /"B" is given twice/],
      [['five.json', '--actors', 'B,Q'], /--actors: "Q" is not an actor id in this file/],
      [['five.json'], /compare needs --actors/],
      [['--actors', 'A,B'], /compare needs a FILE/],
      [['five.json', '--actors', 'A,B', '--metrics', 'bogus'], /--metrics: unknown metric "bogus"/],
      [['five.json', '--actors', 'A,B', '--layer-metric', 'bogus'], /--layer-metric: unknown metric/],
      [['five.json', '--actors', 'A,B', '--stability-metric', 'degree,pagerank'], /one metric/],
      [['five.json', '--actors', 'A,B', '--layers', 'ally'], /unknown relation type "ally"/],
      [['five.json', '--actors', 'A,B', '--min-grade', 'Z9'], /"Z9" is not an Admiralty grade/],
      [['five.json', '--actors', 'A,B', '--colour'], /unknown option --colour/],
      [['five.json', '--actors', 'A,B', '--explain-samples', '10'], /--explain-samples goes with --explain/],
      [['five.json', '--actors', 'A,B', '--explain-seed', '2'], /--explain-seed goes with --explain/],
      [['five.json', '--actors', 'A,B', '--explain', '--explain-samples', '0'], /--explain-samples must be a whole number from 1/],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.usage, args.join(' ')).toBeInstanceOf(UsageError);
      expect(run.err, args.join(' ')).toMatch(message);
      expect(run.out).toBe('');
    }
  });

  it('a bad or missing file exits 1 with a located message and no stack trace', () => {
    const broken = cli('broken.json', '--actors', 'A,B');
    expect(broken.code).toBe(1);
    expect(broken.out).toBe('');
    expect(broken.err).toMatch(/^broken\.json: line 4:3: not valid JSON: /);
    expect(broken.err).not.toContain('    at ');
    const missing = cli('no-such-file.json', '--actors', 'A,B');
    expect(missing).toMatchObject({ code: 1, out: '', err: 'no-such-file.json: no such file' });
  });

  it('the usage text documents the options and the JSON', () => {
    expect(COMPARE_USAGE.split('\n')[0]).toMatch(/^actorscope compare FILE --actors ID,ID\[,\.\.\.\] .*\[--json\]$/);
    for (const option of ['--metrics', '--undirected', '--layer-metric', '--layers', '--stability-metric', '--min-grade', '--explain', '--explain-samples', '--explain-seed']) {
      expect(COMPARE_USAGE).toContain(option);
    }
    expect(COMPARE_USAGE).toMatch(/JSON: \{actors: \[\{id, name, metrics: \{M: \{value, normalized, rank\}\}\}\], actorCount/);
  });
});
