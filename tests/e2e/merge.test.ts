/**
 * "Add to the current dataset" (issue 13 §5): a small dataset (tests/fixtures/e2e/merge-into.json) brought
 * into the embedded one. Its Tajikistan is written in Cyrillic (proposed by transliteration and country code),
 * its Russia is known by the alias "Russia" (proposed; the test rejects it), China by its name, Iran is new.
 * Merged: 15 + 2 actors; the China–Tajikistan partnership joins the existing one (15 + 2 relations, not 18);
 * one Ctrl+Z takes the whole merge back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const FIXTURE = new URL('../fixtures/e2e/merge-into.json', import.meta.url).pathname;
const counts = () => page.evaluate(() => ({ actors: window.__actorscope!.cy.nodes().length, relations: window.__actorscope!.cy.edges().length }));
const edgesBetween = (a: string, b: string, type: string) =>
  page.evaluate(
    ([a, b, type]) =>
      window.__actorscope!.cy.edges().filter((e) => {
        const ends = [e.source().data('actorId'), e.target().data('actorId')].sort().join(' ');
        return e.data('type') === type && ends === [a, b].sort().join(' ');
      }).length,
    [a, b, type] as const,
  );

describe('merging a dataset into the current one', () => {
  it('proposes the duplicates with their reasons, merges as decided in one step, and one undo takes it back', async () => {
    expect(await counts()).toEqual({ actors: 15, relations: 15 });
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    // By the keyboard: the radio group of what the dataset read does.
    await dialog.getByRole('radio', { name: /Replace the current dataset/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.getByRole('radio', { name: /Add to the current dataset/ }).isChecked()).toBe(true);
    await dialog.getByLabel('Choose files to import').setInputFiles(FIXTURE);

    const review = dialog.getByRole('region', { name: 'Review the merge' });
    await review.waitFor();
    const row = (name: string) => review.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row('Таджикистан (state)').textContent()).resolves.toContain('Tajikistan: transliteration: “Таджикистан” = “Tajikistan”; same country code TJ');
    await expect(row('Russian Federation (state)').textContent()).resolves.toContain('Russia: “Russia”, an alias of the incoming one, is its name; same country code RU');
    await expect(row('China (state)').textContent()).resolves.toContain('China: same name; same country code CN');
    expect(await review.getByRole('rowheader').allTextContents()).toEqual(['Таджикистан (state)', 'Russian Federation (state)', 'China (state)']);
    // All three proposed: each select says "merge into …".
    expect(await review.getByRole('combobox', { name: 'Decision for Таджикистан (state)' }).inputValue()).toBe('tajikistan');
    const summary = review.getByRole('status', { name: 'Merge summary' });
    await expect.poll(() => summary.textContent()).toContain('4 actors (3 merged into current ones, 1 new)');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/merge-review-1440x900.png` });

    // Reject Russia: kept as a new actor, chosen from the keyboard.
    const russia = review.getByRole('combobox', { name: 'Decision for Russian Federation (state)' });
    await russia.focus();
    await russia.selectOption({ label: 'keep as a new actor' });
    await expect.poll(() => summary.textContent()).toContain('4 actors (2 merged into current ones, 2 new), 3 relations (1 joined to existing ones, 2 new), 3 claims added (0 already held left out), 1 source (0 already held, 1 new)');
    // Tab from the decision on to Merge (Russia's is the second of three selects, China's next), and Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Merge');
    await page.keyboard.press('Enter');

    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('Merged merge-into.json into the current dataset');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/merge-done-1440x900.png` });
    await expect.poll(counts).toEqual({ actors: 17, relations: 17 });
    expect(await edgesBetween('tajikistan', 'china', 'partner')).toBe(1);
    const names = await page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string));
    expect(names).toContain('Russian Federation');
    expect(names).toContain('Iran');
    expect(names).not.toContain('Таджикистан');

    await report.getByRole('button', { name: 'Close' }).click();
    // The dataset's history holds the note, as the exported file says.
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: /Actorscope dataset \(JSON\)/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { meta: { history?: Array<{ date: string; note: string }> } };
    expect(exported.meta.history?.map((h) => h.note)).toEqual([
      'merged "Arms transfers to Central Asia (test)" (4 actors: 2 joined, 2 new; 3 relations: 1 joined existing ones, 2 new; 1 source: 0 already held, 1 new)',
    ]);
    expect(exported.meta.history![0]!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.keyboard.press('Escape');
    await page.locator('body').press('Control+z');
    await expect.poll(counts).toEqual({ actors: 15, relations: 15 });
    expect(await page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string))).not.toContain('Iran');
  });

  it('"Keep every one as new" adds every actor and relation; the warnings of reading the file are shown before the merge', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByRole('radio', { name: /Add to the current dataset/ }).check();
    // The fixture with one claim's locator left empty: a warning of the read.
    const text = readFileSync(FIXTURE, 'utf8').replace('"locator": { "paragraph": 1 }', '"locator": {}');
    await dialog.getByLabel('Choose files to import').setInputFiles({ name: 'merge-into.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const review = dialog.getByRole('region', { name: 'Review the merge' });
    await review.waitFor();
    await expect(dialog.locator('.problems').textContent()).resolves.toContain('Reading merge-into.json: 1 warning:warning: relations[0].claims[0].locator: empty');
    await review.getByRole('button', { name: 'Keep every one as new' }).click();
    await expect.poll(() => review.getByRole('status', { name: 'Merge summary' }).textContent()).toContain('4 actors (0 merged into current ones, 4 new), 3 relations (0 joined to existing ones, 3 new)');
    await review.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(counts).toEqual({ actors: 19, relations: 18 });
  });
});
