/**
 * Structural balance (graph/analysis/balance/) and the `balance` CLI command
 * (graph/cli/balance.ts):
 * - hand-built signed graphs with known frustration: balanced (0), +,+,−
 *   triangle (1), −,−,− triangle (1), two disjoint unbalanced triangles (2),
 *   all-negative K4 (2) and K24 (132), ambivalent pairs and parallel relations;
 * - triad counts on a hand graph worked by hand, whose frustration is also
 *   worked by hand (3) and checked by brute force in this file;
 * - random multigraphs (fast-check): the exact frustration equals brute force;
 *   the heuristic's bounds enclose it; every result's split attains it;
 * - both cycle packings give edge-disjoint unbalanced cycles;
 * - options (signs, minGrade, exactLimit), prototype-named ids, empty data;
 * - the CLI's JSON shape, text and usage errors on tests/fixtures/analysis/two-blocs.json.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { structuralBalance, type BalanceOptions, type BalanceResult } from '../../graph/analysis/balance';
import { packUnbalancedCycles, type CyclePacking } from '../../graph/analysis/balance/cycle-packing';
import { solveHeuristic } from '../../graph/analysis/balance/heuristic';
import { solveExact } from '../../graph/analysis/balance/exact';
import { colouringCost, colouringProblem, type ColouringProblem } from '../../graph/analysis/balance/problem';
import { buildSignedGraph, signedComponents } from '../../graph/analysis/balance/signed-graph';
import { packAlongSplit } from '../../graph/analysis/balance/split-packing';
import { DEFAULT_SIGNS, type SignMap } from '../../graph/analysis/signs';
import { runBalance } from '../../graph/cli/balance';
import { relationMeetsGrade } from '../../graph/analysis/evidence';
import type { Dataset, Grade, Relation, RelationType } from '../../graph/model/types';
import {
  ANALYSIS_FIXTURES,
  analysisFixture as fixture,
  edgeDataset,
  expectPartition,
  expectSortedByName,
  expectUsageErrors,
  type Edge,
} from '../support/analysis-data';
import { runCommand, type Run } from '../support/run-command';

const dataset = (actorIds: readonly string[], edges: readonly Edge[]): Dataset => edgeDataset('balance test', actorIds, edges);

const P = 'partner' as const;
const T = 'threat' as const;

/** Actors a…: `+` a partner, `-` a threat between each listed pair. */
function signed(actorIds: readonly string[], ties: ReadonlyArray<[string, string, '+' | '-']>): Dataset {
  return dataset(actorIds, ties.map(([s, t, sign]): Edge => [s, t, sign === '+' ? P : T]));
}

/**
 * Brute-force frustration, written independently of the code under test:
 * every two-colouring of the actors with a signed relation, counting positive
 * relations across and negative relations within (self-relations and sign-0
 * relations left out).
 */
function bruteForceFrustration(ds: Dataset, signs: SignMap = DEFAULT_SIGNS): number {
  const rels = ds.relations.filter((r) => r.source !== r.target && signs[r.type] !== 0);
  const ids = [...new Set(rels.flatMap((r) => [r.source, r.target]))];
  const index = new Map(ids.map((id, i) => [id, i] as const));
  let best = rels.length;
  for (let mask = 0; mask < 2 ** ids.length; mask++) {
    let cost = 0;
    for (const r of rels) {
      const same = ((mask >> index.get(r.source)!) & 1) === ((mask >> index.get(r.target)!) & 1);
      if (same ? signs[r.type] < 0 : signs[r.type] > 0) cost++;
    }
    best = Math.min(best, cost);
  }
  return best;
}

/** The result's own split attains its frustration, and everything else is as documented. */
function expectConsistent(result: BalanceResult, ds: Dataset, options: BalanceOptions = {}): void {
  const signs = options.signs ?? DEFAULT_SIGNS;
  const kept = (r: Relation) => options.minGrade === undefined || relationMeetsGrade(r, options.minGrade);
  const [f0, f1] = result.factions;
  const faction = new Map<string, number>();
  f0.forEach((id) => faction.set(id, 0));
  f1.forEach((id) => faction.set(id, 1));
  expect(faction.size, 'factions are disjoint').toBe(f0.length + f1.length);
  expect(f0.length).toBeGreaterThanOrEqual(f1.length);
  expectSortedByName([f0, f1, result.unsigned], ds);
  // Every actor in one faction or among the unsigned, never in two of them.
  expectPartition([f0, f1, result.unsigned], ds);

  // Relations the split violates, computed here from the factions.
  const violated = ds.relations
    .filter((r) => r.source !== r.target && signs[r.type] !== 0 && kept(r))
    .filter((r) => (faction.get(r.source) === faction.get(r.target) ? signs[r.type] < 0 : signs[r.type] > 0))
    .map((r) => r.id);
  expect(result.frustratedRelations.map((r) => r.id)).toEqual(violated);
  expect(result.frustratedRelations).toHaveLength(result.frustration);
  expect(result.lowerBound).toBeLessThanOrEqual(result.frustration);
  if (result.exact) expect(result.lowerBound).toBe(result.frustration);
  expect(result.optimal).toBe(result.exact || result.lowerBound === result.frustration);
  expect(result.method).toMatch(/\.$/);
  expect(structuredClone(result)).toEqual(result);
}

function balance(ds: Dataset, options?: BalanceOptions): BalanceResult {
  const result = structuralBalance(ds, options);
  expectConsistent(result, ds, options);
  return result;
}

describe('frustration of hand-built signed graphs', () => {
  it('a balanced graph: 0, and the two camps are the factions', () => {
    // Camps {a, b} and {c, d}: + within, − across.
    const ds = signed(['a', 'b', 'c', 'd'], [
      ['a', 'b', '+'],
      ['c', 'd', '+'],
      ['a', 'c', '-'],
      ['b', 'd', '-'],
      ['a', 'd', '-'],
    ]);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 0, exact: true, lowerBound: 0, frustratedRelations: [] });
    // Highest degree: a and d (3 each); a is first in the dataset, so a's camp comes first.
    expect(r.factions).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // Triples: abd (+,−,−) and acd (−,+,−) are balanced; abc and bcd are not triangles (no b–c).
    expect(r.triads).toEqual({ balanced: 2, unbalanced: 0 });
    expect(r.method).toMatch(/balanced/);
  });

  it('a +,+,− triangle: 1', () => {
    const ds = signed(['a', 'b', 'c'], [
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '-'],
    ]);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 1, exact: true, triads: { balanced: 0, unbalanced: 1 } });
    expect(r.unbalancedTriads).toHaveLength(1);
    expect(r.unbalancedTriads[0]!.actors).toEqual(['a', 'b', 'c']);
    expect(r.unbalancedTriads[0]!.relations.map((x) => x.id)).toEqual(['r1', 'r2', 'r3']);
    expect(r.unbalancedTriads[0]!.sign).toBe(-1);
  });

  it('a −,−,− triangle: 1', () => {
    const ds = signed(['a', 'b', 'c'], [
      ['a', 'b', '-'],
      ['b', 'c', '-'],
      ['c', 'a', '-'],
    ]);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 1, exact: true, triads: { balanced: 0, unbalanced: 1 } });
    expect(r.factions[0]).toHaveLength(2);
    expect(r.frustratedRelations.map((x) => x.sign)).toEqual([-1]);
  });

  it('two disjoint unbalanced triangles: 2, one per component', () => {
    const ds = signed(['a', 'b', 'c', 'x', 'y', 'z', 'alone'], [
      ['a', 'b', '+'],
      ['b', 'c', '+'],
      ['a', 'c', '-'],
      ['x', 'y', '-'],
      ['y', 'z', '-'],
      ['x', 'z', '-'],
    ]);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 2, exact: true, lowerBound: 2, triads: { balanced: 0, unbalanced: 2 } });
    expect(r.graph).toEqual({ actors: 6, relations: 6, components: 2, largestComponent: 3 });
    expect(r.unsigned).toEqual(['alone']);
  });

  it('an all-negative K4: 2', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const ds = signed(ids, ids.flatMap((s, i) => ids.slice(i + 1).map((t): [string, string, '-'] => [s, t, '-'])));
    const r = balance(ds);
    // Best split 2 + 2: one negative relation within each faction.
    expect(r).toMatchObject({ frustration: 2, exact: true, triads: { balanced: 0, unbalanced: 4 } });
    expect(r.factions.map((f) => f.length)).toEqual([2, 2]);
  });

  it('an all-negative K24 is solved exactly (2^23 splits, one pair update per pair of the flipped actor): 132', () => {
    // Best split 12 + 12: 2 · C(12, 2) = 132 negative relations within.
    const ids = Array.from({ length: 24 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const ds = signed(ids, ids.flatMap((s, i) => ids.slice(i + 1).map((t): [string, string, '-'] => [s, t, '-'])));
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 132, exact: true, lowerBound: 132 });
    expect(r.factions.map((f) => f.length)).toEqual([12, 12]);
    expect(r.method).toMatch(/exhaustive search/);
    // Fast by the work done, not the seconds: each of the 2^23 splits once, and each step updates
    // only the flipped actor's 23 pairs (incremental), not all 276.
    const graph = buildSignedGraph(ds);
    const [component] = signedComponents(graph);
    const exhaustive = solveExact(colouringProblem(graph, component!).problem, 0);
    expect(exhaustive.cost).toBe(132);
    expect(exhaustive.work).toEqual({ flips: 2 ** 23 - 1, pairUpdates: 23 * (2 ** 23 - 1) });
    const heuristic = balance(ds, { exactLimit: 0 });
    expect(heuristic.exact).toBe(false);
    expect(heuristic.lowerBound).toBeLessThanOrEqual(132);
    expect(heuristic.frustration).toBeGreaterThanOrEqual(132);
  }, 60_000);

  it('an ambivalent pair: both signs between two actors', () => {
    const ds = dataset(['a', 'b'], [
      ['a', 'b', P],
      ['b', 'a', T],
    ]);
    const r = balance(ds);
    expect(r.ambivalentPairs.map((p) => [p.actors, p.relations.map((x) => x.id)])).toEqual([[['a', 'b'], ['r1', 'r2']]]);
    expect(r).toMatchObject({ frustration: 1, exact: true, triads: { balanced: 0, unbalanced: 0 } });
    // With a third actor + to both, the triple is unbalanced whatever the signs of the other sides.
    const triple = dataset(['a', 'b', 'c'], [
      ['a', 'b', P],
      ['b', 'a', T],
      ['a', 'c', P],
      ['c', 'b', 'supplier'],
    ]);
    const t = balance(triple);
    expect(t).toMatchObject({ frustration: 1, triads: { balanced: 0, unbalanced: 1 } });
    expect(t.unbalancedTriads[0]!.relations.map((x) => x.id)).toEqual(['r2', 'r4', 'r3']);
    expect(t.frustratedRelations.map((x) => x.id)).toEqual(['r2']);
  });

  it('parallel relations each count', () => {
    const pair = (plus: number, minus: number) =>
      dataset(['a', 'b'], [...Array<Edge>(plus).fill(['a', 'b', P]), ...Array<Edge>(minus).fill(['b', 'a', T])]);
    expect(balance(pair(2, 1)).frustration).toBe(1);
    expect(balance(pair(1, 2)).frustration).toBe(1);
    expect(balance(pair(2, 2)).frustration).toBe(2);
    expect(balance(pair(3, 0)).frustration).toBe(0);
    // Same-sign parallel relations: one side, no ambivalence.
    expect(balance(pair(3, 0)).ambivalentPairs).toEqual([]);
  });
});

describe('triad census and frustration on a hand graph', () => {
  // Relations (+ partner/supplier, − threat, 0 other):
  //   r1 A+B  r2 B+C  r3 A+C  r4 C−D  r5 B−D  r6 A+D (supplier)  r7 D−E  r8 E−D
  //   r9 C−E  r10 B+E  r11 A−B  r12 A–E other (no sign)
  // Triples pairwise joined by signed relations (A–E is unsigned, so none with A and E):
  //   ABC  A–B is ambivalent (r1 +, r11 −)     → unbalanced
  //   ABD  A–B ambivalent                      → unbalanced
  //   ACD  + · − · + = −                       → unbalanced
  //   BCD  + · − · − = +                       → balanced
  //   BCE  + · − · + = −                       → unbalanced
  //   BDE  − · − · + = +  (D–E: r7, r8 both −) → balanced
  //   CDE  − · − · − = −                       → unbalanced
  //   → 2 balanced, 5 unbalanced.
  // Frustration 3: removing r11, r6, r9 leaves {A, B, C, E} against {D}, balanced; and
  // {r1, r11}, {r3, r4, r6}, {r2, r9, r10} are edge-disjoint unbalanced cycles, so 3 is needed.
  const ds = dataset(['A', 'B', 'C', 'D', 'E'], [
    ['A', 'B', P],
    ['B', 'C', P],
    ['A', 'C', P],
    ['C', 'D', T],
    ['B', 'D', T],
    ['A', 'D', 'supplier'],
    ['D', 'E', T],
    ['E', 'D', T],
    ['C', 'E', T],
    ['B', 'E', P],
    ['A', 'B', T],
    ['A', 'E', 'other'],
  ]);

  it('counts 2 balanced and 5 unbalanced triads', () => {
    const r = balance(ds);
    expect(r.triads).toEqual({ balanced: 2, unbalanced: 5 });
    expect(r.unbalancedTriads.map((t) => t.actors.join(''))).toEqual(['ABC', 'ABD', 'ACD', 'BCE', 'CDE']);
    // Relations join actors[0]–[1], [1]–[2], [2]–[0]; every reported choice has sign −.
    for (const t of r.unbalancedTriads) {
      const [x, y, z] = t.actors;
      const joins = (rel: { source: string; target: string }, u: string, v: string) =>
        (rel.source === u && rel.target === v) || (rel.source === v && rel.target === u);
      expect(joins(t.relations[0], x, y) && joins(t.relations[1], y, z) && joins(t.relations[2], z, x)).toBe(true);
      expect(t.relations.reduce((s, rel) => s * rel.sign, 1)).toBe(-1);
      expect(t.sign).toBe(-1);
    }
    // ABC: all confidences equal (no claims), so the first choice in order (−, +, +): r11, r2, r3.
    expect(r.unbalancedTriads[0]!.relations.map((x) => x.id)).toEqual(['r11', 'r2', 'r3']);
    expect(r.ambivalentPairs.map((p) => [p.actors, p.relations.map((x) => x.id)])).toEqual([[['A', 'B'], ['r1', 'r11']]]);
  });

  it('frustration 3, by hand and by brute force', () => {
    expect(bruteForceFrustration(ds)).toBe(3);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 3, exact: true, lowerBound: 3 });
    expect(r.factions).toEqual([['A', 'B', 'C', 'E'], ['D']]);
    expect(r.frustratedRelations.map((x) => x.id)).toEqual(['r6', 'r9', 'r11']);
    expect(r.unsigned).toEqual([]);
  });

  it('heuristic mode: lowerBound ≤ 3 ≤ frustration, exact false', () => {
    for (const exactLimit of [0, 2, 4]) {
      const r = balance(ds, { exactLimit });
      expect(r.exact).toBe(false);
      expect(r.lowerBound).toBeLessThanOrEqual(3);
      expect(r.frustration).toBeGreaterThanOrEqual(3);
      expect(r.method).toMatch(/local search.*lower bound/);
    }
  });

  it('reports the most confident unbalanced choice of relations', () => {
    // x–y: a partner (B2) and two threats (E5, A1); y–z and z–x partners.
    const graded = dataset(['x', 'y', 'z'], [
      ['x', 'y', P, 'B2'],
      ['x', 'y', T, 'E5'],
      ['y', 'x', T, 'A1'],
      ['y', 'z', P, 'B2'],
      ['z', 'x', P, 'C3'],
    ]);
    const r = balance(graded);
    expect(r.unbalancedTriads[0]!.relations.map((x) => x.id)).toEqual(['r3', 'r4', 'r5']);
    expect(r.unbalancedTriads[0]!.relations[0].confidence).toBe(1);
  });
});

describe('random signed multigraphs (fast-check)', () => {
  const TYPES: RelationType[] = ['partner', 'threat', 'supplier', 'threat', 'other', 'suspected-supporter'];
  const arbitraryGraph = fc
    .integer({ min: 1, max: 9 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(
          fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: TYPES.length - 1 })),
          { maxLength: 28 },
        ),
      }),
    )
    .map(({ n, edges }) =>
      dataset(
        Array.from({ length: n }, (_, i) => `v${i}`),
        edges.map(([s, t, k]): Edge => [`v${s}`, `v${t}`, TYPES[k]!]),
      ),
    );

  it('exact frustration equals brute force; the heuristic bounds enclose it', () => {
    fc.assert(
      fc.property(arbitraryGraph, (ds) => {
        const truth = bruteForceFrustration(ds);
        const exact = balance(ds);
        expect(exact.exact).toBe(true);
        expect(exact.frustration).toBe(truth);
        const heuristic = balance(ds, { exactLimit: 0 });
        expect(heuristic.lowerBound).toBeLessThanOrEqual(truth);
        expect(heuristic.frustration).toBeGreaterThanOrEqual(truth);
        expect(heuristic.triads).toEqual(exact.triads);
        // The Gray-code search on its own (structuralBalance skips it when the bounds meet).
        const graph = buildSignedGraph(ds);
        let searched = 0;
        for (const component of signedComponents(graph)) {
          const { problem } = colouringProblem(graph, component);
          const { cost, side } = solveExact(problem, component.length - 1);
          expect(colouringCost(problem, side)).toBe(cost);
          expect(side[component.length - 1]).toBe(0);
          searched += cost;
        }
        expect(searched).toBe(truth);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('both cycle packings are edge-disjoint unbalanced cycles', () => {
    fc.assert(
      fc.property(arbitraryGraph, (ds) => {
        const graph = buildSignedGraph(ds);
        for (const component of signedComponents(graph)) {
          const { problem } = colouringProblem(graph, component);
          expectValidPacking(problem, packUnbalancedCycles(problem));
          const split = solveHeuristic(problem, 0, 3);
          expectValidPacking(problem, packAlongSplit(problem, split.side));
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a 14-actor graph checked by brute force, exact and heuristic', () => {
    // A fixed pseudo-random multigraph (linear congruential generator, seed 7).
    let state = 7;
    const next = (k: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % k;
    const ids = Array.from({ length: 14 }, (_, i) => `a${i}`);
    const edges: Edge[] = [];
    for (let i = 1; i < 14; i++) edges.push([ids[i]!, ids[next(i)]!, next(3) ? P : T]);
    for (let i = 0; i < 30; i++) edges.push([ids[next(14)]!, ids[next(14)]!, next(3) ? P : T]);
    const ds = dataset(ids, edges);
    const truth = bruteForceFrustration(ds);
    expect(truth).toBeGreaterThan(0);
    expect(balance(ds).frustration).toBe(truth);
    const heuristic = balance(ds, { exactLimit: 5 });
    expect(heuristic.exact).toBe(false);
    expect(heuristic.lowerBound).toBeLessThanOrEqual(truth);
    expect(heuristic.frustration).toBeGreaterThanOrEqual(truth);
  });
});

/**
 * Each cycle is [p, p] (one + and one − relation of an ambivalent pair p) or a
 * simple cycle of distinct pairs with a choice of one relation per pair whose
 * signs multiply to −; across cycles, no pair gives more relations than it has.
 * Checked by trying every sign choice the pairs allow (cycles here are short).
 */
function expectValidPacking(problem: ColouringProblem, packing: CyclePacking): void {
  expect(packing.complete).toBe(true);
  expect(packing.bound).toBe(packing.cycles.length);
  const usedPos = new Int32Array(problem.m);
  const usedNeg = new Int32Array(problem.m);
  const flexible: number[][] = []; // per cycle: pairs that could give either sign
  for (const cycle of packing.cycles) {
    if (cycle.length === 2 && cycle[0] === cycle[1]) {
      usedPos[cycle[0]!]!++;
      usedNeg[cycle[0]!]!++;
      continue;
    }
    expect(new Set(cycle).size).toBe(cycle.length);
    const degree = new Map<number, number>();
    for (const p of cycle) {
      for (const v of [problem.ends[2 * p]!, problem.ends[2 * p + 1]!]) degree.set(v, (degree.get(v) ?? 0) + 1);
    }
    expect([...degree.values()].every((d) => d === 2)).toBe(true);
    expect(degree.size).toBe(cycle.length);
    // Pairs with only one sign fix it; the product of fixed signs must be − unless a pair is flexible.
    let product = 1;
    const free: number[] = [];
    for (const p of cycle) {
      if (problem.pos[p]! > 0 && problem.neg[p]! > 0) free.push(p);
      else if (problem.pos[p]! > 0) usedPos[p]!++;
      else {
        usedNeg[p]!++;
        product = -product;
      }
    }
    if (!free.length) expect(product).toBe(-1);
    flexible.push(free);
  }
  // Flexible pairs: at least the relations used must exist.
  const usedAny = new Int32Array(problem.m);
  for (const free of flexible) for (const p of free) usedAny[p]!++;
  for (let p = 0; p < problem.m; p++) {
    expect(usedPos[p]!).toBeLessThanOrEqual(problem.pos[p]!);
    expect(usedNeg[p]!).toBeLessThanOrEqual(problem.neg[p]!);
    expect(usedPos[p]! + usedNeg[p]! + usedAny[p]!).toBeLessThanOrEqual(problem.pos[p]! + problem.neg[p]!);
  }
}

describe('structuralBalance options and edge cases', () => {
  it('the two-blocs fixture: one unbalanced triad, frustration 1, highest-degree actor first', () => {
    // + : A–B, B–C, A–C, D–E, E–F, D–F, C → D supplier; − : A → D, B → E; G → A is `other`.
    // Triples: ABC, DEF balanced (+++); ACD: A–C +, C–D +, D–A − → unbalanced. (B, E have no third.)
    // Split {A, B, C} | {D, E, F} violates only C → D (+ across). D has most signed relations (4), so its faction is first.
    const ds = fixture('two-blocs.json');
    const r = balance(ds);
    expect(r.triads).toEqual({ balanced: 2, unbalanced: 1 });
    expect(r.unbalancedTriads.map((t) => [t.actors, t.relations.map((x) => x.id)])).toEqual([[['A', 'C', 'D'], ['r3', 'r7', 'r8']]]);
    expect(r).toMatchObject({ frustration: 1, exact: true, unsigned: ['G'] });
    expect(r.factions).toEqual([
      ['D', 'E', 'F'],
      ['A', 'B', 'C'],
    ]);
    expect(r.frustratedRelations.map((x) => x.id)).toEqual(['r7']);
  });

  it('minGrade drops relations without a supporting claim at that grade', () => {
    // C → D is graded D4: at C3 it goes, ACD is no longer a triple, and the graph is balanced.
    // A and D now both have 3 signed relations; A is first in the dataset, so A's faction is first.
    const r = balance(fixture('two-blocs.json'), { minGrade: 'C3' });
    expect(r).toMatchObject({ triads: { balanced: 2, unbalanced: 0 }, frustration: 0, unbalancedTriads: [] });
    expect(r.factions).toEqual([
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
    ]);
    expect(r.graph.relations).toBe(8);
    // At B2 the C3 threat B → E goes too; relations with no claim never meet a grade.
    expect(balance(fixture('two-blocs.json'), { minGrade: 'B2' }).graph.relations).toBe(7);
    expect(balance(signed(['a', 'b'], [['a', 'b', '-']]), { minGrade: 'F6' }).graph.relations).toBe(0);
  });

  it('the signs option', () => {
    // Suppliers negative: ACD becomes A–C +, C–D −, D–A − = +, balanced.
    const signs: SignMap = { ...DEFAULT_SIGNS, supplier: -1 };
    const ds = fixture('two-blocs.json');
    const r = balance(ds, { signs });
    expect(r).toMatchObject({ triads: { balanced: 3, unbalanced: 0 }, frustration: 0 });
    expect(bruteForceFrustration(ds, signs)).toBe(0);
    // `other` signed +: G joins A's faction.
    const withOther = balance(ds, { signs: { ...DEFAULT_SIGNS, other: 1 } });
    expect(withOther.unsigned).toEqual([]);
    expect(withOther.factions[0]).toEqual(['A', 'B', 'C', 'G']);
  });

  it('self-relations and unsigned actors are left out', () => {
    const ds = dataset(['a', 'b', 'c'], [
      ['a', 'a', T],
      ['a', 'b', T],
      ['c', 'c', P],
    ]);
    const r = balance(ds);
    expect(r).toMatchObject({ frustration: 0, unsigned: ['c'], factions: [['a'], ['b']] });
    expect(r.graph).toEqual({ actors: 2, relations: 1, components: 1, largestComponent: 2 });
  });

  it('works with prototype-named ids', () => {
    const ds = signed(['__proto__', 'constructor', 'toString', 'hasOwnProperty'], [
      ['__proto__', 'constructor', '+'],
      ['constructor', 'toString', '+'],
      ['toString', '__proto__', '-'],
      ['hasOwnProperty', '__proto__', '-'],
    ]);
    const r = balance(ds);
    expect(r.frustration).toBe(1);
    expect(r.unbalancedTriads[0]!.actors).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });

  it('an empty dataset and one without signed relations: 0, no throw', () => {
    const empty = balance(dataset([], []));
    expect(empty).toMatchObject({
      triads: { balanced: 0, unbalanced: 0 },
      unbalancedTriads: [],
      ambivalentPairs: [],
      frustration: 0,
      exact: true,
      lowerBound: 0,
      factions: [[], []],
      frustratedRelations: [],
      unsigned: [],
    });
    expect(empty.method).toMatch(/No signed relations/);
    const unsigned = balance(dataset(['a', 'b'], [['a', 'b', 'other']]));
    expect(unsigned).toMatchObject({ frustration: 0, unsigned: ['a', 'b'], factions: [[], []] });
  });

  it('refuses bad options', () => {
    const ds = signed(['a', 'b'], [['a', 'b', '+']]);
    expect(() => structuralBalance(ds, { exactLimit: 31 })).toThrow(/exactLimit/);
    expect(() => structuralBalance(ds, { exactLimit: -1 })).toThrow(RangeError);
    expect(() => structuralBalance(ds, { exactLimit: 2.5 })).toThrow(RangeError);
    expect(() => structuralBalance(ds, { minGrade: 'Z9' as Grade })).toThrow(/not a grade/);
  });

  it('the same seed gives the same heuristic result', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const ds = signed(ids, ids.flatMap((s, i) => ids.slice(i + 1).map((t, j): [string, string, '+' | '-'] => [s, t, (i + j) % 3 ? '-' : '+'])));
    expect(structuralBalance(ds, { exactLimit: 0, seed: 5 })).toEqual(structuralBalance(ds, { exactLimit: 0, seed: 5 }));
  });
});

describe('actorscope balance', () => {
  /** Runs the command as graph/cli.ts's main() would: a UsageError is exit 2. */
  const run = (...args: string[]): Run => runCommand(runBalance, ANALYSIS_FIXTURES, ...args);

  it('--json prints triads, unbalancedTriads, frustration, factions (and exact, lowerBound, method)', () => {
    const r = run('two-blocs.json', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['triads', 'unbalancedTriads', 'frustration', 'factions', 'exact', 'lowerBound', 'method']);
    expect(json).toMatchObject({
      triads: { balanced: 2, unbalanced: 1 },
      unbalancedTriads: [['A', 'C', 'D']],
      frustration: 1,
      factions: [
        ['D', 'E', 'F'],
        ['A', 'B', 'C'],
      ],
      exact: true,
      lowerBound: 1,
    });
  });

  it('--min-grade and --exact-limit', () => {
    const graded = JSON.parse(run('two-blocs.json', '--json', '--min-grade', 'c3').out) as BalanceResult;
    expect(graded.triads).toEqual({ balanced: 2, unbalanced: 0 });
    expect(graded.frustration).toBe(0);
    const heuristic = JSON.parse(run('two-blocs.json', '--json', '--exact-limit=0').out) as BalanceResult;
    expect(heuristic.exact).toBe(false);
    expect(heuristic.lowerBound).toBe(1);
    expect(heuristic.frustration).toBe(1);
  });

  it('text: counts, each unbalanced triad with relations and quotes, frustration, factions, frustrated relations', () => {
    const r = run('two-blocs.json');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Structural balance on 9 signed relations among 6 actors/);
    expect(lines).toContain('Triads: 2 balanced, 1 unbalanced.');
    expect(lines).toContain('1. Alpha, Charlie, Delta');
    expect(lines).toContain('   Alpha – Charlie: partner (+)  "Alpha is a partner of Charlie."');
    expect(lines).toContain('   Charlie → Delta: supplier (+)  "Charlie supplies Delta."');
    expect(lines).toContain('   Alpha → Delta: threat (−)  "Alpha threatens Delta."');
    expect(lines.find((l) => l.startsWith('Frustration: 1. Exact:'))).toBeDefined();
    expect(lines).toContain('Faction 1 (3): Delta, Echo, Foxtrot');
    expect(lines).toContain('Faction 2 (3): Alpha, Bravo, Charlie');
    expect(lines).toContain('Frustrated relations (1):');
    expect(lines.find((l) => /^r7\s+Charlie → Delta\s+supplier \(\+\)\s+across factions$/.test(l))).toBeDefined();
    expect(lines).toContain('No signed relation (in neither faction): Golf');
  });

  it('bad usage exits 2, a bad file 1, without stack traces', () => {
    expectUsageErrors(run, [
      [],
      ['two-blocs.json', '--min-grade', 'Z9'],
      ['two-blocs.json', '--min-grade'],
      ['two-blocs.json', '--exact-limit', '31'],
      ['two-blocs.json', '--exact-limit', 'many'],
      ['two-blocs.json', '--types', 'threat'],
    ]);
  });
});
