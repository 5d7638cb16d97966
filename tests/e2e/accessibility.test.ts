/**
 * axe-core (the engine browser accessibility checkers use) on every tab,
 * form and dialog of the explorer, each with content in it: no serious or
 * critical violation. A failure lists each rule with the elements it found.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest, pickActor } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const openTab = (name: string) => page.getByRole('tab', { name }).click();

describe('accessibility (axe-core)', () => {
  it('finds nothing serious on each side tab, with content in it', async () => {
    await page.locator('table.metrics tbody tr', { hasText: 'Tajikistan' }).click();
    await page.locator('section.details h2', { hasText: 'Tajikistan' }).waitFor();
    expect(await violations(), 'Details').toEqual([]);

    await openTab('Paths');
    await pickActor(page, 'From', 'Radical');
    await pickActor(page, 'To', 'China');
    await page.getByRole('region', { name: 'Hops of path 1' }).waitFor();
    expect(await violations(), 'Paths').toEqual([]);

    await openTab('Blocs');
    await page.locator('.blocs-panel').waitFor();
    await page.waitForTimeout(500);
    expect(await violations(), 'Blocs').toEqual([]);

    await openTab('Balance');
    await page.locator('.balance-panel').waitFor();
    await page.waitForTimeout(500);
    expect(await violations(), 'Balance').toEqual([]);

    await openTab('Compare');
    await page.waitForTimeout(500);
    expect(await violations(), 'Compare').toEqual([]);

    await openTab('Source');
    await page.getByRole('region', { name: 'Source text' }).locator('mark').first().waitFor();
    expect(await violations(), 'Source').toEqual([]);
    await page.getByRole('button', { name: 'Add a document…' }).click();
    await page.getByRole('dialog', { name: 'Add a document' }).waitFor();
    expect(await violations(), 'Add a document').toEqual([]);
  });

  it('finds nothing serious in the forms, the dialogs and the relations table', async () => {
    await page.getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('form', { name: 'New relation' });
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.getByRole('alert').waitFor();
    expect(await violations(), 'a refused relation form').toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: '+ Actor' }).click();
    expect(await violations(), 'the actor form').toEqual([]);
    await page.getByRole('form', { name: 'New actor' }).getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('dialog', { name: 'Import' }).waitFor();
    expect(await violations(), 'the import dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export ▾' }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    expect(await violations(), 'the export dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Relations as a table' }).click();
    expect(await violations(), 'the relations table').toEqual([]);
  });
});
