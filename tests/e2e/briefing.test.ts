/**
 * The briefing file as its reader opens it: written by `actorscope brief` on
 * the embedded dataset, opened from disk in headless Chromium with every
 * request but the file itself refused and counted, read by its headings,
 * links and footnotes, printed to PDF by Chromium, and the PDF's pages
 * rendered by poppler (pdftoppm, pdftotext; tests/ensure-poppler.mjs) and
 * looked at: page count, the text on the pages, ink on the first page. And
 * the explorer's own Export → Briefing: the Paths tab's question, with the
 * canvas's picture, downloaded and opened the same way; and the blocs and
 * unbalanced triads chosen by checkbox in the dialog, their shared footnote
 * numbering and sensitivity lines, printed and page 2 drawn by pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../graph/cli';
import { runWithFiles } from '../support/run-command';
import { launchBrowser, openApp, pickActor } from './browser';

const DATASET = readFileSync(new URL('../../public/data/tajikistan-2023.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'actorscope-brief-'));

/** Runs `actorscope brief` on `dataset` and writes the HTML into the temporary folder. */
function writeBrief(name: string, dataset: string, ...args: string[]): string {
  const files = new Map([['d.json', dataset]]);
  const run = runWithFiles(main, files, 'brief', 'd.json', '--out', 'b.html', '--date', '2026-12-02T10:00:00Z', ...args);
  expect(run.code, run.err).toBe(0);
  const path = join(dir, name);
  writeFileSync(path, files.get('b.html')!);
  return path;
}

/** Opens a file with every other request refused; returns the refused ones and any dialog or script error. */
async function openOffline(browser: Browser, path: string): Promise<{ page: Page; refused: string[]; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const self = pathToFileURL(path).href;
  const refused: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url() === self) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(self);
  await page.waitForLoadState('load');
  return { page, refused, dialogs, errors };
}

/** Dark pixels (below 128 of 255) in a binary PGM (P5) that pdftoppm -gray writes. */
function darkPixels(pgm: Buffer): { dark: number; total: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64));
  if (!header) throw new Error('not a binary PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (let i = 0; i < w * h; i++) if (pixels[i]! < 128) dark++;
  return { dark, total: w * h };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a briefing opened and printed', () => {
  it('opens with no request, shows the picture, the question, the answer and a footnote per claim, and prints to PDF pages that hold them', async () => {
    const path = writeBrief('any.html', DATASET, '--from', 'radical-islamist-groups', '--to', 'china', '--preset', 'any', '--k', '3', '--evidence', 'all', '--author', 'A. Analyst', '--link', 'http://127.0.0.1:5173/');
    const { page, refused, dialogs, errors } = await openOffline(browser, path);
    expect(refused).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Any tie: Radical Islamist groups based in Afghanistan to China — Tajikistan’s security partners and threats (2023)');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Picture', 'Question', 'Paths', 'Evidence counted', 'How to read it', 'Claims']);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Path 1: Radical Islamist groups based in Afghanistan → China',
      'Path 2: Radical Islamist groups based in Afghanistan → Tajikistan → China',
    ]);
    // The picture decodes as an image (a broken SVG has naturalWidth 0).
    const picture = page.getByRole('img', { name: /The paths from Radical Islamist groups/ });
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0)).toBe(true);
    // Seven claims (r12: 1, r11: 3, r4: 3), each a footnote that its hop links to.
    const notes = page.locator('ol.footnotes > li');
    expect(await notes.count()).toBe(7);
    await page.locator('a[href="#fn-5"]').click();
    expect(await page.evaluate(() => location.hash)).toBe('#fn-5');
    expect(await notes.nth(4).textContent()).toContain('Tajikistan — China, partner');
    expect(await page.getByRole('link', { name: /^http:\/\/127\.0\.0\.1:5173\/\?tab=paths/ }).getAttribute('href')).toBe(
      'http://127.0.0.1:5173/?tab=paths&from=radical-islamist-groups&to=china&preset=any&k=3&evidence=all',
    );

    const pdf = join(dir, 'any.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Any tie: Radical Islamist groups based in Afghanistan to China', 'A. Analyst', 'Content hash', 'Evidence counted', 'Holds without claims below C3', 'radical Islamists who threaten both Tajikistan and China']) {
      expect(text).toContain(words);
    }
    // Page 1 drawn: the title, the meta and the picture put ink on it, and it is not all ink.
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const first = readFileSync(join(dir, 'page-1.pgm'));
    const { dark, total } = darkPixels(first);
    expect(dark / total).toBeGreaterThan(0.01);
    expect(dark / total).toBeLessThan(0.5);
  });

  it('keeps hostile names as text: no script runs, no element or request comes from the data', async () => {
    const hostile = JSON.stringify({
      format: 'actorscope',
      version: 1,
      meta: { title: 'Hostile <img src=https://example.org/x.png>' },
      actors: [
        { id: 'a', name: '<script>alert(1)</script>', kind: 'armed-group' },
        { id: 'b', name: '<img src=x onerror=alert(2)>', kind: 'state' },
      ],
      relations: [{ id: 'r1', source: 'a', target: 'b', type: 'threat', claims: [{ quote: '<iframe src="https://example.org/"></iframe>', source: { title: 'T', url: 'https://example.org/' }, locator: { paragraph: 1 }, assertedBy: 'x', stance: 'supports', grade: 'B2' }] }],
    });
    const path = writeBrief('hostile.html', hostile, '--from', 'a', '--to', 'b');
    const { page, refused, dialogs, errors } = await openOffline(browser, path);
    expect({ refused, dialogs, errors }).toEqual({ refused: [], dialogs: [], errors: [] });
    expect(await page.locator('script, iframe').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toBe('Path 1: <script>alert(1)</script> → <img src=x onerror=alert(2)>');
    await page.close();
  });
});

describe('the explorer’s Export → Briefing', () => {
  it('writes the Paths tab’s question with the canvas picture, the author and a link back to the view', async () => {
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?tab=paths&from=radical-islamist-groups&to=china`);
    await page.getByRole('region', { name: 'Hops of path 1' }).waitFor();
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Author').fill('A. Analyst');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Briefing (HTML): the path question' }).click()]);
    const path = join(dir, 'from-app.html');
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/-briefing\.html$/);
    const viewUrl = page.url();
    expect(errors).toEqual([]);
    await page.close();

    const opened = await openOffline(browser, path);
    expect({ refused: opened.refused, dialogs: opened.dialogs, errors: opened.errors }).toEqual({ refused: [], dialogs: [], errors: [] });
    const brief = opened.page;
    expect(await brief.getByRole('heading', { level: 1 }).textContent()).toBe('Threat chains: Radical Islamist groups based in Afghanistan to China — Tajikistan’s security partners and threats (2023)');
    expect(await brief.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Path 1: Radical Islamist groups based in Afghanistan → China']);
    expect(await brief.locator('dl.meta').textContent()).toContain('A. Analyst');
    // The canvas's own picture (cytoscape-svg with the legend), decoded as an image.
    expect(await brief.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await brief.locator('ol.footnotes > li').count()).toBe(1);
    // The link reopens the view it was made from.
    expect(await brief.locator('footer a').getAttribute('href')).toBe(viewUrl);
    expect(new URL(viewUrl).searchParams.get('from')).toBe('radical-islamist-groups');
    // What the evidence setting left out of the shown graph is said.
    expect(await brief.locator('#h-evidence + p + p').textContent()).toBe('3 contested relations not counted:');
    await brief.close();
  });

  it('writes the blocs and the unbalanced triads chosen in the dialog, one footnote numbering over both, and prints them', async () => {
    // Every relation counts (evidence=all), so the triad Tajikistan · Panjshir · Taliban is there (its threat is contested).
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?tab=blocs&evidence=all`);
    await page.getByRole('region', { name: 'Alliance blocs' }).getByText(/^2 blocs, modularity/).waitFor();
    await page.getByRole('tab', { name: 'Balance' }).click();
    await page.getByRole('heading', { name: /^Unbalanced triads \(1\)/ }).waitFor();
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const box = (name: RegExp) => dialog.getByRole('checkbox', { name });
    // The tabs opened are chosen; no path question and no compared actors, so those cannot be.
    expect(await box(/^Alliance blocs/).isChecked()).toBe(true);
    expect(await box(/^Unbalanced triads/).isChecked()).toBe(true);
    expect(await box(/^The path question/).isDisabled()).toBe(true);
    expect(await box(/^Compared actors/).isDisabled()).toBe(true);
    // Unchecking and checking again by keyboard: the boxes are labelled and focusable.
    await box(/^Alliance blocs/).focus();
    await page.keyboard.press('Space');
    expect(await dialog.getByRole('button', { name: /^Briefing \(HTML\)/ }).textContent()).toBe('Briefing (HTML): unbalanced triads');
    await page.keyboard.press('Space');
    const button = dialog.getByRole('button', { name: 'Briefing (HTML): alliance blocs, unbalanced triads' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = join(dir, 'blocs-triads.html');
    await download.saveAs(path);
    expect(errors).toEqual([]);
    await page.close();

    const opened = await openOffline(browser, path);
    expect({ refused: opened.refused, dialogs: opened.dialogs, errors: opened.errors }).toEqual({ refused: [], dialogs: [], errors: [] });
    const brief = opened.page;
    expect(await brief.getByRole('heading', { level: 1 }).textContent()).toBe('Briefing: alliance blocs, unbalanced triads — Tajikistan’s security partners and threats (2023)');
    expect(await brief.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Picture', 'Question', 'Alliance blocs', 'Unbalanced triads', 'Evidence counted', 'How to read it', 'Claims']);
    expect(await brief.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Bloc 1 (4 actors)',
      'Bloc 2 (2 actors)',
      'Triad 1: Panjshir resistance, Tajikistan and Taliban (Islamic Emirate of Afghanistan)',
    ]);
    // The supply Tajikistan → Taliban holds bloc 1 together and is a side of the triad: the same note in both.
    const supplyNote = (section: string) =>
      brief.locator(`section[aria-labelledby="${section}"] ul.ties > li`, { hasText: 'Supplier: Tajikistan → Taliban' }).locator('sup a').first().getAttribute('href');
    const inBloc = await supplyNote('h-blocs');
    expect(inBloc).toMatch(/^#fn-\d+$/);
    expect(await supplyNote('h-triads')).toBe(inBloc);
    // Every claim once: the footnotes are numbered 1…n with no gap, each reference lands on one.
    const ids = await brief.locator('ol.footnotes > li').evaluateAll((lis) => lis.map((li) => li.id));
    expect(ids).toEqual(ids.map((_id, i) => `fn-${i + 1}`));
    const refs = await brief.locator('sup a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(refs)).toEqual(new Set(ids.map((id) => `#${id}`)));
    expect(await brief.locator('p.sensitivity').allTextContents()).toEqual([
      'Holds without claims below C3: the same 2 blocs come out (modularity 0.375).',
      'Holds without claims below C3: the same bloc comes out.',
      'Holds without claims below C3: the same bloc comes out.',
      'Does not hold without claims below C3: the three actors are then no longer a triad (a pair has no signed relation left): Tajikistan → Panjshir resistance (suspected supporter) has no supporting claim at C3 or better; Taliban (Islamic Emirate of Afghanistan) → Panjshir resistance (threat) has no supporting claim at C3 or better.',
    ]);
    expect(await brief.locator('#h-evidence + p').textContent()).toContain('Counted: all relations, contested ones included.');

    const pdf = join(dir, 'blocs-triads.pdf');
    await brief.pdf({ path: pdf, format: 'A4', printBackground: true });
    await brief.close();
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Alliance blocs', 'Bloc 1 (4 actors)', 'Unbalanced triads', 'Triad 1: Panjshir resistance', 'no longer a triad', 'Claims']) expect(text).toContain(words);
    // Page 2 (the findings) drawn by poppler.
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '2', '-l', '2', pdf, join(dir, 'findings')]);
    // A page of text only (looked at: the blocs with their ties and note numbers, the triads' heading): less ink than page 1's picture.
    const { dark, total } = darkPixels(readFileSync(join(dir, 'findings-2.pgm')));
    expect(dark / total).toBeGreaterThan(0.002);
    expect(dark / total).toBeLessThan(0.5);
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(page2).toContain('Bloc 1 (4 actors)');
  });

  it('writes the actors chosen in Compare: metrics side by side, what they share and differ in, footnoted', async () => {
    const { page, errors } = await openApp(browser, `${inject('baseUrl')}?tab=compare`);
    await pickActor(page, 'Add actor', 'Russia');
    await pickActor(page, 'Add actor', 'China');
    await page.getByRole('table', { name: 'Metrics side by side' }).waitFor();
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const compared = dialog.getByRole('checkbox', { name: /^Compared actors \(Russia, China\)/ });
    expect(await compared.isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /^Alliance blocs/ }).isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Briefing (HTML): compared actors' }).click()]);
    const path = join(dir, 'compare.html');
    await download.saveAs(path);
    expect(errors).toEqual([]);
    await page.close();

    const opened = await openOffline(browser, path);
    expect({ refused: opened.refused, dialogs: opened.dialogs, errors: opened.errors }).toEqual({ refused: [], dialogs: [], errors: [] });
    const brief = opened.page;
    expect(await brief.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Picture', 'Question', 'Compared actors', 'Evidence counted', 'How to read it', 'Claims']);
    // Under the default setting (uncontested relations): no relation between them, Tajikistan shared, the radical groups' threat China's own.
    expect(await brief.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Between them', 'Shared neighbours (1)', 'Only Russia (0 neighbours)', 'Only China (1 neighbour)']);
    // Degree 3 for Russia, as the Compare tab's bars say.
    expect(await brief.locator('table.compare tr', { hasText: 'Degree' }).first().locator('td').first().textContent()).toMatch(/^3 #\d+$/);
    // Tajikistan's four relations with the two (5 + 2 + 2 + 3 claims) and the radical groups' threat to China (1): 13 claims.
    expect(await brief.locator('ol.footnotes > li').count()).toBe(13);
    expect(await brief.locator('p.sensitivity').allTextContents()).toEqual(['Holds without claims below C3: the relations between them and every shared neighbour remain.']);
    await brief.close();
  });
});

