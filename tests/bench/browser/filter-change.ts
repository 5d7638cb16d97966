/**
 * The browser benchmark's "filter change" phase (issue 15, target 1): a user
 * hides a relation type in the legend (its toggle button, `aria-pressed`) and
 * shows it again; for each click we record the long tasks from the click to
 * the first Cytoscape draw call after which the type's relations carry (or no
 * longer carry) the `filtered` class, and how long the metrics table takes to
 * answer (a filter change recomputes the metrics).
 *
 * Needs installDrawProbe (probes.ts) and installLongTaskProbe on the page.
 */
import type { Page } from 'playwright-core';
import type { RelationType } from '../../../graph';
import { RELATION_STYLES } from '../../../src/look/encoding';
import { longTasks } from '../../support/page-probes';
import { taskStats, type TaskStats } from './probes';

export interface FilterStep {
  /** e.g. "hide supplier". */
  action: string;
  /** Relations of the type on the canvas. */
  relations: number;
  /** Page ms: the click's event time. */
  clickAt: number;
  /** End of the first draw call showing the change, and the second requestAnimationFrame after it. */
  drawnAt?: number;
  presentedAt?: number;
  /** Click → drawn (ms). */
  toDrawnMs?: number;
  /** Click → the metrics table complete again (aria-busy false), when it answered within the time allowed. */
  toTableMs?: number;
  /** Long tasks from the click to the draw (inclusive of the task holding it). */
  longTasks: TaskStats;
  over100: number;
  error?: string;
}

async function tableDone(page: Page, timeoutMs: number): Promise<number | undefined> {
  return page
    .waitForFunction(
      () => {
        const table = document.querySelector('table.metrics');
        return table && table.getAttribute('aria-busy') === 'false' && table.querySelector('tbody tr:not(.gap)') ? performance.now() : 0;
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
}

/** One click on the type's legend toggle, measured. `hidden`: what the click should leave the type as. */
async function toggle(page: Page, type: RelationType, hidden: boolean, drawTimeoutMs: number, tableTimeoutMs: number): Promise<FilterStep> {
  const button = page.getByRole('region', { name: 'Legend and filters' }).getByRole('button', { name: new RegExp(`^${RELATION_STYLES[type].label}\\b`) });
  const action = `${hidden ? 'hide' : 'show'} ${type}`;
  const relations = await page.evaluate((t) => window.__actorscope!.cy.edges(`[type = "${t}"]`).length, type);
  await page.evaluate(
    ([t, h]) => {
      const cy = window.__actorscope!.cy;
      const edges = cy.edges(`[type = "${t}"]`);
      // Witnesses: the type's first and last relation (FiltersController changes them in one batch).
      const witnesses = [edges[0], edges[edges.length - 1]].filter((e) => e !== undefined);
      window.__drawWait = { test: () => witnesses.length > 0 && witnesses.every((e) => e.hasClass('filtered') === h) };
      document.addEventListener('click', (e) => ((window as unknown as { __clickAt?: number }).__clickAt = e.timeStamp), { capture: true, once: true });
    },
    [type, hidden] as const,
  );
  await button.click();
  const pressed = await button.getAttribute('aria-pressed');
  const drawn = await page
    .waitForFunction(() => (window.__drawWait?.at !== undefined && window.__drawWait.presented !== undefined ? window.__drawWait.at : 0), undefined, { timeout: drawTimeoutMs, polling: 50 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  const { clickAt, presentedAt } = await page.evaluate(() => ({ clickAt: (window as unknown as { __clickAt?: number }).__clickAt ?? 0, presentedAt: window.__drawWait?.presented }));
  const to = drawn ?? (await page.evaluate(() => performance.now()));
  const tasks = await longTasks(page, clickAt - 5, to);
  const doneAt = await tableDone(page, tableTimeoutMs);
  await page.evaluate(() => delete window.__drawWait);
  const error =
    pressed !== String(!hidden)
      ? `the ${RELATION_STYLES[type].label} toggle reads aria-pressed=${pressed} after the click`
      : drawn === undefined
        ? `no draw call showed the ${type} relations ${hidden ? 'hidden' : 'shown'} within ${drawTimeoutMs} ms`
        : undefined;
  return {
    action,
    relations,
    clickAt,
    drawnAt: drawn,
    presentedAt,
    toDrawnMs: drawn === undefined ? undefined : drawn - clickAt,
    toTableMs: doneAt === undefined ? undefined : doneAt - clickAt,
    longTasks: taskStats(tasks),
    over100: tasks.filter((t) => t.duration > 100).length,
    ...(error ? { error } : {}),
  };
}

/** Hides `type` in the legend, waits for the canvas and the table, then shows it again. */
export async function measureFilterChange(page: Page, type: RelationType = 'supplier', drawTimeoutMs = 120_000, tableTimeoutMs = 300_000): Promise<FilterStep[]> {
  const hide = await toggle(page, type, true, drawTimeoutMs, tableTimeoutMs);
  await page.waitForTimeout(500);
  const show = await toggle(page, type, false, drawTimeoutMs, tableTimeoutMs);
  return [hide, show];
}
