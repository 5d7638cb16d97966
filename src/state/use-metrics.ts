import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset, GraphFilter, MetricsResult } from '../../graph';
import { core, stopCore } from '../workers/core';
import { datasetVersion } from '../workers/dataset-version';

/**
 * The centrality table's state. `result` is always a whole result, never a
 * partial one; `resultKey` says which question it answers, so the panel can
 * say when it shows an earlier graph's numbers (while computing, after a
 * failure, after a cancel).
 */
export type MetricsStatus =
  | { state: 'idle'; result: null; resultKey: null }
  /** Not started yet: a large graph's metrics wait until it is drawn (two cores: the drawing comes first). */
  | { state: 'waiting'; result: MetricsResult | null; resultKey: string | null }
  | { state: 'computing'; result: MetricsResult | null; resultKey: string | null; since: number; actors: number }
  | { state: 'ready'; result: MetricsResult; resultKey: string }
  | { state: 'failed'; error: string; result: MetricsResult | null; resultKey: string | null }
  | { state: 'cancelled'; result: MetricsResult | null; resultKey: string | null };

export interface Metrics {
  status: MetricsStatus;
  /** The key of the current question (dataset, filter, direction). */
  key: string;
  /** Stops the computation: the metrics worker is terminated and restarted; nothing it computed is kept. */
  cancel: () => void;
  /** Runs the current question again (after a cancel or a failure). */
  recompute: () => void;
}

/**
 * Metrics of the filtered graph, computed in the `metrics` worker lane. A new
 * question supersedes the old one (its answer is dropped); a cancel
 * terminates the worker, and the table keeps the last whole result, if any.
 */
export function useMetrics(dataset: Dataset, filter: GraphFilter, undirected: boolean, wait = false): Metrics {
  const key = useRequestKey(dataset, filter, undirected);
  const request = useMemo(() => ({ type: 'metrics' as const, dataset, filter, undirected }), [dataset, filter, undirected]);
  const [status, setStatus] = useState<MetricsStatus>({ state: 'idle', result: null, resultKey: null });
  const [run, setRun] = useState(0);
  /** The run in flight; answers of any other are dropped. */
  const current = useRef<object | null>(null);

  useEffect(() => {
    if (wait) {
      setStatus((s) => ({ state: 'waiting', result: s.result, resultKey: s.resultKey }));
      return;
    }
    const token = {};
    current.current = token;
    const actors = request.dataset.actors.length;
    setStatus((s) => ({ state: 'computing', result: s.result, resultKey: s.resultKey, since: Date.now(), actors }));
    // Only this hook uses the lane: whatever it still computes answers an older question, so stop it
    // rather than queue behind it (a large graph's metrics take minutes).
    if (core('metrics').busy) stopCore('metrics');
    core('metrics')
      .request(request)
      .then((result) => {
        if (current.current === token) setStatus({ state: 'ready', result, resultKey: key });
      })
      .catch((err: Error) => {
        if (current.current !== token) return;
        setStatus((s) => ({ state: 'failed', error: err.message, result: s.result, resultKey: s.resultKey }));
      });
    return () => {
      if (current.current === token) current.current = null;
    };
    // `key` stands for the request.
  }, [key, run, wait]);

  const cancel = useCallback(() => {
    current.current = null;
    stopCore('metrics');
    setStatus((s) => (s.state === 'computing' ? { state: 'cancelled', result: s.result, resultKey: s.resultKey } : s));
  }, []);
  const recompute = useCallback(() => setRun((n) => n + 1), []);
  return { status, key, cancel, recompute };
}

/** A key for a request: datasets by version (they are immutable), the rest by value. */
function useRequestKey(dataset: Dataset, ...rest: unknown[]): string {
  return `${datasetVersion(dataset)}:${JSON.stringify(rest)}`;
}
