/**
 * Comparing two to six actors side by side: each metric's value, the value as
 * a share of the graph's highest, and the actor's rank among all actors.
 *
 * Every number comes from computeMetrics, so it equals the centrality table's.
 */
import { applyFilter, describeFilter, type GraphFilter } from '../../model/filter';
import type { Dataset } from '../../model/types';
import { computeMetrics, type MetricId, type MetricsResult, type WeightBy } from '../metrics';
import type { Network } from '../network';
import { rankValues, type RankOptions } from './ranks';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export interface CompareOptions {
  /** 2 to 6 distinct actor ids; anything else throws. */
  actors: readonly string[];
  /** Which metrics; all when absent. */
  metrics?: readonly MetricId[];
  undirected?: boolean;
  filter?: GraphFilter;
  /** Which relation types the metrics run on (analysis/network.ts); all when absent. */
  network?: Network;
  /** Weighted (MetricsOptions.weighted), by evidence or by value (MetricsOptions.weightBy). */
  weighted?: boolean;
  weightBy?: WeightBy;
}

export interface ComparedMetric {
  metric: MetricId;
  value: number | null;
  /** value / the metric's highest value over all actors of the graph (0..1; 0 when that maximum is 0); null when n/a. */
  normalized: number | null;
  /** Competition rank ("1224") among all actors of the graph, 1 = highest; null when n/a. */
  rank: number | null;
}

export interface ComparedActor {
  id: string;
  name: string;
  metrics: ComparedMetric[];
}

export interface Comparison {
  /** Actors in the (filtered) graph: what ranks are out of. */
  actorCount: number;
  /** Relations the metrics ran on: after the filter and the network choice. */
  relations: number;
  /** Metrics compared, in the registry's order. */
  metrics: MetricId[];
  /** The compared actors, in the order asked for. */
  actors: ComparedActor[];
  directed: boolean;
  /** The filter, in words. */
  filter: string;
  /** Each metric's highest value over all actors (the normaliser); null when n/a for everyone. */
  maxima: Array<{ metric: MetricId; max: number | null }>;
  /** Metrics n/a for every actor, and why. */
  unavailable: Array<{ metric: MetricId; reason: string }>;
  /** The network the metrics ran on, and the metrics that ignore it (PN). */
  network: MetricsResult['network'];
  /** Weighted, by `weightBy` (`withoutValue`: relations without a value, by value); `unweighted` lists the metrics compared that stay unweighted. */
  weighted: boolean;
  weightBy?: WeightBy;
  withoutValue?: number;
  unweighted?: MetricId[];
}

/**
 * Checks ids against the dataset and the filtered dataset it is analysed as;
 * returns their indices in `filtered.actors`. Throws a clear Error for an
 * unknown id, an id the filter hides, or a repeated id.
 */
export function actorIndices(dataset: Dataset, filtered: Dataset, ids: readonly string[]): number[] {
  const index = new Map<string, number>();
  filtered.actors.forEach((a, i) => index.set(a.id, i));
  const seen = new Set<string>();
  return ids.map((id) => {
    if (seen.has(id)) throw new Error(`actor "${id}" is given twice`);
    seen.add(id);
    const i = index.get(id);
    if (i !== undefined) return i;
    if (dataset.actors.some((a) => a.id === id)) throw new Error(`actor "${id}" is hidden by the filter`);
    throw new Error(`"${id}" is not an actor id in this dataset`);
  });
}

/** One metric's column of a computeMetrics result, as {id, value} rows in actor order. */
export function metricValues(result: MetricsResult, metric: MetricId): Array<{ id: string; value: number | null }> {
  return result.actors.map((a) => ({ id: a.id, value: a[metric] ?? null }));
}

/**
 * How close two values of a metric must be to tie. Eigenvector and PageRank
 * stop iterating when the summed change over n actors falls below n × 1e-9
 * and n × 1e-10 (metrics/eigenvector.ts, metrics/pagerank.ts), so differences
 * under ten times the per-actor figure are iteration noise, not order: on the
 * Tajikistan threat layer actors that cannot be reached by the layer's cycle
 * get eigenvector 2.3e-9 or 6.7e-11 for a true 0 (networkx shows the same
 * noise: actorsDirected's "U" 7.5e-9 in tests/fixtures/networkx-values.ts).
 * The other metrics are exact up to rounding: the relative default only.
 */
export function rankOptionsFor(metric: MetricId): RankOptions {
  // HITS stops at a total change below 1e-8 (metrics/hits.ts): truly equal hubs or authorities can differ by ~4e-9.
  if (metric === 'eigenvector' || metric === 'hub' || metric === 'authority') return { absolute: 1e-8 };
  if (metric === 'pagerank') return { absolute: 1e-9 };
  return {};
}

/** The highest finite value, or null when there is none. */
export function maxValue(values: ReadonlyArray<{ value: number | null }>): number | null {
  let max: number | null = null;
  for (const { value } of values) {
    if (value !== null && Number.isFinite(value) && (max === null || value > max)) max = value;
  }
  return max;
}

export function compareActors(dataset: Dataset, options: CompareOptions): Comparison {
  const ids = options.actors;
  if (ids.length < MIN_COMPARED || ids.length > MAX_COMPARED) {
    throw new Error(`compare ${MIN_COMPARED} to ${MAX_COMPARED} actors, not ${ids.length}`);
  }
  if (options.metrics && options.metrics.length === 0) throw new Error('compare needs at least one metric');
  const filtered = applyFilter(dataset, options.filter);
  const indices = actorIndices(dataset, filtered, ids);
  const result = computeMetrics(filtered, {
    undirected: options.undirected,
    metrics: options.metrics,
    network: options.network,
    weighted: options.weighted,
    weightBy: options.weightBy,
  });

  const columns = result.metrics.map((metric) => {
    const values = metricValues(result, metric);
    return { metric, values, max: maxValue(values), ranks: rankValues(values, rankOptionsFor(metric)) };
  });

  const actors: ComparedActor[] = indices.map((i) => ({
    id: filtered.actors[i]!.id,
    name: filtered.actors[i]!.name,
    metrics: columns.map(({ metric, values, max, ranks }): ComparedMetric => {
      const value = values[i]!.value;
      const normalized = value === null || max === null ? null : max > 0 ? value / max : 0;
      return { metric, value, normalized, rank: ranks[i]!.rank };
    }),
  }));

  return {
    actorCount: result.graph.actors,
    relations: result.graph.relations,
    metrics: result.metrics,
    actors,
    directed: result.graph.directed,
    filter: describeFilter(options.filter),
    maxima: columns.map(({ metric, max }) => ({ metric, max })),
    unavailable: result.metrics
      .filter((m) => result.unavailable[m] !== undefined)
      .map((metric) => ({ metric, reason: result.unavailable[metric]! })),
    network: result.network,
    weighted: result.weighted,
    ...(result.weightBy ? { weightBy: result.weightBy } : {}),
    ...(result.withoutValue !== undefined ? { withoutValue: result.withoutValue } : {}),
    ...(result.unweighted ? { unweighted: result.unweighted } : {}),
  };
}
