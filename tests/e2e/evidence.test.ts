/**
 * Evidence on the canvas, in headless Chromium on the embedded Tajikistan
 * dataset: a relation's width and opacity follow its confidence and a
 * contested one is drawn hollow (read from the rendered style on
 * window.__actorscope.cy), the legend explains it, hovering a relation shows
 * its evidence, and its card says why it is believed as much as it is. The
 * expected figures come from the core's relationEvidence(), so they follow
 * the confidence model rather than restate it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALL_EVIDENCE, DEFAULT_EVIDENCE, DEFAULT_SIGNS, applyEvidence, computeMetrics, relationEvidence, restore, structuralBalance, type EvidenceSetting, type Relation } from '../../graph';
import dataset from '../../public/data/tajikistan-2023.json';
import { CONFIDENCE_SCALE, UNCOUNTED_STYLE, confidenceLook } from '../../src/look/encoding';
import { countOf, forAndAgainst, formatShare } from '../../src/look/evidence-text';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((opened) => (page = opened));

/** The dataset's relation of that type between the actors whose names start so. */
function relationBetween(source: string, target: string, type: string): Relation {
  const named = (prefix: string) => dataset.actors.find((a) => a.name.startsWith(prefix))!.id;
  const found = dataset.relations.find((r) => r.source === named(source) && r.target === named(target) && r.type === type);
  if (!found) throw new Error(`no ${type} from ${source} to ${target} in the dataset`);
  return found as Relation;
}

const TALIBAN_THREAT = ['Taliban', 'Tajikistan', 'threat'] as const;
const RADICALS_THREAT = ['Radical Islamist groups', 'Tajikistan', 'threat'] as const;

interface DrawnEdge {
  relationId: string;
  confidence: number;
  contested: boolean;
  width: number;
  opacity: number;
  lineStyle: string;
  lineColor: string;
  outlineWidth: number;
  arrowFill: string;
  /** Its middle, in page coordinates, for the mouse. */
  x: number;
  y: number;
}

/** The edge drawn between the actors named so (found by the names in node data), with its rendered style. */
function drawnEdge([source, target, type]: readonly [string, string, string]): Promise<DrawnEdge> {
  return page.evaluate(
    ([source, target, type]) => {
      const cy = window.__actorscope!.cy;
      const edge = cy
        .edges()
        .filter((e) => e.data('type') === type && e.source().data('name').startsWith(source) && e.target().data('name').startsWith(target))[0]!;
      const box = cy.container()!.getBoundingClientRect();
      const middle = edge.renderedMidpoint();
      return {
        relationId: edge.data('relationId'),
        confidence: edge.data('confidence'),
        contested: edge.data('contested'),
        width: parseFloat(edge.renderedStyle('width')) / cy.zoom(),
        opacity: Number(edge.style('opacity')),
        lineStyle: edge.style('line-style'),
        lineColor: edge.style('line-color'),
        outlineWidth: parseFloat(edge.style('line-outline-width')),
        arrowFill: edge.style('target-arrow-fill'),
        x: box.left + middle.x,
        y: box.top + middle.y,
      };
    },
    [source, target, type] as const,
  );
}

describe('evidence on the canvas', () => {
  it('draws the contested Taliban threat differently from the radical groups’ threat', async () => {
    const talibanEvidence = relationEvidence(relationBetween(...TALIBAN_THREAT));
    const radicalsEvidence = relationEvidence(relationBetween(...RADICALS_THREAT));
    // The model's verdicts this test rests on: the Taliban threat's doubt outweighs its support; the radicals' does not.
    expect(talibanEvidence.contested).toBe(true);
    expect(talibanEvidence.doubt).toBeGreaterThan(talibanEvidence.support);
    expect(radicalsEvidence.contested).toBe(false);
    expect(talibanEvidence.confidence).toBeLessThan(radicalsEvidence.confidence);

    const taliban = await drawnEdge(TALIBAN_THREAT);
    const radicals = await drawnEdge(RADICALS_THREAT);
    expect(taliban.confidence).toBeCloseTo(talibanEvidence.confidence, 9);
    expect(radicals.confidence).toBeCloseTo(radicalsEvidence.confidence, 9);
    expect([taliban.contested, radicals.contested]).toEqual([true, false]);

    // Opacity by confidence for the counted one, width by confidence; the contested one, not counted by default, is fainter still.
    expect(radicals.opacity).toBeCloseTo(confidenceLook(CONFIDENCE_SCALE, radicals.confidence).opacity, 3);
    expect(radicals.width).toBeCloseTo(confidenceLook(CONFIDENCE_SCALE, radicals.confidence).width, 2);
    expect(taliban.opacity).toBeCloseTo(UNCOUNTED_STYLE.opacity, 3);
    expect(taliban.opacity).toBeLessThan(radicals.opacity - 0.3);
    expect(taliban.width).toBeLessThan(radicals.width);

    // Contested: hollow (a white core inside an outline of the type's colour, a hollow arrowhead), dotted as not counted.
    expect(taliban).toMatchObject({ lineColor: 'rgb(255,255,255)', arrowFill: 'hollow', lineStyle: 'dotted' });
    expect(taliban.outlineWidth).toBeGreaterThan(0);
    expect(radicals).toMatchObject({ lineStyle: 'solid', lineColor: 'rgb(198,40,40)', arrowFill: 'filled', outlineWidth: 0 });

    // Counted again (all relations), the contested one keeps its hollow line, at the opacity of its confidence.
    await page.getByRole('group', { name: 'Evidence counted' }).getByLabel('Relations').selectOption('include');
    await expect.poll(async () => (await drawnEdge(TALIBAN_THREAT)).lineStyle).not.toBe('dotted');
    const counted = await drawnEdge(TALIBAN_THREAT);
    expect(counted.opacity).toBeCloseTo(confidenceLook(CONFIDENCE_SCALE, counted.confidence).opacity, 3);
    expect(counted).toMatchObject({ lineColor: 'rgb(255,255,255)', arrowFill: 'hollow' });
  });

  it('explains width, opacity, "Contested" and "Not counted" in the legend', async () => {
    const legend = page.getByRole('region', { name: 'Legend and filters' });
    const key = legend.getByRole('list', { name: 'How evidence is drawn' });
    await expect(key.getByRole('listitem').allTextContents()).resolves.toEqual(['Confidence 0.9', 'Confidence 0.1', 'Contested', 'Not counted']);
    await expect(legend.textContent()).resolves.toContain('Wider and more opaque: more confident');
  });

  it('hovering a relation shows its evidence in a tooltip that takes no pointer events', async () => {
    const e = relationEvidence(relationBetween(...TALIBAN_THREAT));
    const edge = await drawnEdge(TALIBAN_THREAT);
    await page.mouse.move(edge.x, edge.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    const text = await tooltip.textContent();
    expect(text).toMatch(/^Threat: Taliban \(Islamic Emirate of Afghanistan\) → Tajikistan/);
    expect(text).toContain(`Confidence${formatShare(e.confidence)} · contested`);
    expect(text).toContain(`Claims${forAndAgainst(e.supports, e.disputes)}`);
    expect(text).toContain(`Witnesses${forAndAgainst(e.witnessesFor.length, e.witnessesAgainst.length)}`);
    expect(text).toContain(`Best grade${e.bestGrade}`);
    expect(text).toContain('Not counted in the analyses: contested.');
    await expect(tooltip.evaluate((el) => getComputedStyle(el).pointerEvents)).resolves.toBe('none');
    // Beside the pointer, inside the stage.
    const box = (await tooltip.boundingBox())!;
    expect(Math.min(Math.abs(box.x - edge.x), Math.abs(box.x + box.width - edge.x))).toBeLessThan(40);
    // Away from the relation (off the canvas, here), it goes.
    await page.mouse.move(5, 890);
    await expect.poll(() => tooltip.count()).toBe(0);
  });

  it('the relation card, reached by keyboard, says why: witnesses for and against, their grades, the rule', async () => {
    const e = relationEvidence(relationBetween(...TALIBAN_THREAT));
    const box = page.getByRole('combobox', { name: 'Find actor' });
    await box.fill('Taliban');
    await box.press('Enter');
    const threats = page.locator('section.details').getByRole('region', { name: 'Threat relations' });
    // The actor's list has each relation's confidence on one line, to unfold.
    const toTajikistan = threats.getByRole('listitem').filter({ hasText: 'threatens Tajikistan' });
    await expect(toTajikistan.locator('summary').textContent()).resolves.toContain(`Confidence ${formatShare(e.confidence)}`);
    await toTajikistan.getByRole('button', { name: 'relation' }).focus();
    await page.keyboard.press('Enter');
    const card = page.locator('section.details');
    await expect(card.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/Taliban.*→.*Tajikistan/);
    const why = card.locator('details.evidence-why');
    await expect(why.getAttribute('open')).resolves.toBe('');
    await expect(why.locator('summary').textContent()).resolves.toMatch(new RegExp(`^Confidence ${formatShare(e.confidence)}\\s*contested`));
    await expect(why.locator('.witnesses h4').allTextContents()).resolves.toEqual([
      `For: ${countOf(e.witnessesFor.length, 'witness', 'witnesses')}, ${countOf(e.supports, 'claim')}`,
      `Against: ${countOf(e.witnessesAgainst.length, 'witness', 'witnesses')}, ${countOf(e.disputes, 'claim')}`,
    ]);
    await expect(why.locator('.witnesses .grade').allTextContents()).resolves.toEqual([...e.witnessesFor, ...e.witnessesAgainst].map((w) => w.grade));
    await expect(why.locator('.rule').textContent()).resolves.toBe(`Rule: ${e.rule}`);
  });

  it('an edit of the claims redraws the relation in place: no longer disputed, it is no longer hollow', async () => {
    const relation = relationBetween(...TALIBAN_THREAT);
    const undisputed = relationEvidence({ claims: relation.claims.map((c) => ({ ...c, stance: 'supports' as const })) });
    expect(undisputed.contested).toBe(false);
    await page.evaluate(() => {
      (window as unknown as { firstCy: unknown }).firstCy = window.__actorscope!.cy;
    });
    const box = page.getByRole('combobox', { name: 'Find actor' });
    await box.fill('Taliban');
    await box.press('Enter');
    await page.locator('section.details').getByRole('listitem').filter({ hasText: 'threatens Tajikistan' }).getByRole('button', { name: 'relation' }).click();
    await page.getByRole('button', { name: 'Edit relation and claims' }).click();
    const form = page.getByRole('form', { name: 'Edit relation' });
    const stances = form.getByLabel('Stance');
    for (let i = 0; i < (await stances.count()); i++) await stances.nth(i).selectOption('supports');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await drawnEdge(TALIBAN_THREAT)).contested).toBe(false);
    const edge = await drawnEdge(TALIBAN_THREAT);
    expect(edge.confidence).toBeCloseTo(undisputed.confidence, 9);
    expect(edge).toMatchObject({ lineColor: 'rgb(198,40,40)', outlineWidth: 0, arrowFill: 'filled' });
    await expect(page.evaluate(() => (window as unknown as { firstCy: unknown }).firstCy === window.__actorscope?.cy)).resolves.toBe(true);
  });
});

describe('one evidence setting', () => {
  const restored = restore(dataset);
  if (!restored.ok) throw new Error('the embedded dataset does not restore');
  /** What the core answers under a setting: the figures the explorer must show. */
  const expected = (setting: EvidenceSetting) => {
    const { dataset: counted, leftOut } = applyEvidence(restored.dataset, setting);
    return {
      leftOut,
      unbalanced: structuralBalance(counted, { signs: DEFAULT_SIGNS }).triads.unbalanced,
      degree: computeMetrics(restored.dataset, { evidence: setting }).actors.find((a) => a.id === 'tajikistan')!.degree,
    };
  };
  const table = () => page.getByRole('table').filter({ has: page.locator('caption', { hasText: /^Centrality/ }) });
  const tajikistanDegree = () =>
    table().locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Tajikistan', exact: true }) }).locator('td').first().textContent();
  const balance = () => page.getByRole('region', { name: 'Structural balance' });
  const unbalanced = async () => (await balance().locator('.balance-figures dd').allTextContents())[1];

  it('changes the table and the Balance tab, says what it left out with one click to count it, and the URL carries it', async () => {
    const byDefault = expected(DEFAULT_EVIDENCE);
    const all = expected(ALL_EVIDENCE);
    // The setting must matter on this dataset for the test to mean anything.
    expect(byDefault.leftOut.contested.length).toBeGreaterThan(0);
    expect(all.unbalanced).not.toBe(byDefault.unbalanced);
    expect(all.degree).not.toBe(byDefault.degree);

    await expect.poll(tajikistanDegree).toBe(String(byDefault.degree));
    await page.getByRole('tab', { name: 'Balance' }).click();
    await balance().locator('.balance-figures').waitFor();
    await expect.poll(unbalanced).toBe(String(byDefault.unbalanced));
    const n = byDefault.leftOut.contested.length;
    const footnote = balance().getByRole('note');
    await expect(footnote.textContent()).resolves.toContain(`${n} contested relations not counted`);

    // One click in the footnote counts them: the tab, the table, the canvas and the link follow.
    await footnote.getByRole('button', { name: 'include them' }).click();
    await expect.poll(unbalanced).toBe(String(all.unbalanced));
    await expect.poll(tajikistanDegree).toBe(String(all.degree));
    await expect.poll(() => new URL(page.url()).searchParams.get('evidence')).toBe('all');
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges('.uncounted').length)).toBe(0);
    await expect(page.getByRole('group', { name: 'Evidence counted' }).getByLabel('Relations').inputValue()).resolves.toBe('include');

    // A minimum confidence, chosen in the legend, by keyboard.
    const minimum = { contested: 'include', minConfidence: 0.36 } as const;
    const strong = expected(minimum);
    const confidence = page.getByRole('group', { name: 'Evidence counted' }).getByLabel('Confidence at least');
    await confidence.focus();
    await confidence.selectOption('0.36');
    await expect.poll(tajikistanDegree).toBe(String(strong.degree));
    await expect.poll(unbalanced).toBe(String(strong.unbalanced));
    await expect.poll(() => new URL(page.url()).searchParams.get('minConfidence')).toBe('0.36');
    const leftOut = strong.leftOut.belowConfidence.length;
    await expect.poll(() => page.evaluate(() => window.__actorscope!.cy.edges('.uncounted').length)).toBe(leftOut);
    await expect(balance().getByRole('note').textContent()).resolves.toContain(`below confidence 0.36 not counted`);

    // The link opens the same setting.
    await page.reload();
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor();
    await expect.poll(tajikistanDegree).toBe(String(strong.degree));
    await expect(page.getByRole('group', { name: 'Evidence counted' }).getByLabel('Confidence at least').inputValue()).resolves.toBe('0.36');
    await expect.poll(unbalanced).toBe(String(strong.unbalanced));
  });

  it('a relation the setting leaves out says so where it is listed, and why', async () => {
    const box = page.getByRole('combobox', { name: 'Find actor' });
    await box.fill('Taliban');
    await box.press('Enter');
    const line = page.locator('section.details').getByRole('region', { name: 'Threat relations' }).getByRole('listitem').filter({ hasText: 'threatens Tajikistan' });
    await expect(line.locator('.not-counted').textContent()).resolves.toContain('Not counted in the analyses: contested');
  });
});
