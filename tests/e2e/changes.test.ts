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
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations, one line each (as tests/e2e/accessibility.test.ts asks on the other tabs). */
async function violations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

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
    expect(await violations()).toEqual([]);

    // A relation clicked is selected (its details shown), and the overlay goes with the tab.
    await first.getByRole('button', { name: /China/ }).click();
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges(':selected').map((e) => e.data('relationId') as string))).toHaveLength(1);
    expect(await withClass('change-added')).toEqual([]);
  });

  it('works by the keyboard: the tab by arrow keys, a year by ArrowDown, the claims by Enter', async () => {
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

  it('draws a type change: the later relation changed, the earlier one "was", with the sign in the list', async () => {
    // Arcadia partner Borduria (2010) → Borduria threat Arcadia (2019): one change, matched by the pair.
    const claim = (date: string) => ({ quote: `said in ${date}`, sourceId: 's', locator: { paragraph: 1 }, assertedBy: 'x', stance: 'supports', grade: 'B2', date });
    const dataset = {
      format: 'actorscope', version: 2, meta: { title: 'Type change' }, sources: [{ id: 's', title: 'S' }],
      actors: ['Arcadia', 'Borduria', 'Carpania'].map((name) => ({ id: name.toLowerCase(), name, kind: 'state', aliases: [] })),
      relations: [
        { id: 'ab', source: 'arcadia', target: 'borduria', type: 'partner', claims: [claim('2010')] },
        { id: 'ba', source: 'borduria', target: 'arcadia', type: 'threat', claims: [claim('2019')] },
        { id: 'bc', source: 'borduria', target: 'carpania', type: 'partner', claims: [claim('2010'), claim('2019')] },
      ],
    };
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles({ name: 'type-change.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Changes' }).click();
    const panel = page.getByRole('region', { name: 'Changes between two windows' });
    // Span 2010–2019: thirds of 3 years, 2010–2012 and 2017–2019.
    await expect.poll(() => panel.locator('.change-summary').textContent()).toContain('2010–2012 → 2017–2019: 0 added, 0 removed, 1 changed');
    const changed = panel.getByRole('region', { name: 'Changed' }).getByRole('listitem').first();
    expect(await changed.locator('.change-what').textContent()).toBe('Borduria – Arcadia: partner (+) → threat (−) sign changed');
    expect(await withClass('change-changed')).toEqual(['Borduria>Arcadia']);
    expect(await withClass('change-replaced')).toEqual(['Arcadia>Borduria']);
    // The unchanged partnership fades.
    expect(await withClass('dimmed')).toEqual(['Borduria>Carpania']);
    expect(await page.getByRole('list', { name: 'Legend of the changes' }).textContent()).toContain('Was (before its type changed)');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/changes-type-1440x900.png` });
  });
});
