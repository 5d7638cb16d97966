/**
 * Editing in headless Chromium: add, edit and delete actors and relations
 * (claims included), by form and by dragging; undo and redo by button and
 * keyboard; positions stay put across edits.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ page, errors } = await openApp(browser, inject('baseUrl')));
});
afterEach(async () => {
  expect(errors).toEqual([]);
  await page.close();
});

const cyState = () =>
  page.evaluate(() => {
    const cy = window.__actorscope!.cy;
    return {
      names: cy.nodes().map((n) => n.data('name') as string).sort(),
      edges: cy.edges().length,
    };
  });

const nodePosition = (actorId: string) =>
  page.evaluate((id) => {
    const n = window.__actorscope!.cy.nodes().filter((x) => x.data('actorId') === id)[0];
    return n ? { ...n.position() } : null;
  }, actorId);

async function pick(label: string, text: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(text);
  await page.getByRole('listbox', { name: `Matching actors: ${label}` }).getByRole('option').first().waitFor();
  await box.press('Enter');
}

async function screenPoint(actorId: string) {
  return page.evaluate((id) => {
    const cy = window.__actorscope!.cy;
    const node = cy.nodes().filter((n) => n.data('actorId') === id)[0]!;
    const box = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, actorId);
}

describe('editing', () => {
  it('adds an actor, edits it, deletes it, and undoes and redoes each step', async () => {
    const before = await cyState();
    const russiaAt = await nodePosition('russia');
    await page.getByRole('button', { name: '+ Actor' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill('Iran');
    await form.getByLabel('Country code').fill('ir');
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    // The table has a row for it, computed in the worker.
    await expect.poll(() => page.locator('table.metrics tbody th', { hasText: 'Iran' }).count()).toBe(1);
    // Other actors did not move.
    expect(await nodePosition('russia')).toEqual(russiaAt);

    await page.locator('table.metrics tbody tr', { hasText: 'Iran' }).click();
    await page.getByRole('button', { name: 'Edit actor' }).click();
    const edit = page.getByRole('form', { name: 'Edit actor Iran' });
    await edit.getByLabel('Name').fill('Islamic Republic of Iran');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');

    await page.getByRole('button', { name: 'Delete actor' }).click();
    await expect.poll(async () => (await cyState()).names).toEqual(before.names);

    // Undo by keyboard (focus outside text fields), redo by button.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cyState()).names).toEqual(before.names);
    await expect(page.getByRole('button', { name: '↶ Undo' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expect.poll(async () => (await cyState()).names).toContain('Iran');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await cyState()).names).toContain('Islamic Republic of Iran');
  });

  it('adds a relation with a claim by form; a bad grade is refused with its place', async () => {
    const before = (await cyState()).edges;
    await page.getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('form', { name: 'New relation' });
    await pick('Source', 'China');
    await form.getByLabel('Type').selectOption('supplier');
    await pick('Target', 'Tajikistan');
    await form.getByLabel('Quote (verbatim)').fill('Yes, the Chinese appear.');
    await form.getByLabel('Asserted by').fill('Dina Malysheva');
    await form.getByLabel('Source title').fill('Tajikistan Provides Security With the Help of Russia and China');
    await form.getByLabel('Grade').fill('Z9');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('claims[0].grade: "Z9" is not a grade');
    expect((await cyState()).edges).toBe(before);
    await form.getByLabel('Grade').fill('b3');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await expect.poll(async () => (await cyState()).edges).toBe(before + 1);
    // The new relation and its claim are in China's panel.
    await page.locator('table.metrics tbody tr', { hasText: 'China' }).click();
    await expect(page.locator('section.details').textContent()).resolves.toContain('Yes, the Chinese appear.');
  });

  it('creates a relation by dragging from one actor to another in draw mode', async () => {
    await page.getByRole('button', { name: 'Draw relations' }).click();
    const from = await screenPoint('kazakhstan');
    const to = await screenPoint('russia');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.waitForTimeout(300);
    await page.mouse.up();
    const form = page.getByRole('form', { name: 'New relation' });
    await form.waitFor();
    await expect(page.getByRole('combobox', { name: 'Source', exact: true }).inputValue()).resolves.toBe('Kazakhstan');
    await expect(page.getByRole('combobox', { name: 'Target', exact: true }).inputValue()).resolves.toBe('Russia');
    // The gesture's own edge is not kept: only the form adds relations.
    const edges = await page.evaluate(() => window.__actorscope!.cy.edges().length);
    expect(edges).toBe(21);
  });
});

describe('nothing lost', () => {
  it('autosaves an edit to IndexedDB and finds it after a reload', async () => {
    await page.getByRole('button', { name: '+ Actor' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill('Afghanistan (state)');
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved /);
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    const names = await page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string));
    expect(names).toContain('Afghanistan (state)');
    expect(names).toHaveLength(16);
  });

  it('a link carries the view: selection, filter, size metric and path query', async () => {
    const url = new URL(inject('baseUrl'));
    url.search = '?actor=china&hide=supplier&size=pagerank&tab=paths&from=radical-islamist-groups&to=china&types=threat,suspected-supporter';
    await page.goto(url.toString());
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expect(page.getByRole('tab', { name: 'Paths' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('combobox', { name: 'From', exact: true }).inputValue()).resolves.toBe('Radical Islamist groups based in Afghanistan');
    await page.getByRole('listbox', { name: 'Paths, best first' }).getByRole('option').first().waitFor();
    await expect(page.getByRole('listbox', { name: 'Paths, best first' }).getByRole('option').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Supplier/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.getByLabel('Size actors by').inputValue()).resolves.toBe('pagerank');
    const selected = await page.evaluate(() => window.__actorscope!.cy.$('node:selected').map((n) => n.data('actorId')));
    expect(selected).toEqual(['china']);
    // And the URL keeps following the view.
    await page.getByRole('button', { name: /Supplier/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBeNull();
  });
});
