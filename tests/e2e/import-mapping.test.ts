/**
 * The import dialog's column-mapping step (src/panels/ImportDialog.tsx) with
 * the dated roles (issue 14 §2): a CSV whose columns the guess does not know
 * (ccode1,ccode2,styear,fatalities) is offered for mapping; choosing source,
 * target, "date (one dated claim per row)" and "weight (the claim's value)" —
 * the date by the keyboard — imports its two rows of one pair as ONE relation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const CSV = 'ccode1,ccode2,styear,fatalities\nArcadia,Borduria,1902,3\nArcadia,Borduria,1903,0\n';

describe('the column-mapping step', () => {
  it('offers the date and weight roles; two dated rows of one pair become one relation', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles({ name: 'mid.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const mapping = dialog.getByRole('region', { name: 'Column mapping' });
    await mapping.waitFor();
    const select = (column: string) => mapping.getByRole('combobox', { name: `Column ${column} means` });
    const labels = await select('styear').locator('option').allTextContents();
    expect(labels).toContain('date (one dated claim per row)');
    expect(labels).toContain("weight (the claim's value)");
    await select('ccode1').selectOption({ label: 'source actor' });
    await select('ccode2').selectOption({ label: 'target actor' });
    await select('fatalities').selectOption({ label: "weight (the claim's value)" });
    // The date by the keyboard: from "relation type", the next option down.
    await select('styear').selectOption({ label: 'relation type' });
    await select('styear').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => select('styear').inputValue()).toBe('date');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/import-mapping-1440x900.png` });
    await mapping.getByRole('button', { name: 'Import with this mapping' }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    expect(await report.getByRole('status').textContent()).toMatch(/2 actors.*2 relations read/);
    // Two rows, one relation (not two parallel edges).
    expect(await page.evaluate(() => window.__actorscope!.cy.edges().length)).toBe(1);
  });
});
