import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { METRIC_IDS, type Dataset, type EvidenceSetting, type GraphFilter, type MetricId, type MetricsResult, type Progress, type TimeWindow } from '../../graph';
import { DEFAULT_NETWORK_SETTING, networkOptions, type NetworkSetting } from './network-setting';
import { core, stopCore } from '../workers/core';
import { addShares, betweennessWorkers, mergeMetrics, metricsPlan } from './metrics-plan';
import { versionedRequestKey } from './request-key';

/** The worker lanes of the table: a split step uses the first `split` of them. */
const LANES = ['metrics', 'metrics-2'] as const;

/**
 * The centrality table's state. `result` is always whole for the metrics it
 * lists (never a half-computed metric); `resultKey` says which question it
 * answers, so the panel can say when it shows an earlier graph's numbers
 * (while computing, after a failure, after a cancel). A large graph's result
 * arrives in steps (state/metrics-plan.ts): while later steps run, `result`
 * may already answer the current key with some metrics pending or estimated.
 */
export type MetricsStatus =
  | { state: 'idle'; result: null; resultKey: null }
  /** Not started yet: a large graph's metrics wait until it is drawn (two cores: the drawing comes first). */
  | { state: 'waiting'; result: MetricsResult | null; resultKey: string | null }
  | {
      state: 'computing';
      result: MetricsResult | null;
      resultKey: string | null;
      since: number;
      actors: number;
      /** What the current step computes, which step of how many, and its progress as the worker reports it. */
      step: { label: string; index: number; of: number };
      progress: Progress | null;
      /** Metrics still to come in later steps (absent from `result` or estimated in it). */
      pending: MetricId[];
    }
  | { state: 'ready'; result: MetricsResult; resultKey: string }
  | { state: 'failed'; error: string; result: MetricsResult | null; resultKey: string | null }
  | { state: 'cancelled'; result: MetricsResult | null; resultKey: string | null };

/**
 * The table's own choices: the network and the weighting (NetworkControl),
 * and whether the optional PN column is shown. Kept here, beside the question
 * they change, rather than in the app state: they are not in the URL.
 */
export interface TableOptions extends NetworkSetting {
  pn: boolean;
}

export const DEFAULT_TABLE_OPTIONS: TableOptions = { ...DEFAULT_NETWORK_SETTING, pn: false };

export interface Metrics {
  status: MetricsStatus;
  /** The key of the current question (dataset, filter, evidence setting, direction, table options). */
  key: string;
  options: TableOptions;
  setOptions: (options: TableOptions) => void;
  /** Stops the computation: the metrics worker is terminated and restarted; the steps already finished are kept. */
  cancel: () => void;
  /** Runs the current question again (after a cancel or a failure). */
  recompute: () => void;
}

/**
 * Metrics of the filtered graph, computed in the `metrics` worker lane. A new
 * question supersedes the old one (its answer is dropped); a cancel
 * terminates the worker, and the table keeps the last whole result, if any.
 */
export function useMetrics(dataset: Dataset, filter: GraphFilter, evidence: EvidenceSetting, window: TimeWindow | null, undirected: boolean, wait = false): Metrics {
  const [options, setOptions] = useState<TableOptions>(DEFAULT_TABLE_OPTIONS);
  // The defaults add nothing to the question, so its key (and a kept answer) is what it was before these options.
  const question = useMemo(
    () => ({
      type: 'metrics' as const,
      dataset,
      filter,
      evidence,
      ...(window ? { window } : {}),
      undirected,
      ...networkOptions(options),
      ...(options.pn ? { metrics: [...METRIC_IDS, 'pn' as const] } : {}),
    }),
    [dataset, filter, evidence, window, undirected, options],
  );
  const key = versionedRequestKey(question);
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
    const live = () => current.current === token;
    const actors = question.dataset.actors.length;
    const planned = metricsPlan(actors, betweennessWorkers(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency));
    // A large graph's steps name their metrics, so PN (optional) gets a step of its own at the end.
    const plan = options.pn && planned.length > 1 ? [...planned, { label: 'PN centrality', options: { metrics: ['pn' as const] } }] : planned;
    const since = Date.now();
    // Only this hook uses the lane: whatever it still computes answers an older question, so stop it
    // rather than queue behind it (a large graph's metrics take minutes).
    for (const lane of LANES) if (core(lane).busy) stopCore(lane);

    const runStep = async (index: number, sofar: MetricsResult | null): Promise<void> => {
      const step = plan[index]!;
      const pending = [...new Set(plan.slice(index).flatMap((s) => s.options.metrics ?? []))];
      const computing = (result: MetricsResult | null, resultKey: string | null, progress: Progress | null): MetricsStatus => ({
        state: 'computing', result, resultKey, since, actors, step: { label: step.label, index, of: plan.length }, progress, pending,
      });
      setStatus((s) => (sofar ? computing(sofar, key, null) : computing(s.result, s.resultKey, null)));
      // A split step runs a share of the sources in each lane; progress is the sum over the lanes.
      const parts = step.split ?? 1;
      const done = new Array<number>(parts).fill(0);
      const totals = new Array<number>(parts).fill(0);
      const results = await Promise.all(
        LANES.slice(0, parts).map((lane, part) =>
          core(lane).request(
            { ...question, ...step.options, ...(parts > 1 ? { betweennessShare: { part, of: parts } } : {}) },
            {
              onProgress: (p) => {
                if (!live()) return;
                done[part] = p.done;
                totals[part] = p.total;
                const progress = { stage: p.stage, done: sum(done), total: sum(totals) };
                setStatus((s) => (s.state === 'computing' ? { ...s, progress } : s));
              },
            },
          ),
        ),
      );
      if (!live()) return;
      const result = parts > 1 ? addShares(results) : results[0]!;
      const merged = sofar ? mergeMetrics(sofar, result) : result;
      if (index + 1 < plan.length) return runStep(index + 1, merged);
      setStatus({ state: 'ready', result: merged, resultKey: key });
    };
    runStep(0, null).catch((err: Error) => {
      if (!live()) return;
      setStatus((s) => ({ state: 'failed', error: err.message, result: s.result, resultKey: s.resultKey }));
    });
    return () => {
      if (live()) current.current = null;
    };
    // `key` stands for the question.
  }, [key, run, wait]);

  const cancel = useCallback(() => {
    current.current = null;
    for (const lane of LANES) stopCore(lane);
    setStatus((s) => (s.state === 'computing' ? { state: 'cancelled', result: s.result, resultKey: s.resultKey } : s));
  }, []);
  const recompute = useCallback(() => setRun((n) => n + 1), []);
  return { status, key, cancel, recompute, options, setOptions };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
