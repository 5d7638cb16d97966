import { metricById, type MetricId } from '../../graph';

/** A metric value as the table shows it: counts whole, scores to 3 decimals, n/a for undefined. */
export function formatMetric(id: MetricId, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return metricById(id).integer ? String(value) : value.toFixed(3);
}
