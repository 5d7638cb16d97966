/**
 * How much of a source text the claims cover: its paragraphs (by the rule of
 * paragraphs.ts), each with the number of claims that start in it, and how
 * many hold at least one ("9 of 28 paragraphs coded"). A claim counts where
 * its quote starts (`locator.chars[0]`, as checkQuotes places its paragraph);
 * one without offsets by the paragraph it names. Pure, for the CLI's
 * `sources` and the reader alike.
 */
import type { Claim, Source } from '../model/types';
import { paragraphAt, paragraphsOf, type Paragraph } from './paragraphs';

export interface ParagraphCoverage extends Paragraph {
  /** Claims on this source that start in this paragraph. */
  claims: number;
}

export interface Coverage {
  paragraphs: ParagraphCoverage[];
  /** Paragraphs holding at least one claim's start. */
  coded: number;
  /** Claims on this source placed in no paragraph (their start between paragraphs, or no offsets and no paragraph number). */
  unplaced: number;
}

/** The coverage of `source` by those of `claims` that quote it; null when the source has no text. */
export function coverageOf(source: Source, claims: readonly Claim[]): Coverage | null {
  if (source.text === undefined) return null;
  const paragraphs: ParagraphCoverage[] = paragraphsOf(source.text).map((p) => ({ ...p, claims: 0 }));
  let unplaced = 0;
  for (const claim of claims) {
    if (claim.sourceId !== source.id) continue;
    const chars = claim.locator.chars;
    const paragraph = chars ? paragraphAt(paragraphs, chars[0]) : paragraphs[(claim.locator.paragraph ?? 0) - 1];
    if (paragraph) (paragraph as ParagraphCoverage).claims++;
    else unplaced++;
  }
  return { paragraphs, coded: paragraphs.filter((p) => p.claims > 0).length, unplaced };
}
