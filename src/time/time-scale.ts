/**
 * The time bar's arithmetic, in whole years: the span the dated claims cover,
 * a window as a pair of years, moving and resizing it within the span, and
 * the step Play takes. Pure, so the tests drive it without a browser.
 */
import type { TimeWindow } from '../../graph';

export interface YearSpan {
  first: number;
  last: number;
}

/** A window in years, both ends inclusive (from = to: "as of" that year). */
export interface YearWindow {
  from: number;
  to: number;
}

/** The span of years the histogram covers, or null when the dated claims cover fewer than two years (nothing to slide). */
export function yearSpan(perYear: ReadonlyMap<number, number>): YearSpan | null {
  const years = [...perYear.keys()];
  if (!years.length) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  return last > first ? { first, last } : null;
}

const clamp = (y: number, span: YearSpan) => Math.min(span.last, Math.max(span.first, y));

/** The state's window in years (an open end at the span's end); the whole span for all time. */
export function yearsOf(window: TimeWindow | null, span: YearSpan): YearWindow {
  const year = (date: string | undefined, fallback: number) => (date ? clamp(Number(date.slice(0, 4)), span) : fallback);
  const from = year(window?.from, span.first);
  return { from, to: Math.max(from, year(window?.to, span.last)) };
}

/** Years back to the state's window, keeping "dated claims only". */
export function windowOf(years: YearWindow, datedOnly: boolean): TimeWindow {
  return { from: String(years.from), to: String(years.to), ...(datedOnly ? { datedOnly: true } : {}) };
}

/** The window moved by `by` years, its width kept, stopped at the span's ends. */
export function moveWindow(w: YearWindow, by: number, span: YearSpan): YearWindow {
  const width = w.to - w.from;
  const from = Math.min(span.last - width, Math.max(span.first, w.from + by));
  return { from, to: from + width };
}

/** One end set to `year`, the other kept (an end never passes the other). */
export function resizeWindow(w: YearWindow, end: 'from' | 'to', year: number, span: YearSpan): YearWindow {
  const y = clamp(year, span);
  return end === 'from' ? { from: Math.min(y, w.to), to: w.to } : { from: w.from, to: Math.max(y, w.from) };
}

/** Play's next window: one year on; null once the window has reached the span's end. */
export function playStep(w: YearWindow, span: YearSpan): YearWindow | null {
  return w.to >= span.last ? null : moveWindow(w, 1, span);
}

/** The year under a point `x` of a bar `width` wide. */
export function yearAt(x: number, width: number, span: YearSpan): number {
  const n = span.last - span.first + 1;
  return clamp(span.first + Math.floor((x / Math.max(1, width)) * n), span);
}
