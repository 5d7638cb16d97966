/**
 * The explorer on a large graph: 10,000 actors and 50,000 relations
 * (tests/support/big-dataset.ts), written to a temporary folder, served by a
 * small server of its own and opened with `?data=`. The graph draws, the
 * table shows its top rows with the count, search and sorting still work,
 * metrics can be cancelled without leaving a half state, and they are
 * computed off the main thread: the table fills while a requestAnimationFrame
 * loop keeps ticking. Long tasks (PerformanceObserver, installed before
 * load) are reported, not asserted: timing on a shared machine is not a test.
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

    // Load: fetch, import in the worker, lay out in the worker, draw.
    const started = Date.now();
    await page.goto(`${inject('baseUrl')}?data=${encodeURIComponent(`${server.url}big-10k.json`)}`);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 180_000 });
    const loadMs = Date.now() - started;
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
        `long tasks while loading: ${loadTasks.length}, longest ${Math.round(longest(loadTasks))} ms`,
    );

    // Cancel: the metrics worker is stopped; no half result, a clear label, and the user can start again.
    const cancel = status(page).getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: 30_000 });
    await expect(status(page).textContent()).resolves.toMatch(/Computing metrics of 10,000 actors… \d+ s/);
    await cancel.click();
    await expect.poll(() => status(page).textContent()).toContain('Metrics cancelled.');
    await expect(bodyRows(page).count()).resolves.toBe(0);
    await expect(page.getByRole('note').filter({ hasText: 'cancelled before it finished' }).count()).resolves.toBe(1);
    await expect(table(page).getAttribute('aria-busy')).resolves.toBe('false');
    // Nothing arrives later from the stopped run.
    await page.waitForTimeout(1500);
    await expect(bodyRows(page).count()).resolves.toBe(0);

    // Compute again, with a requestAnimationFrame heartbeat: the page keeps drawing frames while metrics compute.
    await startHeartbeat(page);
    const metricsFrom = await pageNow(page);
    const metricsStarted = Date.now();
    await status(page).getByRole('button', { name: 'Compute again' }).click();
    await bodyRows(page).first().waitFor({ timeout: 300_000 });
    const metricsMs = Date.now() - metricsStarted;
    const beat = await readHeartbeat(page);
    await stopHeartbeat(page);
    const metricsTasks = await longTasks(page, metricsFrom);
    console.log(
      `[scale] metrics in ${seconds(metricsMs)}; frames meanwhile: ${beat.ticks}, longest gap ${Math.round(beat.maxGap)} ms; ` +
        `long tasks during metrics: ${metricsTasks.length}, longest ${Math.round(longest(metricsTasks))} ms`,
    );
    // Off the main thread: frames kept coming (a main-thread computation would leave one gap as long as itself).
    expect(beat.ticks).toBeGreaterThan((metricsMs / 1000) * 5);
    expect(beat.maxGap).toBeLessThan(Math.max(5_000, metricsMs / 2));

    // The top 200 by betweenness, and the count.
    await expect(bodyRows(page).count()).resolves.toBe(200);
    await expect(table(page).locator('caption').textContent()).resolves.toMatch(/^Centrality of 10000 actors/);
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
