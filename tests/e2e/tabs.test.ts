/**
 * Nothing lost between tabs and reloads, in headless Chromium: two pages of
 * one browser context share IndexedDB as two tabs do. A tab overtaken by
 * another's save is told at once, never overwrites it, and keeps its own edit
 * as a new workspace; a missed message is caught at write time; the undo
 * history comes back after a reload; a save that does not fit says why with
 * the sizes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import { launchBrowser } from './browser';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  errors.length = 0;
});
afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

async function tab(search = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}${search}`);
  await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  return page;
}

const names = (page: Page) => page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string).sort());
const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' }).textContent();
const workspaceOf = (page: Page) => new URL(page.url()).searchParams.get('ws');

async function addActor(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '+ Actor' }).click();
  const form = page.getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect.poll(() => names(page)).toContain(name);
}

/** What a fresh tab finds saved under a workspace id. */
async function savedNames(id: string): Promise<string[]> {
  const page = await tab(`?ws=${encodeURIComponent(id)}`);
  const found = await names(page);
  await page.close();
  return found;
}

describe('two tabs on one workspace', () => {
  it('the overtaken tab is told at once, never overwrites, and keeps its edit as a new workspace', async () => {
    const a = await tab();
    const b = await tab();
    const id = workspaceOf(a)!;
    expect(workspaceOf(b)).toBe(id);

    await addActor(a, 'From tab A');
    await expect.poll(() => saveStatus(a)).toMatch(/^Saved /);
    // B learns before it does anything (the other tab's message).
    const alert = b.getByRole('alert', { name: 'Workspace changed in another tab' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Another tab saved this workspace at .*\(add actor From tab A\)/);

    await addActor(b, 'From tab B');
    await expect.poll(() => alert.textContent()).toMatch(/changes made in this tab since are not saved/);
    await expect.poll(() => saveStatus(b)).toBe('Not saved: another tab saved this workspace');
    // B's undo works on B's screen and writes nothing: A's actor stays saved.
    await b.locator('body').press('Control+z');
    await expect.poll(() => names(b)).not.toContain('From tab B');
    await b.locator('body').press('Control+Shift+z');
    await expect.poll(() => names(b)).toContain('From tab B');
    await b.waitForTimeout(800);
    let saved = await savedNames(id);
    expect(saved).toContain('From tab A');
    expect(saved).not.toContain('From tab B');

    await b.getByRole('button', { name: 'Keep this tab’s version as a new workspace' }).click();
    await expect.poll(() => workspaceOf(b)).not.toBe(id);
    const kept = workspaceOf(b)!;
    await expect.poll(() => names(b)).toContain('From tab B');
    expect(await names(b)).not.toContain('From tab A');
    await expect(b.getByRole('alert', { name: 'Workspace changed in another tab' }).count()).resolves.toBe(0);
    // Its undo came with it, and reaches only B's own edit.
    await b.locator('body').press('Control+z');
    await expect.poll(() => names(b)).not.toContain('From tab B');
    await b.locator('body').press('Control+z');
    expect((await names(b)).length).toBe(dataset.actors.length);
    await expect.poll(() => saveStatus(b)).toMatch(/^Saved /);

    // Both workspaces as their own tab left them; A goes on saving, unaffected.
    await addActor(a, 'A again');
    await expect.poll(() => savedNames(id)).toEqual(expect.arrayContaining(['From tab A', 'A again']));
    saved = await savedNames(id);
    expect(saved).not.toContain('From tab B');
    expect(await savedNames(kept)).toHaveLength(dataset.actors.length);
  });

  it('a tab with no edits of its own opens the newer version, undo history included', async () => {
    const a = await tab();
    const b = await tab();
    await addActor(a, 'Newer');
    await expect.poll(() => saveStatus(a)).toMatch(/^Saved /);
    const alert = b.getByRole('alert', { name: 'Workspace changed in another tab' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Open the newer version' }).click();
    await expect.poll(() => names(b)).toContain('Newer');
    await expect(b.getByRole('alert', { name: 'Workspace changed in another tab' }).count()).resolves.toBe(0);
    await expect(b.getByRole('button', { name: '↶ Undo' }).getAttribute('title')).resolves.toBe('Undo add actor Newer (Ctrl+Z)');
  });

  it('a message missed is caught when the tab writes: the newer version is never overwritten', async () => {
    const b = await tab();
    const id = workspaceOf(b)!;
    await addActor(b, 'First of B');
    await expect.poll(() => saveStatus(b)).toMatch(/^Saved /);
    // Another writer that sends no message (an older build, a tab whose channel closed): the record moves on.
    await b.evaluate(
      (wsId) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('actorscope');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('workspaces', 'readwrite');
            const store = tx.objectStore('workspaces');
            const get = store.get(wsId);
            get.onsuccess = () => {
              const ws = get.result;
              ws.version += 1;
              ws.change = 'edit made elsewhere';
              ws.dataset.actors.push({ id: 'elsewhere', name: 'Written elsewhere', kind: 'person' });
              store.put(ws);
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      id,
    );
    await addActor(b, 'Second of B');
    const alert = b.getByRole('alert', { name: 'Workspace changed in another tab' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/\(edit made elsewhere\).*not saved/);
    const saved = await savedNames(id);
    expect(saved).toContain('Written elsewhere');
    expect(saved).not.toContain('Second of B');
  });
});

describe('undo after a reload', () => {
  it('Ctrl+Z goes back through the steps made before the reload, and the header says when it was saved', async () => {
    const page = await tab();
    await addActor(page, 'Step one');
    await addActor(page, 'Step two');
    await expect.poll(() => saveStatus(page)).toMatch(/^Saved /);
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expect(saveStatus(page)).resolves.toMatch(/^Saved \d/);
    const undo = page.getByRole('button', { name: '↶ Undo' });
    await expect(undo.getAttribute('title')).resolves.toBe('Undo add actor Step two (Ctrl+Z)');
    await page.locator('body').press('Control+z');
    await expect.poll(() => names(page)).not.toContain('Step two');
    await page.locator('body').press('Control+z');
    await expect.poll(() => names(page)).not.toContain('Step one');
    await expect.poll(() => saveStatus(page)).toMatch(/^Saved /);
    // The undone steps are the redo side after another reload.
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expect(page.getByRole('button', { name: '↷ Redo' }).getAttribute('title')).resolves.toBe('Redo add actor Step one (Ctrl+Shift+Z)');
    await page.getByRole('button', { name: '↷ Redo' }).click();
    await expect.poll(() => names(page)).toContain('Step one');
  });
});

describe('a save that does not fit', () => {
  it('says the size of the workspace and what the browser allows, and keeps the page from closing on it', async () => {
    const page = await tab();
    const origin = new URL(inject('baseUrl')).origin;
    const cdp = await context.newCDPSession(page);
    // About a tenth of the embedded dataset's size: its first save cannot fit.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 20_000 });
    await addActor(page, 'Does not fit');
    await expect.poll(() => saveStatus(page), { timeout: 10_000 }).toMatch(/^Not saved: /);
    const text = (await saveStatus(page))!;
    // Chromium's estimate does not follow the override, so the message takes its "refused although free" form.
    expect(text).toMatch(/^Not saved: the browser’s storage for this site is full: the workspace is \d+ kB, and the browser reports \d+ MB free/);
    expect(text).toMatch(/export your work to a file/);
    // Leaving now would lose the edit: the browser asks first.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.accept();
  });
});
