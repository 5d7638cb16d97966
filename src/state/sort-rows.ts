import type { MetricsResult } from '../../graph';
import type { SortState } from './app-state';

/** The comparison of String.prototype.localeCompare (same default locale), without its per-call set-up: 10,000 rows sort in milliseconds. */
const byName = new Intl.Collator().compare;

/** Table rows in the chosen order; n/a values sort last whichever way. */
export function sortRows(result: MetricsResult, sort: SortState): MetricsResult['actors'] {
  const rows = [...result.actors];
  const dir = sort.descending ? -1 : 1;
  rows.sort((a, b) => {
    if (sort.column === 'name') return dir * byName(a.name, b.name);
    const x = a[sort.column];
    const y = b[sort.column];
    // n/a sorts last whichever way the column is ordered.
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return dir * (x - y) || byName(a.name, b.name);
  });
  return rows;
}
