/** Launches Debian's Chromium through playwright-core with flags that work on this kind of machine. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Opens the app and waits until the graph is drawn; collects page errors for the test to check. */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 920 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
  return { page, errors };
}

/**
 * The hooks the explorer's test files share: one Chromium per file, the app
 * opened afresh for each test (its page handed to `onOpen`), and no page error
 * or console error allowed by the end of a test.
 */
export function openAppForEachTest(onOpen: (page: Page) => void): void {
  let browser: Browser | undefined;
  let opened: { page: Page; errors: string[] } | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    opened = await openApp(browser!, inject('baseUrl'));
    onOpen(opened.page);
  });
  afterEach(async () => {
    expect(opened!.errors).toEqual([]);
    await opened!.page.close();
  });
}

/** Where an actor's node is on screen, for mouse clicks and drags. */
export function actorScreenPoint(page: Page, actorId: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const cy = window.__actorscope!.cy;
    const node = cy.nodes().filter((n) => n.data('actorId') === id)[0]!;
    const box = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, actorId);
}

/** Types into an actor picker's combobox and takes the first match with the keyboard. */
export async function pickActor(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(text);
  await page.getByRole('listbox', { name: `Matching actors: ${label}` }).getByRole('option').first().waitFor();
  await box.press('Enter');
}

/** Selects [start, end) of the source text in the Source tab, as a mouse drag over it would (each piece of text carries its offset). */
export function selectSourceText(page: Page, start: number, end: number): Promise<void> {
  return page.evaluate(
    ([s, e]) => {
      const pieces = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]:not(.reader-paragraph)')];
      const at = (offset: number) => {
        const piece = pieces.find((p) => Number(p.dataset.start) <= offset && offset < Number(p.dataset.start) + (p.textContent ?? '').length)!;
        return { node: piece.firstChild!, offset: offset - Number(piece.dataset.start) };
      };
      const a = at(s);
      const b = at(e - 1);
      document.getSelection()!.setBaseAndExtent(a.node, a.offset, b.node, b.offset + 1);
    },
    [start, end] as const,
  );
}
