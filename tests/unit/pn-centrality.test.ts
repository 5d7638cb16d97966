/**
 * PN centrality (Everett & Borgatti 2014, "Networks containing negative
 * ties", Social Networks 38): graph/analysis/kernels/pn.ts and the optional
 * metric `pn` (graph/analysis/metrics/pn.ts).
 *
 * The expected values are computed from the paper's definition,
 * PN = (I − A/(2n−2))⁻¹·1 with A = P − 2N (P, N binary and symmetric),
 * independently of our code: by numpy 2.4.6's dense solver on Debian's
 * /usr/bin/python3, with this script (the hand cases are also exact
 * rationals, worked by hand from x = 1 + A x/(2n−2); e.g. the positive path
 * a–b–c: x_a = 1 + x_b/4, x_b = 1 + x_a/2 give x_a = 10/7, x_b = 12/7):
 *
 *   import numpy as np
 *   def pn(n, pos, neg):
 *       P = np.zeros((n, n)); N = np.zeros((n, n))
 *       for i, j in pos: P[i, j] = P[j, i] = 1
 *       for i, j in neg: N[i, j] = N[j, i] = 1
 *       return np.linalg.solve(np.eye(n) - (P - 2 * N) / (2 * n - 2), np.ones(n))
 *   pn(3, [(0, 1), (1, 2)], [])                  # path:     10/7, 12/7, 10/7
 *   pn(3, [(0, 1), (1, 2)], [(0, 2)])            # triangle: 10/11, 16/11, 10/11
 *   pn(5, [], [(0, 1), (0, 2), (0, 3), (0, 4)])  # star:     0, 1, 1, 1, 1
 *   pn(3, [], [(0, 1), (1, 2), (0, 2)])          # three mutual threats: 0.5 each
 *   pn(3, [(0, 1), (1, 2)], [(0, 1)])            # a–b both signs: 5/7, 8/7, 9/7
 *   pn(2, [(0, 1)], [])                          # 2, 2
 *   pn(2, [(0, 1)], [(0, 1)])                    # a pair with both signs: 2/3, 2/3
 *   pn(4, [(0, 1), (1, 2)], [])                  # a path and an isolate: 21/17, 24/17, 21/17, 1
 *   S = <signnet's 10 × 10 pn_index example below>
 *   pn(10, [(i, j) for i in range(10) for j in range(i + 1, 10) if S[i, j] > 0],
 *          [(i, j) for i in range(10) for j in range(i + 1, 10) if S[i, j] < 0])
 *
 * The paper's own tables could not be consulted here; the 10-actor case is the
 * example matrix of the R package signnet's `pn_index` (David Schoch), whose
 * values above come from the same numpy script, not from signnet.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../graph/cli';
import { METRICS_USAGE } from '../../graph/cli/metrics';
import { ALL_EVIDENCE, DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { pnCentrality, DIRECT_UP_TO } from '../../graph/analysis/kernels/pn';
import { signedAdjacency } from '../../graph/analysis/kernels/signed-adjacency';
import {
  ALL_METRIC_IDS,
  computeMetrics,
  METRIC_IDS,
  METRICS,
  metricById,
  OPTIONAL_METRIC_IDS,
} from '../../graph/analysis/metrics';
import { randomInt, seededRandom } from '../../graph/analysis/random';
import type { Claim, Dataset, Relation, RelationType } from '../../graph/model/types';
import { runCommand } from '../support/run-command';
import { testClaim } from '../support/claims';

type Tie = readonly [string, RelationType, string, Claim[]?];

function dataset(actors: readonly string[], ties: readonly Tie[]): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: { title: 'PN test' },
    actors: actors.map((id) => ({ id, name: id.toUpperCase(), kind: 'state', aliases: [] })),
    relations: ties.map(([source, type, target, claims], i): Relation => ({ id: `r${i + 1}`, source, target, type, claims: claims ?? [] })),
  };
}

/** PN by actor id through computeMetrics. */
function pnOf(d: Dataset, options: Parameters<typeof computeMetrics>[1] = {}): Record<string, number | null> {
  const result = computeMetrics(d, { ...options, metrics: ['pn'] });
  return Object.fromEntries(result.actors.map((a) => [a.id, a.pn ?? null]));
}

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>, digits = 12): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [id, value] of Object.entries(expected)) expect(actual[id], id).toBeCloseTo(value, digits);
}

// signnet's pn_index example: symmetric, +1 / −1 ties, 10 actors.
const SIGNNET_EXAMPLE = [
  [0, 1, 0, 1, 0, 0, 0, -1, -1, 0],
  [1, 0, 1, -1, 1, -1, -1, 0, 0, 0],
  [0, 1, 0, 1, -1, 0, 0, 0, -1, 0],
  [1, -1, 1, 0, 1, -1, -1, 0, 0, 0],
  [0, 1, -1, 1, 0, 1, 0, -1, 0, -1],
  [0, -1, 0, -1, 1, 0, 1, 0, 1, -1],
  [0, -1, 0, -1, 0, 1, 0, 1, -1, 1],
  [-1, 0, 0, 0, -1, 0, 1, 0, 1, 0],
  [-1, 0, -1, 0, 0, 1, -1, 1, 0, 1],
  [0, 0, 0, 0, -1, -1, 1, 0, 1, 0],
];
const SIGNNET_PN = [
  0.900974727464971, 0.861348232058429, 0.907699731695824, 0.861348232058429, 0.841065836483836,
  0.84965576754536, 0.861732059692669, 0.901590874561513, 0.850984810312177, 0.907292981219248,
];

/** A random signed dataset: each pair tied with probability p, a third of the ties threats (some pairs both). */
function randomSigned(n: number, p: number, seed: number): Dataset {
  const random = seededRandom(seed);
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const ties: Tie[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (random() >= p) continue;
      const [s, t] = random() < 0.5 ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
      const type: RelationType = random() < 1 / 3 ? 'threat' : (['partner', 'supplier', 'suspected-supporter'] as const)[randomInt(random, 3)]!;
      ties.push([s, type, t]);
      if (random() < 0.05) ties.push([t, type === 'threat' ? 'partner' : 'threat', s]);
    }
  }
  return dataset(ids, ties);
}

describe('PN known answers (numpy from the paper’s definition)', () => {
  it('a positive path of three: 10/7, 12/7, 10/7', () => {
    expectClose(pnOf(dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'supplier', 'c']])), { a: 10 / 7, b: 12 / 7, c: 10 / 7 });
  });

  it('a triangle with one negative edge: 10/11 for the two enemies, 16/11 for their common partner', () => {
    const d = dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'partner', 'c'], ['a', 'threat', 'c']]);
    expectClose(pnOf(d), { a: 10 / 11, b: 16 / 11, c: 10 / 11 });
  });

  it('a star with negative spokes: the centre 0, every leaf 1', () => {
    const leaves = ['l1', 'l2', 'l3', 'l4'];
    const d = dataset(['hub', ...leaves], leaves.map((l): Tie => ['hub', 'threat', l]));
    expectClose(pnOf(d), { hub: 0, l1: 1, l2: 1, l3: 1, l4: 1 });
  });

  it('the 10-actor example of signnet’s pn_index (every actor with the same share of negative ties)', () => {
    const ids = SIGNNET_EXAMPLE.map((_, i) => `n${i}`);
    const ties: Tie[] = [];
    SIGNNET_EXAMPLE.forEach((row, i) => row.forEach((s, j) => {
      if (j > i && s !== 0) ties.push([ids[i]!, s > 0 ? 'partner' : 'threat', ids[j]!]);
    }));
    expectClose(pnOf(dataset(ids, ties)), Object.fromEntries(ids.map((id, i) => [id, SIGNNET_PN[i]!])));
  });

  it('three mutual threats: 0.5 each, by the direct solve and by conjugate gradients (the Jacobi iteration oscillates here)', () => {
    const d = dataset(['a', 'b', 'c'], [['a', 'threat', 'b'], ['b', 'threat', 'c'], ['c', 'threat', 'a']]);
    expectClose(pnOf(d), { a: 0.5, b: 0.5, c: 0.5 });
    const iterative = pnCentrality(signedAdjacency(d), { method: 'iterative' });
    expect(iterative.method).toBe('iterative');
    for (const v of iterative.values!) expect(v).toBeCloseTo(0.5, 12);
  });

  it('two actors: partners 2 each', () => {
    expectClose(pnOf(dataset(['a', 'b'], [['a', 'partner', 'b']])), { a: 2, b: 2 });
  });
});

describe('PN: which relations make the signed graph', () => {
  it('a pair with a positive and a negative relation counts both (A = −1): 5/7, 8/7, 9/7', () => {
    const d = dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'threat', 'a'], ['b', 'partner', 'c']]);
    expectClose(pnOf(d), { a: 5 / 7, b: 8 / 7, c: 9 / 7 });
  });

  it('several relations of one sign between two actors count once, either direction', () => {
    const once = pnOf(dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'supplier', 'c']]));
    const many = pnOf(dataset(['a', 'b', 'c'], [
      ['a', 'partner', 'b'], ['a', 'supplier', 'b'], ['b', 'suspected-supporter', 'a'],
      ['b', 'supplier', 'c'], ['c', 'supplier', 'b'],
    ]));
    expectClose(many, once as Record<string, number>);
  });

  it('direction is ignored: a threat either way, directed or undirected, gives the same PN', () => {
    const ab = dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'partner', 'c'], ['a', 'threat', 'c']]);
    const ba = dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'partner', 'c'], ['c', 'threat', 'a']]);
    const expected = { a: 10 / 11, b: 16 / 11, c: 10 / 11 };
    expectClose(pnOf(ba), expected);
    expectClose(pnOf(ab, { undirected: true }), expected);
  });

  it('`other` relations (no sign) and self-relations are left out; an actor without signed ties has PN 1', () => {
    const d = dataset(['a', 'b', 'c', 'lone'], [['a', 'partner', 'b'], ['b', 'supplier', 'c'], ['a', 'other', 'c'], ['a', 'threat', 'a']]);
    // n = 4 now, β = 1/6: pn(4, [(0, 1), (1, 2)], []) = 21/17, 24/17, 21/17 and 1.
    expectClose(pnOf(d), { a: 21 / 17, b: 24 / 17, c: 21 / 17, lone: 1 });
  });

  it('runs on the dataset after the filter: a filtered-out type is not a tie', () => {
    const d = dataset(['a', 'b', 'c'], [['a', 'partner', 'b'], ['b', 'partner', 'c'], ['a', 'threat', 'c']]);
    expectClose(pnOf(d, { filter: { relationTypes: ['partner'] } }), { a: 10 / 7, b: 12 / 7, c: 10 / 7 });
  });
});

describe('PN and the evidence setting', () => {
  const claim = testClaim;
  // The threat a → c rests on one F6 claim against three B2 witnesses: contested.
  const contested = [claim('F6'), claim('B2', 'disputes', 'x'), claim('B2', 'disputes', 'y'), claim('B2', 'disputes', 'z')];
  const d = dataset(['a', 'b', 'c'], [['a', 'partner', 'b', [claim('B2')]], ['b', 'partner', 'c', [claim('B2')]], ['a', 'threat', 'c', contested]]);

  it('uncontested (the default): the contested threat does not count, so a path', () => {
    expectClose(pnOf(d, { evidence: DEFAULT_EVIDENCE }), { a: 10 / 7, b: 12 / 7, c: 10 / 7 });
    expect(computeMetrics(d, { metrics: ['pn'], evidence: DEFAULT_EVIDENCE }).evidence?.leftOut.contested).toEqual(['r3']);
  });

  it('all relations: the threat counts, so the triangle with one negative edge', () => {
    expectClose(pnOf(d, { evidence: ALL_EVIDENCE }), { a: 10 / 11, b: 16 / 11, c: 10 / 11 });
  });

  it('a minimum confidence above the partnerships’ 0.64 leaves an empty signed graph: 1 each', () => {
    expectClose(pnOf(d, { evidence: { contested: 'include', minConfidence: 0.9 } }), { a: 1, b: 1, c: 1 });
  });
});

describe('PN n/a', () => {
  it('an empty graph and a one-actor graph: n/a (null, with the reason), never NaN', () => {
    const empty = computeMetrics(dataset([], []), { metrics: ['pn'] });
    expect(empty.actors).toEqual([]);
    expect(empty.unavailable.pn).toMatch(/fewer than two actors/);
    const one = computeMetrics(dataset(['a'], [['a', 'threat', 'a']]), { metrics: ['pn'] });
    expect(one.actors[0]!.pn).toBeNull();
    expect(one.unavailable.pn).toMatch(/fewer than two actors/);
  });

  it('two actors joined only by a threat: I − A/2 is singular, so n/a by either solver', () => {
    const d = dataset(['a', 'b'], [['a', 'threat', 'b']]);
    const result = computeMetrics(d, { metrics: ['pn'] });
    expect(result.actors.map((a) => a.pn)).toEqual([null, null]);
    expect(result.unavailable.pn).toMatch(/singular/);
    expect(pnCentrality(signedAdjacency(d), { method: 'iterative' }).values).toBeNull();
    // With a partnership too the pair has A = −1: 1/(1 + 1/2) = 2/3 each.
    expectClose(pnOf(dataset(['a', 'b'], [['a', 'threat', 'b'], ['b', 'partner', 'a']])), { a: 2 / 3, b: 2 / 3 });
  });
});

describe('PN: conjugate gradients against the direct solve', () => {
  it('a random signed graph of 200 actors: the same PN to 1e-9', () => {
    const adjacency = signedAdjacency(randomSigned(200, 0.05, 7));
    const direct = pnCentrality(adjacency, { method: 'direct' });
    const iterative = pnCentrality(adjacency, { method: 'iterative' });
    expect(direct.method).toBe('direct');
    expect(iterative.method).toBe('iterative');
    expect(iterative.iterations).toBeGreaterThan(0);
    let worst = 0;
    for (let i = 0; i < 200; i++) worst = Math.max(worst, Math.abs(direct.values![i]! - iterative.values![i]!));
    expect(worst).toBeLessThan(1e-9);
  });

  it('a dense one (every pair tied with probability 0.6): the same to 1e-9', () => {
    const adjacency = signedAdjacency(randomSigned(120, 0.6, 11));
    const direct = pnCentrality(adjacency, { method: 'direct' }).values!;
    const iterative = pnCentrality(adjacency, { method: 'iterative' }).values!;
    for (let i = 0; i < 120; i++) expect(Math.abs(direct[i]! - iterative[i]!)).toBeLessThan(1e-9);
  });

  it(`above ${DIRECT_UP_TO} actors the metric takes conjugate gradients, with the direct solve's values`, () => {
    const d = randomSigned(DIRECT_UP_TO + 50, 0.01, 3);
    expect(pnCentrality(signedAdjacency(d)).method).toBe('iterative');
    const direct = pnCentrality(signedAdjacency(d), { method: 'direct' }).values!;
    const result = computeMetrics(d, { metrics: ['pn'] });
    result.actors.forEach((a, i) => expect(Math.abs(a.pn! - direct[i]!)).toBeLessThan(1e-9));
  });
});

describe('PN is optional: the default set and the table are unchanged', () => {
  it('not in METRIC_IDS or METRICS (the table’s columns), nor computed by default; in ALL_METRIC_IDS and metricById', () => {
    expect(METRIC_IDS).not.toContain('pn');
    expect(METRICS.map((m) => m.id)).toEqual([...METRIC_IDS]);
    expect(OPTIONAL_METRIC_IDS).toEqual(['pn']);
    expect(ALL_METRIC_IDS).toEqual([...METRIC_IDS, 'pn']);
    expect(metricById('pn').convention).toMatch(/Everett & Borgatti \(2014\).*P − 2N.*direction ignored/);
    const d = dataset(['a', 'b', 'c'], [['a', 'partner', 'b']]);
    const result = computeMetrics(d);
    expect(result.metrics).toEqual([...METRIC_IDS]);
    expect('pn' in result.actors[0]!).toBe(false);
    expect(computeMetrics(d, { metrics: ['degree', 'pn'] }).metrics).toEqual(['degree', 'pn']);
  });
});

describe('actorscope metrics --metrics pn', () => {
  // tests/fixtures/cli/contested.json: r1 A partner B, r2 B threatens C (contested), r3 A supplies C, r4 C partner A.
  // Uncontested: the positive path B – A – C (r3 and r4 one tie): A 12/7, B and C 10/7.
  // All: the threat B – C counts too, the triangle with one negative edge: A 16/11, B and C 10/11.
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const cli = (...argv: string[]) => runCommand(main, join(ROOT, 'tests', 'fixtures', 'cli'), 'metrics', 'contested.json', ...argv);

  it('the table: a PN column to four decimals, and what was left out on stderr', () => {
    const run = cli('--metrics', 'pn');
    expect(run.code).toBe(0);
    const rows = run.out.split('\n').filter((line) => /^[ABC] /.test(line)).map((line) => line.trim().split(/\s+/));
    expect(rows).toEqual([['A', 'Alpha', '1.7143'], ['B', 'Bravo', '1.4286'], ['C', 'Charlie', '1.4286']]);
    expect(run.out).toMatch(/^id +name +PN$/m);
    expect(run.err).toMatch(/1 contested relation not counted: r2/);
  });

  it('--json --evidence all: pn for each actor', () => {
    const run = cli('--metrics', 'degree,pn', '--json', '--evidence', 'all');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { actors: Array<{ id: string; degree: number; pn: number }> };
    expect(json.actors.map((a) => a.id)).toEqual(['A', 'B', 'C']);
    expect(json.actors.map((a) => Object.keys(a))).toEqual([0, 1, 2].map(() => ['id', 'name', 'degree', 'pn']));
    const pn = json.actors.map((a) => a.pn);
    [16 / 11, 10 / 11, 10 / 11].forEach((v, i) => expect(pn[i]).toBeCloseTo(v, 12));
  });

  it('the usage names pn; an unknown metric is refused as before; compare does not take pn', () => {
    expect(METRICS_USAGE).toMatch(/--metrics betweenness,pagerank,\.\.\.,pn/);
    expect(cli('--metrics', 'bogus').err).toMatch(/unknown metric "bogus" \(known: degree, [^)]*, authority\)\n/);
    const compare = runCommand(main, join(ROOT, 'tests', 'fixtures', 'cli'), 'compare', 'contested.json', '--actors', 'A,B', '--metrics', 'pn');
    expect(compare.code).toBe(2);
    expect(compare.err).toMatch(/--metrics: unknown metric "pn"/);
  });
});
