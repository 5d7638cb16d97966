import { metricView, type MetricId } from '../../graph';

/** A metric value as the table shows it: counts whole, scores (and strengths, when weighted) to 3 decimals, n/a for undefined. */
export function formatMetric(id: MetricId, value: number | null | undefined, weighted = false): string {
  if (value === null || value === undefined) return 'n/a';
  return metricView(id, weighted).integer ? String(value) : value.toFixed(3);
}
