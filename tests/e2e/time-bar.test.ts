/**
 * The time bar in Chromium (issue 14 §3, §7): a dated edge list imported, the
 * window dragged with the mouse and the centrality table following it, Play
 * taking two steps, the keys moving an end, the URL carrying the window, and
 * the canvas fading the relations out of it. The fixture is made by hand
 * (tests/fixtures/e2e/dated-transfers.csv): Cathay supplies Kestonia from 2006
 * and Tarsia in 2008–2009; Umbria supplies Tarsia in 2000–2002 only;
 * Ruritania supplies Kestonia every year 2000–2009.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((p) => (page = p));

const FIXTURE = new URL('../fixtures/e2e/dated-transfers.csv', import.meta.url).pathname;

async function importDated() {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Choose files to import').setInputFiles(FIXTURE);
  await dialog.getByRole('region', { name: 'Import report' }).waitFor();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await page.getByRole('region', { name: 'Time window' }).waitFor();
}

/** The Out column of an actor's row in the centrality table, once the table answers the current question. */
async function outDegree(name: string): Promise<string> {
  const table = page.getByRole('region', { name: 'Centrality metrics' });
  const row = table.getByRole('row').filter({ has: page.getByText(name, { exact: true }) }).first();
  const cells = await row.locator('td, th').allTextContents();
  return cells[3]!.trim();
}

const label = () => page.getByTestId('time-label').textContent();
const outOfWindow = () => page.evaluate(() => window.__actorscope!.cy.edges('.out-of-window').map((e) => `${e.source().data('name')}→${e.target().data('name')}`).sort());

describe('the time bar', () => {
  it('drags the window and the table follows; the canvas fades what the window leaves out', async () => {
    await importDated();
    await expect.poll(label).toBe('all time (2000–2009)');
    await expect.poll(() => outDegree('Cathay')).toBe('2');
    await expect(page.locator('.time-summary').textContent()).resolves.toContain('All time');
    const positions = () => page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => `${n.data('name')}@${Math.round(n.position('x'))},${Math.round(n.position('y'))}`).sort());
    const before = await positions();

    // Press on the histogram's first year and drag to its third: the window 2000–2002.
    const track = (await page.locator('.time-track').boundingBox())!;
    const yearX = (year: number) => track.x + ((year - 2000 + 0.5) / 10) * track.width;
    const y = track.y + track.height / 2;
    await page.mouse.move(yearX(2000), y);
    await page.mouse.down();
    await page.mouse.move(yearX(2002), y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(label).toBe('2000–2002');
    // Cathay supplies no one before 2006; Umbria does.
    await expect.poll(() => outDegree('Cathay')).toBe('0');
    await expect.poll(() => outDegree('Umbria')).toBe('1');
    await expect.poll(outOfWindow).toEqual(['Cathay→Kestonia', 'Cathay→Tarsia']);
    await expect(page.locator('.time-summary').textContent()).resolves.toContain('2 of 4 relations have no supporting claim in it');
    expect(page.url()).toContain('window=2000..2002');

    // Drag the window itself seven years on: 2007–2009.
    const win = (await page.getByTestId('time-window').boundingBox())!;
    await page.mouse.move(win.x + win.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(win.x + win.width / 2 + (7 * track.width) / 10, y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(label).toBe('2007–2009');
    await expect.poll(() => outDegree('Cathay')).toBe('2');
    await expect.poll(() => outDegree('Umbria')).toBe('0');
    await expect.poll(outOfWindow).toEqual(['Umbria→Tarsia']);
    // Actors stay where they were: one layout for all windows.
    expect(await positions()).toEqual(before);
  });

  it('plays year by year, two steps, keeping the width; keys move one end; All time clears it', async () => {
    await importDated();
    const start = page.getByTestId('time-handle-from');
    await start.focus();
    // From all time (2000–2009): the start two years on, then the end six back.
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(label).toBe('2002–2009');
    await page.getByTestId('time-handle-to').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(label).toBe('2002–2003');
    await page.getByRole('combobox', { name: 'Play speed' }).selectOption('500');
    await page.getByRole('button', { name: '▶ Play' }).click();
    await expect.poll(label, { timeout: 5000 }).toBe('2003–2004');
    await expect.poll(label, { timeout: 5000 }).toBe('2004–2005');
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    const paused = await label();
    await page.waitForTimeout(1200);
    expect(await label()).toBe(paused);
    await expect.poll(() => page.url()).toContain(`window=${paused!.replace('–', '..')}`);

    await page.getByLabel('As of one year').check();
    await expect.poll(label).toMatch(/^as of \d{4}$/);
    await page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(label).toBe('all time (2000–2009)');
    await expect.poll(outOfWindow).toEqual([]);
    expect(page.url()).not.toContain('window=');
  });
});
