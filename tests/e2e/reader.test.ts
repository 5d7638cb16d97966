/**
 * The Source tab in headless Chromium: the interview with one mark per claim
 * and its coverage; a mark opens its relation; a quote's "read in the source"
 * opens the text at its passage; a sentence selected becomes a claim (quote,
 * offsets, paragraph, context and source filled in; the relation chosen from
 * the paragraph's actors, joining the one that exists) whose mark appears and
 * is there after a reload; a selected name becomes an actor.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import { paragraphsOf } from '../../graph/sources/paragraphs';
import { openAppForEachTest, pickActor, selectSourceText } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

const text = dataset.sources[0]!.text;
// One stop per passage: claims quoting the same words (for two relations) share it.
const claims = new Set(dataset.relations.flatMap((r) => r.claims.map((c) => c.locator.chars![0]))).size;
const paragraphs = paragraphsOf(text);
const coded = new Set(dataset.relations.flatMap((r) => r.claims.map((c) => c.locator.paragraph))).size;
const reader = () => page.getByRole('region', { name: 'Source text' });
const passages = () => reader().locator('mark.claim-mark[tabindex="0"]');


describe('the source text', () => {
  it('marks every claim of the interview, says how much of it is coded, and opens a mark’s relation', async () => {
    await page.getByRole('tab', { name: 'Source' }).click();
    await expect.poll(() => passages().count()).toBe(claims);
    await expect(reader().locator('.reader-coverage strong').textContent()).resolves.toBe(`${coded} of ${paragraphs.length} paragraphs coded`);
    await expect(reader().locator('.reader-paragraph').count()).resolves.toBe(paragraphs.length);
    // Text only, never markup: the paragraph's text is the source's, character for character.
    const third = paragraphs[2]!;
    await expect(reader().locator('.reader-paragraph[data-paragraph="3"]').evaluate((p) => [...p.querySelectorAll('[data-start]')].map((x) => x.textContent).join(''))).resolves.toBe(
      text.slice(third.start, third.end),
    );
    // The contested relation r9's passages are struck through.
    await expect(reader().locator('mark.contested[data-relation="r9"]').count()).resolves.toBeGreaterThan(0);
    await passages().first().press('Enter');
    await expect.poll(() => page.locator('#panel-details section.details').getAttribute('aria-label')).toMatch(/^Relation: /);
  });

  it('opens the text at a quote’s passage from the relation card', async () => {
    await page.goto(`${page.url().split('?')[0]}?relation=r9`);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    const r9 = dataset.relations.find((r) => r.id === 'r9')!;
    await page.locator('#panel-details').getByRole('button', { name: 'read in the source' }).first().click();
    await expect.poll(() => page.getByRole('tab', { name: 'Source' }).getAttribute('aria-selected')).toBe('true');
    const [start] = r9.claims[0]!.locator.chars as [number, number];
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('mark')?.dataset.relation ?? null)).toBe('r9');
    await expect(reader().locator('.in-focus').first().getAttribute('data-start')).resolves.toBe(String(start));
  });

  it('makes a claim from a selected sentence, joins it to the relation that exists, marks it, and keeps it after a reload', async () => {
    await page.getByRole('tab', { name: 'Source' }).click();
    const sentence = 'Business negotiations are underway, but so far everything is at the level of discussing intentions.';
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    await selectSourceText(page, start, start + sentence.length);
    const claim = reader().getByRole('button', { name: 'Claim from selection' });
    await expect.poll(() => claim.isDisabled()).toBe(false);
    await expect(reader().locator('.reader-selected').textContent()).resolves.toMatch(/¶4 · characters/);
    // The shortcut, from inside the reader.
    await claim.focus();
    await page.keyboard.press('c');
    const form = page.getByRole('form', { name: 'New relation' });
    await form.waitFor();
    await expect(form.getByLabel('Quote (verbatim)').inputValue()).resolves.toBe(sentence);
    await expect(form.getByLabel('Paragraph', { exact: true }).inputValue()).resolves.toBe('4');
    await expect(form.getByLabel('First character').inputValue()).resolves.toBe(String(start));
    await expect(form.getByLabel('End character').inputValue()).resolves.toBe(String(start + sentence.length));
    await pickActor(page, 'From actor', 'Russia');
    await form.getByRole('button', { name: 'To actor: Tajikistan' }).click();
    await form.getByRole('button', { name: 'Dina Malysheva' }).click();
    await form.getByLabel('Reliability of the source').selectOption('B');
    await form.getByLabel('Credibility of the information').selectOption('2');
    // Russia — Tajikistan partner exists (r1): the claim joins it rather than drawing a second arrow.
    await expect(form.locator('.same-relation').textContent()).resolves.toMatch(/exists already/);
    await form.getByRole('button', { name: 'Add the claims to it' }).click();
    await expect.poll(() => page.locator('#panel-details section.details').textContent()).toContain(sentence);
    await page.getByRole('tab', { name: 'Source' }).click();
    await expect.poll(() => passages().count()).toBe(claims + 1);
    await expect(reader().locator(`mark[data-start="${start}"]`).getAttribute('data-relation')).resolves.toBe('r1');
    await expect(reader().locator('.reader-coverage strong').textContent()).resolves.toBe(`${coded + 1} of ${paragraphs.length} paragraphs coded`);
    await expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved /);

    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await page.getByRole('tab', { name: 'Source' }).click();
    await expect.poll(() => passages().count()).toBe(claims + 1);
    await expect(reader().locator(`mark[data-start="${start}"]`).getAttribute('data-relation')).resolves.toBe('r1');
  });

  it('makes an actor from a selected name, and lists the names that are not actors yet', async () => {
    await page.getByRole('tab', { name: 'Source' }).click();
    await expect(reader().getByRole('complementary', { name: 'Names in this text' }).textContent()).resolves.toMatch(/Names that are not actors yet/);
    const name = 'Ia-centr.ru';
    const start = text.indexOf(name);
    await selectSourceText(page, start, start + name.length);
    await reader().getByRole('button', { name: 'Actor from selection' }).click();
    await reader().getByRole('group', { name: 'Actor from the selected text' }).getByRole('button', { name: 'A new actor…' }).click();
    const form = page.getByRole('form', { name: 'New actor' });
    await expect(form.getByLabel('Name').inputValue()).resolves.toBe(name);
  });
});
