/**
 * Our selectors as another implementation of the W3C model reads them:
 * Apache Annotator's matchers (@apache-annotator/selector 0.2, the
 * reference code of the Apache Annotator project, which counts a
 * TextPositionSelector in code points as the model says). Over the source's
 * text, the TextPositionSelector must select exactly the claim's quote
 * (its UTF-16 range), and the TextQuoteSelector (exact with its prefix and
 * suffix) must find it there — for the embedded interview and for
 * fast-check's texts with CRLF, emoji and right-to-left letters.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPositionSelectorMatcher, textQuoteSelectorMatcher, type Chunk, type Chunker, type TextPositionSelector, type TextQuoteSelector } from '@apache-annotator/selector';
import { describe, expect, it } from 'vitest';
import { annotationsOf } from '../../graph/io/annotations/write-annotations';
import type { Dataset } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { arbitraryDataset } from '../support/arbitrary-dataset';

/** The whole text as one chunk. */
function chunkerOf(text: string): Chunker<Chunk<string>> {
  const chunk = { data: text };
  return { currentChunk: chunk, nextChunk: () => null, previousChunk: () => null, precedesCurrentChunk: () => false };
}

async function ranges(matches: AsyncGenerator<{ startIndex: number; endIndex: number }>): Promise<Array<[number, number]>> {
  const out: Array<[number, number]> = [];
  for await (const m of matches) out.push([m.startIndex, m.endIndex]);
  return out;
}

/** Every claim on a source with text: the two selectors, read by Apache Annotator, against the claim's offsets. */
async function check(d: Dataset): Promise<number> {
  const annotations = annotationsOf(d);
  const claims = d.relations.flatMap((r) => r.claims);
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  let checked = 0;
  for (const [i, claim] of claims.entries()) {
    const text = sources.get(claim.sourceId)?.text;
    if (text === undefined) continue;
    const selectors = (annotations[i]!.target as { selector: Array<Record<string, unknown>> }).selector;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as unknown as TextQuoteSelector;
    const position = selectors.find((s) => s.type === 'TextPositionSelector') as unknown as TextPositionSelector;
    expect(await ranges(textPositionSelectorMatcher(position)(chunkerOf(text)))).toEqual([claim.locator.chars]);
    expect(await ranges(textQuoteSelectorMatcher(quote)(chunkerOf(text)))).toContainEqual(claim.locator.chars);
    checked++;
  }
  return checked;
}

describe('our selectors read by Apache Annotator', () => {
  it('select every quote of the embedded interview', async () => {
    const r = restore(JSON.parse(readFileSync(join(__dirname, '..', '..', 'public/data/tajikistan-2023.json'), 'utf8')));
    if (!r.ok) throw new Error('the embedded dataset does not restore');
    expect(await check(r.dataset)).toBe(31);
  });

  it('select the quotes of fast-check datasets (context from the text: a made-up context is no selector of this text)', async () => {
    const withTextContext = arbitraryDataset.map((d) => ({ ...d, relations: d.relations.map((r) => ({ ...r, claims: r.claims.map(({ context: _, ...c }) => c) })) }));
    let total = 0;
    await fc.assert(fc.asyncProperty(withTextContext, async (d) => void (total += await check(d))), { numRuns: 150 });
    expect(total).toBeGreaterThan(50);
  }, 60_000);
});
