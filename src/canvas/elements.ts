/**
 * Dataset → Cytoscape elements. Element ids are the core's internal keys, not
 * file ids, so any actor id (even `__proto__`) is safe. Element data carries
 * what style rules read; everything else stays in the model.
 */
import type { ElementDefinition } from 'cytoscape';
import { isMutual, relationEvidence, type Actor, type ActorGraph, type Relation } from '../../graph';
import { kindStyle } from '../look/encoding';

export interface CanvasElements {
  graph: ActorGraph;
  elements: ElementDefinition[];
}

/** An actor's node (its `size` is 0: the sizing effect owns it). */
export function actorElement(key: string, actor: Actor): ElementDefinition {
  const style = kindStyle(actor.kind);
  return {
    group: 'nodes',
    data: { id: key, actorId: actor.id, name: actor.name, kind: actor.kind, shape: style.shape, color: style.color, size: 0 },
  };
}

/**
 * A relation's edge between two node keys, with what its evidence amounts to
 * (`confidence` 0..1, `contested`): the stylesheet maps them to width,
 * opacity and the hollow line. In data rather than classes, so that an edit
 * of its claims updates them in place like any other field (element-diff.ts).
 */
export function relationElement(key: string, relation: Relation, source: string, target: string): ElementDefinition {
  const evidence = relationEvidence(relation);
  return {
    group: 'edges',
    data: {
      id: key,
      relationId: relation.id,
      source,
      target,
      type: relation.type,
      mutual: isMutual(relation.type),
      confidence: evidence.confidence,
      contested: evidence.contested,
    },
  };
}

/** Every element of the graph, nodes first (so that every edge finds its ends). */
export function toElements(graph: ActorGraph): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  graph.graph.forEachNode((key, { actor }) => {
    elements.push(actorElement(key, actor));
  });
  graph.graph.forEachEdge((key, { relation }, source, target) => {
    elements.push(relationElement(key, relation, source, target));
  });
  return elements;
}
