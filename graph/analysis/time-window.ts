/**
 * Relations in time: a claim with a `date` holds on the days that date can
 * mean (2023: the whole year), one with a `period` over its span (an open end
 * runs on without bound), an undated claim always. A window `from..to`
 * (inclusive, partial dates allowed) keeps the claims that hold on some day
 * of it, and the relations with a supporting claim among them; "dated claims
 * only" leaves the undated out. The evidence setting then runs on what the
 * window kept, so confidence is the window's own. ISO days compare as text.
 */
import type { Claim, Dataset, Relation } from '../model/types';
import { dateBounds, isPartialDate } from '../schema/dates';

export interface TimeWindow {
  /** First day (a partial date: its first day); open when absent. */
  from?: string;
  /** Last day (a partial date: its last day); open when absent. */
  to?: string;
  /** Leave out the claims that carry no date or period. */
  datedOnly?: boolean;
}

/** The days a claim holds, as ISO days [first, last] (either open: null); undefined for an undated claim. */
export function claimSpan(claim: Claim): [string | null, string | null] | undefined {
  if (claim.date) return dateBounds(claim.date);
  if (claim.period) return [claim.period.from ? dateBounds(claim.period.from)[0] : null, claim.period.to ? dateBounds(claim.period.to)[1] : null];
  return undefined;
}

export function claimInWindow(claim: Claim, window: TimeWindow): boolean {
  const span = claimSpan(claim);
  if (!span) return !window.datedOnly;
  const from = window.from ? dateBounds(window.from)[0] : null;
  const to = window.to ? dateBounds(window.to)[1] : null;
  const [first, last] = span;
  return (to === null || first === null || first <= to) && (from === null || last === null || last >= from);
}

export interface WindowReport {
  window: TimeWindow;
  /** Relations with no supporting claim in the window (left out). */
  relationsOut: string[];
  /** Claims of the kept relations that hold outside the window (dropped from them). */
  claimsOut: number;
  /** Undated claims the window kept (they hold always): said wherever a window is shown. */
  undated: number;
}

/**
 * The dataset as it stands in the window: each relation with only its claims
 * that hold in it, and only the relations with a supporting claim among them.
 * A relation with no claim at all (an edge list without evidence) is undated:
 * kept, unless the window takes dated claims only.
 */
export function windowDataset(dataset: Dataset, window: TimeWindow): { dataset: Dataset; report: WindowReport } {
  const relationsOut: string[] = [];
  let claimsOut = 0;
  let undated = 0;
  const relations: Relation[] = [];
  for (const r of dataset.relations) {
    if (r.claims.length === 0) {
      if (window.datedOnly) relationsOut.push(r.id);
      else relations.push(r);
      continue;
    }
    const kept = r.claims.filter((c) => claimInWindow(c, window));
    if (!kept.some((c) => c.stance === 'supports')) {
      relationsOut.push(r.id);
      continue;
    }
    claimsOut += r.claims.length - kept.length;
    undated += kept.filter((c) => !claimSpan(c)).length;
    relations.push(kept.length === r.claims.length ? r : { ...r, claims: kept });
  }
  return { dataset: { ...dataset, relations }, report: { window, relationsOut, claimsOut, undated } };
}

/**
 * A relation's weight in the window: the sum of its supporting claims'
 * weights there; null when none of them carries one. A relation whose claims
 * carry no weight at all may carry its own, as a numeric `weight` attribute
 * (Gephi's, networkx's, a CSV's weight column without dates): it holds in
 * every window, as an undated claim does.
 */
export function relationWeight(relation: Relation, window: TimeWindow = {}): number | null {
  let sum: number | null = null;
  let weighed = false;
  for (const c of relation.claims) {
    if (c.weight === undefined) continue;
    weighed = true;
    if (c.stance !== 'supports' || !claimInWindow(c, window)) continue;
    sum = (sum ?? 0) + c.weight;
  }
  if (weighed) return sum;
  const own = relation.attributes?.weight;
  return typeof own === 'number' && Number.isFinite(own) && own >= 0 ? own : null;
}

/** The years the dated claims cover, for a histogram or a time slider: each year with the claims holding in it (a period open at an end has no last year, and counts in none). */
export function claimsPerYear(dataset: Dataset): Map<number, number> {
  const years = new Map<number, number>();
  for (const r of dataset.relations) {
    for (const c of r.claims) {
      const span = claimSpan(c);
      if (!span || span[0] === null || span[1] === null) continue;
      for (let y = Number(span[0].slice(0, 4)); y <= Number(span[1].slice(0, 4)); y++) years.set(y, (years.get(y) ?? 0) + 1);
    }
  }
  return new Map([...years].sort((a, b) => a[0] - b[0]));
}

/** `2008..2012`, `2015..`, `at 2019`: how a window is said (the CLI, the time bar, the briefing). */
export function windowText(window: TimeWindow): string {
  const range = window.from === window.to && window.from ? `at ${window.from}` : `${window.from ?? ''}..${window.to ?? ''}`;
  return window.datedOnly ? `${range}, dated claims only` : range;
}

/** What a window left out and what it held regardless, in one sentence (footnotes, the briefing). */
export function describeWindowReport(report: WindowReport, relations: number): string {
  const parts = [`${report.relationsOut.length} of ${relations} relations have no supporting claim in it and are left out`];
  if (report.claimsOut) parts.push(`${report.claimsOut} claims of the others fall outside it`);
  if (report.undated) parts.push(`${report.undated} undated claims hold in every window`);
  else if (!report.window.datedOnly) parts.push('every claim in it is dated');
  return `Time window ${windowText(report.window)}: ${parts.join('; ')}`;
}

/**
 * `FROM..TO` (either end open: `2015..`, `..2020`) or a single date (that
 * day, month or year: "as of"), with partial ISO dates, back to a window; a
 * message saying what is wrong otherwise. A link's `window=` and the CLI read it.
 */
export function parseWindow(text: string): { ok: true; window: TimeWindow } | { ok: false; message: string } {
  const t = text.trim();
  const range = /^([^.]*?)\s*\.\.\s*([^.]*)$/.exec(t);
  const [from, to] = range ? [range[1]!.trim(), range[2]!.trim()] : [t, t];
  for (const d of [from, to]) {
    if (d && !isPartialDate(d)) return { ok: false, message: `"${d}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
  }
  if (from && to && dateBounds(from)[0] > dateBounds(to)[1]) return { ok: false, message: `${from} is after ${to}` };
  if (!from && !to) return { ok: false, message: `"${text}" is not FROM..TO (e.g. 2008..2012, 2015.., ..2020) or a date` };
  const window: TimeWindow = {};
  if (from) window.from = from;
  if (to) window.to = to;
  return { ok: true, window };
}
