/** The metric registry: one descriptor per metric, in the order tables show them. */
import { betweenness } from './betweenness';
import { closeness } from './closeness';
import { degree, inDegree, outDegree } from './degree';
import { eigenvector } from './eigenvector';
import { authority, hub } from './hits';
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
  hub,
  authority,
];

export const metricById = (id: MetricId): MetricDescriptor =>
  METRICS.find((m) => m.id === id)!;

