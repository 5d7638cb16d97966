import { useMemo } from 'react';
import type { Dataset, GraphFilter, MetricsResult } from '../../graph';
import { useCore, type CoreStatus } from './use-core';

export type MetricsStatus = CoreStatus<MetricsResult>;

/** Metrics of the filtered graph, computed in the core worker. */
export function useMetrics(dataset: Dataset, filter: GraphFilter, undirected: boolean): MetricsStatus {
  const request = useMemo(() => ({ type: 'metrics' as const, dataset, filter, undirected }), [dataset, filter, undirected]);
  return useCore(request, useRequestKey(dataset, filter, undirected));
}

/** A key for a request: datasets by identity (they are immutable), the rest by value. */
const datasetIds = new WeakMap<object, number>();
let nextDatasetId = 1;
export function datasetKey(dataset: Dataset): number {
  let id = datasetIds.get(dataset);
  if (id === undefined) datasetIds.set(dataset, (id = nextDatasetId++));
  return id;
}
function useRequestKey(dataset: Dataset, ...rest: unknown[]): string {
  return `${datasetKey(dataset)}:${JSON.stringify(rest)}`;
}
