import type { Dataset } from '../../model/types';
import type { LengthGraph } from '../kernels/arc-lengths';
import type { ArcWeights } from '../kernels/arc-weights';
import type { MetricGraph } from '../metric-graph';
import type { WeightBy } from './weights';

const TABLE_METRIC_IDS = [
  'degree',
  'inDegree',
  'outDegree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'hub',
  'authority',
] as const;

/** Metrics computed only when asked for by id (`metrics: ['pn']`, `--metrics pn`), never by default. */
export const OPTIONAL_METRIC_IDS = ['pn'] as const;

export type MetricId = (typeof TABLE_METRIC_IDS)[number] | (typeof OPTIONAL_METRIC_IDS)[number];

/** The default set: what computeMetrics computes when not told which, and the centrality table's columns. */
export const METRIC_IDS: readonly MetricId[] = TABLE_METRIC_IDS;

/** Every metric there is: the default set, then the optional ones. */
export const ALL_METRIC_IDS: readonly MetricId[] = [...TABLE_METRIC_IDS, ...OPTIONAL_METRIC_IDS];

export interface MetricContext {
  /** The (filtered) dataset the metric runs on. */
  dataset: Dataset;
  /** Its simple graph: node key `a<i>` is `dataset.actors[i]`. */
  graph: MetricGraph;
  undirected: boolean;
  /**
   * Weighted (MetricsOptions.weighted), by `weightBy`: each relation's weight
   * (confidence or value) in `relationWeights` (dataset order), the ties'
   * summed weights on the CSR of `graph` for the power iterations, and for the
   * path metrics the ties as lengths 1/w (metrics/weights.ts).
   */
  weightBy?: WeightBy;
  relationWeights?: Float64Array;
  arcWeights?: ArcWeights;
  lengths?: LengthGraph;
  /**
   * The dataset before the network choice (after the filter and the evidence
   * setting), for PN, which is defined on the whole signed network. The same
   * actors as `dataset`. Absent: `dataset`.
   */
  signedDataset?: Dataset;
  /** Estimate betweenness from this many sampled sources (computeMetrics passes it only when it is below n). */
  betweennessSamples?: number;
  /** Seed of the sampled sources. */
  betweennessSeed?: number;
  /** Exact betweenness from these sources only (node indices from .. to − 1): one worker's share. */
  betweennessSources?: { from: number; to: number };
  /**
   * Reports how far this metric has got, `done` of `total` units (sources,
   * nodes); the long kernels call it throttled (kernels/progress.ts).
   */
  progress?: (done: number, total: number) => void;
}

/**
 * A metric computed by estimation rather than exactly (betweenness from
 * sampled sources), with how far the estimate can be trusted.
 */
export interface MetricEstimate {
  /** Sources sampled, k. */
  samples: number;
  /** Out of n actors: the estimate cost k/n of the exact run. */
  of: number;
  seed: number;
  /** |estimate − exact| ≤ epsilon for every actor at once, with probability at least `confidence`. */
  epsilon: number;
  confidence: number;
  /** The bound in words, with the method that gives it. */
  bound: string;
}

/** Scores by node key; `null` where the metric is not defined (n/a). */
export type Scores = Map<string, number | null> & {
  /** Why the scores are n/a, when the whole metric is. */
  unavailable?: string;
  /** Set when the scores are an estimate (sampled betweenness). */
  estimate?: MetricEstimate;
};

/**
 * A metric as the UI, the CLI and the tests see it: what it is called, what
 * convention it follows, and how to compute it.
 */
export interface MetricDescriptor {
  id: MetricId;
  label: string;
  /** Column heading in narrow tables. */
  short: string;
  /** One sentence for tooltips and the table's footnote. */
  description: string;
  /** The convention, stated so that a user can reproduce the number elsewhere. */
  convention: string;
  /** Counts are integers; scores are shown with decimals. */
  integer: boolean;
  /**
   * The units of work its progress is reported in (`ctx.progress(done, total)`):
   * sources for betweenness, actors for closeness. Absent: 1, and the metric
   * reports nothing itself (computeMetrics reports 0 of 1, then 1 of 1).
   */
  work?(ctx: MetricContext): number;
  compute(ctx: MetricContext): Scores;
  /**
   * What the metric is when weighted (MetricsOptions.weighted), by evidence
   * or by value. Absent: the metric ignores the weights and stays as it is
   * (PN), which the result says (MetricsResult.unweighted).
   */
  weighted?: (by: WeightBy) => WeightedForm;
}

export type WeightedForm = Pick<MetricDescriptor, 'label' | 'short' | 'description' | 'convention' | 'integer'>;

/** What a metric is shown as: its weighted form when the result is weighted and the metric has one. */
export type MetricView = Pick<MetricDescriptor, 'id' | 'label' | 'short' | 'description' | 'convention' | 'integer'> & {
  /** The weights changed this metric (false for a metric that ignores them, and whenever unweighted). */
  weighted: boolean;
};

/** `weighted`: false, or what the weights are (true: by evidence, as before there was a choice). */
export function viewOf(metric: MetricDescriptor, weighted: boolean | WeightBy): MetricView {
  const { id, label, short, description, convention, integer } = metric;
  if (weighted && metric.weighted) return { id, ...metric.weighted(weighted === true ? 'evidence' : weighted), weighted: true };
  return { id, label, short, description, convention, integer, weighted: false };
}

/** All nodes n/a: used for graphs too small for the metric to mean anything. */
export function allNull(ctx: MetricContext, reason: string): Scores {
  const out: Scores = new Map();
  ctx.graph.forEachNode((n) => out.set(n, null));
  out.unavailable = reason;
  return out;
}

export const TOO_SMALL = 'not defined on a graph of fewer than two actors';

export function fromRecord(ctx: MetricContext, record: Record<string, number>): Scores {
  const out: Scores = new Map();
  ctx.graph.forEachNode((n) => {
    const v = record[n];
    out.set(n, v === undefined || !Number.isFinite(v) ? null : v);
  });
  return out;
}
