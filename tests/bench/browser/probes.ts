/**
 * What the browser benchmark measures inside a page and through the Chrome
 * DevTools Protocol: frame intervals and render() durations while zooming
 * with the mouse wheel, long-task summaries, JS heap of the page and of its
 * dedicated workers after a forced garbage collection, the WebGL renderer,
 * and which functions a CPU profile spends a long task in.
 */
import type { Browser, Page } from 'playwright-core';
import { longTasks, type LongTask } from '../../support/page-probes';

declare global {
  interface Window {
    __frameTimes?: number[];
    __framesOn?: boolean;
    __renderTimes?: Array<[number, number]>;
    __frameZooms?: number[];
    /** The renderer's zoom level, installed by the caller of measureZoom. */
    __readZoom?: () => number;
  }
}

export interface Distribution {
  count: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return {
    count: values.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
    mean: values.reduce((s, x) => s + x, 0) / Math.max(1, values.length),
  };
}

export interface TaskStats {
  count: number;
  totalMs: number;
  longestMs: number;
  /** Page time (ms) at which the longest started. */
  longestAtMs: number;
  /** Every long task, [start, duration] in page ms. */
  tasks: Array<[number, number]>;
}

export function taskStats(tasks: readonly LongTask[]): TaskStats {
  let longest: LongTask | undefined;
  for (const t of tasks) if (!longest || t.duration > longest.duration) longest = t;
  return {
    count: tasks.length,
    totalMs: tasks.reduce((s, t) => s + t.duration, 0),
    longestMs: longest?.duration ?? 0,
    longestAtMs: longest?.start ?? 0,
    tasks: tasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
  };
}

/** The wheel sequence, the same for both renderers. */
export interface WheelPlan {
  /** Wheel events inward, then as many outward. */
  steps: number;
  /** Pause after each event (ms). */
  intervalMs: number;
  /** |deltaY| of successive events (px), cycled. Unequal, with no common factor: see `warmUp`. */
  deltas: readonly number[];
  /** Pause between the inward and the outward burst (ms): each renderer draws the zoomed-in view in full. */
  pauseMs: number;
  /** Wait after the last event before frames stop being counted (ms): both renderers finish their redraw/animation. */
  settleMs: number;
  /**
   * Events sent (in, out, in, out…) and settled before measuring. Cytoscape
   * clamps a page's first 4 wheel events to |deltaY| 5 while it samples them,
   * and treats a device whose samples share a factor (e.g. all 120) as a
   * notched wheel, dividing later deltas by it: the warm-up is that sample,
   * so that the measured events zoom by 10^(deltaY/250) each. Sigma zooms by
   * its zoomingRatio (1.7) per event, ignoring same-direction events less
   * than zoomDuration/5 (50 ms) after the last it took.
   */
  warmUp: readonly number[];
}

export const DEFAULT_WHEEL: WheelPlan = { steps: 8, intervalMs: 50, deltas: [47, 55, 44, 61, 50, 53, 41, 58], pauseMs: 1000, settleMs: 1500, warmUp: [-40, 55, -47, 61] };

export interface ZoomStats {
  events: number;
  /** Frame intervals (requestAnimationFrame callback to callback, ms) from the first wheel event to the end of the settle time. */
  frames: Distribution;
  /** Frames longer than 50 ms (3 missed vsyncs): how many, and the time they took together. */
  slowFrames: number;
  slowFramesMs: number;
  /** Duration of the renderer's own draw call per frame (Cytoscape's renderer.render, Sigma.render; JS time only). */
  renders: Distribution;
  longTasks: TaskStats;
  durationMs: number;
  /** The renderer's zoom level (Cytoscape: cy.zoom(); sigma: 1 / camera ratio) before, at its highest, and after settling; `trajectory` at each frame. */
  zoomBefore: number;
  zoomPeak: number;
  zoomAfter: number;
  /** zoomPeak / zoomBefore. */
  zoomFactor: number;
  trajectory: number[];
}

/**
 * Wheels in over the centre of `box`, then out, with `plan`, and counts
 * frames with a requestAnimationFrame loop that also reads the renderer's
 * zoom (`window.__readZoom`, installed by the caller) at every frame.
 *
 * `pace`:
 * - 'taken': each event goes once the page has taken the previous one
 *   (Playwright's mouse.wheel waits for the renderer's input ack), then
 *   `intervalMs` later: both renderers get every event and do the same
 *   zoom; a slow page stretches the sequence (and, for Cytoscape, lets its
 *   150 ms wheel debounce expire between events, so it redraws in full).
 * - 'fixed': every `intervalMs` through CDP without waiting, as a hand on a
 *   wheel: a page busy drawing takes them late, and Chromium merges the
 *   wheel events queued meanwhile, so a slow renderer zooms less.
 * `readRenders` returns [start, duration] of the renderer's draw calls (page
 * time), timed by the caller.
 */
export async function measureZoom(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  readRenders: () => Promise<ReadonlyArray<readonly [number, number, ...number[]]>>,
  pace: 'taken' | 'fixed',
  plan: WheelPlan = DEFAULT_WHEEL,
): Promise<ZoomStats> {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const readZoom = () => page.evaluate(() => window.__readZoom!());
  await page.mouse.move(x, y);
  for (const delta of plan.warmUp) {
    await page.mouse.wheel(0, delta);
    // Long enough for sigma's 250 ms zoom animation to end even at a frame a second (SwiftShader), so in and out cancel.
    await page.waitForTimeout(1500);
  }
  await page.waitForTimeout(1500);
  const zoomBefore = await readZoom();
  const from = await page.evaluate(() => {
    window.__frameTimes = [];
    window.__frameZooms = [];
    window.__framesOn = true;
    const tick = (t: number) => {
      if (!window.__framesOn) return;
      window.__frameTimes!.push(t);
      window.__frameZooms!.push(window.__readZoom!());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return performance.now();
  });
  const session = pace === 'fixed' ? await page.context().newCDPSession(page) : undefined;
  const sent: Promise<unknown>[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (const direction of [-1, 1]) {
    for (let i = 0; i < plan.steps; i++) {
      const deltaY = direction * plan.deltas[i % plan.deltas.length]!;
      if (session) sent.push(session.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY }));
      else await page.mouse.wheel(0, deltaY);
      await sleep(plan.intervalMs);
    }
    if (direction < 0) await sleep(plan.pauseMs);
  }
  await Promise.all(sent);
  await session?.detach();
  await sleep(plan.settleMs);
  // Stop at the next frame, so that a long task running now ends the last interval rather than falling outside it.
  const { frames, zooms, to } = await page.evaluate(
    () =>
      new Promise<{ frames: number[]; zooms: number[]; to: number }>((resolve) => {
        window.__framesOn = false;
        requestAnimationFrame((t) => {
          window.__frameTimes!.push(t);
          window.__frameZooms!.push(window.__readZoom!());
          resolve({ frames: window.__frameTimes!, zooms: window.__frameZooms!, to: performance.now() });
        });
      }),
  );
  const zoomAfter = await readZoom();
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const renders = (await readRenders()).filter(([start]) => start >= from && start < to).map(([, d]) => d);
  const zoomPeak = Math.max(zoomBefore, ...zooms);
  return {
    events: plan.steps * 2,
    frames: distribution(intervals),
    slowFrames: intervals.filter((v) => v > 50).length,
    slowFramesMs: intervals.filter((v) => v > 50).reduce((a, v) => a + v, 0),
    renders: distribution(renders),
    longTasks: taskStats(await longTasks(page, from, to)),
    durationMs: to - from,
    zoomBefore,
    zoomPeak,
    zoomAfter,
    zoomFactor: zoomPeak / zoomBefore,
    trajectory: zooms.map((z) => +z.toPrecision(4)),
  };
}

export interface HeapUsage {
  /** V8 heap in use after a forced GC (Runtime.getHeapUsage usedSize). */
  usedMB: number;
  /** V8 heap reserved. */
  totalMB: number;
  /** Blink's (cppgc) heap: DOM and other C++ objects owned by JS. */
  embedderMB: number;
  /** ArrayBuffer backing stores and external strings (typed arrays live here, not in usedSize). */
  backingMB: number;
}

export interface HeapStats {
  page: HeapUsage;
  workers: Array<HeapUsage & { url: string }>;
  /** page + workers, V8 heap only (usedSize). */
  jsMB: number;
  /** page + workers, V8 + embedder + backing stores. */
  allMB: number;
  /** Workers that did not answer in time (heapOf with `partial`: a worker busy computing): not counted above. */
  unanswered?: string[];
}

interface RawHeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

const mb = (bytes: number | undefined) => (bytes ?? 0) / 1048576;
const usage = (u: RawHeapUsage): HeapUsage => ({
  usedMB: mb(u.usedSize),
  totalMB: mb(u.totalSize),
  embedderMB: mb(u.embedderHeapUsedSize),
  backingMB: mb(u.backingStorageSize),
});

/**
 * Forces a garbage collection in the page and in each of its dedicated
 * workers, then reads their heap usage. Workers are reached as browser
 * targets (Target.getTargets lists them with the page as parent) through a
 * non-flattened session (Target.sendMessageToTarget), which leaves
 * Playwright's own sessions alone.
 */
export async function heapOf(browser: Browser, page: Page, opts: { partial?: boolean; workerTimeoutMs?: number } = {}): Promise<HeapStats> {
  const workerTimeoutMs = opts.workerTimeoutMs ?? 30_000;
  const unanswered: string[] = [];
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const pageUsage = usage((await session.send('Runtime.getHeapUsage')) as RawHeapUsage);
  const { targetInfo } = await session.send('Target.getTargetInfo');
  await session.detach();

  const root = await browser.newBrowserCDPSession();
  const workers: HeapStats['workers'] = [];
  try {
    const { targetInfos } = await root.send('Target.getTargets');
    for (const info of targetInfos) {
      if (info.type !== 'worker' || (info as { parentId?: string }).parentId !== targetInfo.targetId) continue;
      const { sessionId } = await root.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      let nextId = 1;
      const ask = (method: string): Promise<unknown> =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          const timer = setTimeout(() => reject(new Error(`${method} in worker ${info.url}: no answer within ${workerTimeoutMs / 1000} s`)), workerTimeoutMs);
          const listen = (event: { sessionId?: string; message: string }) => {
            if (event.sessionId !== sessionId) return;
            const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
            if (message.id !== id) return;
            root.off('Target.receivedMessageFromTarget', listen);
            clearTimeout(timer);
            if (message.error) reject(new Error(message.error.message));
            else resolve(message.result);
          };
          root.on('Target.receivedMessageFromTarget', listen);
          void root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
        });
      try {
        await ask('HeapProfiler.collectGarbage');
        workers.push({ url: info.url, ...usage((await ask('Runtime.getHeapUsage')) as RawHeapUsage) });
      } catch (e) {
        if (!opts.partial) throw e;
        unanswered.push(info.url);
      } finally {
        await root.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    }
  } finally {
    await root.detach();
  }
  const all = [pageUsage, ...workers];
  return {
    page: pageUsage,
    workers,
    jsMB: all.reduce((s, u) => s + u.usedMB, 0),
    allMB: all.reduce((s, u) => s + u.usedMB + u.embedderMB + u.backingMB, 0),
    ...(unanswered.length ? { unanswered } : {}),
  };
}

/**
 * Records in `window.__presented` the page time of the second
 * requestAnimationFrame after the performance mark `name` is made: the frame
 * holding the first drawing has been handed on and the next one begun
 * (for WebGL, after the GPU process took the commands). Call before goto().
 */
export async function installPresentedProbe(page: Page, name: string): Promise<void> {
  await page.addInitScript((markName) => {
    const w = window as unknown as { __presented?: number };
    const mark = performance.mark.bind(performance);
    performance.mark = (markOrName: string, options?: PerformanceMarkOptions) => {
      const entry = mark(markOrName, options);
      if (markOrName === markName && w.__presented === undefined) requestAnimationFrame(() => requestAnimationFrame(() => (w.__presented = performance.now())));
      return entry;
    };
  }, name);
}

export const presentedAt = (page: Page): Promise<number> =>
  page.waitForFunction(() => (window as unknown as { __presented?: number }).__presented ?? 0, undefined, { timeout: 600_000, polling: 50 }).then((h) => h.jsonValue() as Promise<number>);

/** The WebGL implementation the page gets (here: SwiftShader, software). */
export function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return `${gl.getParameter(info ? info.UNMASKED_VENDOR_WEBGL : gl.VENDOR)} / ${gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)}`;
  });
}

/** Names the source of a position in a served script (url, 0-based line). */
export type SourceOf = (url: string, line: number) => string;

const defaultSource: SourceOf = (url, line) => `${url.split('/').pop() ?? ''}:${line + 1}`;

/**
 * Maps lines of an unminified Vite bundle to the module they come from, by
 * the `// path/to/module.ts` comments Vite (Rolldown) writes before each
 * module. `bundles` maps a script's URL path (e.g. `/assets/index-x.js`) to its text.
 */
export function bundleSources(bundles: ReadonlyMap<string, string>): SourceOf {
  const maps = new Map<string, Array<[number, string]>>();
  for (const [path, text] of bundles) {
    const starts: Array<[number, string]> = [];
    text.split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:src|graph|node_modules)\/\S+)$/.exec(line);
      if (m) starts.push([i, m[1]!.replace(/^node_modules\/([^/]+)\/.*$/, '$1')]);
    });
    maps.set(path, starts);
  }
  return (url, line) => {
    let path = url;
    try {
      path = new URL(url).pathname;
    } catch {
      // not a URL: (program), (garbage collector)…
    }
    const starts = maps.get(path);
    if (!starts) return defaultSource(url, line);
    let lo = 0;
    let hi = starts.length - 1;
    let found = '?';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return `${found} (${path.split('/').pop()}:${line + 1})`;
  };
}

function frameLabel(f: { functionName: string; url: string; lineNumber: number }, where: SourceOf): string {
  if (!f.url) return f.functionName || '(anonymous)';
  return `${f.functionName || '(anonymous)'} ${where(f.url, f.lineNumber)}`;
}

/** A sampling heap profile (HeapProfiler.getSamplingProfile): live sampled allocations by allocating stack. */
export interface SamplingHeapProfile {
  head: SamplingHeapNode;
}
interface SamplingHeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingHeapNode[];
}

/**
 * The live heap by allocating function: inclusive (allocated under it,
 * counted once per stack) and self, in MB, the largest first.
 */
export function heapByFunction(profile: SamplingHeapProfile, where: SourceOf = defaultSource, top = 15): { totalMB: number; inclusive: Array<[string, number]>; self: Array<[string, number]> } {
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  const walk = (node: SamplingHeapNode, stack: string[]): number => {
    const name = frameLabel(node.callFrame, where);
    const onStack = stack.includes(name);
    let sum = node.selfSize;
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) sum += walk(child, onStack ? stack : [...stack, name]);
    if (!onStack && name !== '(root)') inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
    return sum;
  };
  total = walk(profile.head, []);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, +(v / 1048576).toFixed(1)] as [string, number]);
  return { totalMB: +(total / 1048576).toFixed(1), inclusive: sorted(inclusive), self: sorted(self) };
}

/** A CPU profile as Profiler.stop returns it. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; parent?: number; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TaskAttribution {
  /** The long task (PerformanceObserver), page ms. */
  start: number;
  duration: number;
  /** The busy stretch of the profile matched to it (ms). */
  profiledMs: number;
  /** Functions by self time within it (ms), the largest first. */
  self: Array<[string, number]>;
  /** Functions by inclusive time (on the stack), the largest first: the app-level callers. */
  inclusive: Array<[string, number]>;
  /**
   * The app's own functions (src/, graph/) that ran in the second before it,
   * by inclusive time: what asked for the work when the task itself is
   * Cytoscape's render loop.
   */
  before: Array<[string, number]>;
}

/**
 * Runs a function named `benchProfileMarker` in the page for a few
 * milliseconds and returns the page time it started at: its first sample in
 * a CPU profile ties profile time to page time.
 */
export function profileMarker(page: Page): Promise<number> {
  return page.evaluate(() => {
    // (A declaration: its name is its own, whatever the compiler wraps around it.)
    function benchProfileMarker(): number {
      const start = performance.now();
      while (performance.now() - start < 8) {
        // busy, so that the sampler sees it
      }
      return start;
    }
    return benchProfileMarker();
  });
}

/**
 * Attributes long tasks to functions. Profile timestamps (µs, monotonic)
 * and page time differ by an offset, found from `markerAt` (profileMarker's
 * answer) and the marker's first sample; without it, the profile's longest
 * busy stretch (consecutive samples outside `(idle)`) is aligned with the
 * longest long task. Every long task then takes the samples in its window.
 */
export function attributeLongTasks(profile: CpuProfile, tasks: readonly LongTask[], where: SourceOf = defaultSource, markerAt?: number, top = 10): TaskAttribution[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => frameLabel(byId.get(id)!.callFrame, where);
  // Sample times in ms from the profile's start.
  const times: number[] = [];
  let t = 0;
  for (const d of profile.timeDeltas) times.push((t += d) / 1000);
  const idle = profile.samples.map((id) => byId.get(id)!.callFrame.functionName === '(idle)');
  // Busy stretches: runs of non-idle samples.
  let best = { start: 0, end: 0 };
  let runStart = -1;
  for (let i = 0; i <= times.length; i++) {
    const busy = i < times.length && !idle[i];
    if (busy && runStart < 0) runStart = i;
    if (!busy && runStart >= 0) {
      const start = times[runStart]!;
      const end = times[i - 1]!;
      if (end - start > best.end - best.start) best = { start, end };
      runStart = -1;
    }
  }
  const longestTask = tasks.reduce<LongTask | undefined>((m, x) => (!m || x.duration > m.duration ? x : m), undefined);
  if (!longestTask) return [];
  let offset = best.start - longestTask.start;
  if (markerAt !== undefined) {
    const marker = profile.samples.findIndex((id) => {
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.functionName === 'benchProfileMarker') return true;
      return false;
    });
    if (marker >= 0) offset = times[marker]! - markerAt;
  }
  return [...tasks]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 5)
    .map((task) => {
      const from = task.start + offset;
      const to = from + task.duration;
      const self = new Map<string, number>();
      const inclusive = new Map<string, number>();
      const before = new Map<string, number>();
      let profiled = 0;
      for (let i = 0; i < times.length; i++) {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const id = profile.samples[i]!;
        if (idle[i]) continue;
        if (times[i]! >= from - 1000 && times[i]! < from) {
          const seen = new Set<string>();
          for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
            const name = label(n);
            if (seen.has(name) || !/ (src|graph)\//.test(name)) continue;
            seen.add(name);
            before.set(name, (before.get(name) ?? 0) + dt);
          }
        }
        if (times[i]! < from || times[i]! >= to) continue;
        profiled += dt;
        self.set(label(id), (self.get(label(id)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const name = label(n);
          if (seen.has(name) || byId.get(n)!.callFrame.functionName === '(root)') continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        }
      }
      const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v)] as [string, number]);
      return { start: task.start, duration: task.duration, profiledMs: Math.round(profiled), self: sorted(self), inclusive: sorted(inclusive), before: sorted(before).slice(0, 6) };
    });
}

/** One draw call: [start, duration, presented] in page ms; presented is the second requestAnimationFrame after it (0 until then). */
export type DrawRecord = [number, number, number];

declare global {
  interface Window {
    /** Every Cytoscape draw call (renderer.render) since the page started (installDrawProbe). */
    __draws?: DrawRecord[];
    /** Page time of the first `data` event on a node after the `actorscope:drawn` mark: the metrics' sizes reaching the canvas. */
    __firstDataAfterDrawn?: number;
    /** An armed check run after each draw call: `at` is the end of the first draw call after which `test()` holds. */
    __drawWait?: { test: () => boolean; at?: number; presented?: number };
  }
}

/**
 * Times every Cytoscape draw call from the start: wraps `renderer().render` of
 * each instance the app publishes as `window.__actorscope.cy` (at once, through
 * a setter, and every frame in case the app replaced it), recording
 * `window.__draws`. Also records the first node `data` event after the
 * `actorscope:drawn` mark (`__firstDataAfterDrawn`) and runs an armed
 * `__drawWait` check after each draw. Call before goto().
 */
export async function installDrawProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Cy = { renderer(): { render(o: unknown): unknown; webgl?: boolean }; one(ev: string, sel: string, f: () => void): void; destroyed(): boolean };
    const w = window as unknown as {
      __draws: Array<[number, number, number]>;
      __firstDataAfterDrawn?: number;
      __drawnSeen?: boolean;
      __drawWait?: { test: () => boolean; at?: number; presented?: number };
      __actorscope?: { cy: Cy };
    };
    w.__draws = [];
    const wrapped = new WeakSet<object>();
    const wrap = (cy: Cy | undefined) => {
      if (!cy || wrapped.has(cy) || cy.destroyed()) return;
      wrapped.add(cy);
      const r = cy.renderer();
      const render = r.render;
      r.render = function timed(this: unknown, o: unknown) {
        const start = performance.now();
        const out = render.call(this, o);
        const end = performance.now();
        const rec: [number, number, number] = [start, end - start, 0];
        w.__draws.push(rec);
        requestAnimationFrame(() => requestAnimationFrame(() => (rec[2] = performance.now())));
        const waiting = w.__drawWait;
        if (waiting && waiting.at === undefined && waiting.test()) {
          waiting.at = end;
          requestAnimationFrame(() => requestAnimationFrame(() => (waiting.presented = performance.now())));
        }
        return out;
      };
      const onData = () => {
        if (!w.__drawnSeen) return void cy.one('data', 'node', onData);
        w.__firstDataAfterDrawn ??= performance.now();
      };
      cy.one('data', 'node', onData);
    };
    let value: { cy: Cy } | undefined;
    Object.defineProperty(window, '__actorscope', {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (v: { cy: Cy } | undefined) => {
        value = v;
        wrap(v?.cy);
      },
    });
    const poll = () => {
      wrap(w.__actorscope?.cy);
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'actorscope:drawn') w.__drawnSeen = true;
      return mark(name, options);
    };
  });
}

export const drawsOf = (page: Page): Promise<DrawRecord[]> => page.evaluate(() => window.__draws ?? []);

export interface FullyDrawn {
  /** End of the last draw call of the burst that begins with the first paint (page ms). */
  at: number;
  /** The second requestAnimationFrame after it (0: not recorded). */
  presentedAt: number;
  /** Draw calls in the burst, and their JS time together (ms). */
  draws: number;
  drawMs: number;
  /** Why the burst ended: `quiet` (no draw call for quietMs), `cut` (a later phase began: the metrics reached the canvas), `end` (the record ended first). */
  endedBy: 'quiet' | 'cut' | 'end';
  /** Ended by `cut`: the quiet between the burst's last draw call and the cut (ms). */
  quietBeforeCutMs?: number;
}

/**
 * "Fully drawn": from the draw call that ends at or after `firstPaintAt - 1`
 * (the first paint), the draw calls that follow each other with less than
 * `quietMs` between one's end and the next one's start; the burst ends at the
 * first gap of `quietMs`, or before the first draw call starting at or after
 * `cutAt` (the next phase's first change, e.g. the metrics' sizes).
 */
export function fullyDrawn(draws: readonly DrawRecord[], firstPaintAt: number, cutAt = Infinity, quietMs = 1000): FullyDrawn | undefined {
  const sorted = [...draws].sort((a, b) => a[0] - b[0]);
  const first = sorted.findIndex(([s, d]) => s + d >= firstPaintAt - 1);
  if (first < 0) return undefined;
  let last = sorted[first]!;
  let count = 1;
  let total = last[1];
  let endedBy: FullyDrawn['endedBy'] = 'end';
  for (const next of sorted.slice(first + 1)) {
    if (next[0] >= cutAt) {
      // (A second of quiet before the cut ended the burst by itself.)
      endedBy = cutAt - (last[0] + last[1]) >= quietMs ? 'quiet' : 'cut';
      break;
    }
    if (next[0] - (last[0] + last[1]) >= quietMs) {
      endedBy = 'quiet';
      break;
    }
    last = next;
    count++;
    total += next[1];
  }
  const at = last[0] + last[1];
  if (endedBy === 'end' && cutAt !== Infinity) endedBy = cutAt - at >= quietMs ? 'quiet' : 'cut';
  return { at, presentedAt: last[2], draws: count, drawMs: total, endedBy, ...(endedBy === 'cut' ? { quietBeforeCutMs: cutAt - at } : {}) };
}

/** Waits until no draw call has ended for `quietMs` (or `timeoutMs` passed: then resolves false). `read` gives the draw calls. */
export async function waitQuiet(page: Page, quietMs: number, timeoutMs: number, read: 'cytoscape' | 'sigma' = 'cytoscape'): Promise<boolean> {
  return page
    .waitForFunction(
      ([q, which]) => {
        const draws: ReadonlyArray<readonly [number, number, ...number[]]> = which === 'sigma' ? (window.__bench?.renders ?? []) : (window.__draws ?? []);
        const last = draws.reduce((m, [s, d]) => Math.max(m, s + d), 0);
        return performance.now() - last >= q;
      },
      [quietMs, read] as const,
      { timeout: timeoutMs, polling: 100 },
    )
    .then(() => true)
    .catch(() => false);
}
