/** Centrality metrics: descriptors over graphology-metrics with networkx's conventions (GUIDE §3). */
export * from './registry';
export * from './types';
export { computeMetrics, type MetricsOptions, type MetricsResult, type ActorMetrics } from './compute';
