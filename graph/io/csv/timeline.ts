/**
 * Centrality over time as CSV: one row a year, one column an actor (its name;
 * `name (id)` where two compared actors share a name), n/a as an empty cell.
 * Cells a spreadsheet would run as formulas are neutralised by papaparse's
 * escapeFormulae (OWASP CSV injection), as in the centrality table (metrics.ts).
 */
import Papa from 'papaparse';
import type { TimelineResult } from '../../analysis/timeline';

export function timelineToCsv(result: TimelineResult): string {
  const names = result.series.map((s) => s.name);
  const header = ['year', ...result.series.map((s, i) => (names.indexOf(s.name) !== i || names.lastIndexOf(s.name) !== i ? `${s.name} (${s.actor})` : s.name))];
  const rows = result.years.map((year, i) => [String(year), ...result.series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '' : String(s.values[i])))]);
  return Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
