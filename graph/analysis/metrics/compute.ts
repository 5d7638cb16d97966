import { actorKey } from '../../model/actor-graph';
import { applyFilter, describeFilter, type GraphFilter } from '../../model/filter';
import type { Dataset } from '../../model/types';
import { applyEvidence, type EvidenceReport, type EvidenceSetting } from '../evidence-setting';
import { lengthGraph } from '../kernels/arc-lengths';
import { csrOf } from '../kernels/csr';
import { csrMetricGraph } from '../metric-graph';
import { applyNetwork, reportNetwork, type Network, type NetworkReport } from '../network';
import { ALL_METRICS } from './registry';
import { METRIC_IDS, type MetricContext, type MetricEstimate, type MetricId } from './types';
import { defaultWeightBy, metricArcWeights, relationsWithValue, relationWeights, WEIGHT_BY, type WeightBy } from './weights';

export interface MetricsOptions {
  filter?: GraphFilter;
  /** Which relations count, applied after the filter; all when absent. */
  evidence?: EvidenceSetting;
  /** Treat every relation as mutual. */
  undirected?: boolean;
  /**
   * Which relation types the centralities run on (analysis/network.ts), after
   * the filter and the evidence setting; all when absent. PN ignores it: it is
   * defined on the whole signed network.
   */
  network?: Network;
  /**
   * Weighted, by `weightBy` (metrics/weights.ts): degrees become strengths
   * (sums of the relations' weights); eigenvector, PageRank, hub and authority
   * weigh each tie by its relations' summed weight; betweenness and closeness
   * take a tie of weight w as a step of length 1/w (Dijkstra). PN stays
   * unweighted; the result's `unweighted` lists it and its convention says so.
   */
  weighted?: boolean;
  /**
   * What a relation weighs when `weighted` (ignored otherwise): 'evidence', its
   * confidence; 'value', the sum of its supporting claims' weights (a SIPRI
   * TIV), a relation without one left out. Absent: 'value' when some relation
   * the metrics run on has a value, else 'evidence'. The result's `weightBy` says which.
   */
  weightBy?: WeightBy;
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
  /** Of graph.relations, those that carry a value (a claim with a weight): what weighting by value weighs; said weighted or not, so that a UI can offer the choice. */
  relationsWithValue: number;
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
  /**
   * The network the metrics ran on (graph.relations counts its relations), and
   * the metrics computed that ignore it (PN: the whole signed network).
   */
  network: NetworkReport & { ignoredBy: MetricId[] };
  /** Weighted (MetricsOptions.weighted); show the metrics as metricView(id, weightBy) gives them. */
  weighted: boolean;
  /** When weighted: what the weights were (given, or the default for the dataset). */
  weightBy?: WeightBy;
  /** When weighted by value: relations without a value, left out of the weighted metrics. */
  withoutValue?: number;
  /** When weighted: the metrics computed that stay unweighted (PN). */
  unweighted?: MetricId[];
}

/** Metrics defined on the whole signed network, which the network choice does not restrict. */
const WHOLE_SIGNED_NETWORK: readonly MetricId[] = ['pn'];

/** Metrics that do not run on the simple graph's CSR (the counts, and PN on its own signed adjacency). */
const WITHOUT_CSR: readonly MetricId[] = ['degree', 'inDegree', 'outDegree', 'pn'];

/** The metrics that read the CSR's arc weights when weighted: the power iterations, and the path metrics (as lengths 1/w). */
const WEIGHTED_ON_CSR: readonly MetricId[] = ['eigenvector', 'pagerank', 'hub', 'authority', 'betweenness', 'closeness'];
const ON_LENGTHS: readonly MetricId[] = ['betweenness', 'closeness'];

export function computeMetrics(dataset: Dataset, options: MetricsOptions = {}): MetricsResult {
  const clock = options.clock;
  const started = clock?.();
  const samples = options.betweennessSamples;
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 1)) {
    throw new RangeError(`betweennessSamples must be a whole number of at least 1, not ${samples}`);
  }
  const visible = applyFilter(dataset, options.filter);
  const weighed = options.evidence ? applyEvidence(visible, options.evidence) : undefined;
  const signed = weighed?.dataset ?? visible;
  const network = reportNetwork(options.network);
  const data = applyNetwork(signed, options.network);
  const undirected = options.undirected ?? false;
  const weighted = options.weighted ?? false;
  if (options.weightBy !== undefined && !WEIGHT_BY.includes(options.weightBy)) {
    throw new RangeError(`weightBy must be ${WEIGHT_BY.join(' or ')}, not ${JSON.stringify(options.weightBy)}`);
  }
  const withValue = relationsWithValue(data);
  const weightBy = weighted ? (options.weightBy ?? defaultWeightBy(data)) : undefined;
  const wanted = options.metrics ?? METRIC_IDS;
  const ctx: MetricContext = { dataset: data, graph: csrMetricGraph(data, undirected), undirected };
  if (data !== signed) ctx.signedDataset = signed;
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
  if (weightBy) {
    ctx.weightBy = weightBy;
    ctx.relationWeights = relationWeights(data, weightBy);
    if (wanted.some((id) => WEIGHTED_ON_CSR.includes(id))) {
      const { csr } = csrOf(ctx.graph);
      ctx.arcWeights = metricArcWeights(data, csr, undirected, ctx.relationWeights);
      if (wanted.some((id) => ON_LENGTHS.includes(id))) ctx.lengths = lengthGraph(csr, ctx.arcWeights);
    }
  }
  const preparationTime = clock && started !== undefined ? clock() - started : undefined;

  const actors: ActorMetrics[] = data.actors.map((a) => ({ id: a.id, name: a.name }));
  const conventions: Partial<Record<MetricId, string>> = {};
  const unavailable: Partial<Record<MetricId, string>> = {};
  const estimates: Partial<Record<MetricId, MetricEstimate>> = {};
  const timings: Partial<Record<MetricId, number>> = {};
  const computed: MetricId[] = [];
  const unweighted: MetricId[] = [];
  const report = options.onProgress;
  for (const metric of ALL_METRICS) {
    if (!wanted.includes(metric.id)) continue;
    computed.push(metric.id);
    if (!weightBy) conventions[metric.id] = metric.convention;
    else if (metric.weighted) conventions[metric.id] = metric.weighted(weightBy).convention;
    else {
      unweighted.push(metric.id);
      conventions[metric.id] = `unweighted (the weighting does not apply to it): ${metric.convention}`;
    }
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
    relationsWithValue: withValue,
    metrics: computed,
    actors,
    conventions,
    unavailable,
    network: { ...network, ignoredBy: computed.filter((id) => WHOLE_SIGNED_NETWORK.includes(id)) },
    weighted,
  };
  if (weightBy) {
    result.weightBy = weightBy;
    if (weightBy === 'value') result.withoutValue = data.relations.length - withValue;
    result.unweighted = unweighted;
  }
  if (Object.keys(estimates).length) result.estimates = estimates;
  if (weighed) result.evidence = { setting: weighed.setting, leftOut: weighed.leftOut };
  if (share && computed.includes('betweenness')) result.shares = { betweenness: { part: share.part, of: share.of } };
  if (clock) {
    result.timings = timings;
    result.preparationTime = preparationTime;
  }
  return result;
}
