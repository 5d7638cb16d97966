/**
 * From document to claims in headless Chromium, as issue 13 asks it done: an
 * article pasted in becomes a source; five claims are made from it by
 * selecting its sentences; they are in the network; the dataset exported and
 * checked by `actorscope validate` has every quote verified against the text.
 * A two-page PDF (made here with pdf-lib) is opened, read in the document
 * worker with its pages; a PDF without text is refused, the dataset unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForEachTest, pickActor, selectSourceText } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'actorscope-documents-'));

const ARTICLE = [
  'Arms and allies in Central Asia',
  'Russia supplies Tajikistan with helicopters, the ministry said on Monday.',
  'China supplies Uzbekistan with drones under a new contract.',
  'Kazakhstan and Kyrgyzstan signed a border agreement.\nThe Taliban threaten Turkmenistan, a spokesman warned.',
  'Officials in Dushanbe said Tajikistan partners with China on border posts.',
].join('\n\n');

/** [from, type, to, sentence] for the five claims. */
const CLAIMS: Array<[string, string, string, string]> = [
  ['Russia', 'supplier', 'Tajikistan', 'Russia supplies Tajikistan with helicopters'],
  ['China', 'supplier', 'Uzbekistan', 'China supplies Uzbekistan with drones under a new contract.'],
  ['Kazakhstan', 'partner', 'Kyrgyzstan', 'Kazakhstan and Kyrgyzstan signed a border agreement.'],
  ['Taliban', 'threat', 'Turkmenistan', 'The Taliban threaten Turkmenistan'],
  ['Tajikistan', 'partner', 'China', 'Tajikistan partners with China on border posts.'],
];


async function makePdf(pages: string[][]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const p = pdf.addPage([420, 300]);
    lines.forEach((line, i) => p.drawText(line, { x: 30, y: 260 - i * 18, size: 12, font }));
  }
  return Buffer.from(await pdf.save());
}

const reader = () => page.getByRole('region', { name: 'Source text' });

describe('from document to claims', () => {
  it('pastes an article, makes five claims by selecting its sentences, sees them in the network, and validate verifies every quote', async () => {
    const edgesBefore = await page.evaluate(() => window.__actorscope!.cy.edges().length);
    await page.getByRole('tab', { name: 'Source' }).click();
    await page.getByRole('button', { name: 'Add a document…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a document' });
    await dialog.getByLabel('or paste its text').fill(ARTICLE);
    await dialog.getByLabel('Title').fill('Arms and allies in Central Asia');
    await dialog.getByLabel('Publisher').fill('Test Wire');
    await dialog.getByRole('button', { name: 'Add the document' }).click();
    await expect.poll(() => reader().locator('.reader-coverage strong').textContent()).toBe('0 of 5 paragraphs coded');
    await expect(reader().locator('.reader-head select').inputValue()).resolves.toBe('arms-and-allies-in-central-asia');

    for (const [i, [from, type, to, sentence]] of CLAIMS.entries()) {
      const start = ARTICLE.indexOf(sentence);
      await selectSourceText(page, start, start + sentence.length);
      await reader().getByRole('button', { name: 'Claim from selection' }).click();
      const form = page.getByRole('form', { name: 'New relation' });
      await expect(form.getByLabel('Quote (verbatim)').inputValue()).resolves.toBe(sentence);
      await pickActor(page, 'From actor', from);
      await form.getByLabel('Type').selectOption(type);
      await pickActor(page, 'To actor', to);
      await form.getByLabel('Asserted by').fill(i === 3 ? 'a spokesman' : 'reported');
      await form.getByLabel('Reliability of the source').selectOption('C');
      await form.getByLabel('Credibility of the information').selectOption('3');
      // Joined to the relation when it exists, a new one otherwise.
      const submit = form.getByRole('button', { name: /^(Add relation|Add the claims to it)$/ });
      await submit.click();
      await expect.poll(() => page.locator('#panel-details section.details').textContent()).toContain(sentence);
      await page.getByRole('tab', { name: 'Source' }).click();
    }
    await expect.poll(() => reader().locator('mark.claim-mark[tabindex="0"]').count()).toBe(5);
    await expect(reader().locator('.reader-coverage strong').textContent()).resolves.toBe('4 of 5 paragraphs coded');
    // In the network: the new relations are drawn (two of the five joined relations that existed).
    const edgesAfter = await page.evaluate(() => window.__actorscope!.cy.edges().length);
    expect(edgesAfter).toBeGreaterThan(edgesBefore);

    await page.getByRole('button', { name: 'Export ▾' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Actorscope dataset (JSON)' }).click()]);
    const file = join(dir, 'with-article.json');
    writeFileSync(file, readFileSync((await download.path())!));
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { sources: Array<{ id: string; text?: string }>; relations: Array<{ claims: Array<{ sourceId: string; quote: string; locator: { chars: [number, number] } }> }> };
    const ours = exported.relations.flatMap((r) => r.claims).filter((c) => c.sourceId === 'arms-and-allies-in-central-asia');
    expect(ours).toHaveLength(5);
    for (const c of ours) expect(ARTICLE.slice(...c.locator.chars)).toBe(c.quote);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/actorscope.mjs'), 'validate', file], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/valid: \d+ actors, \d+ relations, 36 claims; 36 quotes checked against the text of 2 sources$/);
  });

  it('opens a two-page PDF in the document worker, with its pages; a PDF without text is refused and nothing is added', async () => {
    const pdf = join(dir, 'two-pages.pdf');
    writeFileSync(pdf, await makePdf([['Page one: Russia supplies Tajikistan.'], ['Page two: China partners with Tajikistan.']]));
    await page.getByRole('tab', { name: 'Source' }).click();
    await page.getByRole('button', { name: 'Add a document…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a document' });
    await dialog.getByLabel('Open a file (.txt, .md, .html, .pdf)').setInputFiles(pdf);
    await expect.poll(() => dialog.locator('p.muted').nth(1).textContent(), { timeout: 20_000 }).toMatch(/characters, 2 pages$/);
    await expect(dialog.getByLabel('Kind').inputValue()).resolves.toBe('report');
    await dialog.getByLabel('Title').fill('Two pages');
    await dialog.getByRole('button', { name: 'Add the document' }).click();
    await expect.poll(() => reader().locator('.reader-paragraph').count()).toBe(2);
    await expect(reader().locator('.reader-text').textContent()).resolves.toMatch(/Page one: Russia supplies Tajikistan\..*Page two: China partners with Tajikistan\./);

    const blank = join(dir, 'scan.pdf');
    const scan = await PDFDocument.create();
    scan.addPage([200, 200]).drawRectangle({ x: 20, y: 20, width: 100, height: 100 });
    writeFileSync(blank, Buffer.from(await scan.save()));
    const sourcesBefore = await reader().locator('.reader-head select option').count();
    await page.getByRole('button', { name: 'Add a document…' }).click();
    await dialog.getByLabel('Open a file (.txt, .md, .html, .pdf)').setInputFiles(blank);
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/Not added; the dataset is unchanged\..*(OCR|no text)/s);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(reader().locator('.reader-head select option').count()).resolves.toBe(sourcesBefore);
  });
});
