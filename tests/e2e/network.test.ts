/**
 * The network choice, the weighting by evidence, the PN column and tie
 * strength in real headless Chromium on the Tajikistan dataset. Expected
 * numbers come from the core (computeMetrics, tieStrength), as the table's do,
 * under the explorer's default evidence setting (uncontested relations).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE, computeMetrics, restore, tieStrength } from '../../graph';
import dataset from '../../public/data/tajikistan-2023.json';
import { openAppForEachTest, pickActor } from './browser';

const restored = restore(dataset);
if (!restored.ok) throw new Error('the embedded dataset does not restore');
const tajikistan = restored.dataset;

let page: Page;
openAppForEachTest((opened) => (page = opened));

const table = () => page.getByRole('region', { name: 'Centrality metrics' });

/** The first metric cell (degree, or strength when weighted) of an actor's row. */
const firstCell = (name: string) => table().locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').first().textContent();

const RADICALS = 'Radical Islamist groups based in Afghanistan';

describe('network and weighting in the centrality table', () => {
  it('Conflict changes the table to the threat network, Weighted turns degrees into strengths, and PN is a column', async () => {
    const all = computeMetrics(tajikistan, { evidence: DEFAULT_EVIDENCE });
    const conflict = computeMetrics(tajikistan, { evidence: DEFAULT_EVIDENCE, network: 'conflict' });
    const weighted = computeMetrics(tajikistan, { evidence: DEFAULT_EVIDENCE, network: 'conflict', weighted: true, metrics: ['degree'] });
    const degreeOf = (r: typeof all, id: string) => r.actors.find((a) => a.id === id)!.degree!;
    // The Tajikistan actor has partners and suppliers besides its threats: the two networks differ there.
    expect(degreeOf(conflict, 'tajikistan')).not.toBe(degreeOf(all, 'tajikistan'));

    await expect.poll(() => firstCell('Tajikistan')).toBe(String(degreeOf(all, 'tajikistan')));
    await expect.poll(() => table().locator('footer').textContent()).toContain('Network: all relation types.');

    await table().getByLabel('Network', { exact: true }).selectOption('conflict');
    await expect.poll(() => firstCell('Tajikistan')).toBe(String(degreeOf(conflict, 'tajikistan')));
    await expect.poll(() => firstCell(RADICALS)).toBe(String(degreeOf(conflict, 'radical-islamist-groups')));
    await expect.poll(() => table().locator('footer').textContent()).toContain('Network: conflict network: threat relations.');

    await table().getByLabel('Weighted by evidence').check();
    await expect.poll(() => firstCell(RADICALS)).toBe(degreeOf(weighted, 'radical-islamist-groups').toFixed(3));
    await expect.poll(() => table().getByRole('columnheader').nth(1).textContent()).toMatch(/^Str/);
    await expect.poll(() => table().textContent()).toContain('a tie of weight w is a step of length 1/w; PN stays unweighted');
    await expect.poll(() => table().locator('footer').textContent()).toMatch(/Weighted by evidence: .*betweenness and closeness take a tie of weight w as a step of length 1\/w/);

    await table().getByLabel('PN column').check();
    await expect.poll(() => table().getByRole('columnheader', { name: /^PN/ }).count()).toBe(1);
    await expect.poll(() => table().locator('footer').textContent()).toContain('PN: the whole signed network');
    await expect.poll(() => table().locator('footer').textContent()).toContain('PN stays unweighted.');
  });
});

describe('tie strength in Compare', () => {
  it('shows Russia above China for ties to Tajikistan, with relations, claims, witnesses, strength and best grade', async () => {
    const expected = tieStrength(tajikistan, { actors: ['russia', 'china'], to: 'tajikistan', evidence: DEFAULT_EVIDENCE });
    const [russia, china] = expected.actors;
    expect([russia!.id, china!.id]).toEqual(['russia', 'china']);

    await page.getByRole('tab', { name: 'Compare' }).click();
    await pickActor(page, 'Add actor', 'China');
    await pickActor(page, 'Add actor', 'Russia');
    await pickActor(page, 'Ties to', 'Tajikistan');
    const ties = page.getByRole('table', { name: 'Ties to Tajikistan' });
    await ties.waitFor();
    const rows = await ties.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent, ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent)]),
    );
    const row = (a: NonNullable<typeof russia>) => [
      a.name,
      String(a.relations.length),
      `${a.supports} / ${a.disputes}`,
      `${a.witnessesFor.length} / ${a.witnessesAgainst.length}`,
      a.strength!.toFixed(3),
      a.bestGrade ?? '–',
    ];
    // Strongest first, whatever order they were added in.
    expect(rows).toEqual([row(russia!), row(china!)]);
    expect(russia!.strength!).toBeGreaterThan(china!.strength!);

    // The comparison itself takes the network: Conflict names it under the bars.
    const compare = page.getByRole('region', { name: 'Compare actors' });
    await compare.getByLabel('Network', { exact: true }).selectOption('conflict');
    await expect.poll(() => compare.locator('.network-note').textContent()).toContain('Network: conflict network: threat relations');
  });
});

describe('weighted by value in the centrality table', () => {
  it('a dataset whose relations carry values (SIPRI TIV) offers "by value", the default, and "by evidence"', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(new URL('../fixtures/analysis/sipri-central-asia-2008-2012-2017-2021.csv', import.meta.url).pathname);
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await table().getByLabel('Weighted', { exact: true }).check();
    const by = table().getByLabel('Weighted by');
    await expect.poll(() => by.inputValue()).toBe('value');
    await expect.poll(() => table().locator('footer').textContent()).toMatch(/Weighted by value: /);
    await expect.poll(() => firstCell('Kazakhstan')).toMatch(/^\d+\.000$/);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: '/tmp/actorscope-weighted-by-value.png' });
    await by.selectOption('evidence');
    await expect.poll(() => table().locator('footer').textContent()).toMatch(/Weighted by evidence: /);
  });
});
