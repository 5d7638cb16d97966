/**
 * The dataset as a graphology multigraph. Node and edge keys are our own
 * (`a0`, `a1`, … and `r0`, …), never the ids from a file: graphology 0.26
 * corrupts its neighbour indexes on keys such as `__proto__` (GUIDE §2), and
 * file ids may be any string.
 *
 * Built alone, keys are positions (`a<i>` for `actors[i]`). Built from the
 * graph of the version before (an edit, an undo), an actor or relation keeps
 * the key it had there, so that a view keyed by them (the canvas) can update
 * in place: deleting the first of 10,000 actors then moves no other key.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Actor, Dataset, Relation } from './types';

export interface ActorNode {
  actor: Actor;
}
export interface RelationEdge {
  relation: Relation;
}

export type ActorMultiGraph = MultiDirectedGraph<ActorNode, RelationEdge>;

export interface ActorGraph {
  readonly dataset: Dataset;
  /** Every relation is one directed edge source → target; `partner` edges are read both ways by consumers. */
  readonly graph: ActorMultiGraph;
  /** Actor id → internal node key. A Map, so that any id is safe. */
  readonly keyOfActor: ReadonlyMap<string, string>;
  readonly keyOfRelation: ReadonlyMap<string, string>;
  /** The numbers the next new keys take (`a<actor>`, `r<relation>`): never a key this graph or its predecessors used. */
  readonly nextKey: { readonly actor: number; readonly relation: number };
}

export const actorKey = (index: number): string => `a${index}`;
export const relationKey = (index: number): string => `r${index}`;

/**
 * Builds the graph from a dataset that restore() has accepted (ids unique,
 * ends resolved). With `previous` (the graph of the version this dataset was
 * edited from), keys follow the actors and relations: the same id keeps its
 * key; an item that replaced another at the same place under a new id (an
 * actor whose id was edited) takes the key of the one it replaced; anything
 * else gets a new key.
 */
export function buildActorGraph(dataset: Dataset, previous?: ActorGraph): ActorGraph {
  const graph: ActorMultiGraph = new MultiDirectedGraph<ActorNode, RelationEdge>({ allowSelfLoops: true });
  const actors = assignKeys(dataset.actors, previous?.dataset.actors, previous?.keyOfActor, previous?.nextKey.actor ?? 0, actorKey);
  const relations = assignKeys(dataset.relations, previous?.dataset.relations, previous?.keyOfRelation, previous?.nextKey.relation ?? 0, relationKey);
  const keyOfActor = new Map<string, string>();
  const keyOfRelation = new Map<string, string>();
  dataset.actors.forEach((actor, i) => {
    const key = actors.keys[i]!;
    keyOfActor.set(actor.id, key);
    graph.addNode(key, { actor });
  });
  dataset.relations.forEach((relation, i) => {
    const source = keyOfActor.get(relation.source);
    const target = keyOfActor.get(relation.target);
    if (source === undefined || target === undefined) {
      throw new Error(`relation ${relation.id} joins an unknown actor; pass the dataset through restore() first`);
    }
    const key = relations.keys[i]!;
    keyOfRelation.set(relation.id, key);
    graph.addDirectedEdgeWithKey(key, source, target, { relation });
  });
  return { dataset, graph, keyOfActor, keyOfRelation, nextKey: { actor: actors.next, relation: relations.next } };
}

/** Keys for `items`: positional without a predecessor, otherwise carried over from it (see buildActorGraph). */
function assignKeys(
  items: readonly { id: string }[],
  before: readonly { id: string }[] | undefined,
  keyOf: ReadonlyMap<string, string> | undefined,
  next: number,
  key: (n: number) => string,
): { keys: string[]; next: number } {
  if (!before || !keyOf) return { keys: items.map((_, i) => key(i)), next: items.length };
  const ids = new Set(items.map((item) => item.id));
  return {
    keys: items.map((item, i) => {
      const kept = keyOf.get(item.id);
      if (kept !== undefined) return kept;
      // The item at this place before is gone under its id: this one replaced it (an edited id). Its key is
      // free: no item here has its id, and no other place holds it.
      const was = before[i];
      const replaced = was && !ids.has(was.id) ? keyOf.get(was.id) : undefined;
      return replaced ?? key(next++);
    }),
    next,
  };
}
