/**
 * The browser benchmark's "time window" phase (issue 14 §7): once a dated
 * graph is drawn and its metrics are in, the window is moved by the keyboard
 * and by Play, and for each move we record the long tasks, the time from the
 * key press to the first draw call that shows the new window (the expected
 * `.out-of-window` edges, worked out in Node with windowDataset, and one
 * relation whose state changes), and to the centrality table answering.
 *
 * Moves: from all time, the window's end 5 years back 4 times (PageDown on
 * `time-handle-to`), then the whole window a year on 10 times (ArrowRight on
 * `time-window`), then Play at ½ s a year for 5 steps. Each key press waits
 * for the canvas and the whole table before the next; Play runs at its pace.
 */
import type { Page } from 'playwright-core';
import { claimsPerYear, windowDataset, type Dataset } from '../../../graph';
import { moveWindow, playStep, resizeWindow, yearSpan, type YearWindow } from '../../../src/time/time-scale';
import { longTasks, type LongTask } from '../../support/page-probes';
import { distribution, taskStats, type Distribution, type TaskStats } from './probes';

/** What the canvas must show for a window: so many relations out, and one relation in (or out) that the previous window had the other way. */
interface Expected {
  label: string;
  outCount: number;
  witness: string | null;
  witnessOut: boolean;
}

export interface StepRecord {
  label: string;
  /** Page ms: the key's event time (keyboard steps) or the label's change (Play steps). */
  startAt: number;
  labelAt: number;
  /** End of the first draw call showing the window's classes. */
  canvasAt?: number;
  /** The table: aria-busy on, its rows' first change after it, aria-busy off. */
  busyAt?: number;
  firstRowsAt?: number;
  doneAt?: number;
}

export interface MoveStats {
  steps: number;
  longTasks: TaskStats;
  over100: number;
  /** Start → canvas drawn, → table's first rows, → table complete (ms). */
  toCanvas: Distribution;
  toFirstRows: Distribution;
  toTable: Distribution;
  /** The longest long task starting at each step's start (the input's own task: state, effects, React), and the one holding the draw. */
  inputTaskMs: number[];
  drawTaskMs: number[];
  records: StepRecord[];
}

export interface TimeWindowStats {
  graph: string;
  actors: number;
  relations: number;
  claims: number;
  span: string;
  resize: MoveStats;
  keys: MoveStats;
  play: MoveStats & { intervals: Distribution };
  errors: string[];
}

declare global {
  interface Window {
    __tw?: {
      expected: Record<string, Expected>;
      keyAt: number;
      armed: StepRecord & { exp?: Expected };
      records: Array<StepRecord & { exp?: Expected }>;
    };
  }
}

const label = (w: YearWindow) => (w.from === w.to ? `as of ${w.from}` : `${w.from}–${w.to}`);

/** The windows the moves go through, as the time bar's own arithmetic makes them. */
export function plannedWindows(dataset: Dataset): { span: { first: number; last: number }; resize: YearWindow[]; keys: YearWindow[]; play: YearWindow[] } {
  const span = yearSpan(claimsPerYear(dataset));
  if (!span) throw new Error('the dataset has no dated claims over two years or more');
  let w: YearWindow = { from: span.first, to: span.last };
  const resize: YearWindow[] = [];
  for (let i = 0; i < 4; i++) resize.push((w = resizeWindow(w, 'to', w.to - 5, span)));
  const keys: YearWindow[] = [];
  for (let i = 0; i < 10; i++) keys.push((w = moveWindow(w, 1, span)));
  const play: YearWindow[] = [];
  for (let i = 0; i < 5; i++) {
    const next = playStep(w, span);
    if (!next) break;
    play.push((w = next));
  }
  return { span, resize, keys, play };
}

function expectations(dataset: Dataset, windows: YearWindow[]): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  let previous = new Set<string>();
  for (const w of windows) {
    const outside = new Set(windowDataset(dataset, { from: String(w.from), to: String(w.to) }).report.relationsOut);
    let witness: string | null = null;
    for (const r of dataset.relations) {
      if (outside.has(r.id) !== previous.has(r.id)) {
        witness = r.id;
        break;
      }
    }
    out[label(w)] = { label: label(w), outCount: outside.size, witness, witnessOut: witness !== null && outside.has(witness) };
    previous = outside;
  }
  return out;
}

/** Installs the in-page recorders (call once the graph is drawn and the metrics are in). */
async function install(page: Page, expected: Record<string, Expected>): Promise<void> {
  await page.evaluate((exp) => {
    const cy = window.__actorscope!.cy;
    const tw = { expected: exp, keyAt: -1, armed: undefined as unknown as StepRecord, records: [] as StepRecord[] };
    window.__tw = tw as NonNullable<Window['__tw']>;
    document.addEventListener('keydown', (e) => (tw.keyAt = e.timeStamp), true);
    // Each change of the label is a new window: a step begins (at the key press that caused it, if any).
    const labelEl = document.querySelector('[data-testid="time-label"]')!;
    new MutationObserver(() => {
      const now = performance.now();
      const text = labelEl.textContent ?? '';
      const e = exp[text];
      const start = tw.keyAt >= 0 && now - tw.keyAt < 5000 ? tw.keyAt : now;
      tw.keyAt = -1;
      const record = { label: text, startAt: start, labelAt: now, exp: e };
      tw.records.push(record);
      tw.armed = record;
    }).observe(labelEl, { childList: true, characterData: true, subtree: true });
    // The draw call that shows the window: the expected count of faded relations, and the witness the right way.
    const r = (cy as unknown as { renderer(): { render(o: unknown): unknown } }).renderer();
    const render = r.render;
    const witnessEdge = new Map<string, ReturnType<typeof cy.edges>>();
    r.render = function timed(this: unknown, o: unknown) {
      const out = render.call(this, o);
      const a = tw.armed as StepRecord & { exp?: Expected };
      if (a && a.canvasAt === undefined && a.exp) {
        const ex = a.exp;
        let ok = cy.edges('.out-of-window').length === ex.outCount;
        if (ok && ex.witness) {
          let edge = witnessEdge.get(ex.witness);
          if (!edge) witnessEdge.set(ex.witness, (edge = cy.edges(`[relationId = "${ex.witness}"]`)));
          ok = edge.length > 0 && edge[0]!.hasClass('out-of-window') === ex.witnessOut;
        }
        if (ok) a.canvasAt = performance.now();
      }
      return out;
    };
    // The table: aria-busy on, the rows' first text change after it, aria-busy off.
    const table = document.querySelector('table.metrics')!;
    new MutationObserver((list) => {
      const now = performance.now();
      const a = tw.armed;
      if (!a) return;
      for (const m of list) {
        if (m.type === 'attributes' && m.target === table) {
          const busy = table.getAttribute('aria-busy') === 'true';
          if (busy && a.busyAt === undefined) a.busyAt = now;
          if (!busy && a.busyAt !== undefined && a.doneAt === undefined) {
            a.doneAt = now;
            a.firstRowsAt ??= now;
          }
        } else if (m.type !== 'attributes' && a.busyAt !== undefined && a.firstRowsAt === undefined && (m.target instanceof Element ? m.target : m.target.parentElement)?.closest('tbody')) {
          a.firstRowsAt = now;
        }
      }
    }).observe(table, { attributes: true, attributeFilter: ['aria-busy'], childList: true, characterData: true, subtree: true });
  }, expected);
}

const records = (page: Page): Promise<StepRecord[]> =>
  page.evaluate(() => (window.__tw?.records ?? []).map(({ exp: _, ...r }) => r as StepRecord));

async function waitStep(page: Page, want: string, timeoutMs: number, needTable = true): Promise<void> {
  await page.waitForFunction(
    ([l, table]) => {
      const a = window.__tw?.armed;
      // (A window that fades the same relations as the one before changes nothing on the canvas: no draw to wait for.)
      return !!a && a.label === l && (a.canvasAt !== undefined || !a.exp || a.exp.witness === null) && (!table || a.doneAt !== undefined);
    },
    [want, needTable] as const,
    { timeout: timeoutMs, polling: 50 },
  ).catch(async (e: unknown) => {
    const state = await page.evaluate(() => {
      const a = window.__tw?.armed;
      const cy = window.__actorscope!.cy;
      return { armed: a, out: cy.edges('.out-of-window').length, edges: cy.edges().length, busy: document.querySelector('table.metrics')?.getAttribute('aria-busy'), label: document.querySelector('[data-testid="time-label"]')?.textContent };
    });
    throw new Error(`step ${want} not done: ${JSON.stringify(state)} (${String(e)})`);
  });
}

function moveStats(recs: StepRecord[], tasks: LongTask[]): MoveStats {
  const taskAt = (t: number | undefined) => (t === undefined ? 0 : tasks.filter((x) => x.start <= t + 1 && x.start + x.duration >= t - 1).reduce((m, x) => Math.max(m, x.duration), 0));
  const d = (f: (r: StepRecord) => number | undefined) => distribution(recs.map(f).filter((x): x is number => x !== undefined));
  return {
    steps: recs.length,
    longTasks: taskStats(tasks),
    over100: tasks.filter((t) => t.duration > 100).length,
    toCanvas: d((r) => (r.canvasAt === undefined ? undefined : r.canvasAt - r.startAt)),
    toFirstRows: d((r) => (r.firstRowsAt === undefined ? undefined : r.firstRowsAt - r.startAt)),
    toTable: d((r) => (r.doneAt === undefined ? undefined : r.doneAt - r.startAt)),
    inputTaskMs: recs.map((r) => Math.round(taskAt(r.startAt))),
    drawTaskMs: recs.map((r) => Math.round(taskAt(r.canvasAt))),
    records: recs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v])) as unknown as StepRecord),
  };
}

/**
 * Runs the moves on a page whose graph is drawn and whose metrics are in.
 * `onPhase` is called before and after each group of moves (the profiler's hooks).
 */
export async function measureTimeWindow(page: Page, dataset: Dataset, graph: string, errors: string[], stepTimeoutMs = Number(process.env.BENCH_STEP_TIMEOUT ?? 180_000)): Promise<TimeWindowStats> {
  const plan = plannedWindows(dataset);
  const all = [...plan.resize, ...plan.keys, ...plan.play];
  await install(page, expectations(dataset, all));
  const now = () => page.evaluate(() => performance.now());
  const labelText = () => page.getByTestId('time-label').textContent();
  await page.waitForTimeout(1000);

  const run = async (windows: YearWindow[], press: () => Promise<void>) => {
    const from = await now();
    const seen = (await records(page)).length;
    for (const w of windows) {
      await press();
      await waitStep(page, label(w), stepTimeoutMs);
      await page.waitForTimeout(300);
    }
    const to = await now();
    return moveStats((await records(page)).slice(seen), await longTasks(page, from, to));
  };
  await page.getByTestId('time-handle-to').focus();
  const resize = await run(plan.resize, () => page.keyboard.press('PageDown'));
  await page.getByTestId('time-window').focus();
  const keys = await run(plan.keys, () => page.keyboard.press('ArrowRight'));

  // Play: ½ s a year, from the current window; paused once it reached the fifth step's window.
  await page.getByRole('combobox', { name: 'Play speed' }).selectOption('500');
  const last = label(plan.play.at(-1)!);
  const from = await now();
  const seen = (await records(page)).length;
  await page.getByRole('button', { name: '▶ Play' }).click();
  await page.waitForFunction((l) => document.querySelector('[data-testid="time-label"]')?.textContent === l, last, { timeout: 120_000, polling: 20 });
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  // A busy page takes the Pause late (Play may have gone on): the steps past the fifth are left out, and said.
  const paused = await labelText();
  if (paused !== last) errors.push(`Play went on to ${paused} before the Pause was taken`);
  // (A window past the plan has no expectation to wait for on the canvas: a shorter bound, so a late Pause costs seconds, not minutes.)
  // (Only the canvas: Play's steps supersede each other's metrics, so the table may never go busy for the last one.)
  await waitStep(page, paused ?? last, paused === last ? stepTimeoutMs : Math.min(stepTimeoutMs, 30_000), false).catch((e: unknown) => errors.push(String(e)));
  await page.waitForTimeout(300);
  const allRecs = await records(page);
  const playRecs = allRecs.slice(seen, seen + plan.play.length);
  // The long tasks up to the step after the fifth, if Play took one.
  const play = moveStats(playRecs, await longTasks(page, from, allRecs[seen + plan.play.length]?.labelAt ?? (await now())));
  const intervals = distribution(playRecs.slice(1).map((r, i) => r.labelAt - playRecs[i]!.labelAt));

  for (const [name, s, ws] of [['resize', resize, plan.resize], ['keys', keys, plan.keys], ['play', play, plan.play]] as const) {
    const got = s.records.map((r) => r.label).join(', ');
    const want = ws.map(label).join(', ');
    if (got !== want) errors.push(`${name}: windows ${got}, planned ${want}`);
  }
  return {
    graph,
    actors: dataset.actors.length,
    relations: dataset.relations.length,
    claims: dataset.relations.reduce((n, r) => n + r.claims.length, 0),
    span: `${plan.span.first}–${plan.span.last}`,
    resize,
    keys,
    play: { ...play, intervals },
    errors,
  };
}

type Row = [string, ...Array<number | string | undefined>];

/** Rows of the phase's table, one column per graph. */
export function timeWindowRows(sides: readonly TimeWindowStats[]): Row[] {
  const r = (labelText: string, f: (s: TimeWindowStats) => number | string | undefined): Row => [labelText, ...sides.map(f)];
  const rows: Row[] = [r('graph: actors / relations / claims', (s) => `${s.actors.toLocaleString('en')} / ${s.relations.toLocaleString('en')} / ${s.claims.toLocaleString('en')}`)];
  for (const [name, key] of [
    ['end 5 years back (PageDown) ×4', 'resize'],
    ['window a year on (ArrowRight) ×10', 'keys'],
    ['Play ½ s a year ×5', 'play'],
  ] as const) {
    rows.push(
      r(`${name}: long tasks > 50 ms`, (s) => s[key].longTasks.count),
      r(`${name}: long tasks > 100 ms`, (s) => s[key].over100),
      r(`${name}: longest long task (ms)`, (s) => s[key].longTasks.longestMs),
      r(`${name}: median input task / draw task (ms)`, (s) => `${distribution(s[key].inputTaskMs).median} / ${distribution(s[key].drawTaskMs).median}`),
      r(`${name}: start → canvas drawn, median / max (ms)`, (s) => `${Math.round(s[key].toCanvas.median)} / ${Math.round(s[key].toCanvas.max)}`),
      r(`${name}: start → table's first rows, median / max (ms)`, (s) => `${Math.round(s[key].toFirstRows.median)} / ${Math.round(s[key].toFirstRows.max)}`),
      r(`${name}: start → table complete, median / max (ms)`, (s) => `${Math.round(s[key].toTable.median)} / ${Math.round(s[key].toTable.max)}`),
    );
  }
  rows.push(r('Play: interval between steps, median / max (ms)', (s) => `${Math.round(s.play.intervals.median)} / ${Math.round(s.play.intervals.max)}`));
  return rows;
}

export function timeWindowTable(sides: readonly TimeWindowStats[]): string {
  const fmt = (x: number | string | undefined) => (x === undefined ? '—' : typeof x === 'number' ? Math.round(x).toLocaleString('en') : x);
  const head = ['measure (time window)', ...sides.map((s) => s.graph)];
  const body = timeWindowRows(sides).map(([l, ...v]) => [l, ...v.map(fmt)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `| ${widths.map((w, i) => (i > 0 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`, ...body.map(line)].join('\n');
}
