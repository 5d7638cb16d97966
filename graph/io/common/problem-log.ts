/**
 * The problems of one import, each located in the file's own terms: `line L:C`
 * (JSON, XML), `line L, column NAME` (CSV), a JSON path
 * (`elements.edges[3].data.target`), or an element's line.
 *
 * Besides plain errors and warnings, a reader may count repeats as it goes:
 * `tally` makes one warning, located at the first occurrence and worded with
 * the count; `errorCapped` / `warnCapped` list a problem up to CAP times and
 * then sum up the rest in one more line.
 */
import type { Problem } from '../../schema/problems';

interface Tally {
  severity: 'warning';
  path: string;
  count: number;
  first: string;
  message: (count: number, first: string) => string;
}

interface CappedError {
  count: number;
  path: string;
  summary: (more: number) => string;
}

type Entry = Problem | Tally;

const isTally = (e: Entry): e is Tally => typeof e.message === 'function';

export class ProblemLog {
  static readonly CAP = 20;
  private readonly entries: Entry[] = [];
  private readonly tallies = new Map<string, Tally>();
  private readonly cappedErrors = new Map<string, CappedError>();
  private readonly cappedWarnings = new Map<string, number>();
  private errorCount = 0;

  error(path: string, message: string): void {
    this.entries.push({ severity: 'error', path, message });
    this.errorCount++;
  }

  warn(path: string, message: string): void {
    this.entries.push({ severity: 'warning', path, message });
  }

  /** One warning for many occurrences: located at the first, worded with the count. */
  tally(key: string, path: string, message: (count: number, first: string) => string, first = ''): void {
    const t = this.tallies.get(key);
    if (t) {
      t.count++;
      return;
    }
    const entry: Tally = { severity: 'warning', path, count: 1, first, message };
    this.tallies.set(key, entry);
    this.entries.push(entry);
  }

  /** An error listed at most CAP times; the rest are counted in one more error, after all the others. */
  errorCapped(key: string, path: string, message: string, summary: (more: number) => string): void {
    const entry = this.cappedErrors.get(key) ?? { count: 0, path, summary };
    entry.count++;
    this.cappedErrors.set(key, entry);
    if (entry.count <= ProblemLog.CAP) this.error(path, message);
    else if (entry.count === ProblemLog.CAP + 1) entry.path = path;
  }

  /** A warning listed at most CAP times, then one more that counts the rest. */
  warnCapped(key: string, path: string, message: string, summary: (more: number) => string): void {
    const n = (this.cappedWarnings.get(key) ?? 0) + 1;
    this.cappedWarnings.set(key, n);
    if (n <= ProblemLog.CAP) this.warn(path, message);
    else this.tally(`${key}#more`, path, (more) => summary(more));
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Every problem in the order it was found; the sums of capped errors last. */
  get items(): Problem[] {
    // Plain errors and warnings only (the CSV and bag readers): the list itself, as the CSV reader asks it per row.
    if (this.tallies.size === 0 && this.cappedErrors.size === 0) return this.entries as Problem[];
    const out: Problem[] = this.entries.map((e) => (isTally(e) ? { severity: e.severity, path: e.path, message: e.message(e.count, e.first) } : e));
    for (const c of this.cappedErrors.values()) {
      if (c.count > ProblemLog.CAP) out.push({ severity: 'error', path: c.path, message: c.summary(c.count - ProblemLog.CAP) });
    }
    return out;
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }
}

/** After this many problems of one shape, the rest are counted in one line. */
const SHOWN_PER_SHAPE = 10;
const SUMMARISE_OVER = 20;

/**
 * Keeps the first 10 problems of each shape (the message with its quoted
 * values and numbers blanked) when there are more than 20, and adds one
 * "N more like this" line: a 7,000-row file with 300 self-loops gives a
 * readable report, still located.
 */
export function summariseRepeats(problems: readonly Problem[]): Problem[] {
  const shape = (p: Problem) => `${p.severity}\u0000${p.message.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\d+/g, '0')}`;
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(shape(p), (counts.get(shape(p)) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > SUMMARISE_OVER)) return [...problems];
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = shape(p);
    const total = counts.get(key)!;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (total <= SUMMARISE_OVER || n <= SHOWN_PER_SHAPE) out.push(p);
    else if (n === SHOWN_PER_SHAPE + 1) {
      out.push({ severity: p.severity, path: p.path, message: `${total - SHOWN_PER_SHAPE} more like this, the first here: ${p.message}` });
    }
  }
  return out;
}
