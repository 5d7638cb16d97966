/**
 * When another tool's edge holds, as claims (the model's time is its claims'
 * dates and periods: analysis/time-window.ts): one claim per span the edge
 * gives (a spell, or its own start/end), with `date` when the span is one
 * year, month or day (start = end) and `period` otherwise (an open end left
 * open), so a time window selects the relation exactly when the file says it
 * exists. A dynamic `weight` (GEXF's reserved title for the edge weight over
 * time) gives each claim of the same span its weight, and every other span of
 * it a claim of its own; a timed weight that is no claim weight (not a number
 * 0 or more) is kept whole as the attribute `weight` (gexf-timed-values.ts).
 * An edge with no time has no claims: it holds always.
 *
 * Each claim is asserted by the file and quotes the element that gives its
 * time, exactly as written, at its offsets in the file (`locator.chars`, line
 * ends as XML reads them), graded F6 as a dated CSV row is: the file says
 * nothing of reliability.
 */
import type { Bag } from '../common/records';
import type { LocatedSpan, Span } from './gexf-time';
import type { XmlElement } from './tree';

/** One timed value of the edge's weight: its value as typed, its span, the attvalue. */
export interface TimedWeight extends Span {
  value: unknown;
  el: XmlElement;
}

/** How a claim quotes its element: the start tag as written and where it stands. */
export type Quoter = (el: XmlElement) => { quote: string; chars: [number, number] };

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** Whether every timed weight can be a claim's weight. */
export const claimWeights = (weights: readonly TimedWeight[]): boolean => weights.every((w) => typeof w.value === 'number' && Number.isFinite(w.value) && w.value >= 0);

function claimOf(span: Span, el: XmlElement, fileName: string, quoter: Quoter): Bag {
  const { quote, chars } = quoter(el);
  const claim: Bag = { quote, source: { title: fileName }, locator: { chars }, assertedBy: fileName, stance: 'supports', grade: 'F6' };
  if (span.start !== undefined && span.start === span.end) claim.date = span.start;
  else if (span.start !== undefined || span.end !== undefined) {
    const period: Bag = {};
    if (span.start !== undefined) period.from = span.start;
    if (span.end !== undefined) period.to = span.end;
    claim.period = period;
  }
  return claim;
}

/** The claims of an edge: its spans, and the weights over time (each claim weight, see claimWeights). */
export function edgeClaims(spans: readonly LocatedSpan[], weights: readonly TimedWeight[], fileName: string, quoter: Quoter): Bag[] {
  const left = weights.slice();
  const claims = spans.map((span) => {
    const claim = claimOf(span, span.el, fileName, quoter);
    const i = left.findIndex((w) => sameSpan(w, span));
    if (i >= 0) claim.weight = left.splice(i, 1)[0]!.value;
    return claim;
  });
  for (const w of left) claims.push({ ...claimOf(w, w.el, fileName, quoter), weight: w.value });
  return claims;
}

/**
 * The start tag of an element as the file writes it, from the element's
 * line:column (parse.ts reads the text with line ends normalised, so the
 * offsets are into that text). Falls back to the tag's name should the
 * position not point at it.
 */
export function makeQuoter(text: string): Quoter {
  const normalised = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  let lineStarts: number[] | null = null;
  return (el) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = normalised.indexOf('\n'); i !== -1; i = normalised.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    const start = (lineStarts[el.line - 1] ?? 0) + el.column - 1;
    if (!normalised.startsWith(`<${el.name}`, start)) return { quote: `<${el.name}>`, chars: [start, start] };
    let quote: string | null = null;
    for (let i = start + 1; i < normalised.length; i++) {
      const c = normalised[i];
      if (c === '"' || c === "'") {
        const close = normalised.indexOf(c, i + 1);
        if (close < 0) break;
        i = close;
      } else if (c === '>') {
        quote = normalised.slice(start, i + 1);
        break;
      }
    }
    return quote === null ? { quote: `<${el.name}>`, chars: [start, start] } : { quote, chars: [start, start + quote.length] };
  };
}
