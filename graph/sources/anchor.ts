/**
 * Quotes anchored in their source text. A claim's `chars` should hold its
 * quote exactly; when they do not (the text was edited, offsets counted by
 * hand), the quote is looked for by its exact text and, among several places,
 * by its context (the W3C text-quote selector's prefix and suffix), then by
 * nearness to where it was said to be. A quote found nowhere is reported with
 * the nearest place that differs only by spaces or quotation marks, if any,
 * so the analyst can copy the text's own characters.
 */
import type { QuoteContext } from '../model/types';

/** How much context a selector keeps either side (as Hypothesis does, about 32 characters). */
export const CONTEXT_LENGTH = 32;

export type Anchoring =
  | { kind: 'holds' }
  | { kind: 'moved'; chars: [number, number] }
  | { kind: 'missing'; nearly?: [number, number] };

/** The text either side of [start, end); a side at the text's edge is left out (it would say nothing). */
export function contextAt(text: string, start: number, end: number, length = CONTEXT_LENGTH): QuoteContext {
  const context: QuoteContext = {};
  const prefix = text.slice(Math.max(0, start - length), start);
  const suffix = text.slice(end, end + length);
  if (prefix) context.prefix = prefix;
  if (suffix) context.suffix = suffix;
  return context;
}

/** Where `quote` stands in `text`: where the claim says (`chars`), elsewhere by its text and context, or nowhere. */
export function anchorQuote(text: string, quote: string, chars?: readonly [number, number], context?: QuoteContext): Anchoring {
  if (chars && text.slice(chars[0], chars[1]) === quote) return { kind: 'holds' };
  if (quote === '') return { kind: 'missing' };
  const places: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) places.push(at);
  if (places.length === 0) {
    const nearly = looseFind(text, quote);
    return nearly ? { kind: 'missing', nearly } : { kind: 'missing' };
  }
  const score = (at: number) => sharedSuffix(text.slice(0, at), context?.prefix ?? '') + sharedPrefix(text.slice(at + quote.length), context?.suffix ?? '');
  const distance = (at: number) => (chars ? Math.abs(at - chars[0]) : at);
  let best = places[0]!;
  for (const at of places.slice(1)) {
    const d = score(at) - score(best);
    if (d > 0 || (d === 0 && distance(at) < distance(best))) best = at;
  }
  return { kind: 'moved', chars: [best, best + quote.length] };
}

function sharedSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// Spaces of any kind, and the straight and curly forms of quotation marks and apostrophes, taken as alike.
const LOOSE: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00ab': '"', '\u00bb': '"', '\u2013': '-', '\u2014': '-' };
function looseChar(c: string): string {
  return /\s/.test(c) ? ' ' : (LOOSE[c] ?? c);
}

/** The first place where the text matches the quote up to spaces, dashes and quotation marks: [start, end) in `text`. */
function looseFind(text: string, quote: string): [number, number] | undefined {
  const q = [...quote.trim()].map(looseChar).join('').replace(/ +/g, ' ');
  if (!q) return undefined;
  // The text folded the same way, with a map from each folded character back to the text.
  let folded = '';
  const back: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = looseChar(text[i]!);
    if (c === ' ' && lastSpace) continue;
    lastSpace = c === ' ';
    folded += c;
    back.push(i);
  }
  const at = folded.indexOf(q);
  if (at < 0) return undefined;
  return [back[at]!, back[at + q.length - 1]! + 1];
}
