/**
 * Does a ranking rest on doubtful evidence? The same metric with and without
 * the relations an analyst might doubt: suspected-supporter relations
 * (unconfirmed by nature), and relations without a supporting claim graded
 * at or above a minimum (relationMeetsGrade: reliability and credibility both
 * at least as good; a relation without any claim never meets a grade, so a
 * plain edge list loses every relation under `minGrade`).
 *
 * Actors are never dropped, only relations, so both rankings are out of the
 * same actors.
 */
import { applyFilter, type GraphFilter } from '../../model/filter';
import type { Dataset, Grade } from '../../model/types';
import { relationMeetsGrade } from '../evidence';
import { computeMetrics, defaultWeightBy, type MetricId, type WeightBy } from '../metrics';
import type { Network } from '../network';
import { metricValues, rankOptionsFor } from './compare-actors';
import { competitionRanks, spearman } from './ranks';

export interface StabilityOptions {
  metric: MetricId;
  /** Drop suspected-supporter relations. */
  dropSuspected?: boolean;
  /** Drop relations without a supporting claim at or above this grade. */
  minGrade?: Grade;
  undirected?: boolean;
  /** Applied to both rankings before anything is dropped. */
  filter?: GraphFilter;
  /** Both rankings on this network (analysis/network.ts) and weighted by evidence or not, as in compareActors. */
  network?: Network;
  weighted?: boolean;
  /** What the weights are (MetricsOptions.weightBy); absent: the default for the filtered graph, the same for both rankings. */
  weightBy?: WeightBy;
}

export interface StabilityMove {
  id: string;
  name: string;
  baseValue: number | null;
  variantValue: number | null;
  baseRank: number | null;
  variantRank: number | null;
  /** baseRank − variantRank: positive = moved up without the dropped relations; null when either rank is. */
  delta: number | null;
}

export interface StabilityResult {
  metric: MetricId;
  directed: boolean;
  /** Ids of the relations removed for the variant, in dataset order. */
  dropped: string[];
  /** Every actor, sorted by |delta| descending (null last), then base rank (null last), then dataset order. */
  moves: StabilityMove[];
  /** Spearman's rank correlation of base and variant values over actors with both; null if fewer than 2 or no variance. */
  spearman: number | null;
}

export function rankStability(dataset: Dataset, options: StabilityOptions): StabilityResult {
  const base = applyFilter(dataset, options.filter);
  const { dropSuspected = false, minGrade } = options;
  const dropped: string[] = [];
  const kept = base.relations.filter((r) => {
    const drop =
      (dropSuspected && r.type === 'suspected-supporter') || (minGrade !== undefined && !relationMeetsGrade(r, minGrade));
    if (drop) dropped.push(r.id);
    return !drop;
  });
  const variant: Dataset = { ...base, relations: kept };

  const tie = rankOptionsFor(options.metric);
  const weightBy = options.weighted ? (options.weightBy ?? defaultWeightBy(base)) : undefined;
  const run = (data: Dataset) => {
    const values = metricValues(computeMetrics(data, {
        undirected: options.undirected,
        metrics: [options.metric],
        network: options.network,
        weighted: options.weighted,
        weightBy,
      }), options.metric);
    return { values, ranks: competitionRanks(values.map((v) => v.value), tie) };
  };
  const before = run(base);
  const after = run(variant);

  const moves = base.actors.map((a, i): StabilityMove & { order: number } => {
    const baseRank = before.ranks[i]!;
    const variantRank = after.ranks[i]!;
    return {
      id: a.id,
      name: a.name,
      baseValue: before.values[i]!.value,
      variantValue: after.values[i]!.value,
      baseRank,
      variantRank,
      delta: baseRank === null || variantRank === null ? null : baseRank - variantRank,
      order: i,
    };
  });
  const size = (d: number | null) => (d === null ? -1 : Math.abs(d));
  const rankKey = (r: number | null) => (r === null ? Infinity : r);
  moves.sort((a, b) => size(b.delta) - size(a.delta) || rankKey(a.baseRank) - rankKey(b.baseRank) || a.order - b.order);

  return {
    metric: options.metric,
    directed: !(options.undirected ?? false),
    dropped,
    moves: moves.map(({ order: _order, ...move }) => move),
    spearman: spearman(moves.map((m) => [m.baseValue, m.variantValue] as const), tie),
  };
}
