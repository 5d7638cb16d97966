/**
 * What an edit changes on the canvas. Two ActorGraphs (the one drawn, and
 * the next) are compared by element id — the internal keys `a<i>`/`r<i>` —
 * so that a small edit (add, edit or delete one actor or relation, an undo)
 * updates the live Cytoscape instance instead of re-creating 60,000 elements.
 *
 * The app builds each version's graph from the one before
 * (`buildActorGraph(dataset, previous)`), so an actor or relation keeps its
 * key through edits, deletions in the middle included. The canvas, the
 * overlay, the selection and the search find elements through `keyOfActor` /
 * `keyOfRelation`, so an in-place update is only planned when every actor
 * and relation that is in both graphs has the same key in both (two graphs
 * built apart have positional keys, which a deletion shifts); otherwise (and
 * when the change is large: an import, another dataset) the canvas is
 * re-created.
 */
import type { ElementDefinition, Position } from 'cytoscape';
import type { ActorGraph } from '../../graph';
import { actorElement, evidenceData, relationElement } from './elements';

export interface ElementDiff {
  /** Element ids to remove: edges first, then nodes. An edge whose ends changed is removed and added again. */
  removed: string[];
  /** Elements to add: nodes first, then edges. */
  added: ElementDefinition[];
  /** Elements that stay, with the data fields that changed (never `id`, `source` or `target`). */
  updated: { id: string; data: Record<string, unknown> }[];
}

export type UpdatePlan = { ok: true; diff: ElementDiff; changes: number } | { ok: false; reason: string };

/** An update is in place up to this share of the drawn elements (and always up to `MIN_CHANGES`). */
export const MAX_CHANGE_SHARE = 0.1;
export const MIN_CHANGES = 20;

/**
 * The in-place update from `prev` to `next`, or why there is none (keys
 * moved, nothing in common, too many changes).
 */
export function planUpdate(prev: ActorGraph, next: ActorGraph): UpdatePlan {
  const moved = movedKey(prev.keyOfActor, next.keyOfActor) ?? movedKey(prev.keyOfRelation, next.keyOfRelation);
  if (moved !== undefined) return { ok: false, reason: `the key of ${moved} changed` };
  if (prev.graph.order > 0 && next.graph.order > 0 && !shareAnActor(prev, next)) return { ok: false, reason: 'no actor in common' };
  const limit = Math.max(MIN_CHANGES, Math.ceil((prev.graph.order + prev.graph.size) * MAX_CHANGE_SHARE));
  const diff = diffElements(prev, next, limit);
  if (!diff) return { ok: false, reason: `more than ${limit} elements change` };
  return { ok: true, diff, changes: diff.removed.length + diff.added.length + diff.updated.length };
}

/** The first id (quoted) whose key differs between the two maps, if any. */
function movedKey(prev: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): string | undefined {
  for (const [id, key] of next) {
    const before = prev.get(id);
    if (before !== undefined && before !== key) return JSON.stringify(id);
  }
  return undefined;
}

function shareAnActor(prev: ActorGraph, next: ActorGraph): boolean {
  for (const id of next.keyOfActor.keys()) if (prev.keyOfActor.has(id)) return true;
  return false;
}

/**
 * The element changes from `prev` to `next`, compared key by key; null as
 * soon as more than `limit` elements change. Unchanged actors and relations
 * are the same objects in both datasets (edits share them), so most
 * elements cost one comparison.
 */
export function diffElements(prev: ActorGraph, next: ActorGraph, limit = Infinity): ElementDiff | null {
  const a = prev.graph;
  const b = next.graph;
  const removedEdges: string[] = [];
  const removedNodes: string[] = [];
  const addedNodes: ElementDefinition[] = [];
  const addedEdges: ElementDefinition[] = [];
  const updated: ElementDiff['updated'] = [];
  let changes = 0;
  const over = () => ++changes > limit;

  for (const key of a.nodes()) if (!b.hasNode(key) && (removedNodes.push(key), over())) return null;
  for (const key of a.edges()) if (!b.hasEdge(key) && (removedEdges.push(key), over())) return null;

  for (const key of b.nodes()) {
    const { actor } = b.getNodeAttributes(key);
    if (!a.hasNode(key)) {
      addedNodes.push(actorElement(key, actor));
      if (over()) return null;
      continue;
    }
    const before = a.getNodeAttributes(key).actor;
    if (before === actor) continue;
    const data = changedData(actorElement(key, before).data, actorElement(key, actor).data);
    if (data && (updated.push({ id: key, data }), over())) return null;
  }

  for (const key of b.edges()) {
    const { relation } = b.getEdgeAttributes(key);
    const source = b.source(key);
    const target = b.target(key);
    const element = () => relationElement(key, relation, source, target);
    if (!a.hasEdge(key)) {
      addedEdges.push(element());
      if (over()) return null;
      continue;
    }
    const before = a.getEdgeAttributes(key).relation;
    const sameEnds = a.source(key) === source && a.target(key) === target;
    if (before === relation && sameEnds) continue;
    if (!sameEnds) {
      // Cytoscape cannot change an edge's ends through its data: out, and in again.
      removedEdges.push(key);
      addedEdges.push(element());
      changes += 1;
      if (over()) return null;
      continue;
    }
    const data = changedData(relationElement(key, before, source, target).data, element().data);
    if (data && (updated.push({ id: key, data }), over())) return null;
  }

  return { removed: [...removedEdges, ...removedNodes], added: [...addedNodes, ...addedEdges], updated };
}

/**
 * The evidence fields (elements.ts' evidenceData) of the edges in both graphs
 * whose relation changed (new claims, a regrade) and whose evidence changed
 * with it. The structural diff above does not see claims; an edge added by it
 * gets its evidence with withEvidence().
 */
export function evidenceChanges(prev: ActorGraph, next: ActorGraph): ElementDiff['updated'] {
  const out: ElementDiff['updated'] = [];
  next.graph.forEachEdge((key, { relation }) => {
    if (!prev.graph.hasEdge(key)) return;
    const before = prev.graph.getEdgeAttribute(key, 'relation');
    if (before === relation) return;
    const data = changedData(evidenceData(before), evidenceData(relation));
    if (data) out.push({ id: key, data });
  });
  return out;
}

/** The fields of `next` that differ from `prev` (never id or ends), or null when none do. */
function changedData(prev: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (const field of Object.keys(next)) {
    if (field === 'id' || field === 'source' || field === 'target') continue;
    if (!Object.is(prev[field], next[field])) (out ??= {})[field] = next[field];
  }
  return out;
}

/**
 * Positions for the added nodes: beside their neighbours that are already
 * drawn (40 px right and down of the middle of their box), or `fallback`
 * (the middle of the view) for an actor without drawn neighbours.
 */
export function placeAdded(diff: ElementDiff, next: ActorGraph, positionOf: (key: string) => Position | undefined, fallback: Position): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const el of diff.added) {
    if (el.group !== 'nodes') continue;
    const key = el.data.id!;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const near of next.graph.neighbors(key)) {
      const p = near === key ? undefined : positionOf(near);
      if (!p) continue;
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    }
    out.set(key, x1 <= x2 ? { x: (x1 + x2) / 2 + 40, y: (y1 + y2) / 2 + 40 } : { ...fallback });
  }
  return out;
}
