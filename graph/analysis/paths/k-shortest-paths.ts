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
import { threatToPartnerPaths } from './threat-to-partner';

export const DEFAULT_K = 5;
export const MAX_K = 100;

/**
 * How a path must end: at the target by any allowed hop, or ('threat-to-partner')
 * with a threat into one of the target's partners and then that partnership
 * into the target (threat-to-partner.ts).
 */
export const PATH_ENDS = ['target', 'threat-to-partner'] as const;
export type PathEnd = (typeof PATH_ENDS)[number];

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
  /** Default 'target'. With 'threat-to-partner', `types` and `directed` rule the hops before the threat into the partner. */
  end?: PathEnd;
}

/**
 * The k best paths, best first. [] when from === to or there is no path;
 * an Error for an unknown actor id, a bad k, type or grade.
 */
export function kShortestPaths(dataset: Dataset, query: PathQuery): ActorPath[] {
  const k = query.k ?? DEFAULT_K;
  checkInteger('k', k, 1, MAX_K);
  const end = query.end ?? 'target';
  if (!(PATH_ENDS as readonly string[]).includes(end)) throw new Error(`paths: end ${JSON.stringify(end)} is not one of ${PATH_ENDS.join(', ')}`);
  if (end === 'threat-to-partner') return threatToPartnerPaths(dataset, { ...query, k });
  const graph = buildPathGraph(dataset, query);
  const from = actorIndex(graph, query.from, 'from');
  const to = actorIndex(graph, query.to, 'to');
  return yenKShortestPaths(graph, from, to, k).map((p) => toActorPath(graph, p));
}
