/**
 * The dataset as a graphology multigraph. Node and edge keys are our own
 * (`a0`, `a1`, … and `r0`, …), never the ids from a file: graphology 0.26
 * corrupts its neighbour indexes on keys such as `__proto__` (GUIDE §2), and
 * file ids may be any string.
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
}

export const actorKey = (index: number): string => `a${index}`;
export const relationKey = (index: number): string => `r${index}`;

/** Builds the graph from a dataset that restore() has accepted (ids unique, ends resolved). */
export function buildActorGraph(dataset: Dataset): ActorGraph {
  const graph: ActorMultiGraph = new MultiDirectedGraph<ActorNode, RelationEdge>({ allowSelfLoops: true });
  const keyOfActor = new Map<string, string>();
  const keyOfRelation = new Map<string, string>();
  dataset.actors.forEach((actor, i) => {
    const key = actorKey(i);
    keyOfActor.set(actor.id, key);
    graph.addNode(key, { actor });
  });
  dataset.relations.forEach((relation, i) => {
    const source = keyOfActor.get(relation.source);
    const target = keyOfActor.get(relation.target);
    if (source === undefined || target === undefined) {
      throw new Error(`relation ${relation.id} joins an unknown actor; pass the dataset through restore() first`);
    }
    const key = relationKey(i);
    keyOfRelation.set(relation.id, key);
    graph.addDirectedEdgeWithKey(key, source, target, { relation });
  });
  return { dataset, graph, keyOfActor, keyOfRelation };
}
