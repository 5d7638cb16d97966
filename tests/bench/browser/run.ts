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
 * Issue 15 adds: the longest long task in each phase (loading, layout, first paint, fully drawn,
 * metrics, a filter change clicked in the legend, the time window) against its 100 ms target; first
 * paint and "fully drawn" against sigma's (targets 1.5× and 3×); a second pass of ours with
 * Cytoscape's WebGL renderer (`window.__actorscopeKnobs = { webgl: true }`, `--webgl`, on by default
 * in a full run; `--no-webgl` leaves it out); and `--scale-only` (a large graph opened, heap at drawn
 * and after each metrics step within a time bound, then one zoom step and one pan answered or not).
 * Every wait has a bound (`--timeout=S` for the graph drawn, `--metrics-timeout=S` for the metrics)
 * and fails with what the page showed; a failed WebGL pass is reported, not fatal.
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
import type { ScaleKnobs } from '../../../src/canvas/scale';
import { installLongTaskProbe, longTasks, type LongTask } from '../../support/page-probes';
import { serveFolder } from '../../support/static-server';
import {
  attributeLongTasks,
  bundleSources,
  DEFAULT_WHEEL,
  drawsOf,
  fullyDrawn,
  heapByFunction,
  installDrawProbe,
  heapOf,
  installPresentedProbe,
  measureZoom,
  presentedAt,
  profileMarker,
  taskStats,
  waitQuiet,
  webglRenderer,
  type CpuProfile,
  type FullyDrawn,
  type HeapStats,
  type SamplingHeapProfile,
  type SourceOf,
  type TaskAttribution,
  type TaskStats,
  type ZoomStats,
} from './probes';
import { measureFilterChange, type FilterStep } from './filter-change';
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
/** `--scale-only`: ours alone on a (large) graph: drawn, heap, metrics steps within a bound, one zoom step and one pan (see measureScale). */
const SCALE_ONLY = flags.has('scale-only');
/** A second pass of ours with Cytoscape's WebGL renderer: `--webgl` adds it anywhere; on by default in a full run, `--no-webgl` leaves it out. */
const WEBGL = flags.has('webgl') || (!flags.has('no-webgl') && !PROFILE && !ONLY_TIME && !SCALE_ONLY);
/** `--no-filter`: no filter change at the end of ours. */
const FILTER = !flags.has('no-filter');
/** Bounds (s): the graph drawn; the metrics (every step; --scale-only: each step). */
const DRAWN_TIMEOUT_MS = Number(flags.get('timeout') ?? 600) * 1000;
const METRICS_TIMEOUT_MS = Number(flags.get('metrics-timeout') ?? (SCALE_ONLY ? 240 : 900)) * 1000;
/** "Fully drawn": a burst of draw calls ends at this much quiet. */
const QUIET_MS = 1000;
/** The long-task target (issue 15, target 1). */
const TASK_TARGET_MS = 100;
for (const [name, v] of [['actors', ACTORS], ['relations', RELATIONS], ['seed', SEED], ['timeout', DRAWN_TIMEOUT_MS], ['metrics-timeout', METRICS_TIMEOUT_MS]] as const) {
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number, got ${flags.get(name)}`);
}
const SIPRI_CSV = join(ROOT, 'public/data/sipri-central-asia-1992-2021.csv');
const started = new Date();
const stamp = started.toISOString().slice(0, 10);
const OUT = resolve(flags.get('out') ?? join(ROOT, 'tests/bench/results', `browser-${stamp}${ONLY_TIME ? '-time' : ''}${SCALE_ONLY ? `-scale-${ACTORS}` : ''}${PROFILE ? '-profile' : ''}.json`));

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
  /** The last draw call of the burst that begins with the first paint (probes.ts, fullyDrawn). */
  fullyDrawn?: FullyDrawn;
  /** Long tasks by phase (issue 15, target 1), in page order; the filter change's and the time window's are added to the table from their own records. */
  phases: Phase[];
  /** Ours: a relation type hidden in the legend, then shown again (filter-change.ts). */
  filter?: FilterStep[];
  errors: string[];
}

/** A phase of the page's life and the long tasks that started in it. */
interface Phase {
  name: string;
  /** Page ms; `to` exclusive. */
  from: number;
  to: number;
  tasks: TaskStats;
  over100: number;
  /** A mark the phase's bounds rest on was missing. */
  note?: string;
}

function phaseOf(name: string, from: number, to: number, all: readonly LongTask[], note?: string): Phase {
  // A task belongs to the phase that holds its middle: the task that ends the layout's wait (its `.then`, where the
  // layout-result mark is made) is the elements going in, and the first paint's task ends at the drawn mark.
  const tasks = all.filter((t) => t.start + t.duration / 2 >= from && t.start + t.duration / 2 < to);
  return { name, from, to, tasks: taskStats(tasks), over100: tasks.filter((t) => t.duration > TASK_TARGET_MS).length, ...(note ? { note } : {}) };
}

/**
 * A phase that ends with a draw call ends with the long task holding it: `t`, or the end of the task it falls in
 * (e.g. WebGL on SwiftShader: a draw call of 0.2 s JS in a task of 3 s, the rest the page waiting on the GPU process).
 */
function throughTask(t: number, all: readonly LongTask[]): number {
  const holding = all.find((x) => x.start <= t && t <= x.start + x.duration);
  return holding ? Math.max(t, holding.start + holding.duration) : t;
}

/** Waits for `what`, or throws with what the page shows (its marks, the canvas's busy state, the metrics status). */
async function bounded<T>(page: Page, what: string, timeoutMs: number, wait: (timeout: number) => Promise<T>): Promise<T> {
  try {
    return await wait(timeoutMs);
  } catch (e) {
    const state = await page
      .evaluate(() => ({
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
        busy: document.querySelector('[aria-label="Actor graph"]')?.getAttribute('aria-busy'),
        progress: document.querySelector('[aria-label="Actor graph"]')?.textContent?.slice(0, 200),
        status: document.querySelector('.metrics-controls .status')?.textContent,
        elements: window.__actorscope ? window.__actorscope.cy.elements().length : null,
      }))
      .catch((err: unknown) => ({ unreadable: String(err) }));
    throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); the page: ${JSON.stringify(state)}`);
  }
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

/** A page for the app: the probes of newPage, the drawn and draw-call probes, and the knobs set before it starts. */
async function newOursPage(browser: Browser, knobs: Partial<ScaleKnobs> | undefined): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await installPresentedProbe(opened.page, 'actorscope:drawn');
  await installDrawProbe(opened.page);
  if (knobs) await opened.page.addInitScript((k) => (window.__actorscopeKnobs = k), knobs);
  return opened;
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
  knobs?: Partial<ScaleKnobs>,
  label = 'ours',
): Promise<{ side: Side; canvas: { width: number; height: number }; profiled?: Profiled }> {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newOursPage(browser, knobs);
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
    await bounded(page, `${label}: the graph drawn`, DRAWN_TIMEOUT_MS, (timeout) => region.and(page.locator('[aria-busy="false"]')).waitFor({ timeout }));
    const wallToDrawnMs = Date.now() - t0;
    const marks = await marksOf(page, 'actorscope:');
    const drawn = marks.drawn ?? (await page.evaluate(() => performance.now()));
    if (marks.drawn === undefined) errors.push('no actorscope:drawn mark: first paint taken as the moment the canvas stopped being busy');
    const presented = await bounded(page, `${label}: the frame after the first paint`, 120_000, () => presentedAt(page));
    const loadTasks = await longTasks(page, 0, presented);
    const counts = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      const r = (cy as unknown as { renderer(): { webgl?: boolean } }).renderer();
      return { nodes: cy.nodes().length, edges: cy.edges().length, webgl: r.webgl === true };
    });
    if (knobs?.webgl && !counts.webgl) errors.push('the WebGL knob was set but Cytoscape draws with canvas 2D (no WebGL context?)');
    // (Profile runs only: a forced GC here would disturb the metrics phase's long tasks.)
    const heapAtDrawn = cdp ? await heapOf(browser, page) : undefined;

    // Metrics start by themselves once the graph is drawn; the table fills when all are computed.
    // (Large graphs fill the table in steps, the first rows within a second or so; aria-busy stays true until the last.)
    const metricsDone = await bounded(page, `${label}: every metric in`, METRICS_TIMEOUT_MS, (timeout) =>
      page.waitForFunction(
        () => {
          const w = window as unknown as { __firstRows?: number };
          const table = document.querySelector('table.metrics');
          const rows = table?.querySelector('tbody tr:not(.gap)');
          if (rows && w.__firstRows === undefined) w.__firstRows = performance.now();
          if (/Metrics (failed|cancelled)/.test(document.querySelector('.metrics-controls .status')?.textContent ?? '')) return -1;
          return table && table.getAttribute('aria-busy') === 'false' && rows ? performance.now() : 0;
        },
        undefined,
        { timeout, polling: 100 },
      ),
    );
    const metricsAt = (await metricsDone.jsonValue()) as number;
    if (metricsAt < 0) throw new Error(`${label}: metrics did not finish: ${await page.locator('.metrics-controls .status').textContent()}`);
    const { firstRowsAt, firstDataAt } = await page.evaluate(() => ({ firstRowsAt: (window as unknown as { __firstRows?: number }).__firstRows ?? 0, firstDataAt: window.__firstDataAfterDrawn }));
    const metricsTasks = await longTasks(page, presented, metricsAt);
    let cpuProfile: CpuProfile | undefined;
    if (cdp) cpuProfile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    await page.waitForTimeout(1000);
    const heap = await heapOf(browser, page);
    const heapProfile = cdp ? ((await cdp.send('HeapProfiler.getSamplingProfile')) as { profile: SamplingHeapProfile }).profile : undefined;
    if (cdp) await cdp.send('HeapProfiler.stopSampling');

    // Fully drawn: the first paint's burst of draw calls, up to a second of quiet or the metrics' first change on the canvas
    // (their sizes: the first node data event after the drawn mark; the table's first rows if none was seen).
    const cutAt = Math.min(firstDataAt ?? Infinity, firstRowsAt || Infinity);
    const fully = fullyDrawn(await drawsOf(page), drawn, cutAt, QUIET_MS);
    if (!fully) errors.push('fully drawn: no draw call recorded at or after the first paint');
    else if (fully.endedBy === 'cut') errors.push(`fully drawn: the metrics reached the canvas (${ms(cutAt)} ms) before ${QUIET_MS} ms without a draw call: the burst ends at the last draw call before them (${ms(fully.quietBeforeCutMs ?? 0)} ms earlier)`);
    const fullyAt = fully?.at ?? drawn;
    const allTasks = await longTasks(page, 0, metricsAt + 1);
    const need = (name: string, fallback: number): [number, string | undefined] => (marks[name] !== undefined ? [marks[name]!, undefined] : [fallback, `no ${name} mark`]);
    const [dataIn, noData] = need('canvas-start', 0);
    const [layoutResult, noLayout] = need('layout-result', dataIn);
    const paintEnd = throughTask(drawn, allTasks);
    const fullyEnd = Math.max(paintEnd, throughTask(fullyAt, allTasks)) + 0.001;
    const phases = [
      phaseOf('loading: navigation → data in (canvas-start)', 0, dataIn, allTasks, noData),
      phaseOf('layout: data in → layout-result (elements built, ForceAtlas2 in its worker)', dataIn, layoutResult, allTasks, noLayout),
      phaseOf('elements in and first paint: layout-result → drawn', layoutResult, paintEnd, allTasks, noLayout),
      phaseOf(`fully drawn: first paint → last draw call before ${QUIET_MS} ms of quiet`, paintEnd, fullyEnd, allTasks, fully?.endedBy === 'cut' ? 'ended by the metrics reaching the canvas' : undefined),
      phaseOf('metrics arriving: fully drawn → every metric in', fullyEnd, metricsAt + 1, allTasks),
    ];

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

    const box = (await region.boundingBox())!;
    if (SHOTS) await page.screenshot({ path: OUT.replace(/\.json$/, `-${label.replace(/\W+/g, '-')}.png`) });
    await page.evaluate(() => (window.__readZoom = () => window.__actorscope!.cy.zoom()));
    let zoomMarker: number | undefined;
    if (cdp) {
      await cdp.send('Profiler.start');
      zoomMarker = await profileMarker(page);
    }
    const zoom = await measureZoom(page, box, () => drawsOf(page), 'taken');
    const zoomProfile = cdp ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
    const zoomFixed = await measureZoom(page, box, () => drawsOf(page), 'fixed');

    // A filter change, as a user makes it: the supplier relations hidden in the legend, then shown again.
    let filter: FilterStep[] | undefined;
    if (FILTER && !cdp) {
      await page.waitForTimeout(1500);
      filter = await measureFilterChange(page, 'supplier', 120_000, METRICS_TIMEOUT_MS).catch((e: unknown) => {
        errors.push(`filter change: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        return undefined;
      });
      for (const step of filter ?? []) if (step.error) errors.push(`filter change (${step.action}): ${step.error}`);
    }
    const layoutMs = (marks['layout-result'] ?? 0) - (marks['layout-start'] ?? 0);
    const side: Side = {
      renderer: `Actorscope (Cytoscape.js ${versionOf('cytoscape')}, ${counts.webgl ? 'WebGL' : 'canvas 2D'})`,
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
      fullyDrawn: fully,
      phases,
      filter,
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
    await bounded(page, 'sigma: the graph drawn', DRAWN_TIMEOUT_MS, (timeout) =>
      page.waitForFunction(() => window.__bench?.firstRender !== undefined || window.__bench?.error, undefined, { timeout, polling: 50 }),
    );
    const wallToDrawnMs = Date.now() - t0;
    const bench = await page.evaluate(() => ({ first: window.__bench!.firstRender ?? 0, nodes: window.__bench!.nodes ?? 0, edges: window.__bench!.edges ?? 0, error: window.__bench!.error }));
    if (bench.error) throw new Error(`sigma page: ${bench.error}`);
    const marks = await marksOf(page, 'bench:');
    const presented = await bounded(page, 'sigma: the frame after the first paint', 120_000, () => presentedAt(page));
    const loadTasks = await longTasks(page, 0, presented);
    await page.waitForTimeout(1000);
    if (!(await waitQuiet(page, QUIET_MS, 120_000, 'sigma'))) errors.push(`sigma: still drawing 120 s after the first paint (no ${QUIET_MS} ms of quiet)`);
    const fully = fullyDrawn(await page.evaluate(() => window.__bench!.renders), bench.first, Infinity, QUIET_MS);
    const allTasks = await longTasks(page);
    const built = marks['graph-built'] ?? 0;
    const paintEnd = throughTask(bench.first, allTasks);
    const phases = [
      phaseOf('loading: navigation → data in (graph built)', 0, built, allTasks),
      phaseOf('elements in and first paint: graph built → first render', built, paintEnd, allTasks),
      phaseOf(`fully drawn: first paint → last draw call before ${QUIET_MS} ms of quiet`, paintEnd, Math.max(paintEnd, throughTask(fully?.at ?? bench.first, allTasks)) + 0.001, allTasks),
    ];
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
      fullyDrawn: fully,
      phases,
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
/** A row: label, then ours (canvas), ours (WebGL), sigma, then a note. */
type Row = [string, number | undefined, number | undefined, number | undefined, string?];
interface Sides {
  ours: Side;
  webgl?: Side;
  sigma?: Side;
}

function rows({ ours, webgl, sigma }: Sides): Row[] {
  const r = (label: string, f: (s: Side) => number | undefined, note?: string | ((s: Side | undefined) => string)): Row => {
    const n = typeof note === 'function' ? note(ours) : note;
    return [label, f(ours), webgl && f(webgl), sigma && f(sigma), n];
  };
  const sideNote = (f: (s: Side) => string) => [ours, webgl, sigma].map((s) => (s ? f(s) : undefined)).filter((x) => x !== undefined).join(' / ');
  return [
    r('page load event (ms)', (s) => s.loadEventMs),
    r('data in: fetched, parsed, graph built (ms)', (s) => s.dataReadyMs),
    r('first paint of the graph (ms)', (s) => s.firstPaintMs),
    r('first frame presented: 2nd rAF after it (ms)', (s) => s.presentedMs),
    [' of which our ForceAtlas2 layout, in a worker (ms)', ours.layoutMs, webgl?.layoutMs, sigma ? 0 : undefined, 'sigma is given positions'],
    r('first paint without the layout (ms)', (s) => s.firstPaintLessLayoutMs),
    r(`fully drawn: last draw call before ${QUIET_MS} ms of quiet (ms)`, (s) => s.fullyDrawn?.at, () => `ended by ${sideNote((s) => (s.fullyDrawn ? `${s.fullyDrawn.endedBy}${s.fullyDrawn.quietBeforeCutMs !== undefined ? ` (${ms(s.fullyDrawn.quietBeforeCutMs)} ms quiet before it)` : ''}` : '—'))}`),
    r('fully drawn, presented: 2nd rAF after it (ms)', (s) => s.fullyDrawn?.presentedAt || undefined),
    r('fully drawn: draw calls since the first paint', (s) => s.fullyDrawn?.draws, () => `JS time ${sideNote((s) => `${ms(s.fullyDrawn?.drawMs ?? 0)} ms`)}`),
    r('long tasks to the presented frame: count', (s) => s.loadLongTasks.count),
    r('long tasks to the presented frame: total (ms)', (s) => s.loadLongTasks.totalMs),
    r('long tasks to the presented frame: longest (ms)', (s) => s.loadLongTasks.longestMs),
    r('zoom, each event taken: frames', (s) => s.zoom.frames.count, `${ours.zoom.events} wheel events each`),
    r('zoom, each event taken: zoom factor reached', (s) => s.zoom.zoomFactor),
    r('zoom, each event taken: median frame (ms)', (s) => s.zoom.frames.median),
    r('zoom, each event taken: mean frame (ms)', (s) => s.zoom.frames.mean),
    r('zoom, each event taken: p95 frame (ms)', (s) => s.zoom.frames.p95),
    r('zoom, each event taken: longest frame (ms)', (s) => s.zoom.frames.max),
    r('zoom, each event taken: frames over 50 ms', (s) => s.zoom.slowFrames),
    r('zoom, each event taken: time in frames over 50 ms (ms)', (s) => s.zoom.slowFramesMs, () => `of ${sideNote((s) => String(ms(s.zoom.durationMs)))} measured`),
    r('zoom, each event taken: draw calls', (s) => s.zoom.renders.count),
    r('zoom, each event taken: median draw call, JS (ms)', (s) => s.zoom.renders.median),
    r('zoom, each event taken: p95 draw call, JS (ms)', (s) => s.zoom.renders.p95),
    r('zoom, each event taken: long tasks: count / longest (ms)', (s) => s.zoom.longTasks.count, () => `longest ${sideNote((s) => String(ms(s.zoom.longTasks.longestMs)))}`),
    r('zoom at a fixed pace: frames', (s) => s.zoomFixed.frames.count),
    r('zoom at a fixed pace: zoom factor reached', (s) => s.zoomFixed.zoomFactor),
    r('zoom at a fixed pace: median frame (ms)', (s) => s.zoomFixed.frames.median),
    r('zoom at a fixed pace: p95 frame (ms)', (s) => s.zoomFixed.frames.p95),
    r('zoom at a fixed pace: longest frame (ms)', (s) => s.zoomFixed.frames.max),
    r('zoom at a fixed pace: time in frames over 50 ms (ms)', (s) => s.zoomFixed.slowFramesMs, () => `of ${sideNote((s) => String(ms(s.zoomFixed.durationMs)))} measured`),
    r('metrics: drawn → first rows in the table (ms)', (s) => s.metricsFirstRowsMs),
    r('metrics: drawn → every metric in (ms)', (s) => s.metricsMs),
    r('metrics: long tasks (from the presented frame): count', (s) => s.metricsLongTasks?.count),
    r('metrics: long tasks: total (ms)', (s) => s.metricsLongTasks?.totalMs),
    r('metrics: long tasks: longest (ms)', (s) => s.metricsLongTasks?.longestMs),
    ...[0, 1].map((i) => r(`filter: ${ours.filter?.[i]?.action ?? (i ? 'show' : 'hide')} (legend) → canvas drawn (ms)`, (s) => s.filter?.[i]?.toDrawnMs, `${ours.filter?.[i]?.relations ?? '—'} relations`)),
    ...[0, 1].map((i) => r(`filter: ${ours.filter?.[i]?.action ?? (i ? 'show' : 'hide')} → metrics table complete (ms)`, (s) => s.filter?.[i]?.toTableMs)),
    r('heap after GC: page JS (MB)', (s) => s.heap.page.usedMB),
    r('heap after GC: workers JS (MB)', (s) => s.heap.jsMB - s.heap.page.usedMB, () => `${sideNote((s) => String(s.heap.workers.length))} workers`),
    r('heap after GC: JS, page + workers (MB)', (s) => s.heap.jsMB),
    r(' + DOM (embedder) and ArrayBuffers (MB)', (s) => s.heap.allMB),
  ];
}

const met = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : 'NOT met');

/**
 * The issue's targets, one row each: the longest long task of each phase against 100 ms (target 1), first
 * paint and fully drawn against sigma's (target 2: 1.5× and 3×), the heap with every metric (target 4).
 */
function targetRows({ ours, webgl, sigma }: Sides, time: readonly TimeSide[]): Row[] {
  const out: Row[] = [];
  const names = ['canvas', 'WebGL', 'sigma'];
  const taskRow = (label: string, f: (s: Side) => { longest: number; over: number } | undefined, withSigma = true) => {
    const v = [ours, webgl, withSigma ? sigma : undefined].map((s) => (s ? f(s) : undefined));
    const verdicts = v.map((x, i) => (x ? `${names[i]} ${met(x.longest <= TASK_TARGET_MS)} (${x.over} over ${TASK_TARGET_MS} ms)` : undefined)).filter(Boolean);
    out.push([`target 1, longest long task (ms): ${label}`, v[0]?.longest, v[1]?.longest, v[2]?.longest, `≤ ${TASK_TARGET_MS} ms: ${verdicts.join('; ') || '—'}`]);
  };
  const phaseNames = ours.phases.map((p) => p.name);
  for (const name of phaseNames) {
    const key = name.split(':')[0]!;
    const f = (s: Side) => {
      const p = s.phases.find((x) => x.name.split(':')[0] === key);
      return p && { longest: p.tasks.longestMs, over: p.over100 };
    };
    taskRow(name, f);
  }
  for (const i of [0, 1]) {
    taskRow(`filter change: ${ours.filter?.[i]?.action ?? '—'} in the legend → canvas drawn`, (s) => {
      const step = s.filter?.[i];
      return step && { longest: step.longTasks.longestMs, over: step.over100 };
    }, false);
  }
  const dated = time.find((t) => t.stats.graph.startsWith('dated')) ?? time.at(-1);
  if (dated) {
    for (const [key, name] of [['resize', 'end 5 years back ×4'], ['keys', 'a year on ×10'], ['play', 'Play ½ s ×5']] as const) {
      const m = dated.stats[key];
      out.push([`target 1, longest long task (ms): time window (${dated.stats.graph}), ${name}`, m.longTasks.longestMs, undefined, undefined, `≤ ${TASK_TARGET_MS} ms: canvas ${met(m.longTasks.longestMs <= TASK_TARGET_MS)} (${m.over100} over ${TASK_TARGET_MS} ms)`]);
    }
  }
  const ratioRow = (label: string, f: (s: Side) => number | undefined, target: number) => {
    const s = sigma ? f(sigma) : undefined;
    const verdict = (x: Side | undefined, name: string) => {
      const v = x ? f(x) : undefined;
      return v !== undefined && s ? `${name} ${(v / s).toFixed(2)}× ${met(v / s <= target)}` : undefined;
    };
    out.push([`target 2: ${label} (ms)`, f(ours), webgl && f(webgl), s, `≤ ${target}× sigma: ${[verdict(ours, 'canvas'), verdict(webgl, 'WebGL')].filter(Boolean).join('; ') || '—'}`]);
  };
  ratioRow('first paint (end of the first draw call)', (x) => x.firstPaintMs, 1.5);
  ratioRow('first paint, presented', (x) => x.presentedMs, 1.5);
  ratioRow('fully drawn (end of the last draw call of the burst)', (x) => x.fullyDrawn?.at, 3);
  ratioRow('fully drawn, presented', (x) => x.fullyDrawn?.presentedAt || undefined, 3);
  out.push([
    'target 4: heap after GC with every metric, JS page + workers (MB)',
    ours.heap.jsMB,
    webgl?.heap.jsMB,
    sigma?.heap.jsMB,
    `< 300 MB: ${[['canvas', ours], ['WebGL', webgl]].filter((x): x is [string, Side] => x[1] !== undefined).map(([n, x]) => `${n} ${met(x.heap.jsMB < 300)}`).join('; ')}`,
  ]);
  return out;
}

const fmt = (x: number | undefined): string => {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (Number.isInteger(x) || Math.abs(x) >= 100) return Math.round(x).toLocaleString('en');
  return Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
};

/** A Markdown table: the sides present (ours, ours WebGL, sigma), ratios to sigma, the note. */
function table(r: Row[], present: { webgl: boolean; sigma: boolean }): string {
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : '—');
  const head = ['measure', 'ours', ...(present.webgl ? ['ours, WebGL'] : []), ...(present.sigma ? ['sigma', 'ours/sigma'] : []), ...(present.webgl && present.sigma ? ['WebGL/sigma'] : []), 'note'];
  const body = r.map(([label, a, w, b, note]) => [
    label,
    fmt(a),
    ...(present.webgl ? [fmt(w)] : []),
    ...(present.sigma ? [fmt(b), ratio(a, b)] : []),
    ...(present.webgl && present.sigma ? [ratio(w, b)] : []),
    note ?? '',
  ]);
  const last = head.length - 1;
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = (i: number) => i > 0 && i < last;
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `| ${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`, ...body.map(line)].join('\n');
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

// ---- --scale-only: a large graph opened, its heap, and whether it stays navigable ----
interface NavStep {
  action: string;
  /** Input event → the end of the first draw call showing the new viewport (ms); undefined: not within the bound. */
  answeredMs?: number;
  /** Input event → the last draw call before a second of quiet (the full redraw after Cytoscape's viewport shortcuts). */
  settledMs?: number;
  longestTaskMs: number;
  error?: string;
}

interface ScaleSide {
  label: string;
  renderer: string;
  nodes: number;
  edges: number;
  wallToDrawnMs: number;
  firstPaintMs: number;
  fullyDrawn?: FullyDrawn;
  phases: Phase[];
  /** Heap after a forced GC: when drawn, after the metrics' first step (table's first rows), after the second step, at the end. */
  heaps: Array<{ at: string; sinceDrawnMs: number; heap?: HeapStats; error?: string }>;
  /** drawn → first rows, → the second step done (the status names step 3), → every metric in (undefined: not within the bound). */
  metrics: { firstRowsMs?: number; secondStepMs?: number; doneMs?: number; boundMs: number; status: string };
  nav: NavStep[];
  errors: string[];
  seconds: number;
}

const NAV_BOUND_MS = 60_000;

async function navStep(page: Page, action: string, event: 'wheel' | 'mousedown', act: () => Promise<void>): Promise<NavStep> {
  await page.evaluate((ev) => {
    const cy = window.__actorscope!.cy;
    const zoom = cy.zoom();
    const pan = { ...cy.pan() };
    window.__drawWait = { test: () => cy.zoom() !== zoom || cy.pan().x !== pan.x || cy.pan().y !== pan.y };
    document.addEventListener(ev, (e) => ((window as unknown as { __navAt?: number }).__navAt = e.timeStamp), { capture: true, once: true });
  }, event);
  void act().catch(() => undefined);
  const answered = await page
    .waitForFunction(() => window.__drawWait?.at ?? 0, undefined, { timeout: NAV_BOUND_MS, polling: 50 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  const navAt = await page.evaluate(() => (window as unknown as { __navAt?: number }).__navAt ?? 0);
  let settledMs: number | undefined;
  if (answered !== undefined && (await waitQuiet(page, QUIET_MS, NAV_BOUND_MS))) settledMs = (fullyDrawn(await drawsOf(page), answered, Infinity, QUIET_MS)?.at ?? answered) - navAt;
  const tasks = await longTasks(page, navAt - 5);
  await page.evaluate(() => delete window.__drawWait);
  return {
    action,
    answeredMs: answered === undefined ? undefined : answered - navAt,
    settledMs,
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    ...(answered === undefined ? { error: `no draw call showed the new viewport within ${NAV_BOUND_MS / 1000} s` } : {}),
  };
}

async function measureScale(base: string, dataUrl: string, knobs: Partial<ScaleKnobs> | undefined, label: string): Promise<ScaleSide> {
  const t0 = Date.now();
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newOursPage(browser, knobs);
    const region = page.getByRole('region', { name: 'Actor graph' });
    await page.goto(`${base}?data=${encodeURIComponent(dataUrl)}`);
    await bounded(page, `${label}: the graph drawn`, DRAWN_TIMEOUT_MS, (timeout) => region.and(page.locator('[aria-busy="false"]')).waitFor({ timeout }));
    const wallToDrawnMs = Date.now() - t0;
    const marks = await marksOf(page, 'actorscope:');
    const drawn = marks.drawn ?? (await page.evaluate(() => performance.now()));
    const info = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      return { nodes: cy.nodes().length, edges: cy.edges().length, webgl: (cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl === true };
    });
    const heaps: ScaleSide['heaps'] = [];
    const readHeap = async (at: string) => {
      const now = await page.evaluate(() => performance.now());
      try {
        // (A worker busy computing may not answer: its heap is then left out, and said.)
        heaps.push({ at, sinceDrawnMs: now - drawn, heap: await heapOf(browser, page, { partial: true, workerTimeoutMs: 15_000 }) });
      } catch (e) {
        heaps.push({ at, sinceDrawnMs: now - drawn, error: e instanceof Error ? e.message : String(e) });
      }
      const h = heaps.at(-1)!;
      console.log(`  ${label}: heap ${at}: ${fmt(h.heap?.jsMB)} MB JS (page ${fmt(h.heap?.page.usedMB)} MB; ${h.heap?.workers.length ?? 0} workers answered, ${h.heap?.unanswered?.length ?? 0} busy; ${Math.round((now - drawn) / 1000)} s after drawn)${h.error ? ` — ${h.error}` : ''}`);
    };
    console.log(`  ${label}: drawn after ${Math.round(wallToDrawnMs / 1000)} s (${info.nodes.toLocaleString('en')} actors, ${info.edges.toLocaleString('en')} relations, ${info.webgl ? 'WebGL' : 'canvas 2D'})`);
    // The first paint's burst, before any forced GC (cut by the metrics' first change, as in a full run).
    const quiet = await waitQuiet(page, QUIET_MS, 120_000);
    const { firstDataAt } = await page.evaluate(() => ({ firstDataAt: window.__firstDataAfterDrawn }));
    const fully = fullyDrawn(await drawsOf(page), drawn, firstDataAt ?? Infinity, QUIET_MS);
    if (!quiet) errors.push('still drawing 120 s after the first paint');
    await readHeap('when drawn');

    // The metrics' steps, each within the bound: first rows (step 1), the status naming step 3 (step 2 done), the table complete.
    const metrics: ScaleSide['metrics'] = { boundMs: METRICS_TIMEOUT_MS, status: '' };
    const until = Date.now() + METRICS_TIMEOUT_MS;
    const poll = () =>
      page.evaluate(() => {
        const table = document.querySelector('table.metrics');
        return {
          now: performance.now(),
          rows: !!table?.querySelector('tbody tr:not(.gap)'),
          done: table?.getAttribute('aria-busy') === 'false' && !!table?.querySelector('tbody tr:not(.gap)'),
          status: document.querySelector('.metrics-controls .status')?.textContent ?? '',
        };
      });
    let heapAfterFirst = false;
    let heapAfterSecond = false;
    for (;;) {
      const p = await poll();
      metrics.status = p.status;
      if (p.rows && metrics.firstRowsMs === undefined) metrics.firstRowsMs = p.now - drawn;
      if (/step 3 of/.test(p.status) && metrics.secondStepMs === undefined) metrics.secondStepMs = p.now - drawn;
      if (p.done) {
        metrics.doneMs = p.now - drawn;
        break;
      }
      if (/Metrics (failed|cancelled)/.test(p.status)) {
        errors.push(`metrics: ${p.status}`);
        break;
      }
      if (metrics.firstRowsMs !== undefined && !heapAfterFirst) {
        heapAfterFirst = true;
        await readHeap('after the first step (degrees, sampled betweenness)');
      }
      if (metrics.secondStepMs !== undefined && !heapAfterSecond) {
        heapAfterSecond = true;
        await readHeap('after the second step (closeness, eigenvector, PageRank, HITS)');
      }
      if (Date.now() > until) break;
      await page.waitForTimeout(250);
    }
    await readHeap(metrics.doneMs !== undefined ? 'with every metric' : `at the metrics bound (${Math.round(METRICS_TIMEOUT_MS / 1000)} s; still computing)`);
    const allTasks = await longTasks(page);
    const paintEnd = throughTask(drawn, allTasks);
    const fullyEnd = Math.max(paintEnd, throughTask(fully?.at ?? drawn, allTasks)) + 0.001;
    const phases = [
      phaseOf('loading: navigation → data in (canvas-start)', 0, marks['canvas-start'] ?? 0, allTasks),
      phaseOf('layout: data in → layout-result', marks['canvas-start'] ?? 0, marks['layout-result'] ?? marks['canvas-start'] ?? 0, allTasks),
      phaseOf('elements in and first paint: layout-result → drawn', marks['layout-result'] ?? 0, paintEnd, allTasks),
      phaseOf(`fully drawn: first paint → last draw call before ${QUIET_MS} ms of quiet`, paintEnd, fullyEnd, allTasks),
      phaseOf(`metrics: fully drawn → ${metrics.doneMs !== undefined ? 'every metric in' : 'the bound'}`, fullyEnd, Infinity, allTasks),
    ];

    // Navigable? One zoom step (a wheel event over the centre) and one pan (a drag), each answered by a draw call, or not.
    const box = (await region.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const nav: NavStep[] = [];
    // The pan first, from the fitted view's empty bottom-left corner (inside the fit's 30 px padding: a drag on an actor
    // would move the actor; the top-left holds the "Relations as a table" button).
    nav.push(
      await navStep(page, 'pan: drag 200 × 100 px', 'mousedown', async () => {
        const [x0, y0] = [box.x + 12, box.y + box.height - 12];
        await page.mouse.move(x0, y0);
        await page.mouse.down();
        await page.mouse.move(x0 + 100, y0 - 50, { steps: 5 });
        await page.mouse.move(x0 + 200, y0 - 100, { steps: 5 });
        await page.mouse.up();
      }),
    );
    await page.waitForTimeout(500);
    await page.mouse.move(cx, cy);
    nav.push(await navStep(page, 'zoom in one wheel step', 'wheel', () => page.mouse.wheel(0, -120)));
    if (SHOTS) await page.screenshot({ path: OUT.replace(/\.json$/, `-${label.replace(/\W+/g, '-')}.png`) });
    await page.close();
    return {
      label,
      renderer: `Cytoscape.js ${versionOf('cytoscape')}, ${info.webgl ? 'WebGL' : 'canvas 2D'}`,
      nodes: info.nodes,
      edges: info.edges,
      wallToDrawnMs,
      firstPaintMs: drawn,
      fullyDrawn: fully,
      phases,
      heaps,
      metrics,
      nav,
      errors,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    await browser.close();
  }
}

function scaleReport(sides: readonly ScaleSide[]): string {
  const head = ['measure', ...sides.map((s) => s.label)];
  const r = (label: string, f: (s: ScaleSide) => string): string[] => [label, ...sides.map(f)];
  const msOr = (x: number | undefined, bound?: string) => (x === undefined ? (bound ?? '—') : `${fmt(x)}`);
  const body: string[][] = [
    r('actors / relations on the canvas', (s) => `${s.nodes.toLocaleString('en')} / ${s.edges.toLocaleString('en')}`),
    r('wall time to the graph drawn (s)', (s) => fmt(s.wallToDrawnMs / 1000)),
    r('first paint (page ms)', (s) => fmt(s.firstPaintMs)),
    r(`fully drawn (page ms; ended by)`, (s) => (s.fullyDrawn ? `${fmt(s.fullyDrawn.at)} (${s.fullyDrawn.endedBy})` : '—')),
    ...sides[0]!.phases.map((p, i) => r(`longest long task: ${p.name} (ms; over 100 ms)`, (s) => (s.phases[i] ? `${fmt(s.phases[i]!.tasks.longestMs)} (${s.phases[i]!.over100})` : '—'))),
    ...sides[0]!.heaps.map((h, i) =>
      r(`heap ${h.at}: JS page + workers (MB; + DOM and ArrayBuffers)`, (s) => {
        const x = s.heaps[i];
        const busy = x?.heap?.unanswered?.length ? `, ${x.heap.unanswered.length} busy worker(s) not counted` : '';
        return x?.heap ? `${fmt(x.heap.jsMB)} (${fmt(x.heap.allMB)}) at ${fmt(x.sinceDrawnMs / 1000)} s${busy}` : (x?.error?.slice(0, 60) ?? '—');
      }),
    ),
    r('metrics: drawn → first rows (ms)', (s) => msOr(s.metrics.firstRowsMs)),
    r('metrics: drawn → second step done (ms)', (s) => msOr(s.metrics.secondStepMs, s.metrics.doneMs !== undefined ? '— (not seen: one step, or a short one)' : `not within ${fmt(s.metrics.boundMs / 1000)} s`)),
    r('metrics: drawn → every metric in (ms)', (s) => msOr(s.metrics.doneMs, `not within ${fmt(s.metrics.boundMs / 1000)} s`)),
    ...sides[0]!.nav.flatMap((n, i) => [
      r(`${n.action}: answered by a draw call (ms)`, (s) => msOr(s.nav[i]?.answeredMs, `not within ${NAV_BOUND_MS / 1000} s`)),
      r(`${n.action}: redrawn in full (ms)`, (s) => msOr(s.nav[i]?.settledMs)),
      r(`${n.action}: longest long task (ms)`, (s) => fmt(s.nav[i]?.longestTaskMs)),
    ]),
    r('the pass took (s)', (s) => fmt(s.seconds)),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const errs = sides.flatMap((s) => s.errors.map((e) => `- ${s.label}: ${e}`));
  return [line(head), `| ${widths.map((w, i) => (i > 0 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`, ...body.map(line), ...(errs.length ? ['', ...errs] : [])].join('\n');
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
  console.log(`Building the app (${git.commit}${git.dirty.length ? `, with uncommitted changes in ${git.dirty.join(', ')}` : ''})${PROFILE || ONLY_TIME || SCALE_ONLY ? '' : ' and the sigma page'}…`);
  // The app first (its outDir is emptied), then the sigma page and the data beside it; vite's own root for the app, ours for sigma.
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } });
  if (!PROFILE && !ONLY_TIME && !SCALE_ONLY) {
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
  } else if (SCALE_ONLY) {
    const sides: ScaleSide[] = [];
    console.log(`Scale: ours (canvas 2D)… (bounds: drawn ${DRAWN_TIMEOUT_MS / 1000} s, metrics ${METRICS_TIMEOUT_MS / 1000} s, navigation ${NAV_BOUND_MS / 1000} s)`);
    sides.push(await measureScale(server.url, dataUrl, undefined, 'ours, canvas 2D'));
    if (WEBGL) {
      console.log('Scale: ours (WebGL)…');
      sides.push(await measureScale(server.url, dataUrl, { webgl: true }, 'ours, WebGL'));
    }
    const load1 = loadavg()[0]!;
    console.log(`\nActorscope browser benchmark, scale only — ${started.toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started.getTime()) / 1000)} s; ${ACTORS.toLocaleString('en')} actors, ${RELATIONS.toLocaleString('en')} relations (tests/support/big-dataset.ts seed ${SEED})`);
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; app built from ${git.commit}${git.dirty.length ? ` plus uncommitted changes (${git.dirty.join(', ')})` : ''}.`);
    console.log('Heap: forced GC in the page and each worker, then V8 heap used (the metrics keep computing meanwhile). Navigation: the input event → the end of the first draw call with the new viewport.\n');
    console.log(scaleReport(sides));
    writeFileSync(OUT, `${JSON.stringify({ date: started.toISOString(), machine: { cpus: cpus().length, loadAverage: [load0, load1] }, app: git, graph: { actors: ACTORS, relations: RELATIONS, seed: SEED }, scale: sides }, null, 1)}\n`);
    console.log(`\nWrote ${OUT}`);
  } else {
    console.log('Ours (canvas 2D)…');
    const ours = await measureOurs(server.url, dataUrl, PROFILE ? null : join(dir, 'positions.json'), PROFILE ? bundleSources(bundles) : null);
    const chromium = await (async () => {
      const b = await launchBrowser();
      const v = b.version();
      await b.close();
      return v;
    })();

    // Cytoscape's WebGL renderer, the same graph and the same measures; a failure is reported and the run goes on.
    let webgl: Side | undefined;
    let webglError: string | undefined;
    if (WEBGL && !PROFILE) {
      console.log('Ours (WebGL)…');
      try {
        webgl = (await measureOurs(server.url, dataUrl, null, null, { webgl: true }, 'ours-webgl')).side;
      } catch (e) {
        webglError = e instanceof Error ? e.message : String(e);
        console.log(`Ours (WebGL) failed: ${webglError}`);
      }
    }

    let sigma: { side: Side; webgl: string } | undefined;
    if (!PROFILE) {
      console.log('Sigma…');
      const { width, height } = ours.canvas;
      sigma = await measureSigma(`${server.url}sigma-bench/index.html?data=${encodeURIComponent(dataUrl)}&positions=${encodeURIComponent(`${server.url}positions.json`)}&w=${Math.round(width)}&h=${Math.round(height)}`);
    }

    if (TIME) {
      console.log('Time window…');
      timeSides.push(...(await runTime()));
    }
    const load1 = loadavg()[0]!;
    const seconds = (Date.now() - started.getTime()) / 1000;
    const sides: Sides = { ours: ours.side, webgl, sigma: sigma?.side };
    const present = { webgl: webgl !== undefined, sigma: sigma !== undefined };
    const header = [
      `Actorscope browser benchmark — ${started.toISOString().slice(0, 16)}Z, ${Math.round(seconds)} s`,
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; Chromium ${chromium} headless, ${VIEWPORT.width}×${VIEWPORT.height}, canvas ${Math.round(ours.canvas.width)}×${Math.round(ours.canvas.height)} for both.`,
      sigma ? `WebGL: ${sigma.webgl} — software rendering (SwiftShader, no GPU): sigma's WebGL and Cytoscape's WebGL renderer (the "ours, WebGL" column: window.__actorscopeKnobs = { webgl: true }) draw on the CPU here; "ours" draws with canvas 2D.` : '',
      webglError ? `Ours, WebGL: FAILED — ${webglError}` : '',
      `Graph: tests/support/big-dataset.ts seed ${SEED}: ${ours.side.nodes.toLocaleString('en')} actors, ${ours.side.edges.toLocaleString('en')} relations; sigma draws ${sigma ? `${sigma.side.nodes.toLocaleString('en')} / ${sigma.side.edges.toLocaleString('en')}` : '—'} with the positions our ForceAtlas2 layout produced in this run.`,
      `Zoom: after ${DEFAULT_WHEEL.warmUp.length} warm-up wheel events, ${DEFAULT_WHEEL.steps} events in (|deltaY| ${DEFAULT_WHEEL.deltas.join(', ')}), a ${DEFAULT_WHEEL.pauseMs} ms pause, ${DEFAULT_WHEEL.steps} out, then ${DEFAULT_WHEEL.settleMs} ms; each event ${DEFAULT_WHEEL.intervalMs} ms after the page took the previous one, then again at a fixed ${DEFAULT_WHEEL.intervalMs} ms pace; frames are requestAnimationFrame intervals over that time.`,
      `Fully drawn: the end of the last draw call (Cytoscape renderer.render, Sigma.render) in the burst that begins with the first paint, a burst ending at ${QUIET_MS} ms without a draw call or (ours) at the metrics' first change on the canvas. Filter: the Supplier toggle in the legend clicked (hide), then again (show); click → the first draw call with the relations' filtered class changed.`,
      `App built from ${git.commit}${git.dirty.length ? ` plus uncommitted changes (${git.dirty.join(', ')})` : ''}. One run; times in page ms from navigation start; ratio = ours / sigma (below 1: ours is better). A long task belongs to the phase that holds its middle.`,
    ].filter(Boolean);
    console.log(`\n${header.join('\n')}\n`);
    console.log(table(rows(sides), present));
    console.log('\nSpeed targets (issue 15):\n');
    console.log(table(targetRows(sides, timeSides), present));
    const heapTarget = ours.side.heap.jsMB < 300;
    console.log(`\nHeap target (issue 5: the 10k/50k graph with all metrics under 300 MB; this graph: ${ACTORS.toLocaleString('en')}/${RELATIONS.toLocaleString('en')}): ${heapTarget ? 'met' : 'NOT met'} — ${fmt(ours.side.heap.jsMB)} MB of JS heap (page + ${ours.side.heap.workers.length} workers), ${fmt(ours.side.heap.allMB)} MB with DOM and ArrayBuffers.`);
    const longest = ours.side.loadLongTasks;
    console.log(`Our longest long task while loading: ${ms(longest.longestMs)} ms at ${ms(longest.longestAtMs)} ms (marks: ${Object.entries(ours.side.marks).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}).`);
    for (const [name, side] of [['ours', ours.side], ['ours, WebGL', webgl], ['sigma', sigma?.side]] as const) {
      if (side?.errors.length) console.log(`Page errors and notes (${name}): ${JSON.stringify(side.errors)}`);
    }
    for (const [name, side] of [['ours', ours.side], ['ours, WebGL', webgl], ['sigma', sigma?.side]] as const) {
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
      oursWebgl: webgl,
      oursWebglError: webglError,
      sigma: sigma?.side,
      ratios: Object.fromEntries(rows(sides).filter(([, a, , b]) => a !== undefined && b !== undefined && b > 0).map(([label, a, , b]) => [label.trim(), +(a! / b!).toFixed(3)])),
      webglRatios: Object.fromEntries(rows(sides).filter(([, , w, b]) => w !== undefined && b !== undefined && b > 0).map(([label, , w, b]) => [label.trim(), +(w! / b!).toFixed(3)])),
      targets: targetRows(sides, timeSides).map(([label, a, w, b, note]) => ({ label, ours: a, oursWebgl: w, sigma: b, note })),
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
