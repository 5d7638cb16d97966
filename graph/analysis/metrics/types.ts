import type { Dataset } from '../../model/types';
import type { SimpleGraph } from '../metric-graph';

export const METRIC_IDS = [
  'degree',
  'inDegree',
  'outDegree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricContext {
  /** The (filtered) dataset the metric runs on. */
  dataset: Dataset;
  /** Its simple graph: node key `a<i>` is `dataset.actors[i]`. */
  graph: SimpleGraph;
  undirected: boolean;
}

/** Scores by node key; `null` where the metric is not defined (n/a). */
export type Scores = Map<string, number | null> & {
  /** Why the scores are n/a, when the whole metric is. */
  unavailable?: string;
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
  compute(ctx: MetricContext): Scores;
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
