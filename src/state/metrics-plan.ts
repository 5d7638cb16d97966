/**
 * How the centrality table is filled. A small graph: one request, every
 * metric exact. A large one, in steps, each shown as soon as it arrives:
 *   1. the degrees and a sampled betweenness estimate (well under a second at
 *      10,000 actors / 50,000 relations, so the ranking is there at once);
 *   2. the other metrics (closeness, eigenvector, PageRank, HITS);
 *   3. exact betweenness, which replaces the estimate (the slowest: Brandes
 *      from every actor).
 * Each step's result is whole for the metrics it computed; merged, the table
 * says which metrics are still pending or estimated.
 */
import { ALL_METRIC_IDS, METRIC_IDS, type MetricId, type MetricsOptions, type MetricsResult } from '../../graph';

/** From this many actors on, betweenness is estimated first and refined after. */
export const ESTIMATE_FROM_ACTORS = 2000;
/** Sources sampled for the estimate (networkx's `k`): 200 ranks 8 of the exact top 10 at 10k/50k (tests/bench/README.md). */
export const BETWEENNESS_SAMPLES = 200;

export interface MetricsStep {
  /** What the step computes, for the status line. */
  label: string;
  options: Pick<MetricsOptions, 'metrics' | 'betweennessSamples'>;
  /** Split the step's exact betweenness over this many workers, each a share of the sources (added up after). */
  split?: number;
}

/**
 * Workers for exact betweenness: two where the machine has two cores or more.
 * While it runs the UI thread is idle, so both cores can work: on an idle 2-core
 * machine the bench's 2-worker split runs in 0.59× the single-thread time at
 * 1k/5k (tests/bench/README.md); on a busy one it gains nothing and costs little.
 */
export function betweennessWorkers(cores: number | undefined): number {
  return cores !== undefined && cores >= 2 ? 2 : 1;
}

const FIRST: MetricId[] = ['degree', 'inDegree', 'outDegree', 'betweenness'];

export function metricsPlan(actors: number, workers = 1): MetricsStep[] {
  if (actors < ESTIMATE_FROM_ACTORS) return [{ label: 'metrics', options: {} }];
  return [
    { label: 'degrees and a betweenness estimate', options: { metrics: FIRST, betweennessSamples: BETWEENNESS_SAMPLES } },
    { label: 'closeness, eigenvector, PageRank and HITS', options: { metrics: METRIC_IDS.filter((m) => !FIRST.includes(m)) } },
    { label: 'exact betweenness', options: { metrics: ['betweenness'] }, ...(workers > 1 ? { split: workers } : {}) },
  ];
}

/**
 * The parts of a split step (each from `betweennessShare`, in part order)
 * added up into one result: shares of betweenness sum to the whole; n/a stays n/a.
 */
export function addShares(parts: readonly MetricsResult[]): MetricsResult {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no parts to add');
  const actors = first.actors.map((row, i) => {
    const sum = { ...row };
    for (const metric of Object.keys(first.shares ?? {}) as MetricId[]) {
      let total: number | null = row[metric] ?? null;
      for (const part of rest) {
        const v = part.actors[i]![metric] ?? null;
        total = total === null || v === null ? null : total + v;
      }
      sum[metric] = total;
    }
    return sum;
  });
  const whole: MetricsResult = { ...first, actors };
  delete whole.shares;
  return whole;
}

/**
 * The result of a later step laid over an earlier one (same dataset and
 * filter, so the same actors in the same order): its metrics replace the
 * earlier values, estimates included.
 */
export function mergeMetrics(earlier: MetricsResult, later: MetricsResult): MetricsResult {
  // Every metric, the optional ones (PN) too, in table order.
  const metrics = ALL_METRIC_IDS.filter((m) => earlier.metrics.includes(m) || later.metrics.includes(m));
  const estimates = { ...earlier.estimates };
  for (const m of later.metrics) delete estimates[m];
  Object.assign(estimates, later.estimates);
  const unavailable = { ...earlier.unavailable };
  for (const m of later.metrics) delete unavailable[m];
  Object.assign(unavailable, later.unavailable);
  const merged: MetricsResult = {
    ...earlier,
    metrics,
    actors: earlier.actors.map((row, i) => {
      const next = { ...row };
      for (const m of later.metrics) next[m] = later.actors[i]![m];
      return next;
    }),
    conventions: { ...earlier.conventions, ...later.conventions },
    unavailable,
    // Which metrics ignore the network and the weighting: those of either step.
    network: { ...earlier.network, ignoredBy: metrics.filter((m) => earlier.network.ignoredBy.includes(m) || later.network.ignoredBy.includes(m)) },
    ...(earlier.unweighted || later.unweighted
      ? { unweighted: metrics.filter((m) => earlier.unweighted?.includes(m) || later.unweighted?.includes(m)) }
      : {}),
    estimates,
    ...(earlier.timings || later.timings ? { timings: { ...earlier.timings, ...later.timings } } : {}),
  };
  if (!Object.keys(estimates).length) delete merged.estimates;
  return merged;
}
