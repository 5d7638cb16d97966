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

/** "Is this visible under these filters", for an actor by its kind and a relation by its type and its two actors. */
export interface Visibility {
  actor(actor: { readonly kind: string }): boolean;
  /** A relation is shown when its type is kept and both its actors are shown. */
  relation(relation: { readonly type: string }, source: { readonly kind: string }, target: { readonly kind: string }): boolean;
}

/** The one visibility test: applyFilter, the canvas, its layout and the app state all ask it. */
export function visibleUnder(filter: GraphFilter = {}): Visibility {
  const types: ReadonlySet<string> = new Set(filter.relationTypes ?? RELATION_TYPES);
  const kinds: ReadonlySet<string> | null = filter.actorKinds ? new Set(filter.actorKinds) : null;
  const actor = (a: { readonly kind: string }) => !kinds || kinds.has(a.kind);
  return {
    actor,
    relation: (r, source, target) => types.has(r.type) && actor(source) && actor(target),
  };
}

export function applyFilter(dataset: Dataset, filter: GraphFilter = {}): Dataset {
  const shown = visibleUnder(filter);
  const actors = filter.actorKinds ? dataset.actors.filter(shown.actor) : dataset.actors;
  const kept = new Map(actors.map((a) => [a.id, a]));
  const relations = dataset.relations.filter((r) => {
    const source = kept.get(r.source);
    const target = kept.get(r.target);
    return !!source && !!target && shown.relation(r, source, target);
  });
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
