/**
 * The time a GEXF export shows other tools (Gephi's timeline, networkx's
 * `spells`), worked out from a relation's claims; our own reader ignores it
 * (the claims are in `actorscope:claims`).
 *
 * - Spells: the days the supporting claims hold (analysis/time-window.ts,
 *   claimSpan: a partial date is all its days), overlapping or touching spans
 *   joined, since Gephi refuses overlapping intervals. None (the edge holds
 *   always) when a supporting claim is undated, or there is no supporting claim.
 * - Weight over time: at each day, the sum of the weights of the supporting
 *   claims that hold on it — what analysis/time-window.ts's relationWeight
 *   gives for a window of that day — as consecutive, non-overlapping spans.
 *   None unless a weighted supporting claim is dated.
 */
import { claimSpan } from '../../analysis/time-window';
import type { Relation } from '../../model/types';

/** A span of whole days, YYYY-MM-DD, either end open (null). */
export type DaySpan = [string | null, string | null];

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const supporting = (relation: Relation) => relation.claims.filter((c) => c.stance === 'supports');

/** The relation's spells, joined; null when it holds always. */
export function relationSpells(relation: Relation): DaySpan[] | null {
  const claims = supporting(relation);
  if (claims.length === 0) return null;
  const spans: DaySpan[] = [];
  for (const c of claims) {
    const span = claimSpan(c);
    if (!span) return null;
    spans.push(span);
  }
  spans.sort((a, b) => (a[0] === b[0] ? 0 : a[0] === null ? -1 : b[0] === null ? 1 : a[0] < b[0] ? -1 : 1));
  const out: DaySpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && (last[1] === null || s[0] === null || s[0] <= shift(last[1], 1))) {
      if (last[1] !== null && (s[1] === null || s[1] > last[1])) last[1] = s[1];
    } else out.push([s[0], s[1]]);
  }
  return out;
}

/** The relation's weight over time: [span, summed weight] in order; empty when no weighted supporting claim is dated. */
export function relationWeightSpans(relation: Relation): Array<[DaySpan, number]> {
  const weighted = supporting(relation).flatMap((c) => (c.weight === undefined ? [] : [{ span: claimSpan(c) ?? ([null, null] as DaySpan), weight: c.weight }]));
  if (!weighted.some((w) => w.span[0] !== null || w.span[1] !== null)) return [];
  // The days on which the sum may change: each start, and the day after each end.
  const cuts = [...new Set(weighted.flatMap(({ span: [a, b] }) => [a, b === null ? null : shift(b, 1)]).filter((d): d is string => d !== null))].sort();
  const pieces: DaySpan[] = [];
  let from: string | null = null;
  for (const cut of cuts) {
    pieces.push([from, shift(cut, -1)]);
    from = cut;
  }
  pieces.push([from, null]);
  const out: Array<[DaySpan, number]> = [];
  for (const [a, b] of pieces) {
    const holding = weighted.filter(({ span: [s, e] }) => (s === null || (a !== null && s <= a)) && (e === null || (b !== null && e >= b)));
    if (holding.length === 0) continue;
    const sum = holding.reduce((t, w) => t + w.weight, 0);
    const last = out[out.length - 1];
    if (last && last[1] === sum && last[0][1] !== null && a !== null && shift(last[0][1], 1) === a) last[0][1] = b;
    else out.push([[a, b], sum]);
  }
  return out;
}
