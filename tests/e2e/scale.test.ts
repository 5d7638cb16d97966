/**
 * The explorer on a large graph: 10,000 actors and 50,000 relations
 * (tests/support/big-dataset.ts), written to a temporary folder, served by a
 * small server of its own and opened with `?data=`. The graph draws, the
 * table shows its top rows with the count, search and sorting still work,
 * metrics can be cancelled without leaving a half state, and they are
 * computed off the main thread: the table fills while a requestAnimationFrame
 * loop keeps ticking, and while the graph loads and metrics arrive no gap
 * between frames is longer than one redraw of the whole canvas allows
 * (GAP_BOUND_MS). Long tasks (PerformanceObserver, installed before load)
 * are reported, not asserted. A 1,500-actor graph under the `webgl` knob is
 * drawn and stops being busy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bigDataset } from '../support/big-dataset';
import { appMarks, installLongTaskProbe, longTasks, longest, pageNow, readHeartbeat, startHeartbeat, stopHeartbeat } from '../support/page-probes';
import { serveFolder, type StaticServer } from '../support/static-server';
import { launchBrowser } from './browser';

const ACTORS = 10_000;
const RELATIONS = 50_000;
const dataset = bigDataset({ actors: ACTORS, relations: RELATIONS, seed: 1 });

let browser: Browser;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'actorscope-scale-'));
  writeFileSync(join(dir, 'big-10k.json'), JSON.stringify(dataset));
  writeFileSync(join(dir, 'large-1500.json'), JSON.stringify(bigDataset({ actors: 1500, relations: 6000, seed: 2 })));
  server = await serveFolder(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const table = (page: Page) => page.locator('table.metrics');
const bodyRows = (page: Page) => table(page).locator('tbody tr:not(.gap)');
const status = (page: Page) => page.locator('.metrics-controls .status');
/**
 * The longest the page may go without a frame while the graph loads or metrics arrive: one Cytoscape
 * redraw of every element (with its z-order sort), with room for a loaded 2-core machine. Measured:
 * 1.2–2.3 s alone, 1.7–5.3 s with a benchmark running on the same 2 cores (2026-12-03). Adding the
 * elements in one task instead of slices froze the page 3.3–7.9 s (tests/bench/README.md), so this
 * bound does not always catch a return to that; it does catch a computation on the main thread.
 */
const GAP_BOUND_MS = 6_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('a 10,000-actor, 50,000-relation graph', () => {
  it('draws, lists the top actors, finds and sorts, and cancels and computes metrics off the main thread', async () => {
    expect(dataset.actors).toHaveLength(ACTORS);
    expect(dataset.relations).toHaveLength(RELATIONS);
    const page = await browser.newPage({ viewport: { width: 1500, height: 920 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await installLongTaskProbe(page);
    await page.addInitScript(watchMetrics);

    // Load: fetch, import in the worker, lay out in the worker, draw.
    const started = Date.now();
    await page.goto(`${inject('baseUrl')}?data=${encodeURIComponent(`${server.url}big-10k.json`)}`);
    // From the load event on: the data is fetched, imported and laid out in workers, then drawn in slices.
    await startHeartbeat(page);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 180_000 });
    const loadMs = Date.now() - started;
    const loadBeat = await readHeartbeat(page);
    await stopHeartbeat(page);
    const marks = await appMarks(page);
    const drawnAt = marks.drawn ?? (await pageNow(page));
    const loadTasks = await longTasks(page, 0, drawnAt + 1);
    const counts = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      return { nodes: cy.nodes().length, edges: cy.edges().length, placed: cy.nodes().boundingBox().w > 1000 };
    });
    expect(counts).toEqual({ nodes: ACTORS, edges: RELATIONS, placed: true });
    console.log(
      `[scale] drawn after ${seconds(loadMs)} (page: canvas from ${seconds(marks['canvas-start'] ?? 0)}, laid out and added by ${seconds(marks['layout-applied'] ?? 0)}, drawn at ${seconds(drawnAt)}); ` +
        `long tasks while loading: ${loadTasks.length}, longest ${Math.round(longest(loadTasks))} ms; frames ${loadBeat.ticks}, longest gap ${Math.round(loadBeat.maxGap)} ms`,
    );
    // The elements go in a slice at a time (src/canvas/add-in-slices.ts): what is left in one task is
    // Cytoscape's first drawing of all 60,000 (0.7–1.9 s here, 2026-12-03). Added at once, the add and the
    // first style pass were one task of 5.3–9.5 s. The bound leaves room for a loaded machine.
    expect(loadBeat.maxGap).toBeLessThan(GAP_BOUND_MS);

    // First the estimate: degrees and betweenness from 200 sampled sources, labelled as such, while the
    // rest computes. Then Cancel, pressed by the in-page watcher (watchMetrics) at the first moment the
    // estimate and the Cancel button are both on screen: the worker is stopped; the table keeps the whole
    // earlier steps — each column entirely computed or entirely pending, betweenness still labelled an
    // estimate — never a half-computed column.
    const estimateNote = page.getByRole('note').filter({ hasText: 'is an estimate from 200 of 10,000 sources' });
    await page.waitForFunction(() => window.__metricsWatch!.cancelledAt !== null, null, { timeout: 180_000 });
    const watched = await page.evaluate(() => window.__metricsWatch!);
    const estimateMs = watched.estimateAt! - drawnAt;
    expect(watched.estimateHeader).toContain('Betw ≈');
    expect(watched.estimateText).toContain('The exact values are being computed.');
    await expect.poll(() => status(page).textContent()).toContain('Metrics cancelled.');
    await expect(table(page).getAttribute('aria-busy')).resolves.toBe('false');
    await expect(estimateNote.textContent()).resolves.toContain('The exact computation did not finish');
    await expect(bodyRows(page).count()).resolves.toBe(200);
    const columns = await bodyRows(page).evaluateAll((rows) => {
      const byColumn: string[][] = [];
      for (const row of rows) [...row.querySelectorAll('td')].forEach((td, i) => (byColumn[i] ??= []).push(td.classList.contains('pending') ? 'pending' : 'value'));
      return byColumn.map((cells) => [...new Set(cells)].join('+'));
    });
    // Degree, in, out and betweenness (the estimate) are in; the other metrics are wholly there or wholly pending.
    expect(columns.slice(0, 4)).toEqual(['value', 'value', 'value', 'value']);
    for (const column of columns) expect(['value', 'pending']).toContain(column);
    const cancelledTable = await bodyRows(page).allTextContents();
    // Nothing arrives later from the stopped run.
    await page.waitForTimeout(1500);
    await expect(bodyRows(page).allTextContents()).resolves.toEqual(cancelledTable);
    await expect(table(page).locator('thead').textContent()).resolves.toContain('Betw ≈');

    // Compute again, with a requestAnimationFrame heartbeat: the page keeps drawing frames while metrics compute.
    await startHeartbeat(page);
    const metricsFrom = await pageNow(page);
    const metricsStarted = Date.now();
    await status(page).getByRole('button', { name: 'Compute again' }).click();
    await estimateNote.waitFor({ state: 'detached', timeout: 300_000 });
    await expect.poll(() => table(page).getAttribute('aria-busy')).toBe('false');
    const metricsMs = Date.now() - metricsStarted;
    const beat = await readHeartbeat(page);
    await stopHeartbeat(page);
    const metricsTasks = await longTasks(page, metricsFrom);
    console.log(
      `[scale] betweenness estimate shown ${seconds(estimateMs)} after the graph was drawn; computed again, every metric exact after ${seconds(metricsMs)}; frames meanwhile: ${beat.ticks}, longest gap ${Math.round(beat.maxGap)} ms; ` +
        `long tasks during metrics: ${metricsTasks.length}, longest ${Math.round(longest(metricsTasks))} ms`,
    );
    // Off the main thread: frames kept coming (a main-thread computation would leave one gap about as long
    // as all of it). The new sizes go onto the canvas in slices (src/canvas/change-slices.ts); the gaps left
    // are Cytoscape redrawing 60,000 elements once they are in (0.8–1.6 s here, 2026-12-03; restyled in one
    // task, 2–3.9 s).
    expect(beat.ticks).toBeGreaterThan(metricsMs / 1000);
    expect(beat.maxGap).toBeLessThan(GAP_BOUND_MS);
    await expect(table(page).locator('thead').textContent()).resolves.not.toContain('≈');

    // The top 200 by betweenness, and the count.
    await expect(bodyRows(page).count()).resolves.toBe(200);
    await expect(table(page).locator('caption').textContent()).resolves.toMatch(/^Centrality of 10,000 actors/);
    await expect(page.getByRole('note').filter({ hasText: 'Showing 200 of 10,000 actors' }).textContent()).resolves.toContain('search or sort to see others');
    const betweenness = (await bodyRows(page).locator('td:nth-of-type(4)').allTextContents()).map(Number);
    expect(betweenness).toEqual([...betweenness].sort((a, b) => b - a));

    // Search still finds any actor; its row is shown under the top rows, with its rank.
    const wanted = dataset.actors[7321]!;
    const box = page.getByRole('combobox', { name: 'Find actor' });
    await box.fill(wanted.name);
    await expect(page.getByRole('option').first().textContent()).resolves.toContain(wanted.name);
    await box.press('Enter');
    await expect(page.locator('section.details').getByRole('heading', { level: 2 }).textContent()).resolves.toContain(wanted.name);
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('actorId') as string))).toEqual([wanted.id]);
    const pinned = table(page).locator('tbody tr.selected');
    await expect(pinned.locator('th').textContent()).resolves.toBe(wanted.name);
    await expect(table(page).locator('tbody tr.gap').textContent()).resolves.toMatch(/rank [\d,]+ of 10,000/);

    // Sorting by name, then clicking a row, still work.
    await table(page).getByRole('button', { name: /^Actor/ }).click();
    const names = await bodyRows(page).locator('th').allTextContents();
    expect(names.slice(0, 200)).toEqual([...names.slice(0, 200)].sort(new Intl.Collator().compare));
    const third = names[2]!;
    await bodyRows(page).nth(2).click();
    await expect(page.locator('section.details').getByRole('heading', { level: 2 }).textContent()).resolves.toContain(third);
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('name') as string))).toEqual([third]);

    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

declare global {
  interface Window {
    __metricsWatch?: { estimateAt: number | null; estimateText: string | null; estimateHeader: string | null; cancelledAt: number | null };
  }
}

describe('a large graph under Cytoscape\'s WebGL renderer (the `webgl` knob)', () => {
  it('is drawn and the canvas stops saying it is busy (the WebGL renderer emits no render event)', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 920 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__actorscopeKnobs = { webgl: true };
    });
    await page.goto(`${inject('baseUrl')}?data=${encodeURIComponent(`${server.url}large-1500.json`)}`);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 120_000 });
    const state = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      return { webgl: (cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl === true, nodes: cy.nodes().length, edges: cy.edges().length };
    });
    expect(state).toEqual({ webgl: true, nodes: 1500, edges: 6000 });
    expect((await appMarks(page)).drawn).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

/**
 * Runs in the page from before the app loads: a MutationObserver notes when the
 * betweenness estimate is first on screen (with the table header) and presses
 * Cancel at the first moment both the estimate and the Cancel button are there.
 * Observer callbacks run right after the DOM changes, so no state is missed
 * between two polls, whatever the UI thread is busy with.
 */
function watchMetrics() {
  const watch = { estimateAt: null as number | null, estimateText: null as string | null, estimateHeader: null as string | null, cancelledAt: null as number | null };
  window.__metricsWatch = watch;
  const look = () => {
    const note = document.querySelector('.table-note.estimate');
    if (note && watch.estimateAt === null) {
      watch.estimateAt = performance.now();
      watch.estimateText = note.textContent;
      watch.estimateHeader = document.querySelector('table.metrics thead')?.textContent ?? null;
    }
    const cancel = [...document.querySelectorAll('.metrics-controls .status button')].find((b) => b.textContent === 'Cancel');
    if (note && cancel instanceof HTMLButtonElement && watch.cancelledAt === null) {
      watch.cancelledAt = performance.now();
      cancel.click();
    }
  };
  const start = () => new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
