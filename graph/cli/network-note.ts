/**
 * The lines under a metrics or compare table that say which network the
 * metrics ran on and whether they are weighted by evidence, so that a number
 * is never read without its network (`--network`, `--weighted`).
 */
import { metricById, type MetricId, type MetricsResult } from '../analysis/metrics';

type Run = Pick<MetricsResult, 'network' | 'weighted' | 'unweighted'>;

const labels = (ids: readonly MetricId[]) => ids.map((id) => metricById(id).label).join(', ');

export function networkNote(run: Run): string[] {
  const lines: string[] = [];
  if (run.network.network !== 'all') {
    const ignored = run.network.ignoredBy.length ? ` (${labels(run.network.ignoredBy)}: the whole signed network, as it is defined)` : '';
    lines.push(`Network: ${run.network.description}${ignored}.`);
  }
  if (run.weighted) {
    const unweighted = run.unweighted ?? [];
    lines.push(
      'Weighted by evidence: each relation weighs its confidence (degrees become strengths; a tie of eigenvector, PageRank, hub and authority weighs its relations\' summed confidence)' +
        (unweighted.length ? `; unweighted: ${labels(unweighted)}.` : '.'),
    );
  }
  return lines;
}

/**
 * The same for --json: `network` when it is not all, `weighted: true` and
 * `unweighted` when weighted; nothing for the defaults, so the JSON of a
 * plain run is what it always was.
 */
export function runJson(run: Run): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (run.network.network !== 'all') json.network = run.network;
  if (run.weighted) {
    json.weighted = true;
    json.unweighted = run.unweighted ?? [];
  }
  return json;
}
