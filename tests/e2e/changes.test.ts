/**
 * The Changes tab (issue 14 §4, src/panels/ChangesPanel.tsx) on a small dated
 * SIPRI-like edge list of our own (tests/fixtures/e2e/dated-changes.csv:
 * supplier,recipient,year,tiv; one relation per pair, one claim per row).
 * Windows 2008–2012 and 2017–2021: China → Tajikistan (row 6, 2018), China →
 * Kazakhstan (row 7) and Turkey → Turkmenistan (row 9) added; Russia →
 * Tajikistan (rows 4, 5) and Ukraine → Turkmenistan (row 8) removed; Russia →
 * Kazakhstan changed (TIV 120 → 80). The canvas carries the change classes,
 * the removed relations drawn, the legend in the overlay bar; a relation
 * clicked is selected; the keyboard reaches the tab, the years and the claims.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const FIXTURE = new URL('../fixtures/e2e/dated-changes.csv', import.meta.url).pathname;

/** The relation edges carrying a class, as "Source>Target". */
const withClass = (cls: string) =>
  page.evaluate((c) => {
    const cy = window.__actorscope!.cy;
    const name = (id: string) => cy.getElementById(id).data('name') as string;
    return cy.edges(`.${c}`).map((e) => `${name(e.data('source') as string)}>${name(e.data('target') as string)}`).sort();
  }, cls);

describe('the Changes tab', () => {
  it('compares two windows: the added relation with its rows, the canvas edges by class, a legend', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(FIXTURE);
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    await page.getByRole('tab', { name: 'Changes' }).click();
    const panel = page.getByRole('region', { name: 'Changes between two windows' });
    // Defaults: the dated span 2009–2020 in thirds of 4 years.
    expect(await panel.getByLabel('Earlier window from').inputValue()).toBe('2009');
    expect(await panel.getByLabel('Earlier window to').inputValue()).toBe('2012');
    expect(await panel.getByLabel('Later window from').inputValue()).toBe('2017');
    expect(await panel.getByLabel('Later window to').inputValue()).toBe('2020');
    await panel.getByLabel('Earlier window from').fill('2008');
    await panel.getByLabel('Later window to').fill('2021');

    const summary = panel.locator('.change-summary');
    await expect.poll(() => summary.textContent()).toContain('2008–2012 → 2017–2021: 3 added, 2 removed, 1 changed');
    const added = panel.getByRole('region', { name: 'Added' });
    const first = added.getByRole('listitem').first();
    expect(await first.textContent()).toContain('China —other→ Tajikistan');
    // Its claims: the CSV row, quoted, with its year and row number.
    await first.locator('.change-claims > summary').click();
    const claim = first.locator('li.claim').first();
    expect(await claim.locator('blockquote').textContent()).toBe('China,Tajikistan,2018,40');
    expect(await claim.textContent()).toMatch(/2018/);
    expect(await claim.textContent()).toMatch(/row 6/);
    const removed = panel.getByRole('region', { name: 'Removed' });
    expect(await removed.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Russia —other→ Tajikistan2 claims (rows 4, 5)'), expect.stringContaining('Ukraine —other→ Turkmenistan')]);
    const changed = panel.getByRole('region', { name: 'Changed' });
    expect(await changed.getByRole('listitem').first().textContent()).toContain('weight 120 → 80');

    // The canvas: each kind its class, the unchanged ones (none here) dimmed; removed ones drawn.
    expect(await withClass('change-added')).toEqual(['China>Kazakhstan', 'China>Tajikistan', 'Turkey>Turkmenistan']);
    expect(await withClass('change-removed')).toEqual(['Russia>Tajikistan', 'Ukraine>Turkmenistan']);
    expect(await withClass('change-changed')).toEqual(['Russia>Kazakhstan']);
    const looks = await page.evaluate(() => {
      const e = window.__actorscope!.cy.edges('.change-removed').first();
      return { style: e.style('line-style'), display: e.style('display'), opacity: e.style('opacity'), label: e.style('label') };
    });
    expect(looks).toEqual({ style: 'dashed', display: 'element', opacity: '1', label: 'gone' });
    const legend = page.getByRole('list', { name: 'Legend of the changes' });
    expect(await legend.textContent()).toMatch(/Added.*“new”, 3.*Removed.*“gone”, 2.*Changed.*“changed”, 1/);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/changes-1440x900.png` });

    // A relation clicked is selected (its details shown), and the overlay goes with the tab.
    await first.getByRole('button', { name: /China/ }).click();
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges(':selected').map((e) => e.data('relationId') as string))).toHaveLength(1);
    expect(await withClass('change-added')).toEqual([]);
  });

  it('works by the keyboard: the tab by arrow keys, a year by ArrowUp, the claims by Enter', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(FIXTURE);
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Changes' }).getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('region', { name: 'Changes between two windows' });
    // Defaults 2009–2012 → 2017–2020: Turkey → Turkmenistan (2020) is in; later to 2019 by the keyboard leaves it out.
    await expect.poll(() => panel.locator('.change-summary').textContent()).toContain('3 added');
    await panel.getByLabel('Later window to').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panel.locator('.change-summary').textContent()).toContain('2009–2012 → 2017–2019: 2 added');
    const summary = panel.getByRole('region', { name: 'Added' }).locator('.change-claims > summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await panel.getByRole('region', { name: 'Added' }).locator('details.change-claims').first().getAttribute('open')).toBe('');
  });
});
