import { actorKey } from '../../model/actor-graph';
import { applyFilter, describeFilter, type GraphFilter } from '../../model/filter';
import type { Dataset } from '../../model/types';
import { applyEvidence, type EvidenceReport, type EvidenceSetting } from '../evidence-setting';
import { csrOf } from '../kernels/csr';
import { buildMetricGraph } from '../metric-graph';
import { ALL_METRICS } from './registry';
import { METRIC_IDS, type MetricContext, type MetricEstimate, type MetricId } from './types';

export interface MetricsOptions {
  filter?: GraphFilter;
  /** Which relations count, applied after the filter; all when absent. */
  evidence?: EvidenceSetting;
  /** Treat every relation as mutual. */
  undirected?: boolean;
  /** Which metrics; the default set (METRIC_IDS, without the optional ones such as `pn`) when absent. */
  metrics?: readonly MetricId[];
  /**
   * Estimate betweenness from this many sources sampled at random instead of
   * all n actors (a whole number ≥ 1; k/n of the exact work). The result's
   * `estimates.betweenness` then says so, with its error bound. At or above n
   * the exact betweenness is computed and nothing is estimated.
   */
  betweennessSamples?: number;
  /** Seed of the sampled sources (default 1): the same seed gives the same estimate. */
  betweennessSeed?: number;
  /**
   * Exact betweenness from one share of the sources only: part `part` (0-based)
   * of `of` equal ranges of actors. The shares of all parts add up to the exact
   * betweenness (the normalisation is linear), which is how several workers
   * split one exact run. The result's `shares.betweenness` says which part it is.
   */
  betweennessShare?: { part: number; of: number };
  /**
   * Called as the computation advances: `stage` is the metric id, `done` of
   * `total` its units of work — sources for betweenness, actors for closeness,
   * 0 then 1 for the quick metrics. Each stage starts at done = 0 and ends at
   * done = total; within a stage `done` never decreases. Throttled (at most
   * one report per 64 sources or actors, about 100 per stage at most).
   * Reporting does not change the results.
   */
  onProgress?: (progress: { stage: string; done: number; total: number }) => void;
  /**
   * A clock in milliseconds (`performance.now` in the browser or Node). When
   * given, the result carries `timings`. graph/ uses no DOM or Node API, so
   * the caller supplies the clock.
   */
  clock?: () => number;
}

export type ActorMetrics = { id: string; name: string } & Partial<Record<MetricId, number | null>>;

export interface MetricsResult {
  graph: {
    actors: number;
    relations: number;
    /** Ties between distinct actors after parallel relations are merged (what path metrics see). */
    ties: number;
    directed: boolean;
    filter: string;
  };
  metrics: MetricId[];
  actors: ActorMetrics[];
  /** Conventions, one line per metric computed. */
  conventions: Partial<Record<MetricId, string>>;
  /** Metrics that are n/a for every actor, and why. */
  unavailable: Partial<Record<MetricId, string>>;
  /** Metrics computed from a share of the work (betweennessShare): to be added up with the other parts. */
  shares?: Partial<Record<MetricId, { part: number; of: number }>>;
  /** Metrics given as estimates, with their error bound (betweenness with betweennessSamples < n); absent when none is. */
  estimates?: Partial<Record<MetricId, MetricEstimate>>;
  /**
   * With `clock`: milliseconds per metric computed. Hub and authority come
   * from one HITS run, timed under whichever of them is computed first (the
   * other is then about 0).
   */
  timings?: Partial<Record<MetricId, number>>;
  /** With `clock`: milliseconds to filter the dataset and build the metric graph and its CSR, before any metric. */
  preparationTime?: number;
  /** With `evidence`: the setting and the relations it left out (graph.relations counts those that counted). */
  evidence?: EvidenceReport;
}

/** Metrics that do not run on the simple graph's CSR (the counts, and PN on its own signed adjacency). */
const WITHOUT_CSR: readonly MetricId[] = ['degree', 'inDegree', 'outDegree', 'pn'];

export function computeMetrics(dataset: Dataset, options: MetricsOptions = {}): MetricsResult {
  const clock = options.clock;
  const started = clock?.();
  const samples = options.betweennessSamples;
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 1)) {
    throw new RangeError(`betweennessSamples must be a whole number of at least 1, not ${samples}`);
  }
  const visible = applyFilter(dataset, options.filter);
  const weighed = options.evidence ? applyEvidence(visible, options.evidence) : undefined;
  const data = weighed?.dataset ?? visible;
  const undirected = options.undirected ?? false;
  const wanted = options.metrics ?? METRIC_IDS;
  const ctx: MetricContext = { dataset: data, graph: buildMetricGraph(data, undirected), undirected };
  if (samples !== undefined && samples < ctx.graph.order) {
    ctx.betweennessSamples = samples;
    ctx.betweennessSeed = options.betweennessSeed ?? 1;
  }
  const share = options.betweennessShare;
  if (share) {
    if (ctx.betweennessSamples !== undefined) throw new RangeError('betweennessShare and betweennessSamples cannot be combined');
    if (!(Number.isInteger(share.of) && share.of >= 1 && Number.isInteger(share.part) && share.part >= 0 && share.part < share.of)) {
      throw new RangeError(`betweennessShare must be a part 0..of−1 of a whole number of parts, not ${JSON.stringify(share)}`);
    }
    const n = ctx.graph.order;
    ctx.betweennessSources = { from: Math.floor((share.part * n) / share.of), to: Math.floor(((share.part + 1) * n) / share.of) };
  }
  // The CSR every metric but the counts and PN runs on (kernels/csr.ts, cached per
  // graph): built here so that its time is not charged to the first metric.
  if (wanted.some((id) => !WITHOUT_CSR.includes(id))) csrOf(ctx.graph);
  const preparationTime = clock && started !== undefined ? clock() - started : undefined;

  const actors: ActorMetrics[] = data.actors.map((a) => ({ id: a.id, name: a.name }));
  const conventions: Partial<Record<MetricId, string>> = {};
  const unavailable: Partial<Record<MetricId, string>> = {};
  const estimates: Partial<Record<MetricId, MetricEstimate>> = {};
  const timings: Partial<Record<MetricId, number>> = {};
  const computed: MetricId[] = [];
  const report = options.onProgress;
  for (const metric of ALL_METRICS) {
    if (!wanted.includes(metric.id)) continue;
    computed.push(metric.id);
    conventions[metric.id] = metric.convention;
    const stage = metric.id;
    const total = metric.work?.(ctx) ?? 1;
    // Every stage starts at 0 of total and ends at total of total; a kernel's
    // own last report (done = total) is not repeated.
    let last = -1;
    const progress = report
      ? (done: number) => {
          if (done === last) return;
          last = done;
          report({ stage, done, total });
        }
      : undefined;
    progress?.(0);
    const start = clock?.();
    const scores = metric.compute(progress ? { ...ctx, progress } : ctx);
    if (clock && start !== undefined) timings[metric.id] = clock() - start;
    progress?.(total);
    if (scores.unavailable) unavailable[metric.id] = scores.unavailable;
    if (scores.estimate) estimates[metric.id] = scores.estimate;
    actors.forEach((row, i) => {
      row[metric.id] = scores.get(actorKey(i)) ?? null;
    });
  }
  const result: MetricsResult = {
    graph: {
      actors: data.actors.length,
      relations: data.relations.length,
      ties: ctx.graph.size,
      directed: !undirected,
      filter: describeFilter(options.filter),
    },
    metrics: computed,
    actors,
    conventions,
    unavailable,
  };
  if (Object.keys(estimates).length) result.estimates = estimates;
  if (weighed) result.evidence = { setting: weighed.setting, leftOut: weighed.leftOut };
  if (share && computed.includes('betweenness')) result.shares = { betweenness: { part: share.part, of: share.of } };
  if (clock) {
    result.timings = timings;
    result.preparationTime = preparationTime;
  }
  return result;
}
