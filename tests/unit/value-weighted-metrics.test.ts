/**
 * Weighted metrics (graph/analysis/metrics/weights.ts), by value and by
 * evidence: strength, PageRank and eigenvector with weight = w, betweenness
 * and closeness with length = 1/w (kernels/weighted-betweenness.ts,
 * kernels/weighted-closeness.ts), against networkx's answers computed here,
 * at test time, by Debian's /usr/bin/python3 (python3-networkx 2.8; or
 * ACTORSCOPE_PYTHON). Without it the test fails, never skips.
 *
 * - Two windows (2008–2012, 2017–2021) of a SIPRI slice
 *   (tests/fixtures/analysis/sipri-central-asia-2008-2012-2017-2021.csv), read
 *   by our CSV reader and windowed by windowDataset; the Python reads the CSV
 *   itself with the csv module, keeps the rows of the window, and sums each
 *   supplier → recipient's TIV into one edge (undirected: both ways into one).
 *   Our convention, which the Python follows: a tie of weight 0 (a TIV of 0)
 *   is no step of any path, so it is left out of the length graph.
 * - Random graphs with small whole weights, so that equal path lengths
 *   (1/2 + 1/2 = 1/1) are common, and the same comparisons.
 * - A hand graph whose numbers are worked out below.
 *
 * Eigenvector: on the SIPRI windows the directed graph is a DAG (suppliers →
 * recipients) and the undirected one bipartite with large weights, where the
 * power iteration on W + I may converge too slowly (bipartite: the second
 * eigenvalue of W + I is 1 − λ1, so the error shrinks by (λ1 − 1)/(λ1 + 1),
 * nearly 1, each step): where networkx's eigenvector_centrality(max_iter=1000,
 * tol=1e-9) raises, our kernel, with the same start, update and stopping
 * rule, gives n/a. The test checks that the two agree on which converge
 * (the SIPRI undirected windows do not), and the values where they do.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../graph/io/csv/csv';
import { windowDataset } from '../../graph/analysis/time-window';
import { computeMetrics, metricView, type MetricId, type MetricsResult } from '../../graph/analysis/metrics';
import { betweenness, closeness, csrFromArcs, arcWeights, lengthGraph, sampledWeightedBetweenness, weightedBetweenness, weightedCloseness } from '../../graph/analysis/kernels';
import type { Claim, Dataset, Relation, RelationType } from '../../graph/model/types';
import { seededRandom } from '../../graph/analysis/random';

const PYTHON = process.env.ACTORSCOPE_PYTHON ?? '/usr/bin/python3';
const FIXTURE = fileURLToPath(new URL('../fixtures/analysis/sipri-central-asia-2008-2012-2017-2021.csv', import.meta.url));
const WINDOWS = [
  { from: '2008', to: '2012' },
  { from: '2017', to: '2021' },
] as const;

/** Our metrics compared, and networkx's calls for them (the script below). */
const COMPARED = ['degree', 'inDegree', 'outDegree', 'pagerank', 'eigenvector', 'betweenness', 'closeness'] as const;
type Compared = (typeof COMPARED)[number];
type Answers = Record<Compared, Record<string, number> | null>;

/**
 * Input: {"csv": path, "windows": [[lo, hi], ...], "graphs": [{"nodes": [...], "arcs": [[s, t, w], ...]}]}.
 * Output: for each window then each graph, {"directed": answers, "undirected": answers}.
 */
const SCRIPT = String.raw`
import csv, json, sys
import networkx as nx
spec = json.load(sys.stdin)

def add(G, s, t, w):
    if G.has_edge(s, t): G[s][t]['weight'] += w
    else: G.add_edge(s, t, weight=w)

def pair(nodes, arcs):
    D = nx.DiGraph(); D.add_nodes_from(nodes); U = nx.Graph(); U.add_nodes_from(nodes)
    for s, t, w in arcs:
        if s == t: continue
        add(D, s, t, w); add(U, s, t, w)
    return D, U

def answers(G):
    # Lengths 1/w, ties of weight 0 left out (our convention: no step at all).
    L = G.__class__(); L.add_nodes_from(G)
    L.add_edges_from((u, v, {'length': 1 / d['weight']}) for u, v, d in G.edges(data=True) if d['weight'] > 0)
    try:
        eig = nx.eigenvector_centrality(G, weight='weight', max_iter=1000, tol=1e-9)
    except nx.PowerIterationFailedConvergence:
        eig = None
    out = {
        'degree': dict(G.degree(weight='weight')),
        'pagerank': nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-12, max_iter=1000),
        'eigenvector': eig,
        'betweenness': nx.betweenness_centrality(L, weight='length', normalized=True),
        'closeness': nx.closeness_centrality(L, distance='length'),
    }
    if G.is_directed():
        out['inDegree'] = dict(G.in_degree(weight='weight'))
        out['outDegree'] = dict(G.out_degree(weight='weight'))
    else:
        out['inDegree'] = out['outDegree'] = out['degree']
    return out

results = []
with open(spec['csv'], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
names = []
for r in rows:
    for n in (r['supplier'], r['recipient']):
        if n not in names: names.append(n)
for lo, hi in spec['windows']:
    arcs = [(r['supplier'], r['recipient'], float(r['tiv'])) for r in rows if lo <= int(r['year']) <= hi and r['tiv'] != '']
    D, U = pair(names, arcs)
    results.append({'directed': answers(D), 'undirected': answers(U)})
for g in spec['graphs']:
    D, U = pair(g['nodes'], g['arcs'])
    results.append({'directed': answers(D), 'undirected': answers(U)})
print(json.dumps({'version': nx.__version__, 'results': results}))
`;

interface Graph {
  nodes: string[];
  /** source, target, weight: each arc one relation (parallel arcs add up on their tie). */
  arcs: [string, string, number][];
}

function networkx(graphs: readonly Graph[]): { version: string; results: { directed: Answers; undirected: Answers }[] } {
  const input = JSON.stringify({ csv: FIXTURE, windows: WINDOWS.map((w) => [Number(w.from), Number(w.to)]), graphs });
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} could not compute networkx's weighted metrics (install Debian's python3-networkx, or set ACTORSCOPE_PYTHON to a Python with networkx): ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as { version: string; results: { directed: Answers; undirected: Answers }[] };
}

const claim = (weight: number | undefined, date?: string): Claim => ({
  quote: 'q',
  sourceId: 's',
  locator: { paragraph: 1 },
  assertedBy: 'reported',
  stance: 'supports',
  grade: 'B2',
  ...(weight === undefined ? {} : { weight }),
  ...(date ? { date } : {}),
});

function dataset(actors: readonly string[], relations: ReadonlyArray<readonly [string, RelationType, string, Claim[]]>): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [{ id: 's', title: 'S' }],
    meta: { title: 'value-weighted metrics test' },
    actors: actors.map((id) => ({ id, name: id, kind: 'state', aliases: [] })),
    relations: relations.map(([source, type, target, claims], i): Relation => ({ id: `r${i + 1}`, source, target, type, claims })),
  };
}

/** A graph of relations of type `other` (directed), one claim each carrying the arc's weight. */
const asDataset = (g: Graph) => dataset(g.nodes, g.arcs.map(([s, t, w]) => [s, 'other', t, [claim(w)]] as const));

const byName = (result: MetricsResult, metric: MetricId) => Object.fromEntries(result.actors.map((a) => [a.name, a[metric] ?? null]));

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>, what: string, digits = 9): void {
  expect(Object.keys(actual).sort(), what).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) expect(actual[id], `${what}: ${id}`).toBeCloseTo(value, digits);
}

function expectNetworkx(result: MetricsResult, answers: Answers, what: string): void {
  for (const metric of COMPARED) {
    const expected = answers[metric];
    if (expected === null) {
      // networkx's power iteration raised: ours is n/a too.
      expect(result.unavailable[metric], `${what}: ${metric} n/a as networkx fails`).toMatch(/did not converge/);
      continue;
    }
    expect(result.unavailable[metric], `${what}: ${metric} converges as networkx's does`).toBeUndefined();
    expectClose(byName(result, metric), expected, `${what}: ${metric}`, metric === 'eigenvector' ? 6 : 9);
  }
}

/** Random graphs: n nodes, arcs with whole weights 1..4 (parallel arcs and a few weights of 0 included). */
function randomGraphs(): Graph[] {
  const random = seededRandom(14);
  const graphs: Graph[] = [];
  for (const [n, m] of [[6, 10], [9, 20], [12, 30], [15, 28], [20, 60]] as const) {
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const arcs: [string, string, number][] = [];
    for (let k = 0; k < m; k++) {
      const s = Math.floor(random() * n);
      const t = Math.floor(random() * n);
      const w = random() < 0.05 ? 0 : 1 + Math.floor(random() * 4);
      arcs.push([nodes[s]!, nodes[t]!, w]);
    }
    graphs.push({ nodes, arcs });
  }
  return graphs;
}

/**
 * The hand graph (directed, values on the claims):
 *   A → B  one relation, claims of 1.5 (2015) and 0.5 (2016): value 2, length 1/2
 *   B → C  value 2, length 1/2
 *   A → C  two parallel relations of 0.75 and 0.25: one tie of weight 1, length 1
 *   C → D  value 4, length 1/4
 *   E → A  a threat whose claim carries no value: left out (E is isolated)
 * Shortest paths: A→C is A→B→C (1/2 + 1/2 = 1) or A→C (1): two. A→D: both of
 * those then C→D (5/4): two. B→D: B→C→D (3/4): one. Others: one arc, or none.
 * Betweenness, n = 5, scale 1/((n−1)(n−2)) = 1/12: B is on one of the two A→C
 * and one of the two A→D paths: 1/2 + 1/2 = 1 → 1/12; C is on every A→D and
 * B→D path: 2 → 1/6; A, D, E 0. (Unweighted, A→C is the one arc, so B is 0.)
 * Closeness (incoming, Wasserman–Faust, n − 1 = 4): D is reached from A
 * (5/4), B (3/4), C (1/4): r = 3, Σ = 9/4, (3 / (9/4)) · (3/4) = 1; C from A
 * (1) and B (1/2): (2 / (3/2)) · (2/4) = 2/3; B from A (1/2): (1 / (1/2)) ·
 * (1/4) = 1/2; A and E from none: 0.
 * Strength: A out 2 + 0.75 + 0.25 = 3; B in 2, out 2; C in 3, out 4; D in 4; E 0.
 * In the window 2015 only, A → B is worth 1.5 (length 2/3): A→C direct
 * (1 < 2/3 + 1/2), A→D through C only; B's betweenness 0, C's (A,D) + (B,D) = 2 → 1/6.
 */
const HAND = dataset(['A', 'B', 'C', 'D', 'E'], [
  ['A', 'supplier', 'B', [claim(1.5, '2015'), claim(0.5, '2016')]],
  ['B', 'supplier', 'C', [claim(2, '2015')]],
  ['A', 'supplier', 'C', [claim(0.75, '2015')]],
  ['A', 'other', 'C', [claim(0.25, '2015')]],
  ['C', 'supplier', 'D', [claim(4, '2015')]],
  ['E', 'threat', 'A', [claim(undefined, '2015')]],
]);
/** The hand graph as networkx sees it: E → A carries no value, so it is not there; E is. */
const HAND_GRAPH: Graph = { nodes: ['A', 'B', 'C', 'D', 'E'], arcs: [['A', 'B', 2], ['B', 'C', 2], ['A', 'C', 0.75], ['A', 'C', 0.25], ['C', 'D', 4]] };

function sipri(): Dataset {
  const read = csvFormat.read([{ name: 'sipri.csv', text: readFileSync(FIXTURE, 'utf8') }]);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.dataset;
}

const RANDOM = randomGraphs();
let NX: ReturnType<typeof networkx>;
beforeAll(() => {
  NX = networkx([...RANDOM, HAND_GRAPH]);
}, 120_000);

describe('weighted by value = networkx (computed at test time)', () => {
  it('networkx 2.x answered', () => {
    expect(NX.version).toMatch(/^2\./);
    expect(NX.results).toHaveLength(WINDOWS.length + RANDOM.length + 1);
  });

  WINDOWS.forEach((window, w) => {
    for (const mode of ['directed', 'undirected'] as const) {
      it(`SIPRI ${window.from}–${window.to}, ${mode}: strength, PageRank, eigenvector (where it converges), betweenness and closeness (length 1/TIV)`, () => {
        const { dataset: windowed } = windowDataset(sipri(), window);
        const result = computeMetrics(windowed, { weighted: true, weightBy: 'value', undirected: mode === 'undirected', metrics: [...COMPARED] });
        expect(result.weightBy).toBe('value');
        expect(result.withoutValue).toBe(0);
        expectNetworkx(result, NX.results[w]![mode], `${window.from}–${window.to} ${mode}`);
        if (mode === 'undirected') expect(result.unavailable.eigenvector).toMatch(/did not converge/);
      });
    }
  });

  it("the windows weigh what they hold: Kazakhstan's in-strength is the TIV of its rows in each window", () => {
    const rows = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const received = (lo: number, hi: number) => rows.filter((r) => r[1] === 'Kazakhstan' && +r[2]! >= lo && +r[2]! <= hi).reduce((s, r) => s + Number(r[3]), 0);
    const [early, late] = WINDOWS.map((window) => computeMetrics(windowDataset(sipri(), window).dataset, { weighted: true, metrics: ['inDegree'] }));
    expect(early!.weightBy).toBe('value');
    expect(byName(early!, 'inDegree').Kazakhstan).toBeCloseTo(received(2008, 2012), 9);
    expect(byName(late!, 'inDegree').Kazakhstan).toBeCloseTo(received(2017, 2021), 9);
    expect(received(2008, 2012)).not.toBe(received(2017, 2021));
  });

  RANDOM.forEach((g, i) => {
    for (const mode of ['directed', 'undirected'] as const) {
      it(`random graph ${i + 1} (${g.nodes.length} actors, ${g.arcs.length} relations), ${mode}`, () => {
        const result = computeMetrics(asDataset(g), { weighted: true, weightBy: 'value', undirected: mode === 'undirected', metrics: [...COMPARED] });
        expectNetworkx(result, NX.results[WINDOWS.length + i]![mode], `random ${i + 1} ${mode}`);
      });
    }
  });

  for (const mode of ['directed', 'undirected'] as const) {
    it(`hand graph, ${mode}: = networkx (eigenvector included), E → A without a value left out`, () => {
      const result = computeMetrics(HAND, { weighted: true, undirected: mode === 'undirected', metrics: [...COMPARED] });
      expect(result.weightBy).toBe('value');
      expect(result.withoutValue).toBe(1);
      expectNetworkx(result, NX.results[WINDOWS.length + RANDOM.length]![mode], `hand ${mode}`);
      if (mode === 'undirected') expect(result.unavailable.eigenvector).toBeUndefined();
    });
  }
});

describe('the hand graph, worked out by hand', () => {
  it('directed: betweenness, closeness and strengths as the comment above works them out', () => {
    const r = computeMetrics(HAND, { weighted: true, metrics: ['degree', 'inDegree', 'outDegree', 'betweenness', 'closeness'] });
    expectClose(byName(r, 'betweenness'), { A: 0, B: 1 / 12, C: 1 / 6, D: 0, E: 0 }, 'betweenness', 12);
    expectClose(byName(r, 'closeness'), { A: 0, B: 1 / 2, C: 2 / 3, D: 1, E: 0 }, 'closeness', 12);
    expectClose(byName(r, 'outDegree'), { A: 3, B: 2, C: 4, D: 0, E: 0 }, 'out-strength', 12);
    expectClose(byName(r, 'inDegree'), { A: 0, B: 2, C: 3, D: 4, E: 0 }, 'in-strength', 12);
    // Unweighted, A → C is one step, so B lies on no shortest path.
    expect(byName(computeMetrics(HAND, { metrics: ['betweenness'] }), 'betweenness').B).toBe(0);
  });

  it('a window weighs its own claims: in 2015 only, A → B is 1.5 and B is off every shortest path', () => {
    const { dataset: in2015 } = windowDataset(HAND, { from: '2015', to: '2015' });
    const r = computeMetrics(in2015, { weighted: true, metrics: ['outDegree', 'betweenness'] });
    expectClose(byName(r, 'betweenness'), { A: 0, B: 0, C: 1 / 6, D: 0, E: 0 }, 'betweenness', 12);
    expect(byName(r, 'outDegree').A).toBeCloseTo(2.5, 12);
  });
});

describe('what the weights are: default, choice, report', () => {
  it("weighted without weightBy: 'value' when some relation has a value, else 'evidence'; the result says which and how many lack one", () => {
    const valued = computeMetrics(HAND, { weighted: true, metrics: ['degree'] });
    expect(valued).toMatchObject({ weighted: true, weightBy: 'value', withoutValue: 1, unweighted: [] });
    expect(valued.relationsWithValue).toBe(5);
    const plain = dataset(['A', 'B'], [['A', 'supplier', 'B', [claim(undefined)]]]);
    const evidence = computeMetrics(plain, { weighted: true, metrics: ['degree'] });
    expect(evidence.weightBy).toBe('evidence');
    expect(evidence.withoutValue).toBeUndefined();
    expect(evidence.relationsWithValue).toBe(0);
    const unweighted = computeMetrics(HAND, { metrics: ['degree'] });
    expect(unweighted.weightBy).toBeUndefined();
    expect(unweighted.relationsWithValue).toBe(5);
  });

  it("weightBy 'evidence' on a valued dataset weighs confidences; an unknown weightBy is refused", () => {
    const r = computeMetrics(HAND, { weighted: true, weightBy: 'evidence', metrics: ['degree'] });
    expect(r.weightBy).toBe('evidence');
    // Every claim is B2, so each relation weighs the same confidence c: A's strength is 4c (three out, one in).
    const c = byName(r, 'degree').B! / 2;
    expect(byName(r, 'degree').A).toBeCloseTo(4 * c, 12);
    expect(r.conventions.degree).toMatch(/weighted by evidence/);
    expect(() => computeMetrics(HAND, { weighted: true, weightBy: 'tiv' as never })).toThrow(/weightBy must be evidence or value/);
  });

  it('conventions and views name the weights; PN stays unweighted', () => {
    const r = computeMetrics(HAND, { weighted: true, metrics: ['betweenness', 'closeness', 'pagerank', 'pn'] });
    expect(r.conventions.betweenness).toMatch(/weighted by value: .*length 1\/w.*Dijkstra/);
    expect(r.conventions.closeness).toMatch(/weighted by value: .*length 1\/w/);
    expect(r.unweighted).toEqual(['pn']);
    expect(metricView('betweenness', 'value')).toMatchObject({ label: 'Betweenness (weighted)', weighted: true });
    expect(metricView('degree', 'value').description).toMatch(/values/);
    expect(metricView('degree', true).description).toMatch(/confidences/);
  });
});

describe('weighted kernels: with every weight 1 they are the unweighted ones; shares, samples and progress', () => {
  const g = RANDOM[4]!;
  const index = new Map(g.nodes.map((n, i) => [n, i]));
  const sources = g.arcs.map(([s]) => index.get(s)!);
  const targets = g.arcs.map(([, t]) => index.get(t)!);
  for (const directed of [true, false]) {
    it(`${directed ? 'directed' : 'undirected'}: weights of 1 give the unweighted betweenness and closeness exactly`, () => {
      const csr = csrFromArcs(g.nodes.length, sources, targets, directed);
      // Parallel arcs would sum to 2: one weight per tie instead.
      const ones = arcWeights(csr, [], [], []);
      ones.out.fill(1);
      if (directed) ones.in.fill(1);
      const lengths = lengthGraph(csr, ones);
      expect(Array.from(weightedBetweenness(csr, lengths))).toEqual(Array.from(betweenness(csr)));
      const wc = weightedCloseness(lengths);
      const uc = closeness(csr);
      for (let v = 0; v < csr.order; v++) expect(wc[v]).toBeCloseTo(uc[v]!, 12);
    });
  }

  it('shares add up to the exact weighted betweenness; a sample of all sources is exact; progress ends at the total', () => {
    const csr = csrFromArcs(g.nodes.length, sources, targets, true);
    const lengths = lengthGraph(csr, arcWeights(csr, sources, targets, g.arcs.map(([, , w]) => w)));
    const exact = weightedBetweenness(csr, lengths);
    const n = csr.order;
    const a = weightedBetweenness(csr, lengths, { sources: { from: 0, to: 7 } });
    const b = weightedBetweenness(csr, lengths, { sources: { from: 7, to: n } });
    for (let v = 0; v < n; v++) expect(a[v]! + b[v]!).toBeCloseTo(exact[v]!, 12);
    expect(Array.from(sampledWeightedBetweenness(csr, lengths, { samples: n }).values)).toEqual(Array.from(exact));
    const sampled = sampledWeightedBetweenness(csr, lengths, { samples: 5, seed: 3 });
    expect(sampled.exact).toBe(false);
    for (let v = 0; v < n; v++) expect(Math.abs(sampled.values[v]! - exact[v]!)).toBeLessThanOrEqual(sampled.bound.epsilon);
    const reports: number[] = [];
    weightedCloseness(lengths, { onProgress: (done, total) => reports.push(done / total) });
    expect(reports.at(-1)).toBe(1);
  });

  it('computeMetrics: weighted betweenness by samples and by shares, with the estimate and the share said; progress per source', () => {
    const data = asDataset(g);
    const exact = computeMetrics(data, { weighted: true, metrics: ['betweenness'] });
    const parts = [0, 1].map((part) => computeMetrics(data, { weighted: true, metrics: ['betweenness'], betweennessShare: { part, of: 2 } }));
    expect(parts[0]!.shares).toEqual({ betweenness: { part: 0, of: 2 } });
    exact.actors.forEach((row, i) => expect(parts[0]!.actors[i]!.betweenness! + parts[1]!.actors[i]!.betweenness!).toBeCloseTo(row.betweenness!, 12));
    const estimate = computeMetrics(data, { weighted: true, metrics: ['betweenness'], betweennessSamples: 5 });
    expect(estimate.estimates?.betweenness?.samples).toBe(5);
    const stages: Array<[number, number]> = [];
    computeMetrics(data, { weighted: true, metrics: ['betweenness', 'closeness'], onProgress: (p) => stages.push([p.done, p.total]) });
    expect(stages.at(-1)).toEqual([g.nodes.length, g.nodes.length]);
  });
});
