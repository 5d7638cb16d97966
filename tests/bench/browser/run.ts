/**
 * The browser benchmark (issue 5): the explorer and sigma.js 3.0.3 on the same
 * seeded 10,000-actor / 50,000-relation graph in headless Chromium, in one run.
 *
 *   npm run bench:browser [-- --actors=10000 --relations=50000 --seed=1 --out=PATH --screenshots --profile]
 *
 * 1. Generates the dataset (tests/support/big-dataset.ts, the e2e scale test's graph), builds the
 *    app (vite build, the production bundle) and the sigma page (tests/bench/browser/sigma/) into a
 *    temporary folder, and serves both with the dataset from one local server.
 * 2. Ours: opens `/?data=<dataset>` in a fresh Chromium, waits for the graph to be drawn
 *    (`[aria-label="Actor graph"][aria-busy="false"]`), reads the app's phase marks, waits for the
 *    metrics table, forces a GC and reads the heap of the page and its workers, then zooms with the
 *    mouse wheel twice (each event once the page took the previous one; then at a fixed pace; see
 *    measureZoom in probes.ts). The node positions it drew are saved for sigma.
 * 3. Sigma: opens the sigma page in another fresh Chromium with the same dataset file and those
 *    positions, in a container of the same size as ours, and measures the same things.
 * 4. Prints a table (ours, sigma, ours/sigma) and writes JSON to tests/bench/results/browser-<date>.json.
 *
 * `--profile` instead runs ours alone from an unminified build with the CPU profiler (load,
 * metrics, then the zoom) and the sampling heap profiler on, and prints which functions the
 * longest long tasks spend their time in, which app code ran just before them, the heap when drawn
 * and after the metrics, and the live heap by allocating function (timings are slowed by the
 * profiler: not the benchmark's numbers). The load-and-metrics CPU profile is saved next to the
 * JSON (`.cpuprofile`: open it in Chromium's DevTools, Performance panel). `--screenshots` saves a
 * PNG of each page once drawn, next to the JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../../e2e/browser';
import { importFiles, type Dataset } from '../../../graph';
import { bigDataset } from '../../support/big-dataset';
import { datedBigDataset } from '../../support/dated-big-dataset';
import { installLongTaskProbe, longTasks } from '../../support/page-probes';
import { serveFolder } from '../../support/static-server';
import {
  attributeLongTasks,
  bundleSources,
  DEFAULT_WHEEL,
  heapByFunction,
  heapOf,
  installPresentedProbe,
  measureZoom,
  presentedAt,
  profileMarker,
  taskStats,
  webglRenderer,
  type CpuProfile,
  type HeapStats,
  type SamplingHeapProfile,
  type SourceOf,
  type TaskAttribution,
  type TaskStats,
  type ZoomStats,
} from './probes';
import { measureTimeWindow, timeWindowTable, type TimeWindowStats } from './time-window';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const VIEWPORT = { width: 1500, height: 920 };

// ---- options ----
const flags = new Map<string, string>();
for (const arg of process.argv.slice(2)) {
  const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
  if (!m) throw new Error(`unknown argument ${arg}`);
  flags.set(m[1]!, m[2] ?? 'true');
}
const ACTORS = Number(flags.get('actors') ?? 10_000);
const RELATIONS = Number(flags.get('relations') ?? 50_000);
const SEED = Number(flags.get('seed') ?? 1);
const PROFILE = flags.has('profile');
/** Also save a screenshot of each page once drawn (before zooming), next to the JSON. */
const SHOTS = flags.has('screenshots');
/** `--only=time`: the time-window phase alone (no zoom, no sigma); `--no-time`: without it. */
const ONLY_TIME = flags.get('only') === 'time';
const TIME = !flags.has('no-time');
const SIPRI_CSV = join(ROOT, 'public/data/sipri-central-asia-1992-2021.csv');
const started = new Date();
const stamp = started.toISOString().slice(0, 10);
const OUT = resolve(flags.get('out') ?? join(ROOT, 'tests/bench/results', `browser-${stamp}${ONLY_TIME ? '-time' : ''}${PROFILE ? '-profile' : ''}.json`));

// ---- results ----
interface Side {
  renderer: string;
  nodes: number;
  edges: number;
  /** Wall time (Node) from page.goto to the graph drawn. */
  wallToDrawnMs: number;
  /** Page time (ms since navigation start) of the load event: HTML and scripts in. */
  loadEventMs: number;
  /** The data is in and ready to draw: ours, `canvas-start` (fetched, parsed and checked in the worker, in the app state); sigma, the graphology graph built. */
  dataReadyMs: number;
  /** The graph's first frame drawn: ours, the `drawn` mark (Cytoscape's first 'render' after the layout); sigma, the end of its first render(). */
  firstPaintMs: number;
  /** The second requestAnimationFrame after that: the frame was handed on (for sigma, WebGL commands taken by the GPU process). */
  presentedMs: number;
  /** Ours: the ForceAtlas2 layout in the layout worker (layout-start → layout-result); sigma is given positions. */
  layoutMs: number;
  firstPaintLessLayoutMs: number;
  /** Page-time marks of each phase. */
  marks: Record<string, number>;
  loadLongTasks: TaskStats;
  /** Ours: from the graph drawn to the metrics table filled (page ms) and the long tasks meanwhile. */
  metricsMs?: number;
  /** Ours: from the graph drawn to the table's first rows (the first step of a large graph's metrics). */
  metricsFirstRowsMs?: number;
  metricsLongTasks?: TaskStats;
  heap: HeapStats;
  /** Zooming, each wheel event sent once the page took the previous one (the same zoom in both). */
  zoom: ZoomStats;
  /** Zooming, the same events at a fixed pace, not waiting for the page (as a hand on the wheel). */
  zoomFixed: ZoomStats;
  errors: string[];
}

const ms = (x: number) => Math.round(x);
const versionOf = (pkg: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await installLongTaskProbe(page);
  return { page, errors };
}

const marksOf = (page: Page, prefix: string): Promise<Record<string, number>> =>
  page.evaluate(
    (p) => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith(p)).map((m) => [m.name.slice(p.length), m.startTime])),
    prefix,
  );
const loadEvent = (page: Page): Promise<number> =>
  page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0);

// ---- ours ----
interface Profiled {
  attribution: TaskAttribution[];
  /** The longest long tasks while zooming (a second profile, around the wheel sequence). */
  zoomAttribution: TaskAttribution[];
  cpuProfile: CpuProfile;
  /** Heap of page + workers when the graph is drawn, before the metrics. */
  heapAtDrawn: HeapStats;
  /** The page's live heap at the end, by allocating function (sampling heap profiler). */
  heapBy: ReturnType<typeof heapByFunction>;
}

async function measureOurs(
  base: string,
  dataUrl: string,
  positionsFile: string | null,
  profile: SourceOf | null,
): Promise<{ side: Side; canvas: { width: number; height: number }; profiled?: Profiled }> {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newPage(browser);
    await installPresentedProbe(page, 'actorscope:drawn');
    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
    }
    const region = page.getByRole('region', { name: 'Actor graph' });
    const t0 = Date.now();
    await page.goto(`${base}?data=${encodeURIComponent(dataUrl)}`);
    // (The marker runs once the page is up; the load's long tasks come later, while the data is imported and drawn.)
    const loadMarker = cdp ? await profileMarker(page) : undefined;
    await region.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 900_000 });
    const wallToDrawnMs = Date.now() - t0;
    const marks = await marksOf(page, 'actorscope:');
    const drawn = marks.drawn ?? (await page.evaluate(() => performance.now()));
    const presented = await presentedAt(page);
    const loadTasks = await longTasks(page, 0, presented);
    const counts = await page.evaluate(() => ({ nodes: window.__actorscope!.cy.nodes().length, edges: window.__actorscope!.cy.edges().length }));
    // (Profile runs only: a forced GC here would disturb the metrics phase's long tasks.)
    const heapAtDrawn = cdp ? await heapOf(browser, page) : undefined;

    // Metrics start by themselves once the graph is drawn; the table fills when all are computed.
    // (Large graphs fill the table in steps, the first rows within a second or so; aria-busy stays true until the last.)
    const metricsDone = await page.waitForFunction(
      () => {
        const w = window as unknown as { __firstRows?: number };
        const table = document.querySelector('table.metrics');
        const rows = table?.querySelector('tbody tr:not(.gap)');
        if (rows && w.__firstRows === undefined) w.__firstRows = performance.now();
        if (/Metrics (failed|cancelled)/.test(document.querySelector('.metrics-controls .status')?.textContent ?? '')) return -1;
        return table && table.getAttribute('aria-busy') === 'false' && rows ? performance.now() : 0;
      },
      undefined,
      { timeout: 900_000, polling: 100 },
    );
    const metricsAt = (await metricsDone.jsonValue()) as number;
    if (metricsAt < 0) throw new Error(`metrics did not finish: ${await page.locator('.metrics-controls .status').textContent()}`);
    const firstRowsAt = await page.evaluate(() => (window as unknown as { __firstRows?: number }).__firstRows ?? 0);
    const metricsTasks = await longTasks(page, presented, metricsAt);
    let cpuProfile: CpuProfile | undefined;
    if (cdp) cpuProfile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    await page.waitForTimeout(1000);
    const heap = await heapOf(browser, page);
    const heapProfile = cdp ? ((await cdp.send('HeapProfiler.getSamplingProfile')) as { profile: SamplingHeapProfile }).profile : undefined;
    if (cdp) await cdp.send('HeapProfiler.stopSampling');

    // Positions as drawn, in dataset order, for sigma.
    if (positionsFile) {
      const positions = await page.evaluate(() => {
        const x: number[] = [];
        const y: number[] = [];
        window.__actorscope!.cy.nodes().forEach((n) => {
          const p = n.position();
          x.push(p.x);
          y.push(p.y);
        });
        return { ids: window.__actorscope!.cy.nodes().map((n) => n.data('actorId') as string), x, y };
      });
      writeFileSync(positionsFile, JSON.stringify(positions));
    }

    // Time Cytoscape's draw calls (its render loop calls renderer.render on the instance).
    await page.evaluate(() => {
      window.__renderTimes = [];
      const r = (window.__actorscope!.cy as unknown as { renderer(): { render(o: unknown): unknown } }).renderer();
      const render = r.render;
      r.render = function timed(this: unknown, o: unknown) {
        const start = performance.now();
        const out = render.call(this, o);
        window.__renderTimes!.push([start, performance.now() - start]);
        return out;
      };
    });
    const box = (await region.boundingBox())!;
    if (SHOTS) await page.screenshot({ path: OUT.replace(/\.json$/, '-ours.png') });
    await page.evaluate(() => (window.__readZoom = () => window.__actorscope!.cy.zoom()));
    let zoomMarker: number | undefined;
    if (cdp) {
      await cdp.send('Profiler.start');
      zoomMarker = await profileMarker(page);
    }
    const zoom = await measureZoom(page, box, () => page.evaluate(() => window.__renderTimes ?? []), 'taken');
    const zoomProfile = cdp ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
    const zoomFixed = await measureZoom(page, box, () => page.evaluate(() => window.__renderTimes ?? []), 'fixed');
    const layoutMs = (marks['layout-result'] ?? 0) - (marks['layout-start'] ?? 0);
    const side: Side = {
      renderer: `Actorscope (Cytoscape.js ${versionOf('cytoscape')}, canvas 2D)`,
      nodes: counts.nodes,
      edges: counts.edges,
      wallToDrawnMs,
      loadEventMs: await loadEvent(page),
      dataReadyMs: marks['canvas-start'] ?? 0,
      firstPaintMs: drawn,
      presentedMs: presented,
      layoutMs,
      firstPaintLessLayoutMs: drawn - layoutMs,
      marks,
      loadLongTasks: taskStats(loadTasks),
      metricsMs: metricsAt - drawn,
      metricsFirstRowsMs: firstRowsAt - drawn,
      metricsLongTasks: taskStats(metricsTasks),
      heap,
      zoom,
      zoomFixed,
      errors,
    };
    const profiled =
      profile && cpuProfile && heapProfile && heapAtDrawn
        ? {
            attribution: attributeLongTasks(cpuProfile, [...loadTasks, ...metricsTasks], profile, loadMarker),
            zoomAttribution: zoomProfile
              ? attributeLongTasks(zoomProfile, zoom.longTasks.tasks.map(([start, duration]) => ({ start, duration })), profile, zoomMarker).slice(0, 3)
              : [],
            cpuProfile,
            heapAtDrawn,
            heapBy: heapByFunction(heapProfile, profile),
          }
        : undefined;
    await page.close();
    return { side, canvas: { width: box.width, height: box.height }, profiled };
  } finally {
    await browser.close();
  }
}

// ---- the time window (time-window.ts) ----
interface TimeSide {
  stats: TimeWindowStats;
  /** The moves' longest long tasks by function (--profile only). */
  attribution?: TaskAttribution[];
  wallToDrawnMs: number;
  metricsMs: number;
}

async function waitMetrics(page: Page): Promise<number> {
  const done = await page.waitForFunction(
    () => {
      const table = document.querySelector('table.metrics');
      const rows = table?.querySelector('tbody tr:not(.gap)');
      if (/Metrics (failed|cancelled)/.test(document.querySelector('.metrics-controls .status')?.textContent ?? '')) return -1;
      return table && table.getAttribute('aria-busy') === 'false' && rows ? performance.now() : 0;
    },
    undefined,
    { timeout: 900_000, polling: 100 },
  );
  const at = (await done.jsonValue()) as number;
  if (at < 0) throw new Error(`metrics did not finish: ${await page.locator('.metrics-controls .status').textContent()}`);
  return at;
}

/** A fresh Chromium on `dataUrl` (a dated dataset): drawn, metrics in, then the window moved (time-window.ts). */
async function measureTime(base: string, dataUrl: string, dataset: Dataset, graph: string, profile: SourceOf | null): Promise<TimeSide> {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newPage(browser);
    const t0 = Date.now();
    await page.goto(`${base}?data=${encodeURIComponent(dataUrl)}`);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 900_000 });
    const wallToDrawnMs = Date.now() - t0;
    const drawnAt = await page.evaluate(() => performance.now());
    const metricsMs = (await waitMetrics(page)) - drawnAt;
    await page.getByRole('region', { name: 'Time window' }).waitFor();
    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    let marker: number | undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      marker = await profileMarker(page);
    }
    const stats = await measureTimeWindow(page, dataset, graph, errors);
    let attribution: TaskAttribution[] | undefined;
    if (cdp && profile) {
      const cpu = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
      const tasks = [stats.resize, stats.keys, stats.play].flatMap((m) => m.longTasks.tasks.map(([start, duration]) => ({ start, duration })));
      attribution = attributeLongTasks(cpu, tasks, profile, marker);
      writeFileSync(OUT.replace(/\.json$/, `-${graph.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(cpu));
    }
    await page.close();
    return { stats, attribution, wallToDrawnMs, metricsMs };
  } finally {
    await browser.close();
  }
}

function timeReport(sides: readonly TimeSide[]): string {
  const lines = [
    'Time window (tests/bench/browser/time-window.ts): from all time, the end 5 years back ×4 (PageDown), the window a year on ×10 (ArrowRight), then Play at ½ s a year ×5; each key waits for the canvas and the whole table.',
    'Start: the key event (Play: the label changing). Canvas drawn: the end of the first draw call with the window\'s .out-of-window edges. Input task: the long task holding the start; draw task: the one holding that draw call.',
    sides.map((s) => `${s.stats.graph}: span ${s.stats.span}, drawn after ${fmt(s.wallToDrawnMs)} ms, metrics ${fmt(s.metricsMs)} ms later`).join('; '),
    '',
    timeWindowTable(sides.map((s) => s.stats)),
  ];
  for (const s of sides) {
    for (const [name, m] of [['resize', s.stats.resize], ['keys', s.stats.keys], ['play', s.stats.play]] as const) {
      lines.push(`- ${s.stats.graph}, ${name}: long tasks [start, ms] ${JSON.stringify(m.longTasks.tasks)}; input tasks ${m.inputTaskMs.join(', ')}; draw tasks ${m.drawTaskMs.join(', ')}`);
    }
    if (s.stats.errors.length) lines.push(`- ${s.stats.graph}: errors ${JSON.stringify(s.stats.errors)}`);
    for (const a of s.attribution ?? []) {
      lines.push(`\n  ${s.stats.graph}: ${Math.round(a.duration)} ms at ${Math.round(a.start)} ms (profile: ${a.profiledMs} ms busy)`);
      lines.push(`    self:      ${a.self.map(([f, t]) => `${f} ${t}`).join('\n               ')}`);
      lines.push(`    inclusive: ${a.inclusive.map(([f, t]) => `${f} ${t}`).join('\n               ')}`);
    }
  }
  return lines.join('\n');
}

// ---- sigma ----
async function measureSigma(pageUrl: string): Promise<{ side: Side; webgl: string }> {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newPage(browser);
    await installPresentedProbe(page, 'bench:first-render');
    const t0 = Date.now();
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.__bench?.firstRender !== undefined || window.__bench?.error, undefined, { timeout: 900_000, polling: 50 });
    const wallToDrawnMs = Date.now() - t0;
    const bench = await page.evaluate(() => ({ first: window.__bench!.firstRender ?? 0, nodes: window.__bench!.nodes ?? 0, edges: window.__bench!.edges ?? 0, error: window.__bench!.error }));
    if (bench.error) throw new Error(`sigma page: ${bench.error}`);
    const marks = await marksOf(page, 'bench:');
    const presented = await presentedAt(page);
    const loadTasks = await longTasks(page, 0, presented);
    await page.waitForTimeout(1000);
    const heap = await heapOf(browser, page);
    const box = (await page.locator('#graph').boundingBox())!;
    if (SHOTS) await page.screenshot({ path: OUT.replace(/\.json$/, '-sigma.png') });
    await page.evaluate(() => (window.__readZoom = () => 1 / window.__bench!.sigma!.getCamera().ratio));
    const zoom = await measureZoom(page, box, () => page.evaluate(() => window.__bench!.renders), 'taken');
    const zoomFixed = await measureZoom(page, box, () => page.evaluate(() => window.__bench!.renders), 'fixed');
    const side: Side = {
      renderer: `sigma.js ${versionOf('sigma')} (WebGL)`,
      nodes: bench.nodes,
      edges: bench.edges,
      wallToDrawnMs,
      loadEventMs: await loadEvent(page),
      dataReadyMs: marks['graph-built'] ?? 0,
      firstPaintMs: bench.first,
      presentedMs: presented,
      layoutMs: 0,
      firstPaintLessLayoutMs: bench.first,
      marks,
      loadLongTasks: taskStats(loadTasks),
      heap,
      zoom,
      zoomFixed,
      errors,
    };
    const webgl = await webglRenderer(page);
    await page.close();
    return { side, webgl };
  } finally {
    await browser.close();
  }
}

// ---- table ----
type Row = [string, number | undefined, number | undefined, string?];

function rows(ours: Side, sigma: Side | undefined): Row[] {
  const s = sigma;
  return [
    ['page load event (ms)', ours.loadEventMs, s?.loadEventMs],
    ['data in: fetched, parsed, graph built (ms)', ours.dataReadyMs, s?.dataReadyMs],
    ['first paint of the graph (ms)', ours.firstPaintMs, s?.firstPaintMs],
    ['first frame presented: 2nd rAF after it (ms)', ours.presentedMs, s?.presentedMs],
    ['  of which our ForceAtlas2 layout, in a worker (ms)', ours.layoutMs, s ? 0 : undefined, 'sigma is given positions'],
    ['first paint without the layout (ms)', ours.firstPaintLessLayoutMs, s?.firstPaintLessLayoutMs],
    ['long tasks to the presented frame: count', ours.loadLongTasks.count, s?.loadLongTasks.count],
    ['long tasks to the presented frame: total (ms)', ours.loadLongTasks.totalMs, s?.loadLongTasks.totalMs],
    ['long tasks to the presented frame: longest (ms)', ours.loadLongTasks.longestMs, s?.loadLongTasks.longestMs],
    ['zoom, each event taken: frames', ours.zoom.frames.count, s?.zoom.frames.count, `${ours.zoom.events} wheel events each`],
    ['zoom, each event taken: zoom factor reached', ours.zoom.zoomFactor, s?.zoom.zoomFactor],
    ['zoom, each event taken: median frame (ms)', ours.zoom.frames.median, s?.zoom.frames.median],
    ['zoom, each event taken: p95 frame (ms)', ours.zoom.frames.p95, s?.zoom.frames.p95],
    ['zoom, each event taken: longest frame (ms)', ours.zoom.frames.max, s?.zoom.frames.max],
    ['zoom, each event taken: frames over 50 ms', ours.zoom.slowFrames, s?.zoom.slowFrames],
    ['zoom, each event taken: time in frames over 50 ms (ms)', ours.zoom.slowFramesMs, s?.zoom.slowFramesMs, `of ${ms(ours.zoom.durationMs)} / ${s ? ms(s.zoom.durationMs) : '—'} measured`],
    ['zoom, each event taken: draw calls', ours.zoom.renders.count, s?.zoom.renders.count],
    ['zoom, each event taken: median draw call, JS (ms)', ours.zoom.renders.median, s?.zoom.renders.median],
    ['zoom, each event taken: p95 draw call, JS (ms)', ours.zoom.renders.p95, s?.zoom.renders.p95],
    ['zoom, each event taken: long tasks: count / longest (ms)', ours.zoom.longTasks.count, s?.zoom.longTasks.count, `longest ${ms(ours.zoom.longTasks.longestMs)} / ${s ? ms(s.zoom.longTasks.longestMs) : '—'}`],
    ['zoom at a fixed pace: frames', ours.zoomFixed.frames.count, s?.zoomFixed.frames.count],
    ['zoom at a fixed pace: zoom factor reached', ours.zoomFixed.zoomFactor, s?.zoomFixed.zoomFactor],
    ['zoom at a fixed pace: median frame (ms)', ours.zoomFixed.frames.median, s?.zoomFixed.frames.median],
    ['zoom at a fixed pace: p95 frame (ms)', ours.zoomFixed.frames.p95, s?.zoomFixed.frames.p95],
    ['zoom at a fixed pace: longest frame (ms)', ours.zoomFixed.frames.max, s?.zoomFixed.frames.max],
    [
      'zoom at a fixed pace: time in frames over 50 ms (ms)',
      ours.zoomFixed.slowFramesMs,
      s?.zoomFixed.slowFramesMs,
      `of ${ms(ours.zoomFixed.durationMs)} / ${s ? ms(s.zoomFixed.durationMs) : '—'} measured`,
    ],
    ['metrics: drawn → first rows in the table (ms)', ours.metricsFirstRowsMs, undefined],
    ['metrics: drawn → every metric in (ms)', ours.metricsMs, undefined],
    ['metrics: long tasks (from the presented frame): count', ours.metricsLongTasks?.count, undefined],
    ['metrics: long tasks: total (ms)', ours.metricsLongTasks?.totalMs, undefined],
    ['metrics: long tasks: longest (ms)', ours.metricsLongTasks?.longestMs, undefined],
    ['heap after GC: page JS (MB)', ours.heap.page.usedMB, s?.heap.page.usedMB],
    ['heap after GC: workers JS (MB)', ours.heap.jsMB - ours.heap.page.usedMB, s ? s.heap.jsMB - s.heap.page.usedMB : undefined, `${ours.heap.workers.length} workers / ${s?.heap.workers.length ?? '—'}`],
    ['heap after GC: JS, page + workers (MB)', ours.heap.jsMB, s?.heap.jsMB],
    ['  + DOM (embedder) and ArrayBuffers (MB)', ours.heap.allMB, s?.heap.allMB],
  ];
}

const fmt = (x: number | undefined): string => {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (Number.isInteger(x) || Math.abs(x) >= 100) return Math.round(x).toLocaleString('en');
  return Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
};

function table(r: Row[]): string {
  const body = r.map(([label, a, b, note]) => {
    const ratio = a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : '—';
    return [label, fmt(a), fmt(b), ratio, note ?? ''];
  });
  const head = ['measure', 'ours', 'sigma', 'ours/sigma', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `| ${widths.map((w, i) => (i > 0 && i < 4 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`, ...body.map(line)].join('\n');
}

function gitState(): { commit: string; dirty: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'graph', 'index.html', 'vite.config.ts', 'package.json'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: [] };
  }
}

// ---- main ----
mkdirSync(dirname(OUT), { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'actorscope-bench-browser-'));
const server = await serveFolder(dir).catch((e: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  throw e;
});
try {
  const git = gitState();
  const load0 = loadavg()[0]!;
  console.log(`Actorscope browser benchmark — ${started.toISOString()}; ${ACTORS.toLocaleString('en')} actors, ${RELATIONS.toLocaleString('en')} relations, seed ${SEED}${PROFILE ? '; PROFILE run (unminified, profiler on)' : ''}`);
  console.log(`Building the app (${git.commit}${git.dirty.length ? `, with uncommitted changes in ${git.dirty.join(', ')}` : ''}) and the sigma page…`);
  // The app first (its outDir is emptied), then the sigma page and the data beside it; vite's own root for the app, ours for sigma.
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } });
  if (!PROFILE && !ONLY_TIME) {
    await build({ configFile: false, root: join(HERE, 'sigma'), base: './', logLevel: 'warn', build: { outDir: join(dir, 'sigma-bench'), emptyOutDir: true, target: 'es2022' } });
  }
  const dataset = bigDataset({ actors: ACTORS, relations: RELATIONS, seed: SEED });
  writeFileSync(join(dir, 'big.json'), JSON.stringify(dataset));
  const dataUrl = `${server.url}big.json`;

  const bundles = new Map(readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => [`/assets/${f}`, readFileSync(join(dir, 'assets', f), 'utf8')]));
  // The time window's graphs: SIPRI's Central Asia transfers (the CSV in public/data/, when present) and a dated 10k graph.
  const runTime = async (): Promise<TimeSide[]> => {
    const out: TimeSide[] = [];
    const where = PROFILE ? bundleSources(bundles) : null;
    if (existsSync(SIPRI_CSV)) {
      const text = readFileSync(SIPRI_CSV, 'utf8');
      const imported = importFiles([{ name: 'sipri-central-asia-1992-2021.csv', text }]);
      if (!imported.ok) throw new Error(`SIPRI CSV refused: ${imported.problems[0]?.message}`);
      writeFileSync(join(dir, 'sipri-central-asia-1992-2021.csv'), text);
      console.log('Time window: SIPRI Central Asia…');
      out.push(await measureTime(server.url, `${server.url}sipri-central-asia-1992-2021.csv`, imported.dataset, 'SIPRI Central Asia', where));
    } else console.log(`Time window: ${SIPRI_CSV} is missing: SIPRI left out.`);
    const dated = datedBigDataset({ actors: ACTORS, relations: RELATIONS, seed: SEED });
    writeFileSync(join(dir, 'dated.json'), JSON.stringify(dated));
    console.log(`Time window: dated ${ACTORS.toLocaleString('en')}/${RELATIONS.toLocaleString('en')} graph…`);
    out.push(await measureTime(server.url, `${server.url}dated.json`, dated, `dated ${ACTORS / 1000}k/${RELATIONS / 1000}k`, where));
    return out;
  };
  const timeSides: TimeSide[] = [];
  if (ONLY_TIME) {
    timeSides.push(...(await runTime()));
    const load1 = loadavg()[0]!;
    console.log(`\nActorscope browser benchmark, time window only — ${started.toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started.getTime()) / 1000)} s`);
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; app built from ${git.commit}${git.dirty.length ? ` plus uncommitted changes (${git.dirty.join(', ')})` : ''}${PROFILE ? '; PROFILE run (unminified, profiler on)' : ''}.\n`);
    console.log(timeReport(timeSides));
    writeFileSync(OUT, `${JSON.stringify({ date: started.toISOString(), machine: { cpus: cpus().length, loadAverage: [load0, load1] }, app: { ...git, profile: PROFILE }, timeWindow: timeSides }, null, 1)}\n`);
    console.log(`\nWrote ${OUT}`);
  } else {
    console.log('Ours…');
    const ours = await measureOurs(server.url, dataUrl, PROFILE ? null : join(dir, 'positions.json'), PROFILE ? bundleSources(bundles) : null);
    const chromium = await (async () => {
      const b = await launchBrowser();
      const v = b.version();
      await b.close();
      return v;
    })();

    let sigma: { side: Side; webgl: string } | undefined;
    if (!PROFILE) {
      console.log('Sigma…');
      const { width, height } = ours.canvas;
      sigma = await measureSigma(`${server.url}sigma-bench/index.html?data=${encodeURIComponent(dataUrl)}&positions=${encodeURIComponent(`${server.url}positions.json`)}&w=${Math.round(width)}&h=${Math.round(height)}`);
    }

    if (TIME) timeSides.push(...(await runTime()));
    const load1 = loadavg()[0]!;
    const seconds = (Date.now() - started.getTime()) / 1000;
    const header = [
      `Actorscope browser benchmark — ${started.toISOString().slice(0, 16)}Z, ${Math.round(seconds)} s`,
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; Chromium ${chromium} headless, ${VIEWPORT.width}×${VIEWPORT.height}, canvas ${Math.round(ours.canvas.width)}×${Math.round(ours.canvas.height)} for both.`,
      sigma ? `WebGL: ${sigma.webgl} — software rendering (SwiftShader, no GPU): sigma's WebGL draws on the CPU here; Cytoscape draws with canvas 2D (its WebGL renderer is off).` : '',
      `Graph: tests/support/big-dataset.ts seed ${SEED}: ${ours.side.nodes.toLocaleString('en')} actors, ${ours.side.edges.toLocaleString('en')} relations; sigma draws ${sigma ? `${sigma.side.nodes.toLocaleString('en')} / ${sigma.side.edges.toLocaleString('en')}` : '—'} with the positions our ForceAtlas2 layout produced in this run.`,
      `Zoom: after ${DEFAULT_WHEEL.warmUp.length} warm-up wheel events, ${DEFAULT_WHEEL.steps} events in (|deltaY| ${DEFAULT_WHEEL.deltas.join(', ')}), a ${DEFAULT_WHEEL.pauseMs} ms pause, ${DEFAULT_WHEEL.steps} out, then ${DEFAULT_WHEEL.settleMs} ms; each event ${DEFAULT_WHEEL.intervalMs} ms after the page took the previous one, then again at a fixed ${DEFAULT_WHEEL.intervalMs} ms pace; frames are requestAnimationFrame intervals over that time.`,
      `App built from ${git.commit}${git.dirty.length ? ` plus uncommitted changes (${git.dirty.join(', ')})` : ''}. One run; times in page ms from navigation start; ratio = ours / sigma (below 1: ours is better).`,
    ].filter(Boolean);
    console.log(`\n${header.join('\n')}\n`);
    console.log(table(rows(ours.side, sigma?.side)));
    const heapTarget = ours.side.heap.jsMB < 300;
    console.log(`\nHeap target (issue 5: the 10k/50k graph with all metrics under 300 MB; this graph: ${ACTORS.toLocaleString('en')}/${RELATIONS.toLocaleString('en')}): ${heapTarget ? 'met' : 'NOT met'} — ${fmt(ours.side.heap.jsMB)} MB of JS heap (page + ${ours.side.heap.workers.length} workers), ${fmt(ours.side.heap.allMB)} MB with DOM and ArrayBuffers.`);
    const longest = ours.side.loadLongTasks;
    console.log(`Our longest long task while loading: ${ms(longest.longestMs)} ms at ${ms(longest.longestAtMs)} ms (marks: ${Object.entries(ours.side.marks).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}).`);
    if (ours.side.errors.length || sigma?.side.errors.length) console.log(`Page errors: ours ${JSON.stringify(ours.side.errors)}, sigma ${JSON.stringify(sigma?.side.errors ?? [])}`);
    for (const [name, side] of [['ours', ours.side], ['sigma', sigma?.side]] as const) {
      if (!side) continue;
      for (const [pace, z] of [['each event taken', side.zoom], ['fixed pace', side.zoomFixed]] as const) {
        const ok = z.frames.count >= 5 && z.renders.count >= 2 && z.zoomFactor >= 1.5;
        console.log(
          `Zoom check (${name}, ${pace}): ${ok ? 'ok' : 'FAILED'} — ${z.frames.count} frames, ${z.renders.count} draw calls, zoom ${fmt(z.zoomBefore)} → peak ${fmt(z.zoomPeak)} (×${fmt(z.zoomFactor)}) → ${fmt(z.zoomAfter)} at the end.`,
        );
      }
    }
    const profiled = ours.profiled;
    if (profiled) {
      console.log(`\nHeap when drawn, before metrics: ${fmt(profiled.heapAtDrawn.jsMB)} MB JS (page ${fmt(profiled.heapAtDrawn.page.usedMB)} MB); after metrics: ${fmt(ours.side.heap.jsMB)} MB.`);
      console.log(`Page's live heap at the end by allocating function (sampling heap profiler, ${profiled.heapBy.totalMB} MB sampled), MB:`);
      console.log(`  inclusive: ${profiled.heapBy.inclusive.map(([f, v]) => `${f} ${v}`).join('\n             ')}`);
      console.log(`  self:      ${profiled.heapBy.self.map(([f, v]) => `${f} ${v}`).join('\n             ')}`);
      console.log('\nLongest long tasks (ours), by function (profiled, unminified build; ms):');
      for (const a of [...profiled.attribution, ...profiled.zoomAttribution]) {
        console.log(`\n- ${ms(a.duration)} ms at ${ms(a.start)} ms (profile: ${a.profiledMs} ms busy in the window)`);
        console.log(`  self:      ${a.self.map(([f, t]) => `${f} ${t}`).join('\n             ')}`);
        console.log(`  inclusive: ${a.inclusive.map(([f, t]) => `${f} ${t}`).join('\n             ')}`);
        console.log(`  app code in the second before: ${a.before.map(([f, t]) => `${f} ${t}`).join('\n             ') || '—'}`);
      }
    }

    const json = {
      date: started.toISOString(),
      seconds,
      machine: { cpus: cpus().length, model: cpus()[0]?.model.trim(), memoryGB: Math.round(totalmem() / 2 ** 30), loadAverage: [load0, load1], node: process.version },
      chromium,
      webgl: sigma?.webgl,
      software_webgl: true,
      viewport: VIEWPORT,
      canvas: ours.canvas,
      graph: { generator: 'tests/support/big-dataset.ts', actors: ACTORS, relations: RELATIONS, seed: SEED, positions: "our app's ForceAtlas2 layout (layout worker) from this run, read from Cytoscape; sigma's y = -y" },
      wheel: DEFAULT_WHEEL,
      app: { ...git, profile: PROFILE },
      rule: 'one run; page times in ms since navigation start; ratio = ours / sigma (lower is better for ours)',
      ours: ours.side,
      sigma: sigma?.side,
      ratios: Object.fromEntries(rows(ours.side, sigma?.side).filter(([, a, b]) => a !== undefined && b !== undefined && b > 0).map(([label, a, b]) => [label.trim(), +(a! / b!).toFixed(3)])),
      profile: profiled && { heapAtDrawn: profiled.heapAtDrawn, heapByFunction: profiled.heapBy, longTasks: profiled.attribution, zoomLongTasks: profiled.zoomAttribution },
    timeWindow: timeSides,
    };
    if (timeSides.length) console.log(`\n${timeReport(timeSides)}`);
    writeFileSync(OUT, `${JSON.stringify(json, null, 1)}\n`);
    console.log(`\nWrote ${OUT}`);
    if (profiled) {
      const profileOut = OUT.replace(/\.json$/, '.cpuprofile');
      writeFileSync(profileOut, JSON.stringify(profiled.cpuProfile));
      console.log(`Wrote ${profileOut}`);
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
