/**
 * Threat paths: the k best loop-free paths from one actor to another, ranked
 * by hops, then confidence, then names (path-order.ts), found by Yen's
 * algorithm (yen.ts) on the query's graph (path-graph.ts).
 */
import type { Dataset, Grade, RelationType } from '../../model/types';
import { toActorPath, type ActorPath } from './actor-path';
import { actorIndex, buildPathGraph } from './path-graph';
import { yenKShortestPaths } from './yen';
import { checkInteger } from './checks';

export const DEFAULT_K = 5;
export const MAX_K = 100;

export interface PathQuery {
  /** Actor ids. */
  from: string;
  to: string;
  /** How many paths; default 5, 1..100. */
  k?: number;
  /** Relation types allowed as hops; default: all types. */
  types?: readonly RelationType[];
  /** Default true: directed types only source → target, partner both ways. false: every relation both ways. */
  directed?: boolean;
  /** Keep only relations with a supporting claim at or above this grade. */
  minGrade?: Grade;
}

/**
 * The k best paths, best first. [] when from === to or there is no path;
 * an Error for an unknown actor id, a bad k, type or grade.
 */
export function kShortestPaths(dataset: Dataset, query: PathQuery): ActorPath[] {
  const k = query.k ?? DEFAULT_K;
  checkInteger('k', k, 1, MAX_K);
  const graph = buildPathGraph(dataset, query);
  const from = actorIndex(graph, query.from, 'from');
  const to = actorIndex(graph, query.to, 'to');
  return yenKShortestPaths(graph, from, to, k).map((p) => toActorPath(graph, p));
}
