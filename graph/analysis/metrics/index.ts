/**
 * Centrality metrics: one descriptor per metric, computed by our CSR kernels
 * (analysis/kernels) with networkx's conventions (GUIDE §3); graphology-metrics
 * is the reference the tests compare them with.
 */
export * from './registry';
export * from './types';
export { computeMetrics, type MetricsOptions, type MetricsResult, type ActorMetrics } from './compute';
export { WEIGHT_BY, defaultWeightBy, relationsWithValue, type WeightBy } from './weights';
