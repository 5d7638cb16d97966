/**
 * The desk's layout: the divider between canvas and side panel, by mouse and
 * by keyboard, remembered after a reload; the centrality table folded away
 * and back; a long name on one line, cut, with the whole name kept; one rule
 * of emphasis: an open analysis above the selection and hover, a tab's
 * highlight gone with its tab, no fading left behind by a deletion.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cutOff } from '../support/page-probes';
import { actorScreenPoint, openAppForEachTest, pickActor } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const sideWidth = () => page.locator('#side-panel').evaluate((el) => Math.round(el.getBoundingClientRect().width));
const waitForGraph = () => page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });

describe('the desk', () => {
  it('resizes the side panel with the divider’s keys and by dragging, and keeps the width after a reload', async () => {
    const divider = page.getByRole('separator', { name: 'Side panel width' });
    const start = Number(await divider.getAttribute('aria-valuenow'));
    expect(await sideWidth()).toBe(start);
    await divider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(start + 16 + 80);
    expect(await sideWidth()).toBe(start + 96);
    await page.keyboard.press('Home');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(340);
    await page.keyboard.press('End');
    const max = Number(await divider.getAttribute('aria-valuemax'));
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(max);
    // The canvas keeps its room: the window minus the legend and 320 px.
    expect(max).toBe(page.viewportSize()!.width - 200 - 320);

    // Dragging 100 px to the right narrows the panel by 100 px.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowLeft');
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(340 + 80 + 150);

    await page.reload();
    await waitForGraph();
    expect(await sideWidth()).toBe(340 + 80 + 150);
    // The canvas follows: Cytoscape's container fills what the panel leaves.
    const canvas = await page.getByRole('region', { name: 'Actor graph' }).boundingBox();
    expect(Math.round(canvas!.x + canvas!.width)).toBeLessThanOrEqual(page.viewportSize()!.width - (340 + 80 + 150));
  });

  it('folds the centrality table away and back, gives the tabs the height, and remembers it', async () => {
    const toggle = page.getByRole('button', { name: /the centrality table/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const panel = page.locator('#panel-details');
    const before = (await panel.boundingBox())!.height;
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('table.metrics').count()).resolves.toBe(0);
    expect((await panel.boundingBox())!.height).toBeGreaterThan(before + 150);
    await page.reload();
    await waitForGraph();
    await expect(page.getByRole('button', { name: '▸ Show the centrality table' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.getByRole('button', { name: '▸ Show the centrality table' }).press('Enter');
    await page.locator('table.metrics tbody tr').first().waitFor();
  });

  it('shows a long name on one line, cut, with the whole name in its title and its text', async () => {
    const taliban = page.locator('table.metrics tbody th[scope="row"]', { hasText: 'Taliban' });
    await taliban.waitFor();
    const name = 'Taliban (Islamic Emirate of Afghanistan)';
    await expect(taliban.getAttribute('title')).resolves.toBe(name);
    await expect(taliban.textContent()).resolves.toBe(name);
    const cut = await taliban.locator('.one-line').evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut).toBe(true);
    // One line: as tall as a short name's.
    const height = (text: string) => page.locator('table.metrics tbody th[scope="row"] .one-line', { hasText: text }).evaluate((el) => el.getBoundingClientRect().height);
    expect(await height('Taliban')).toBe(await height('China'));
  });

  it('draws an open path above the selection, and clears it when its tab is left or on Clear highlight', async () => {
    // A selected relation off the path (Tajikistan — Russia, partner), then the radical groups' threat to China.
    const selected = 'r1';
    await page.goto(`${page.url().split('?')[0]}?relation=${selected}&tab=paths&from=radical-islamist-groups&to=china`);
    await waitForGraph();
    const look = (relationId: string) =>
      page.evaluate((id) => {
        const e = window.__actorscope!.cy.edges().filter((x) => x.data('relationId') === id)[0]!;
        return { selected: e.selected(), opacity: Number(e.style('opacity')), width: parseFloat(e.style('width')), z: Number(e.style('z-index')) };
      }, relationId);
    await expect.poll(async () => (await look('r12')).width).toBe(5);
    const path = await look('r12');
    const other = await look(selected);
    expect(other.selected).toBe(true);
    expect(other.opacity).toBeLessThan(0.2);
    expect(path.opacity).toBe(1);
    expect(path.z).toBeGreaterThan(other.z);
    const marked = () => page.evaluate(() => window.__actorscope!.cy.elements('.dimmed, .focus').length);
    await page.getByRole('button', { name: 'Clear highlight' }).click();
    await expect.poll(marked).toBe(0);
    expect((await look(selected)).opacity).toBe(1);
    // Shown again, the tab draws its path again; leaving for Balance takes it away.
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('tab', { name: 'Paths' }).click();
    await page.getByRole('listbox', { name: 'Paths, best first' }).getByRole('option').first().click();
    await expect.poll(marked).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(marked).toBe(0);
  });

  it('leaves no fading behind when the hovered actor is deleted from the keyboard', async () => {
    await page.locator('table.metrics tbody tr', { hasText: 'Tajikistan' }).click();
    const at = await actorScreenPoint(page, 'tajikistan');
    await page.mouse.move(at.x, at.y);
    const faded = () => page.evaluate(() => window.__actorscope!.cy.elements('.faded').length);
    await expect.poll(faded).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delete actor' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.nodes().filter((n) => n.data('actorId') === 'tajikistan').length)).toBe(0);
    await expect.poll(faded).toBe(0);
  });

  it('cuts nothing off in the top bar, the legend or the side panel at 1280×800, on every tab and form', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const panes = '.topbar, .legend, #side-panel';
    const openTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
    const seen: Record<string, string[]> = {};
    await page.locator('table.metrics tbody tr', { hasText: 'Tajikistan' }).click();
    await page.locator('section.details h2', { hasText: 'Tajikistan' }).waitFor();
    seen['Details of an actor'] = await cutOff(page, panes);
    await page.locator('section.details button[data-relation]').first().click();
    await page.locator('section.details[aria-label^="Relation: "]').waitFor();
    seen['Details of a relation'] = await cutOff(page, panes);
    await page.getByRole('button', { name: 'Edit relation and claims' }).click();
    await page.getByRole('form').first().waitFor();
    seen['The relation form'] = await cutOff(page, panes);
    await page.keyboard.press('Escape');
    await openTab('Paths');
    await pickActor(page, 'From', 'Radical');
    await pickActor(page, 'To', 'China');
    await page.getByRole('region', { name: 'Hops of path 1' }).waitFor();
    seen.Paths = await cutOff(page, panes);
    await openTab('Blocs');
    await page.locator('.blocs-panel').waitFor();
    await page.waitForTimeout(500);
    seen.Blocs = await cutOff(page, panes);
    await openTab('Balance');
    await page.locator('.balance-panel').waitFor();
    await page.waitForTimeout(500);
    seen.Balance = await cutOff(page, panes);
    await openTab('Compare');
    await page.waitForTimeout(500);
    seen.Compare = await cutOff(page, panes);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/desk-1280x800.png` });
    expect(seen).toEqual({ 'Details of an actor': [], 'Details of a relation': [], 'The relation form': [], Paths: [], Blocs: [], Balance: [], Compare: [] });
  });
});
