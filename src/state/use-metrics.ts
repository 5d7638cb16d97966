import { useEffect, useRef, useState } from 'react';
import type { Dataset, GraphFilter, MetricsResult } from '../../graph';
import { CoreClient } from '../workers/core-client';

export type MetricsStatus =
  | { state: 'computing'; result: MetricsResult | null }
  | { state: 'ready'; result: MetricsResult }
  | { state: 'failed'; error: string; result: MetricsResult | null };

/** Metrics of the filtered graph, computed in the core worker. */
export function useMetrics(dataset: Dataset, filter: GraphFilter, undirected: boolean): MetricsStatus {
  const client = useRef<CoreClient | null>(null);
  const [status, setStatus] = useState<MetricsStatus>({ state: 'computing', result: null });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    client.current = new CoreClient();
    return () => client.current?.terminate();
  }, []);

  useEffect(() => {
    let current = true;
    setStatus((s) => ({ state: 'computing', result: s.result }));
    client.current!
      .request({ type: 'metrics', dataset, filter, undirected })
      .then((result) => current && setStatus({ state: 'ready', result }))
      .catch((err: Error) => current && setStatus((s) => ({ state: 'failed', error: err.message, result: s.result })));
    return () => {
      current = false;
    };
    // filterKey stands for filter: the object is rebuilt on every render.
  }, [dataset, filterKey, undirected]);

  return status;
}
