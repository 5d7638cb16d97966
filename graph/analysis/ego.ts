/**
 * Ego focus: the actors within `depth` steps of one actor, and the relations
 * among them.
 *
 * Steps follow relations of the allowed types (all types by default):
 * - `out`: source → target (who the actor threatens, supplies, …, and onwards);
 * - `in`: target → source (who threatens, supplies, … the actor);
 * - `both` (default): any relation, whichever its direction.
 * A `partner` relation is mutual, so it is a step both ways in every direction.
 * Self-relations lead nowhere but are kept in `relations` when their actor is
 * in the ego set.
 */
import type { Dataset, RelationType } from '../model/types';
import { RELATION_TYPES, isMutual } from '../model/types';
import { actorNameRank } from './communities';

export type EgoDirection = 'out' | 'in' | 'both';

export interface EgoQuery {
  actor: string;
  depth: 1 | 2 | 3;
  /** Default `both`; `partner` counts as both ways. */
  direction?: EgoDirection;
  /** Relation types followed and returned; all when absent. */
  types?: readonly RelationType[];
}

export interface EgoResult {
  /** The ego (distance 0) and every actor reached, by distance, then name. */
  actors: Array<{ id: string; distance: number }>;
  /** Ids of allowed-type relations whose both ends are in the ego set, in dataset order. */
  relations: string[];
}

export function egoNetwork(dataset: Dataset, query: EgoQuery): EgoResult {
  const { actor, depth } = query;
  const direction = query.direction ?? 'both';
  if (!dataset.actors.some((a) => a.id === actor)) throw new RangeError(`ego: "${actor}" is not an actor id in this dataset`);
  if (depth !== 1 && depth !== 2 && depth !== 3) throw new RangeError(`ego: depth must be 1, 2 or 3, not ${String(depth)}`);
  if (direction !== 'out' && direction !== 'in' && direction !== 'both') {
    throw new RangeError(`ego: direction must be out, in or both, not ${String(direction)}`);
  }
  const types = new Set<RelationType>(query.types ?? RELATION_TYPES);
  const relations = dataset.relations.filter((r) => types.has(r.type));

  // Steps from each actor under the chosen direction.
  const steps = new Map<string, string[]>();
  const addStep = (from: string, to: string) => {
    let list = steps.get(from);
    if (!list) steps.set(from, (list = []));
    list.push(to);
  };
  for (const r of relations) {
    if (r.source === r.target) continue;
    const mutual = direction === 'both' || isMutual(r.type);
    if (mutual || direction === 'out') addStep(r.source, r.target);
    if (mutual || direction === 'in') addStep(r.target, r.source);
  }

  // Breadth-first search to `depth`.
  const distance = new Map<string, number>([[actor, 0]]);
  let frontier = [actor];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const to of steps.get(from) ?? []) {
        if (distance.has(to)) continue;
        distance.set(to, d);
        next.push(to);
      }
    }
    frontier = next;
  }

  const rank = actorNameRank(dataset);
  const actors = [...distance].map(([id, d]) => ({ id, distance: d }));
  actors.sort((a, b) => a.distance - b.distance || rank.get(a.id)! - rank.get(b.id)!);
  return {
    actors,
    relations: relations.filter((r) => distance.has(r.source) && distance.has(r.target)).map((r) => r.id),
  };
}
