/**
 * Rankings layer by layer: the same metric computed on the whole graph and on
 * each sub-network of one relation type, so that an analyst sees whether an
 * actor's standing comes from its partnerships, its supplies or its threats.
 *
 * Every layer keeps all actors of the graph (only the relations are
 * restricted), so ranks are out of the same number of actors and normalised
 * metrics (betweenness's 1/((n−1)(n−2))) use the same n in every layer; an
 * actor without relations of a type sits at the bottom of that layer.
 */
import { applyFilter, type GraphFilter } from '../../model/filter';
import type { Dataset, RelationType } from '../../model/types';
import { computeMetrics, defaultWeightBy, type MetricId, type WeightBy } from '../metrics';
import { actorIndices, metricValues, rankOptionsFor } from './compare-actors';
import { rankValues } from './ranks';

export const DEFAULT_LAYERS: readonly RelationType[] = ['partner', 'supplier', 'threat'];

export interface LayerOptions {
  metric: MetricId;
  /** Relation types, one layer each; default partner, supplier, threat. */
  layers?: readonly RelationType[];
  undirected?: boolean;
  /** Restrict the rows returned (in this order); all actors when absent. Ranks are always among all actors. */
  actors?: readonly string[];
  /** Applied before the layers are cut: the 'all' layer is the filtered graph. */
  filter?: GraphFilter;
  /**
   * Weighted by evidence (MetricsOptions.weighted), in every layer. There is
   * no network choice here: each layer is a network of one type already.
   */
  weighted?: boolean;
  /** What the weights are (MetricsOptions.weightBy); absent: the default for the whole filtered graph, the same in every layer. */
  weightBy?: WeightBy;
}

export interface LayerRow {
  id: string;
  name: string;
  value: number | null;
  /** Competition rank among all actors in this layer, 1 = highest. */
  rank: number | null;
  /** Rank in 'all' minus rank here: positive = ranks higher in this layer; null when either rank is null, and in 'all'. */
  change: number | null;
}

export interface LayerRanking {
  layer: 'all' | RelationType;
  /** Relations in this layer. */
  relations: number;
  /** Why the metric is n/a for every actor of this layer, when it is. */
  unavailable?: string;
  rows: LayerRow[];
}

export interface LayerResult {
  metric: MetricId;
  directed: boolean;
  weighted: boolean;
  weightBy?: WeightBy;
  actorCount: number;
  /** 'all' first, then the layers in the order asked for. */
  layers: LayerRanking[];
}

export function layerRankings(dataset: Dataset, options: LayerOptions): LayerResult {
  const base = applyFilter(dataset, options.filter);
  const layerTypes = options.layers ?? DEFAULT_LAYERS;
  const rowIndices = options.actors ? actorIndices(dataset, base, options.actors) : base.actors.map((_a, i) => i);
  const undirected = options.undirected ?? false;
  const weightBy = options.weighted ? (options.weightBy ?? defaultWeightBy(base)) : undefined;

  const rank = (layer: 'all' | RelationType) => {
    const result = computeMetrics(base, {
      undirected,
      metrics: [options.metric],
      filter: layer === 'all' ? undefined : { relationTypes: [layer] },
      weighted: options.weighted,
      weightBy,
    });
    const values = metricValues(result, options.metric);
    return {
      layer,
      relations: result.graph.relations,
      unavailable: result.unavailable[options.metric],
      values,
      ranks: rankValues(values, rankOptionsFor(options.metric)).map((r) => r.rank),
    };
  };

  const all = rank('all');
  const layers = [all, ...layerTypes.map(rank)].map((l): LayerRanking => {
    const ranking: LayerRanking = {
      layer: l.layer,
      relations: l.relations,
      rows: rowIndices.map((i) => {
        const here = l.ranks[i]!;
        const there = all.ranks[i]!;
        return {
          id: base.actors[i]!.id,
          name: base.actors[i]!.name,
          value: l.values[i]!.value,
          rank: here,
          change: l.layer === 'all' || here === null || there === null ? null : there - here,
        };
      }),
    };
    if (l.unavailable !== undefined) ranking.unavailable = l.unavailable;
    return ranking;
  });

  return { metric: options.metric, directed: !undirected, weighted: options.weighted ?? false, ...(weightBy ? { weightBy } : {}), actorCount: base.actors.length, layers };
}
