/**
 * The centrality table as CSV, with the conventions in a comment-free header
 * row a spreadsheet keeps. Cells that a spreadsheet would run as formulas
 * (`=`, `+`, `-`, `@`, tab, CR at the start) are neutralised by papaparse's
 * escapeFormulae (OWASP CSV injection).
 */
import Papa from 'papaparse';
import type { MetricsResult } from '../../analysis/metrics';

export function metricsToCsv(result: MetricsResult): string {
  const header = ['id', 'name', ...result.metrics];
  const rows = result.actors.map((a) => [a.id, a.name, ...result.metrics.map((m) => (a[m] === null || a[m] === undefined ? '' : String(a[m])))]);
  return Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
