/**
 * Dataset → Cytoscape elements. Element ids are the core's internal keys, not
 * file ids, so any actor id (even `__proto__`) is safe. Element data carries
 * what style rules read; everything else stays in the model.
 */
import type { ElementDefinition } from 'cytoscape';
import { isMutual, weighRelation, type Actor, type ActorGraph, type Relation, type RelationEvidence } from '../../graph';
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

/** A relation's edge between two node keys. */
export function relationElement(key: string, relation: Relation, source: string, target: string): ElementDefinition {
  return {
    group: 'edges',
    data: { id: key, relationId: relation.id, source, target, type: relation.type, mutual: isMutual(relation.type) },
  };
}

/**
 * What an edge's evidence amounts to, for the stylesheet to map to width,
 * opacity and the hollow line: its `confidence` (0..1) and whether it is
 * `contested`. Kept apart from the edge's definition, which the element diff
 * compares for what an edit changes in the graph's structure: the evidence is
 * put on the edges before they go in (withEvidence) and refreshed after an
 * edit (evidenceChanges in element-diff.ts).
 */
export function evidenceData(relation: Relation): { confidence: number; contested: boolean } {
  // A plain edge list's 50,000 claimless relations all weigh the same (the evidence is a function of the claims alone).
  const { confidence, contested } = relation.claims.length === 0 ? (withoutClaims ??= weighRelation({ claims: [] })) : weighRelation(relation);
  return { confidence, contested };
}
let withoutClaims: Omit<RelationEvidence, 'rule'> | undefined;

/** The same edge definitions with their evidence in their data, so that the first style pass already has it. */
export function withEvidence(elements: ElementDefinition[], graph: ActorGraph): ElementDefinition[] {
  for (const el of elements) {
    if (el.group === 'edges') Object.assign(el.data, evidenceData(graph.graph.getEdgeAttribute(el.data.id!, 'relation')));
  }
  return elements;
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
