/**
 * Who can reach an actor: every other actor with a path to it within
 * maxHops, each with its best path (the same one kShortestPaths would rank
 * first), by default along threat and suspected-supporter relations.
 */
import type { Dataset, Grade, RelationType } from '../../model/types';
import { toActorPath, type ActorPath } from './actor-path';
import { bestPathsTo, pathFrom } from './best-path';
import { checkInteger } from './checks';
import { actorIndex, buildPathGraph } from './path-graph';
import { sameCost } from './path-order';

export const DEFAULT_MAX_HOPS = 3;
export const MAX_MAX_HOPS = 10;
export const DEFAULT_REACH_TYPES: readonly RelationType[] = ['threat', 'suspected-supporter'];

export interface ReachQuery {
  target: string;
  /** Default 3, 1..10. */
  maxHops?: number;
  /** Default ['threat', 'suspected-supporter']. */
  types?: readonly RelationType[];
  /** Default true. */
  directed?: boolean;
  minGrade?: Grade;
}

export interface Reacher {
  actor: string;
  /** Hops of its best path. */
  distance: number;
  /** Its best path, from the actor to the target. */
  path: ActorPath;
}

/** Sorted by distance, then path confidence (highest first), then actor name and id. */
export function whoCanReach(dataset: Dataset, query: ReachQuery): Reacher[] {
  const maxHops = query.maxHops ?? DEFAULT_MAX_HOPS;
  checkInteger('maxHops', maxHops, 1, MAX_MAX_HOPS);
  const graph = buildPathGraph(dataset, { ...query, types: query.types ?? DEFAULT_REACH_TYPES });
  const target = actorIndex(graph, query.target, 'target');
  const found = bestPathsTo(graph, target, { maxHops });
  const reachers: Array<Reacher & { index: number }> = [];
  for (let v = 0; v < graph.ids.length; v++) {
    if (v === target) continue;
    const path = pathFrom(graph, found, v);
    if (path) reachers.push({ index: v, actor: graph.ids[v]!, distance: path.arcs.length, path: toActorPath(graph, path) });
  }
  reachers.sort(
    (a, b) =>
      a.distance - b.distance ||
      (sameCost(a.path.confidence, b.path.confidence) ? 0 : b.path.confidence - a.path.confidence) ||
      graph.order[a.index]! - graph.order[b.index]!,
  );
  return reachers.map(({ actor, distance, path }) => ({ actor, distance, path }));
}
