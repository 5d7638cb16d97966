/** The metric registry: one descriptor per metric, the default ones in the order tables show them. */
import { betweenness } from './betweenness';
import { closeness } from './closeness';
import { degree, inDegree, outDegree } from './degree';
import { eigenvector } from './eigenvector';
import { authority, hub } from './hits';
import { pagerank } from './pagerank';
import { pn } from './pn';
import { viewOf, type MetricDescriptor, type MetricId, type MetricView } from './types';
import type { WeightBy } from './weights';

export const METRICS: readonly MetricDescriptor[] = [
  degree,
  inDegree,
  outDegree,
  betweenness,
  closeness,
  eigenvector,
  pagerank,
  hub,
  authority,
];

/** Metrics computed only when asked for by id (OPTIONAL_METRIC_IDS): not in METRICS, so not in the table. */
export const OPTIONAL_METRICS: readonly MetricDescriptor[] = [pn];

/** METRICS, then OPTIONAL_METRICS: the order computeMetrics computes them in. */
export const ALL_METRICS: readonly MetricDescriptor[] = [...METRICS, ...OPTIONAL_METRICS];

export const metricById = (id: MetricId): MetricDescriptor =>
  ALL_METRICS.find((m) => m.id === id)!;


/**
 * A metric as a weighted or unweighted result shows it: "Strength" for degree
 * when weighted, and so on. `weighted`: false, true (by evidence) or what the
 * weights are (a result's `weightBy`); the labels are the same either way.
 */
export const metricView = (id: MetricId, weighted: boolean | WeightBy = false): MetricView => viewOf(metricById(id), weighted);
