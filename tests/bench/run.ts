/**
 * `npm run bench`: times each metric on seeded Barabási–Albert-like graphs
 * with graphology-metrics, with our kernels (graph/analysis/kernels) and, when
 * python3-igraph is installed, with igraph (C core, one thread) — in the same
 * run, on the same graph — and prints a table and writes JSON with the times
 * and the ratios ours/igraph and ours/graphology. See tests/bench/README.md.
 *
 * Options (also as environment variables):
 *   --quick        (BENCH_QUICK=1)    1k/5k and 10k/50k only, no graphology exact betweenness: about a minute
 *   --sizes=LIST   (BENCH_SIZES)      only these of 1k, 10k, 50k (e.g. --sizes=10k: the size, about 2 minutes)
 *   --full         (BENCH_FULL=1)     also exact betweenness at 50k/250k (ours, ours in workers, igraph): +10 min or more
 *   --directed     (BENCH_DIRECTED=1) Actorscope's directed view (partner both ways) instead of the undirected one
 *   --no-igraph    (BENCH_IGRAPH=0)   skip igraph even if installed
 *   --workers=N    (BENCH_WORKERS)    threads for the split exact betweenness (default 2; 0 = skip)
 *   --seed=N       (BENCH_SEED)       graph seed (default 20240601)
 *   --out=PATH     (BENCH_OUT)        JSON file (default tests/bench/results/latest.json)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessReference from 'graphology-metrics/centrality/betweenness.js';
import closenessReference from 'graphology-metrics/centrality/closeness.js';
import eigenvectorReference from 'graphology-metrics/centrality/eigenvector.js';
import hitsReference from 'graphology-metrics/centrality/hits.js';
import pagerankReference from 'graphology-metrics/centrality/pagerank.js';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import {
  arcWeights,
  betweenness,
  bfsDistances,
  closeness,
  csrFromDataset,
  csrFromGraph,
  eigenvector,
  hits,
  pagerank,
  lengthGraph,
  sampledBetweenness,
  weightedBetweenness,
  type Csr,
} from '../../graph/analysis/kernels';
import { seededRandom } from '../../graph/analysis/random';
import { buildMetricGraph, type SimpleGraph } from '../../graph/analysis/metric-graph';
import { barabasiAlbert, toDataset } from './generate';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

interface Options {
  quick: boolean;
  full: boolean;
  /** Sizes to run, by actors (1000, 10000, 50000); null: the default set. */
  sizes: number[] | null;
  directed: boolean;
  igraph: boolean;
  workers: number;
  seed: number;
  out: string;
}

const SIZE_NAMES: Record<string, number> = { '1k': 1000, '10k': 10000, '50k': 50000 };

function parseOptions(argv: string[]): Options {
  const env = process.env;
  const flag = (name: string, envName: string) => argv.includes(`--${name}`) || env[envName] === '1';
  const value = (name: string, envName: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? env[envName];
  for (const a of argv) {
    if (!/^--(quick|full|directed|no-igraph|workers=\d+|seed=\d+|out=.+|sizes=.+)$/.test(a)) {
      throw new Error(`bench: unknown option ${a} (see tests/bench/README.md)`);
    }
  }
  const sizesText = value('sizes', 'BENCH_SIZES');
  const sizes = sizesText === undefined ? null : sizesText.split(',').map((s) => (Object.hasOwn(SIZE_NAMES, s.trim()) ? SIZE_NAMES[s.trim()] : undefined));
  if (sizes && (sizes.length === 0 || sizes.some((s) => s === undefined))) {
    throw new Error(`bench: --sizes takes a comma list of ${Object.keys(SIZE_NAMES).join(', ')}, not "${sizesText}"`);
  }
  return {
    quick: flag('quick', 'BENCH_QUICK'),
    full: flag('full', 'BENCH_FULL'),
    sizes: sizes as number[] | null,
    directed: flag('directed', 'BENCH_DIRECTED'),
    igraph: !(argv.includes('--no-igraph') || env.BENCH_IGRAPH === '0'),
    workers: Number(value('workers', 'BENCH_WORKERS') ?? 2),
    seed: Number(value('seed', 'BENCH_SEED') ?? 20240601),
    out: value('out', 'BENCH_OUT') ?? path.join(here, 'results', 'latest.json'),
  };
}

// ---------------------------------------------------------------- timing

/**
 * One run; when it took under 2 s it counts as a warm-up (JIT, caches) and
 * more runs give the median: at least 5 and until 0.5 s has been measured (at
 * most 50) — the same rule as igraph_bench.py. On this shared 2-core machine a
 * few runs of a 10 ms metric could all fall in one burst of another session's
 * work (3 runs gave HITS 50 ms in one run, 8–10 ms in a quiet moment); spread
 * over half a second, the median is steadier.
 */
const REPEAT_BELOW_MS = 2000;
const MIN_REPEATS = 5;
const MAX_REPEATS = 50;
const REPEAT_FOR_MS = 500;

interface Timing {
  runs: number[];
  median: number;
}

function time<T>(f: () => T): { timing: Timing; value: T } {
  let start = performance.now();
  let value = f();
  const first = performance.now() - start;
  if (first >= REPEAT_BELOW_MS) return { timing: { runs: [first], median: first }, value };
  const runs: number[] = [];
  let spent = 0;
  while (runs.length < MAX_REPEATS && (runs.length < MIN_REPEATS || spent < REPEAT_FOR_MS)) {
    start = performance.now();
    value = f();
    const t = performance.now() - start;
    runs.push(t);
    spent += t;
  }
  return { timing: { runs, median: median(runs) }, value };
}

async function timeAsync<T>(f: () => Promise<T>): Promise<{ timing: Timing; value: T }> {
  let start = performance.now();
  let value = await f();
  const first = performance.now() - start;
  if (first >= REPEAT_BELOW_MS) return { timing: { runs: [first], median: first }, value };
  const runs: number[] = [];
  let spent = 0;
  while (runs.length < MAX_REPEATS && (runs.length < MIN_REPEATS || spent < REPEAT_FOR_MS)) {
    start = performance.now();
    value = await f();
    const t = performance.now() - start;
    runs.push(t);
    spent += t;
  }
  return { timing: { runs, median: median(runs) }, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// ---------------------------------------------------------------- igraph

interface IgraphInfo {
  python: string;
  version: string;
}

function findIgraph(): IgraphInfo | null {
  for (const python of [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    const r = spawnSync(python, ['-c', 'import igraph; print(igraph.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}

/** Runs igraph_bench.py on the CSR's graph; times by metric, or an error text. */
function runIgraph(info: IgraphInfo, csr: Csr, metrics: string[]): Record<string, Timing> | string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actorscope-bench-'));
  try {
    const file = path.join(dir, 'edges.txt');
    const lines: string[] = [];
    for (let u = 0; u < csr.order; u++) {
      for (let j = csr.outOffsets[u]!; j < csr.outOffsets[u + 1]!; j++) {
        const v = csr.outNeighbours[j]!;
        if (csr.directed || v > u) lines.push(`${u} ${v}`);
      }
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const r = spawnSync(
      info.python,
      [path.join(here, 'igraph_bench.py'), file, String(csr.order), csr.directed ? '1' : '0', metrics.join(',')],
      // One thread, as the targets say: igraph's PRPACK PageRank is built with
      // OpenMP here, and on a busy 2-core machine its threads spin-wait — 600 ms
      // instead of 12 ms at 10k/50k when the other core is taken.
      { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, OMP_NUM_THREADS: '1' } },
    );
    if (r.status !== 0) return `igraph_bench.py failed: ${r.stderr.trim().split('\n').pop()}`;
    const parsed = JSON.parse(r.stdout) as { times: Record<string, number[]> };
    const out: Record<string, Timing> = {};
    for (const [k, runs] of Object.entries(parsed.times)) out[k] = { runs, median: median(runs) };
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- workers

class BetweennessPool {
  private readonly workers: Worker[];
  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./betweenness-worker.mjs', import.meta.url)));
  }
  get size(): number {
    return this.workers.length;
  }
  /** Sends the CSR to every worker (a copy each, as the app would transfer it once per graph version). */
  async load(csr: Csr): Promise<void> {
    await Promise.all(this.workers.map((w) => this.request(w, { csr })));
  }
  /** Exact betweenness: sources in chunks, each worker taking the next chunk when it is free. */
  async run(n: number): Promise<Float64Array> {
    const chunks = this.workers.length * 8;
    const step = Math.ceil(n / chunks);
    let next = 0;
    const total = new Float64Array(n);
    await Promise.all(
      this.workers.map(async (w) => {
        while (next < n) {
          const from = next;
          const to = Math.min(n, from + step);
          next = to;
          const { values } = (await this.request(w, { from, to })) as { values: Float64Array };
          for (let i = 0; i < n; i++) total[i]! += values[i]!;
        }
      }),
    );
    return total;
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
  private request(w: Worker, message: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage(message);
    });
  }
}

// ---------------------------------------------------------------- accuracy

/** Ranks 1..n, ties sharing their average rank. */
function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]!] = average;
    i = j + 1;
  }
  return r;
}

function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += ra[i]!;
    mb += rb[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i]! - ma;
    const y = rb[i]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}

function top(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, k);
}

// ---------------------------------------------------------------- the run

interface Size {
  actors: number;
  relations: number;
  /** Exact betweenness and closeness with graphology (38 s and 7 s at 10k/50k; ~25 min at 50k/250k). */
  graphologyExact: boolean;
  /** Exact betweenness with ours and igraph (igraph over 5 min at 50k/250k). */
  exactBetweenness: boolean;
}

interface MetricRow {
  metric: string;
  graphology: Timing | null;
  ours: Timing | null;
  oursWorkers: Timing | null;
  igraph: Timing | null;
  note: string;
}

interface GraphResult {
  name: string;
  actors: number;
  relations: number;
  ties: number;
  directed: boolean;
  rows: MetricRow[];
  sampled: Record<string, number | string | null> | null;
}

const IGRAPH_METRICS: Record<string, string> = {
  betweenness: 'betweenness',
  closeness: 'closeness',
  eigenvector: 'eigenvector',
  pagerank: 'pagerank',
  hits: 'hits',
  louvain: 'louvain',
  bfs: 'bfs',
};

async function benchGraph(size: Size, options: Options, igraph: IgraphInfo | null, pool: BetweennessPool | null): Promise<GraphResult> {
  const g = barabasiAlbert(size.actors, size.relations, options.seed);
  const dataset = toDataset(g);
  const undirected = !options.directed;
  const name = `${size.actors / 1000}k/${size.relations / 1000}k`;
  log(`\n${name}: building graphs…`);

  const rows: MetricRow[] = [];
  const row = (metric: string, note = ''): MetricRow => {
    const r: MetricRow = { metric, graphology: null, ours: null, oursWorkers: null, igraph: null, note };
    rows.push(r);
    return r;
  };

  // Building: graphology's simple graph (what the graphology metrics need) vs our CSR.
  const build = row('build metric graph', 'graphology: buildMetricGraph(dataset); ours: csrFromDataset(dataset); igraph: not timed');
  let graph!: SimpleGraph;
  build.graphology = time(() => (graph = buildMetricGraph(dataset, undirected))).timing;
  const built = time(() => csrFromDataset(dataset, undirected));
  build.ours = built.timing;
  const csr = built.value;
  const fromGraph = row('CSR from a graphology graph', 'csrFromGraph(graph): what the metric descriptors do, once per graph (csrOf)');
  fromGraph.ours = time(() => csrFromGraph(graph)).timing;
  log(`  ${csr.order} actors, ${g.sources.length} relations, ${csr.ties} ties (${undirected ? 'undirected' : 'directed'} view)`);

  const big = size.actors >= 50000;

  // Exact betweenness.
  const bt = row('betweenness (exact)');
  let exact: Float64Array | null = null;
  if (size.graphologyExact) {
    log('  betweenness: graphology…');
    bt.graphology = time(() => betweennessReference(graph, { getEdgeWeight: null, normalized: true })).timing;
  } else {
    bt.note = big ? 'graphology skipped at this size (~25 min, GUIDE §5)' : 'graphology skipped (--quick)';
  }
  if (size.exactBetweenness) {
    log('  betweenness: ours…');
    const r = time(() => betweenness(csr));
    bt.ours = r.timing;
    exact = r.value;
    if (pool) {
      log(`  betweenness: ours in ${pool.size} workers…`);
      await pool.load(csr);
      const p = await timeAsync(() => pool.run(csr.order));
      bt.oursWorkers = p.timing;
      let diff = 0;
      for (let i = 0; i < csr.order; i++) diff = Math.max(diff, Math.abs(p.value[i]! - exact[i]!));
      if (diff > 1e-12) bt.note += ` workers differ from single thread by ${diff}!`;
    }
  } else {
    bt.note = 'exact betweenness skipped for every tool at this size (igraph over 5 min single-threaded; --full runs it)';
  }

  // Weighted exact betweenness (ours only): Dijkstra-based Brandes, each tie a whole weight 1..10 (length 1/w).
  const wbt = row('betweenness weighted (exact, length 1/w)', 'ours only: kernels/weighted-betweenness.ts, each tie a weight 1..10 from its ends');
  if (size.exactBetweenness) {
    log('  weighted betweenness: ours…');
    // A tie's weight from its two ends, so that an undirected edge weighs the same both ways.
    const ties = arcWeights(csr, [], [], []);
    for (let u = 0; u < csr.order; u++) {
      for (let j = csr.outOffsets[u]!; j < csr.outOffsets[u + 1]!; j++) {
        const v = csr.outNeighbours[j]!;
        ties.out[j] = 1 + ((Math.min(u, v) * 7919 + Math.max(u, v) * 104729) % 10);
      }
    }
    if (csr.directed) ties.in.set(transposedWeights(csr, ties.out));
    const lengths = lengthGraph(csr, ties);
    wbt.ours = time(() => weightedBetweenness(csr, lengths)).timing;
  } else {
    wbt.note = 'skipped at this size, as the exact betweenness is';
  }

  // Sampled betweenness (ours only).
  const st = row('betweenness (200 sampled sources)', 'ours only: igraph and graphology have no sampled betweenness');
  log('  sampled betweenness…');
  const sampledRun = time(() => sampledBetweenness(csr, { samples: 200, seed: 7 }));
  st.ours = sampledRun.timing;
  const sampled = sampledRun.value;
  let sampledSummary: GraphResult['sampled'] = { samples: 200, seed: 7, hoeffdingEpsilon95: sampled.bound.epsilon };
  if (exact) {
    const topExact = top(exact, 10);
    const topSampled = new Set(top(sampled.values, 10));
    let maxError = 0;
    let meanError = 0;
    let within2 = 0;
    let meanSe = 0;
    for (let i = 0; i < csr.order; i++) {
      const e = Math.abs(sampled.values[i]! - exact[i]!);
      maxError = Math.max(maxError, e);
      meanError += e / csr.order;
      meanSe += sampled.standardError[i]! / csr.order;
      if (e <= 2 * sampled.standardError[i]! + 1e-15) within2++;
    }
    sampledSummary = {
      ...sampledSummary,
      spearman: spearman(sampled.values, exact),
      top10Overlap: topExact.filter((i) => topSampled.has(i)).length / 10,
      maxAbsError: maxError,
      meanAbsError: meanError,
      meanStandardError: meanSe,
      within2StandardErrors: within2 / csr.order,
      maxExact: exact[topExact[0]!]!,
    };
  } else {
    sampledSummary = { ...sampledSummary, spearman: null, top10Overlap: null, note: 'no exact run to compare with at this size' };
  }

  // Closeness.
  const cl = row('closeness');
  if (size.graphologyExact) {
    log('  closeness: graphology…');
    cl.graphology = time(() => closenessReference(graph, { wassermanFaust: true })).timing;
  } else {
    cl.note = big ? 'graphology skipped at this size (~3 min by its 10k time, GUIDE §5)' : 'graphology skipped (--quick)';
  }
  log('  closeness: ours…');
  cl.ours = time(() => closeness(csr)).timing;

  // Iterative ones, with the descriptors' settings.
  log('  eigenvector, PageRank, HITS…');
  const ev = row('eigenvector', 'descriptor settings (1000 iterations, tolerance 1e-9); igraph: ARPACK');
  ev.graphology = time(() => attempt(() => eigenvectorReference(graph, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-9 }))).timing;
  ev.ours = time(() => attempt(() => eigenvector(csr, { maxIterations: 1000, tolerance: 1e-9 }))).timing;
  const pr = row('PageRank', 'descriptor settings (alpha 0.85, 1000 iterations, tolerance 1e-10); igraph: PRPACK');
  pr.graphology = time(() => pagerankReference(graph, { getEdgeWeight: null, alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 })).timing;
  pr.ours = time(() => pagerank(csr, { alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 })).timing;
  const ht = row('HITS', 'descriptor settings (1000 iterations, tolerance 1e-8, networkx\'s); igraph: ARPACK, hub_score (computes both)');
  if (options.quick && big) ht.note += '; graphology skipped (--quick)';
  else {
    log('  HITS: graphology…');
    ht.graphology = time(() => attempt(() => hitsReference(graph, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-8 }))).timing;
  }
  ht.ours = time(() => attempt(() => hits(csr, { maxIterations: 1000, tolerance: 1e-8 }))).timing;

  // Louvain: Actorscope runs graphology-communities-louvain (analysis/communities.ts); no kernel of ours.
  log('  Louvain…');
  const lv = row('Louvain', "ours = graphology-communities-louvain, as analysis/communities.ts runs it (undirected, seeded)");
  const undirectedGraph = new UndirectedGraph();
  graph.forEachNode((n) => undirectedGraph.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    undirectedGraph.mergeEdge(s, t);
  });
  lv.ours = time(() => louvain(undirectedGraph, { getEdgeWeight: null, rng: seededRandom(1) })).timing;
  lv.graphology = lv.ours;

  // Single-source BFS.
  const bf = row('single-source BFS', 'hop distances from actor 0; graphology-shortest-path singleSourceLength');
  bf.graphology = time(() => singleSourceLength(graph, 'a0')).timing;
  bf.ours = time(() => bfsDistances(csr, 0)).timing;

  // igraph, same graph, same run.
  if (igraph) {
    const wanted = Object.keys(IGRAPH_METRICS).filter((m) => m !== 'betweenness' || size.exactBetweenness);
    log(`  igraph: ${wanted.join(', ')}…`);
    const times = runIgraph(igraph, csr, wanted);
    if (typeof times === 'string') {
      log(`  ${times}`);
    } else {
      bt.igraph = times.betweenness ?? null;
      cl.igraph = times.closeness ?? null;
      ev.igraph = times.eigenvector ?? null;
      pr.igraph = times.pagerank ?? null;
      ht.igraph = times.hits ?? null;
      lv.igraph = times.louvain ?? null;
      bf.igraph = times.bfs ?? null;
    }
  }

  return { name, actors: csr.order, relations: g.sources.length, ties: csr.ties, directed: csr.directed, rows, sampled: sampledSummary };
}

/** The in-row weights of a directed CSR matching its out-row weights (each arc's weight in both rows). */
function transposedWeights(csr: Csr, out: Float64Array): Float64Array {
  const inward = new Float64Array(csr.inNeighbours.length);
  const fill = csr.inOffsets.slice(0, csr.order);
  for (let u = 0; u < csr.order; u++) {
    for (let j = csr.outOffsets[u]!; j < csr.outOffsets[u + 1]!; j++) inward[fill[csr.outNeighbours[j]!]!++] = out[j]!;
  }
  return inward;
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- output

function fmt(ms: number | undefined | null): string {
  if (ms === undefined || ms === null) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(ms >= 1 ? 1 : 2)} ms`;
}

function ratio(a: Timing | null, b: Timing | null): number | null {
  return a && b ? a.median / b.median : null;
}

function fmtRatio(r: number | null): string {
  return r === null ? '—' : r.toFixed(r < 0.1 ? 3 : 2);
}

function table(result: GraphResult): string {
  const head = ['metric', 'graphology', 'ours', `ours, workers`, 'igraph', 'ours/igraph', 'workers/igraph', 'ours/graphology'];
  const body = result.rows.map((r) => [
    r.metric,
    fmt(r.graphology?.median),
    fmt(r.ours?.median),
    fmt(r.oursWorkers?.median),
    fmt(r.igraph?.median),
    fmtRatio(ratio(r.ours, r.igraph)),
    fmtRatio(ratio(r.oursWorkers, r.igraph)),
    r.metric === 'Louvain' ? '(same)' : fmtRatio(ratio(r.ours, r.graphology)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  const rule = '| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |';
  return [line(head), rule, ...body.map(line)].join('\n');
}

function log(text: string): void {
  process.stderr.write(text + '\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const igraph = options.igraph ? findIgraph() : null;
  const all: Size[] = [
    { actors: 1000, relations: 5000, graphologyExact: true, exactBetweenness: true },
    { actors: 10000, relations: 50000, graphologyExact: !options.quick, exactBetweenness: true },
    { actors: 50000, relations: 250000, graphologyExact: false, exactBetweenness: options.full },
  ];
  const sizes = options.sizes
    ? all.filter((s) => options.sizes!.includes(s.actors))
    : all.filter((s) => !options.quick || s.actors < 50000);
  const pool = options.workers > 0 ? new BetweennessPool(options.workers) : null;
  const started = performance.now();
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    igraph: igraph ? `python-igraph ${igraph.version} (${igraph.python})` : options.igraph ? 'not installed' : 'skipped (--no-igraph)',
  };
  log(`Actorscope bench — ${machine.cpus} cores (${machine.model}), Node ${machine.node}, igraph: ${machine.igraph}`);
  const results: GraphResult[] = [];
  try {
    for (const size of sizes) results.push(await benchGraph(size, options, igraph, pool));
  } finally {
    await pool?.close();
  }
  const seconds = (performance.now() - started) / 1000;

  const out: string[] = [];
  out.push(`Actorscope metric benchmark — ${new Date().toISOString().slice(0, 16)}Z, ${seconds.toFixed(0)} s`);
  out.push(`Machine: ${machine.cpus} cores (${machine.model}), ${machine.memoryGB} GB, Node ${machine.node}; igraph: ${machine.igraph}.`);
  out.push(
    `Graphs: seeded Barabási–Albert-like (seed ${options.seed}), ${options.directed ? 'directed view (partner both ways)' : 'undirected view'}; ` +
      `times: one run, or when that took under 2 s, the median of 5–50 more after it as warm-up (until 0.5 s is measured); ratios < 1 mean ours is faster.`,
  );
  for (const r of results) {
    out.push('');
    out.push(`### ${r.name}: ${r.actors.toLocaleString('en')} actors, ${r.relations.toLocaleString('en')} relations, ${r.ties.toLocaleString('en')} ties (${r.directed ? 'directed' : 'undirected'})`);
    out.push('');
    out.push(table(r));
    const notes = r.rows.filter((row) => row.note).map((row) => `- ${row.metric}: ${row.note}`);
    if (notes.length) out.push('', ...notes);
    if (r.sampled) {
      const s = r.sampled;
      const num = (v: unknown, d = 3) => (typeof v === 'number' ? v.toFixed(d) : '—');
      out.push(
        `- sampled betweenness (k = 200, seed 7) vs exact: Spearman ${num(s.spearman)}, top-10 overlap ${num(s.top10Overlap, 1)}, ` +
          `max |error| ${num(s.maxAbsError, 4)} (largest exact value ${num(s.maxExact, 4)}), mean |error| ${num(s.meanAbsError, 5)}, ` +
          `within ±2 SE: ${typeof s.within2StandardErrors === 'number' ? (s.within2StandardErrors * 100).toFixed(0) + ' %' : '—'}, ` +
          `Hoeffding ε (95 %, all actors) ${num(s.hoeffdingEpsilon95)}`,
      );
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        seconds,
        machine,
        options: { quick: options.quick, full: options.full, sizes: options.sizes, directed: options.directed, workers: options.workers, seed: options.seed },
        rule: 'one run, or when it took under 2 s, the median of at least 5 more and until 0.5 s is measured, at most 50 (the first as warm-up); times in ms; ratio = ours / other (lower is faster)',
        graphs: results.map((r) => ({
          ...r,
          rows: r.rows.map((row) => ({
            ...row,
            ratios: {
              oursToIgraph: ratio(row.ours, row.igraph),
              workersToIgraph: ratio(row.oursWorkers, row.igraph),
              oursToGraphology: row.metric === 'Louvain' ? null : ratio(row.ours, row.graphology),
            },
          })),
        })),
      },
      null,
      1,
    ) + '\n',
  );
  log(`\nwrote ${path.relative(process.cwd(), options.out)}`);
}

await main();
