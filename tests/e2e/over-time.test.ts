/**
 * Compare's "Over time" (src/panels/compare/OverTimeChart.tsx) on a dated
 * edge list imported through the file picker (tests/fixtures/e2e/dated-suppliers.csv,
 * SIPRI's supplier,recipient,year,tiv): Russia and France compared, one line
 * per actor, the values as a table and as CSV. Out-degrees counted by hand
 * from the CSV's rows: Russia supplies India and China in 2015, India and
 * Vietnam in 2016, China, Vietnam and Algeria in 2017 (2, 2, 3); France India
 * in 2015, India and Egypt in 2016, Qatar and India in 2017 (1, 2, 2). The SVG
 * export is parsed by @xmldom/xmldom, the PNG decoded by Chromium at twice the
 * SVG's size. A screenshot at 1440×900 is left in the temp folder to look at.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest, pickActor } from './browser';

let page: Page;
openAppForEachTest((p) => (page = p));

const FIXTURE = new URL('../fixtures/e2e/dated-suppliers.csv', import.meta.url).pathname;

async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const section = page.getByRole('region', { name: 'Over time' });
  const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('Compare over time', () => {
  it('draws one line per compared actor from the dated claims, and exports the values as CSV, SVG and PNG', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(FIXTURE);
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    await page.getByRole('tab', { name: 'Compare' }).click();
    await pickActor(page, 'Add actor', 'Russia');
    await pickActor(page, 'Add actor', 'France');
    const section = page.getByRole('region', { name: 'Over time' });
    const chart = section.locator('.over-time-plot svg');
    await chart.waitFor({ timeout: 30_000 });
    await expect(section.locator('figcaption').textContent()).resolves.toBe('Out-degree per year, 2015–2017');
    // Plot draws a line mark as one path per series (z = actor).
    await expect(chart.locator('g[aria-label="line"] path').count()).resolves.toBe(2);
    await expect(chart.getAttribute('aria-label')).resolves.toBe('Out-degree per year, 2015–2017');
    await expect(chart.getAttribute('aria-description')).resolves.toContain('Russia: 2, 2, 3; France: 1, 2, 2');
    // The names at the lines' ends, as text.
    await expect(chart.locator('g[aria-label="text"] text').allTextContents()).resolves.toEqual(['Russia', 'France']);

    // The same values as a table, opened from the keyboard.
    await section.locator('summary').focus();
    await page.keyboard.press('Enter');
    const rows = await section.getByRole('table').locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([['Year', 'Russia', 'France'], ['2015', '2', '1'], ['2016', '2', '2'], ['2017', '3', '2']]);
    await expect(section.locator('.time-note').textContent()).resolves.toContain('Every claim counted is dated.');

    await page.setViewportSize({ width: 1440, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(tmpdir(), 'actorscope-over-time.png') });

    const csv = await download('Save CSV');
    expect(csv.name).toBe('dated-suppliers-csv-outDegree-over-time.csv');
    expect(Papa.parse<string[]>(csv.bytes.toString('utf8'), { skipEmptyLines: true }).data).toEqual([['year', 'Russia', 'France'], ['2015', '2', '1'], ['2016', '2', '2'], ['2017', '3', '2']]);

    const svg = await download('Save SVG');
    const problems: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(svg.bytes.toString('utf8'), 'image/svg+xml');
    expect(problems).toEqual([]);
    const root = doc.documentElement!;
    expect([root.tagName, root.getAttribute('xmlns')]).toEqual(['svg', 'http://www.w3.org/2000/svg']);
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe('Out-degree per year, 2015–2017');
    const lines = [...root.getElementsByTagName('g')].filter((g) => g.getAttribute('aria-label') === 'line');
    expect(lines[0]!.getElementsByTagName('path').length).toBe(2);
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));

    const png = await download('Save PNG');
    expect(png.name).toBe('dated-suppliers-csv-outDegree-over-time.png');
    const size = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      return [image.width, image.height];
    }, png.bytes.toString('base64'));
    expect(size).toEqual([width * 2, height * 2]);

    // Another metric asks the worker again: in-degree, India's suppliers are not compared, so Russia and France get 0.
    await section.getByLabel('Metric').selectOption('inDegree');
    await expect.poll(() => section.locator('figcaption').textContent()).toBe('In-degree per year, 2015–2017');
    await expect.poll(() => section.locator('table tbody td').allTextContents()).toEqual(['0', '0', '0', '0', '0', '0']);
  });
});
