/**
 * The lines under a metrics or compare table that say which network the
 * metrics ran on and whether they are weighted, and by what (evidence or
 * value), so that a number is never read without its network and weights
 * (`--network`, `--weighted`, `--weight-by`).
 */
import { metricById, type MetricId, type MetricsResult } from '../analysis/metrics';

type Run = Pick<MetricsResult, 'network' | 'weighted' | 'weightBy' | 'withoutValue' | 'unweighted'>;

const labels = (ids: readonly MetricId[]) => ids.map((id) => metricById(id).label).join(', ');

export function networkNote(run: Run): string[] {
  const lines: string[] = [];
  if (run.network.network !== 'all') {
    const ignored = run.network.ignoredBy.length ? ` (${labels(run.network.ignoredBy)}: the whole signed network, as it is defined)` : '';
    lines.push(`Network: ${run.network.description}${ignored}.`);
  }
  if (run.weighted) {
    const unweighted = run.unweighted ?? [];
    const byValue = run.weightBy === 'value';
    const without = run.withoutValue ?? 0;
    lines.push(
      (byValue
        ? "Weighted by value: each relation weighs the sum of its claims' values (e.g. TIV)"
        : 'Weighted by evidence: each relation weighs its confidence') +
        " (degrees become strengths; a tie of eigenvector, PageRank, hub and authority weighs its relations' summed weight; betweenness and closeness take a tie of weight w as length 1/w)" +
        (unweighted.length ? `; unweighted: ${labels(unweighted)}.` : '.') +
        (byValue && without > 0
          ? ` ${without === 1 ? '1 relation carries no value and is' : `${without} relations carry no value and are`} left out of the weighted metrics.`
          : ''),
    );
  }
  return lines;
}

/**
 * The same for --json: `network` when it is not all, `weighted: true`,
 * `weightBy`, `withoutValue` (by value) and `unweighted` when weighted;
 * nothing for the defaults, so the JSON of a plain run is what it always was.
 */
export function runJson(run: Run): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (run.network.network !== 'all') json.network = run.network;
  if (run.weighted) {
    json.weighted = true;
    if (run.weightBy) json.weightBy = run.weightBy;
    if (run.withoutValue !== undefined) json.withoutValue = run.withoutValue;
    json.unweighted = run.unweighted ?? [];
  }
  return json;
}
