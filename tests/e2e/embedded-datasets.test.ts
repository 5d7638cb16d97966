/**
 * The embedded datasets (src/data/embedded-datasets.ts): the workspace menu
 * offers a new workspace from each, and `?dataset=central-asia-arms` opens the
 * arms transfers to Central Asia (28 actors, 44 supplier relations: the counts
 * of tests/unit/central-asia-dataset.test.ts), in its own workspace, which a
 * reload keeps. An unknown `?dataset=` says so and shows the default.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import arms from '../../public/data/central-asia-arms-1992-2021.json';
import { launchBrowser, openApp, pickActor } from './browser';

const ARMS_TITLE = 'Arms transfers to Central Asia 1992–2021 (SIPRI)';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const drawn = (page: Page) =>
  page.evaluate(() => {
    const cy = window.__actorscope!.cy;
    return { actors: cy.nodes().length, relations: cy.edges().length, types: [...new Set(cy.edges().map((e) => e.data('type') as string))] };
  });
/** The drawn relations from one actor to another, by their types. */
const between = (page: Page, from: string, to: string) =>
  page.evaluate(
    ([from, to]) =>
      window.__actorscope!.cy
        .edges()
        .filter((e) => e.source().data('actorId') === from && e.target().data('actorId') === to)
        .map((e) => e.data('type') as string),
    [from, to] as const,
  );
const graphReady = (page: Page) => page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });

/** Russia's panel lists its supplier relation to Kazakhstan with the row of 1995 as a quote. */
async function expectRussiaSuppliesKazakhstan(page: Page) {
  await pickActor(page, 'Find actor', 'Russia');
  const panel = page.locator('section.details');
  await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('Kazakhstan');
  const text = (await panel.textContent()) ?? '';
  expect(text).toContain('Supplier (5)');
  expect(text).toContain('Russia supplies Kazakhstan');
}

describe('embedded datasets', () => {
  it('the workspace menu offers both; choosing the arms transfers (by the keyboard) opens them in a new workspace', async () => {
    const { page, errors } = await openApp(browser, inject('baseUrl'));
    expect((await drawn(page)).actors).toBe(15);
    await page.getByRole('button', { name: /^Tajikistan 2023 ▾$/ }).click();
    const menu = page.getByRole('dialog', { name: 'Workspaces' });
    await expect(menu.getByRole('heading', { name: 'New workspace from an embedded dataset' }).isVisible()).resolves.toBe(true);
    expect(await menu.locator('.embedded-datasets button').allTextContents()).toEqual(['Tajikistan 2023: the interview', ARMS_TITLE]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/embedded-menu-1440x900.png` });
    await menu.getByRole('button', { name: ARMS_TITLE }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Central Asia arms 1992–2021 (new) ▾' }).waitFor({ timeout: 30_000 });
    await graphReady(page);
    await expect.poll(() => drawn(page), { timeout: 30_000 }).toEqual({ actors: arms.actors.length, relations: arms.relations.length, types: ['supplier'] });
    expect(await between(page, 'russia', 'kazakhstan')).toEqual(['supplier']);
    expect(await between(page, 'china', 'kazakhstan')).toEqual(['supplier']);
    await expectRussiaSuppliesKazakhstan(page);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/embedded-arms-1440x900.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('?dataset=central-asia-arms opens them in their own workspace, and a reload keeps them', async () => {
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?dataset=central-asia-arms`);
    await expect.poll(() => drawn(page), { timeout: 30_000 }).toMatchObject({ actors: 28, relations: 44 });
    await page.getByRole('button', { name: 'Central Asia arms 1992–2021 ▾' }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('ws')).toBe('central-asia-arms');
    await page.reload();
    await graphReady(page);
    await expect.poll(() => drawn(page), { timeout: 30_000 }).toMatchObject({ actors: 28, relations: 44 });
    expect(await page.locator('.notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('an unknown ?dataset= says so and shows the default dataset', async () => {
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?dataset=nowhere`);
    expect((await drawn(page)).actors).toBe(15);
    await expect(page.locator('.notice').textContent()).resolves.toContain('No embedded dataset “nowhere” (there are tajikistan-2023, central-asia-arms).');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
