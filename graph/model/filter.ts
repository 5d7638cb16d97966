/**
 * Which part of a dataset is in view. Filtering yields a smaller dataset, so
 * the canvas, the metrics and the CLI all see the same graph.
 */
import { RELATION_TYPES, type Dataset, type RelationType } from './types';

export interface GraphFilter {
  /** Relation types kept; all when absent. */
  relationTypes?: readonly RelationType[];
  /** Actor kinds kept; all when absent. Relations to a hidden actor are hidden too. */
  actorKinds?: readonly string[];
}

export function applyFilter(dataset: Dataset, filter: GraphFilter = {}): Dataset {
  const types = new Set<RelationType>(filter.relationTypes ?? RELATION_TYPES);
  const kinds = filter.actorKinds ? new Set(filter.actorKinds) : null;
  const actors = kinds ? dataset.actors.filter((a) => kinds.has(a.kind)) : dataset.actors;
  const kept = new Set(actors.map((a) => a.id));
  const relations = dataset.relations.filter(
    (r) => types.has(r.type) && kept.has(r.source) && kept.has(r.target),
  );
  if (actors === dataset.actors && relations.length === dataset.relations.length) return dataset;
  return { ...dataset, actors, relations };
}

export function describeFilter(filter: GraphFilter = {}): string {
  const parts: string[] = [];
  if (filter.relationTypes && filter.relationTypes.length < RELATION_TYPES.length) {
    parts.push(`relation types: ${filter.relationTypes.join(', ') || 'none'}`);
  }
  if (filter.actorKinds) parts.push(`actor kinds: ${filter.actorKinds.join(', ') || 'none'}`);
  return parts.length ? parts.join('; ') : 'all actors and relations';
}
