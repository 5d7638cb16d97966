/**
 * Quotes checked against the source text the dataset holds: a claim's `chars`
 * must hold its quote exactly (`text.slice(start, end) === quote`). When they
 * do not but the quote is found by its text and context, the claim is
 * re-anchored there, with a warning (an error for `validate --strict`); a quote
 * found nowhere in its source is an error at the claim's path. The paragraph
 * and page follow the offsets, by the paragraph rule and the source's pages.
 * A claim without `chars` whose quote is in the text gets them, said in a warning.
 */
import type { Claim, Locator, Relation, Source } from '../model/types';
import { anchorQuote } from '../sources/anchor';
import { paragraphAt, paragraphsOf, type Paragraph } from '../sources/paragraphs';
import type { ProblemList } from './problems';
import type { SourceTable } from './restore-sources';

/** The page holding offset `at`, 1-based, from the offsets where pages start. */
export function pageAt(pages: readonly number[], at: number): number {
  let page = 1;
  for (let i = 1; i < pages.length && pages[i]! <= at; i++) page = i + 1;
  return page;
}

const showChars = (c: readonly [number, number]) => `[${c[0]}, ${c[1]}]`;

export function checkQuotes(relations: readonly Relation[], sources: SourceTable, problems: ProblemList): void {
  const paragraphs = new Map<Source, Paragraph[]>();
  const paragraphsFor = (s: Source) => {
    let p = paragraphs.get(s);
    if (!p) paragraphs.set(s, (p = paragraphsOf(s.text!)));
    return p;
  };
  relations.forEach((r, i) =>
    r.claims.forEach((claim, j) => {
      const source = sources.get(claim.sourceId);
      if (source?.text === undefined) return;
      const path = `relations[${i}].claims[${j}]`;
      const anchoring = anchorQuote(source.text, claim.quote, claim.locator.chars, claim.context);
      if (anchoring.kind === 'missing') {
        const hint = anchoring.nearly
          ? `; ${showChars(anchoring.nearly)} reads "${source.text.slice(...anchoring.nearly)}", alike but for spaces, dashes or quotation marks — copy the text's own`
          : '';
        problems.error(`${path}.quote`, `not found in the text of source "${source.id}"${hint}`);
        return;
      }
      if (anchoring.kind === 'moved') {
        const was = claim.locator.chars;
        claim.locator = { ...claim.locator, chars: anchoring.chars };
        problems.warn(
          `${path}.locator.chars`,
          was
            ? `${showChars(was)} does not hold the quote; re-anchored to ${showChars(anchoring.chars)} by its text${claim.context ? ' and context' : ''}`
            : `missing; the quote is at ${showChars(anchoring.chars)} in source "${source.id}"`,
        );
      }
      followOffsets(claim, source, paragraphsFor(source), path, problems);
    }),
  );
}

/** The paragraph and page where the quote's offsets put it (corrected with a warning when the claim said otherwise). */
function followOffsets(claim: Claim, source: Source, paragraphs: readonly Paragraph[], path: string, problems: ProblemList): void {
  const start = claim.locator.chars![0];
  const next: Locator = { ...claim.locator };
  const paragraph = paragraphAt(paragraphs, start)?.n;
  if (paragraph !== undefined && claim.locator.paragraph !== paragraph) {
    if (claim.locator.paragraph !== undefined) problems.warn(`${path}.locator.paragraph`, `${claim.locator.paragraph}, but the quote stands in paragraph ${paragraph}; set to ${paragraph}`);
    next.paragraph = paragraph;
  }
  if (source.pages) {
    const page = pageAt(source.pages, start);
    if (claim.locator.page !== page) {
      if (claim.locator.page !== undefined) problems.warn(`${path}.locator.page`, `${claim.locator.page}, but the quote stands on page ${page}; set to ${page}`);
      next.page = page;
    }
  }
  claim.locator = next;
}
