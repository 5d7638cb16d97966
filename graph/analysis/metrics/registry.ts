/** The metric registry: one descriptor per metric, in the order tables show them. */
import { betweenness } from './betweenness';
import { closeness } from './closeness';
import { degree, inDegree, outDegree } from './degree';
import { eigenvector } from './eigenvector';
import { pagerank } from './pagerank';
import type { MetricDescriptor, MetricId } from './types';

export const METRICS: readonly MetricDescriptor[] = [
  degree,
  inDegree,
  outDegree,
  betweenness,
  closeness,
  eigenvector,
  pagerank,
];

export const metricById = (id: MetricId): MetricDescriptor =>
  METRICS.find((m) => m.id === id)!;

