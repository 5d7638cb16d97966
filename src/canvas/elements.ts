/**
 * Dataset → Cytoscape elements. Element ids are the core's internal keys, not
 * file ids, so any actor id (even `__proto__`) is safe. Element data carries
 * what style rules read; everything else stays in the model.
 */
import type { ElementDefinition } from 'cytoscape';
import { buildActorGraph, isMutual, type ActorGraph } from '../../graph';
import { kindStyle } from './encoding';

export interface CanvasElements {
  graph: ActorGraph;
  elements: ElementDefinition[];
}

export function toElements(graph: ActorGraph): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  graph.graph.forEachNode((key, { actor }) => {
    const style = kindStyle(actor.kind);
    elements.push({
      group: 'nodes',
      data: { id: key, actorId: actor.id, name: actor.name, kind: actor.kind, shape: style.shape, color: style.color, size: 0 },
    });
  });
  graph.graph.forEachEdge((key, { relation }, source, target) => {
    elements.push({
      group: 'edges',
      data: { id: key, relationId: relation.id, source, target, type: relation.type, mutual: isMutual(relation.type) },
    });
  });
  return elements;
}

export { buildActorGraph };
