/**
 * The explorer in real headless Chromium, on the embedded Tajikistan dataset:
 * the graph draws, the centrality table has a row per actor, clicking shows
 * the evidence, filters change the table, search and sorting work by keyboard.
 * Assertions read the live Cytoscape instance (window.__actorscope.cy) and the
 * accessible DOM, not pixels.
 */
import type cytoscape from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE, computeMetrics, restore } from '../../graph';
import dataset from '../../public/data/tajikistan-2023.json';
import { actorScreenPoint, openAppForEachTest } from './browser';

const ACTORS = dataset.actors.length;
let page: Page;
openAppForEachTest((opened) => (page = opened));

const table = () => page.getByRole('table').filter({ has: page.locator('caption', { hasText: /^Centrality/ }) });
const bodyRows = () => table().locator('tbody tr');
const details = () => page.locator('section.details');

/** Clicks the actor's node where Cytoscape drew it. */
async function clickActor(actorId: string) {
  const point = await actorScreenPoint(page, actorId);
  await page.mouse.click(point.x, point.y);
}

/** Metric cell text of an actor's row, by column heading. */
async function cell(actorName: string, column: number): Promise<string> {
  const row = bodyRows().filter({ has: page.getByRole('rowheader', { name: actorName, exact: true }) });
  return (await row.locator('td').nth(column).textContent()) ?? '';
}

describe('explorer', () => {
  it('draws every actor and relation of the embedded dataset', async () => {
    const counts = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      return { nodes: cy.nodes().length, edges: cy.edges().length };
    });
    expect(counts).toEqual({ nodes: ACTORS, edges: dataset.relations.length });
    await expect(page.getByRole('region', { name: 'Actor graph' }).getAttribute('aria-busy')).resolves.toBe('false');
  });

  it('lists one table row per actor, with computed metrics', async () => {
    await expect.poll(() => bodyRows().count()).toBe(ACTORS);
    await expect(table().locator('caption').textContent()).resolves.toMatch(/^Centrality of 15 actors/);
    // Tajikistan's degree among the relations that count by default (uncontested), as the core computes it; values computed in the worker.
    const restored = restore(dataset);
    if (!restored.ok) throw new Error('the embedded dataset does not restore');
    const degree = (options = {}) => computeMetrics(restored.dataset, options).actors.find((a) => a.id === 'tajikistan')!.degree!;
    expect(await cell('Tajikistan', 0)).toBe(String(degree({ evidence: DEFAULT_EVIDENCE })));
    // The contested relations it takes part in are not counted.
    expect(degree({ evidence: DEFAULT_EVIDENCE })).toBeLessThan(degree());
    expect(Number(await cell('Tajikistan', 3))).toBeGreaterThan(0);
  });

  it('clicking an actor opens its panel with relations grouped by type and their quotes', async () => {
    await clickActor('radical-islamist-groups');
    const panel = details();
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toContain('Radical Islamist groups');
    await expect(panel.getByRole('region', { name: 'Threat relations' }).count()).resolves.toBe(1);
    await expect(panel.locator('blockquote').first().textContent()).resolves.toMatch(/threaten/);
    // The grade and who asserts it are shown with each quote.
    await expect(panel.locator('.grade').first().textContent()).resolves.toMatch(/^[A-F][1-6]$/);
    await expect(panel.locator('.asserted').first().textContent()).resolves.toContain('Dina Malysheva');
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('actorId')))).toEqual(['radical-islamist-groups']);
  });

  it('clicking a relation shows its claims, including the disputing one', async () => {
    const point = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      const edge = cy.edges().filter((e) => e.data('relationId') === 'r10')[0]!;
      const box = cy.container()!.getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = details();
    await expect(panel.textContent()).resolves.toContain('is suspected of supporting');
    await expect(panel.locator('li.claim').count()).resolves.toBe(2);
    await expect(panel.locator('li.claim.disputes .asserted').textContent()).resolves.toContain('Dina Malysheva');
    await expect(panel.locator('li.claim.supports .asserted').textContent()).resolves.toContain('alleged by the Taliban');
  });

  it('hiding a relation type in the legend hides its edges and recomputes the table', async () => {
    await expect.poll(() => cell('Radical Islamist groups based in Afghanistan', 0)).toBe('4');
    await page.getByRole('button', { name: /Threat/ }).click();
    await expect(page.getByRole('button', { name: /Threat/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window.__actorscope!.cy.edges('[type = "threat"]').every((e) => (e as cytoscape.EdgeSingular).hasClass('filtered') && !(e as cytoscape.EdgeSingular).visible()),
        ),
      )
      .toBe(true);
    // Its four threat relations are gone from the metrics; the actor stays, isolated.
    await expect.poll(() => cell('Radical Islamist groups based in Afghanistan', 0)).toBe('0');
    await expect(table().locator('caption').textContent()).resolves.toContain('(filtered)');
    await expect(page.locator('.footnote').textContent()).resolves.toContain('relation types: partner, supplier, suspected-supporter');
    // Hiding an actor kind removes its rows.
    await page.getByRole('button', { name: /Person/ }).click();
    await expect.poll(() => bodyRows().count()).toBe(ACTORS - 2);
  });

  it('sorts by any column by click and by keyboard', async () => {
    await expect.poll(() => bodyRows().count()).toBe(ACTORS);
    const names = () => bodyRows().locator('th').allTextContents();
    // Default: betweenness, descending.
    expect((await names())[0]).toBe('Tajikistan');
    await table().getByRole('button', { name: /^Actor/ }).click();
    const byName = await names();
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    await expect(table().locator('th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('ascending');
    // Keyboard: focus the PageRank header button and press Enter.
    await table().getByRole('button', { name: /^PR/ }).focus();
    await page.keyboard.press('Enter');
    await expect(table().locator('th[aria-sort]').textContent()).resolves.toMatch(/^PR/);
    const pr = (await bodyRows().locator('td:nth-of-type(7)').allTextContents()).map(Number);
    expect(pr).toEqual([...pr].sort((a, b) => b - a));
  });

  it('clicking a table row selects the actor on the canvas and opens its panel', async () => {
    await bodyRows().filter({ hasText: 'China' }).first().click();
    await expect(details().getByRole('heading', { level: 2 }).textContent()).resolves.toContain('China');
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('actorId')))).toEqual(['china']);
  });

  it('finds an actor by alias with the keyboard', async () => {
    const box = page.getByRole('combobox', { name: 'Find actor' });
    await box.fill('Kabul');
    await expect(page.getByRole('option').first().textContent()).resolves.toContain('Taliban');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect(details().getByRole('heading', { level: 2 }).textContent()).resolves.toContain('Taliban');
  });

  it('hovering an actor fades everything outside its neighbourhood', async () => {
    const point = await actorScreenPoint(page, 'kyrgyzstan');
    await page.mouse.move(point.x, point.y);
    const state = await page.evaluate(() => {
      const cy = window.__actorscope!.cy;
      return {
        highlighted: cy.nodes('.highlighted').map((n) => n.data('actorId')).sort(),
        faded: cy.nodes('.faded').length,
      };
    });
    expect(state.highlighted).toEqual(['eaeu', 'kyrgyzstan']);
    expect(state.faded).toBe(ACTORS - 2);
  });

  it('switches layouts and reports busy while laying out', async () => {
    for (const label of ['Circle', 'Concentric (by metric)', 'Grid', 'Force-directed']) {
      await page.getByRole('combobox', { name: 'Layout' }).selectOption({ label });
      await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    }
    const spread = await page.evaluate(() => {
      const bb = window.__actorscope!.cy.nodes().boundingBox();
      return bb.w > 100 && bb.h > 100;
    });
    expect(spread).toBe(true);
  });
});
