/**
 * The Changes tab's windows: years, each from..to inclusive. By default the
 * first and last thirds of the years the dataset's dated claims cover
 * (claimsPerYear), so that the two never overlap and together say "early
 * against late"; a span of one or two years gives its first and last year.
 */
import type { TimeWindow } from '../../../graph';

export interface YearWindows {
  before: [number, number];
  after: [number, number];
}

/** The dataset's dated span [first, last] from claimsPerYear's keys; null when no claim is dated. */
export function datedSpan(years: Iterable<number>): [number, number] | null {
  let first = Infinity;
  let last = -Infinity;
  for (const y of years) {
    first = Math.min(first, y);
    last = Math.max(last, y);
  }
  return Number.isFinite(first) ? [first, last] : null;
}

export function defaultWindows([first, last]: [number, number]): YearWindows {
  const third = Math.max(1, Math.floor((last - first + 1) / 3));
  return { before: [first, first + third - 1], after: [last - third + 1, last] };
}

/** A window's problem in words, or null: a year the inputs cannot mean, or from after to. */
export function windowProblem(name: string, [from, to]: [number, number]): string | null {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 9999) return `${name}: give two years.`;
  return from > to ? `${name}: ${from} is after ${to}.` : null;
}

export function asTimeWindow([from, to]: [number, number], datedOnly: boolean): TimeWindow {
  return datedOnly ? { from: String(from).padStart(4, '0'), to: String(to).padStart(4, '0'), datedOnly } : { from: String(from).padStart(4, '0'), to: String(to).padStart(4, '0') };
}
