/**
 * The explorer with the keyboard alone: the graph reached by Tab, walked with
 * the arrow keys (each actor announced), opened with Enter, left with Escape;
 * and one analyst's task end to end — the radical groups' paths to China, the
 * evidence of each hop unfolded — with no mouse and no focus() from the test.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

/** What has the focus: its role, accessible name (aria-label or text) and tag. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', role: el?.getAttribute('role') ?? '', name: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 80) ?? '' };
  });

/** Presses Tab until the focus is on what `wanted` accepts; fails after `max` presses. */
async function tabTo(wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused())) return;
  }
  throw new Error(`${what}: not reached with ${max} Tabs (focus on ${JSON.stringify(await focused())})`);
}

const announced = () => page.getByTestId('graph-announcer').textContent();
const ringed = () => page.evaluate(() => window.__actorscope!.cy.nodes('.kb-focus').map((n) => n.data('actorId') as string));

describe('the graph by keyboard', () => {
  it('is reached by Tab; the arrow keys move a ring between actors, each announced; Enter opens; Escape clears', async () => {
    await tabTo((f) => f.role === 'region' && f.name === 'Actor graph', 'the graph');
    // The ring starts on the actor nearest the middle of the view, announced with its kind, degree and ties.
    await expect.poll(ringed).toHaveLength(1);
    const first = (await ringed())[0]!;
    const positions = await page.evaluate(() => Object.fromEntries(window.__actorscope!.cy.nodes().map((n) => [n.data('actorId') as string, n.renderedPosition()])));
    await expect(announced()).resolves.toMatch(/^.+, [a-z ]+: degree \d+, (no relation counted|\d+ relations? with \d+ actors?)(; \d+ more drawn but not counted)?\.$/);

    // ← moves to an actor left of the first (when there is one), and says who it is.
    await page.keyboard.press('ArrowLeft');
    const [second] = await ringed();
    if (second !== first) expect(positions[second!]!.x).toBeLessThan(positions[first]!.x);
    else await expect(announced()).resolves.toBe('No actor further to the left.');

    // Walk until Tajikistan is in the ring: its announcement has the table's degree, 7.
    for (let i = 0; i < 40 && (await ringed())[0] !== 'tajikistan'; i++) {
      const here = positions[(await ringed())[0]!]!;
      const to = positions.tajikistan!;
      await page.keyboard.press(Math.abs(to.x - here.x) > Math.abs(to.y - here.y) ? (to.x > here.x ? 'ArrowRight' : 'ArrowLeft') : to.y > here.y ? 'ArrowDown' : 'ArrowUp');
    }
    expect(await ringed()).toEqual(['tajikistan']);
    // The table's degree (7 uncontested relations, with Russia, China, the radical groups and the Taliban, from the
    // dataset); the two contested ones, drawn faint, are said apart.
    await expect(announced()).resolves.toBe('Tajikistan, state: degree 7, 7 relations with 4 actors; 2 more drawn but not counted.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('section.details h2').first().textContent()).toContain('Tajikistan');
    // The focus stays on the graph, and Escape clears the selection and the ring.
    expect((await focused()).name).toBe('Actor graph');
    await page.keyboard.press('Escape');
    await expect.poll(ringed).toEqual([]);
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.nodes(':selected').length)).toBe(0);
  });

  it('finds the radical groups’ paths to China and opens the evidence of each hop, with the keyboard alone', async () => {
    // The side panel's tabs: Tab to the selected one, → to Paths.
    await tabTo((f) => f.role === 'tab', 'the side panel tabs');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ role: 'tab', name: 'Paths' });
    await tabTo((f) => f.role === 'combobox' && f.name === 'From', 'From');
    await page.keyboard.type('Radical');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.role === 'combobox' && f.name === 'To', 'To');
    await page.keyboard.type('China');
    await page.keyboard.press('Enter');
    // The search runs in the worker: wait for its answer (waiting is not a mouse action), then Tab on.
    const list = page.getByRole('listbox', { name: 'Paths, best first' });
    await list.waitFor();
    await tabTo((f) => f.role === 'listbox' && f.name === 'Paths, best first', 'the paths');
    await expect(list.getByRole('option', { selected: true }).locator('.path-summary').textContent()).resolves.toBe('Radical Islamist groups based in Afghanistan → China');
    // Each hop's claims: Tab to its summary, Enter unfolds it, the quotes are there.
    const hops = page.getByRole('region', { name: 'Hops of path 1' }).locator('.hops > li');
    const count = await hops.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await tabTo((f) => f.tag === 'summary' && /^confidence/.test(f.name), `hop ${i + 1}'s claims`);
      await page.keyboard.press('Enter');
      await expect(hops.nth(i).locator('details').getAttribute('open')).resolves.toBe('');
      await expect(hops.nth(i).locator('li.supports q').first().textContent()).resolves.toMatch(/\w/);
    }
    await expect(hops.first().locator('li.supports q').first().textContent()).resolves.toContain('threaten both Tajikistan and China');
  });

  it('reads the picture as a table of relations, filtered like the canvas; opening a row moves the focus into its card, and back returns it', async () => {
    await tabTo((f) => f.tag === 'button' && f.name === 'Relations as a table', 'the table toggle');
    await page.keyboard.press('Enter');
    const table = page.getByRole('region', { name: 'Relations as a table' });
    const shown = await page.evaluate(() => window.__actorscope!.cy.edges().filter((e) => e.visible()).length);
    await expect(table.locator('tbody tr').count()).resolves.toBe(shown);
    await expect(table.locator('caption').textContent()).resolves.toBe(`${shown} relations shown (the canvas's filters); 3 not counted by the evidence setting`);
    await expect(table.locator('tbody tr', { has: page.getByRole('button', { name: 'r15', exact: true }) }).locator('td').last().textContent()).resolves.toBe('no: contested');
    // Open r12 (the radical groups' threat to China) from the keyboard: its card takes the focus.
    await tabTo((f) => f.tag === 'button' && f.name === 'r12', 'r12');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('details-box');
    await expect(page.locator('#panel-details section.details').getAttribute('aria-label')).resolves.toMatch(/^Relation: Radical Islamist groups/);
    // Back to the picture: the focus returns to the toggle.
    await table.getByRole('button', { name: 'Back to the picture' }).press('Enter');
    await expect(page.getByRole('region', { name: 'Relations as a table' }).count()).resolves.toBe(0);
    expect((await focused()).name).toBe('Relations as a table');
  });

  it('keeps the focus off the page body when a relation is opened from an actor’s list, and gives it back to that relation on Escape or Back', async () => {
    await tabTo((f) => f.role === 'combobox' && f.name === 'Find actor', 'the search box');
    await page.keyboard.type('Tajikistan');
    await page.keyboard.press('Enter');
    await page.locator('section.details h2', { hasText: 'Tajikistan' }).waitFor();
    await tabTo((f) => f.tag === 'button' && f.name === 'relation', 'a relation of Tajikistan', 60);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-details section.details').getAttribute('aria-label')).toMatch(/^Relation: /);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('details-box');
    const opened = await page.evaluate(() => document.querySelector('#panel-details section.details')?.getAttribute('aria-label'));
    // Escape closes the card: back to Tajikistan, the focus on the button that opened it.
    await page.keyboard.press('Escape');
    await page.locator('section.details h2', { hasText: 'Tajikistan' }).waitFor();
    const returned = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.relation ?? null);
    expect(returned).toMatch(/^r\d+$/);
    // Open it again, and close it with its Back button this time.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('#panel-details section.details')?.getAttribute('aria-label'))).toBe(opened);
    await tabTo((f) => f.tag === 'button' && f.name === '← Back to Tajikistan', 'the Back button');
    await page.keyboard.press('Enter');
    await page.locator('section.details h2', { hasText: 'Tajikistan' }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.relation ?? null)).toBe(returned);
  });

  it('writes a briefing from the Export dialog with the keyboard, and Escape gives the focus back to Export', async () => {
    await tabTo((f) => f.role === 'tab', 'the side panel tabs');
    await page.keyboard.press('ArrowRight');
    await tabTo((f) => f.role === 'combobox' && f.name === 'From', 'From');
    await page.keyboard.type('Radical');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.role === 'combobox' && f.name === 'To', 'To');
    await page.keyboard.type('China');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Hops of path 1' }).waitFor();
    await tabTo((f) => f.tag === 'button' && f.name === 'Export ▾', 'Export');
    await page.keyboard.press('Enter');
    const author = page.getByRole('dialog', { name: 'Export' }).getByLabel('Author');
    // Tab through the dialog to its Author field (the first input is the "only what is shown" checkbox).
    for (let i = 0; i < 30 && !(await author.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(author.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('K. Analyst');
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('Briefing (HTML): the path question');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/-briefing\.html$/);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Export' }).count()).resolves.toBe(0);
    expect(await focused()).toMatchObject({ tag: 'button', name: 'Export ▾' });
  });
});
