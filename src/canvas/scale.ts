/**
 * What changes when a graph is large (GUIDE §4/§5; issue 5). Below the
 * threshold nothing does: a small graph looks and behaves exactly as it
 * always has. Above it, each knob trades detail for speed:
 *
 * - `haystack`: straight, arrowless edges without per-edge curve geometry;
 *   the hovered or selected neighbourhood switches back to drawn arrows.
 * - `labelLevelOfDetail`: labels only where they can be read — an actor's
 *   label when zoomed in (the canvas gives the actors in view the `labelled`
 *   class), and at any zoom only for the `landmarks` top actors by the sizing
 *   metric (by degree until the metrics arrive), drawn large. The other
 *   actors carry no label properties at all: see the large-graph stylesheet
 *   (src/canvas/stylesheet.ts), whose per-element property count sets the
 *   cost of Cytoscape's first style pass.
 * - `hideEdgesOnViewport` / `textureOnViewport`: Cytoscape's own shortcuts
 *   while panning and zooming.
 * - `sliced`: elements go in, and changes to many of them (sizes, filters,
 *   the evidence setting, the time window) are applied, a slice of about
 *   30 ms at a time with Cytoscape's drawing held in between, and drawn once
 *   at the end (src/canvas/add-in-slices.ts, src/canvas/change-slices.ts).
 *   What is left in one task is Cytoscape's redraw of every element.
 * - `workerLayout`: the force-directed layout runs in a worker (ForceAtlas2
 *   through the core's `layout` request), never fCoSE on the UI thread.
 * - `lightHover`: hovering highlights the neighbourhood without fading every
 *   other element (which restyles the whole graph on each move).
 * - `webgl`: Cytoscape's experimental WebGL renderer (3.31+; no dashes,
 *   triangle arrows only). Off: see the measurements in the knob table of
 *   tests/support/measure-canvas.ts' output.
 *
 * Every knob can be overridden for measurement by setting
 * `window.__actorscopeKnobs` before the app starts (see tests/e2e/scale.test.ts
 * and tests/support/measure-canvas.ts).
 */
import { visibleUnder, type ActorGraph, type GraphFilter } from '../../graph';

export interface ScaleKnobs {
  large: boolean;
  haystack: boolean;
  labelLevelOfDetail: boolean;
  landmarks: number;
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  sliced: boolean;
  workerLayout: boolean;
  lightHover: boolean;
  webgl: boolean;
}

/** A graph is large from this many actors or relations on. */
export const LARGE_ACTORS = 1000;
export const LARGE_RELATIONS = 4000;

export function isLarge(graph: ActorGraph): boolean {
  return graph.graph.order >= LARGE_ACTORS || graph.graph.size >= LARGE_RELATIONS;
}

const SMALL: ScaleKnobs = {
  large: false,
  haystack: false,
  labelLevelOfDetail: false,
  landmarks: 0,
  hideEdgesOnViewport: false,
  textureOnViewport: false,
  sliced: false,
  workerLayout: false,
  lightHover: false,
  webgl: false,
};

/** A large graph's knobs, before any override (exported for the stylesheet's tests). */
export const LARGE_KNOBS: ScaleKnobs = {
  large: true,
  haystack: true,
  labelLevelOfDetail: true,
  landmarks: 40,
  hideEdgesOnViewport: true,
  textureOnViewport: true,
  sliced: true,
  workerLayout: true,
  lightHover: true,
  webgl: false,
};

export function scaleKnobs(graph: ActorGraph): ScaleKnobs {
  const base = isLarge(graph) ? LARGE_KNOBS : SMALL;
  const override = typeof window === 'undefined' ? undefined : window.__actorscopeKnobs;
  return override && base.large ? { ...base, ...override, large: true } : base;
}

/**
 * The visible part of the graph as a node count and an edge list of node
 * indices (typed arrays, transferred to the layout worker), with the node
 * keys in index order.
 */
export function layoutStructure(graph: ActorGraph, filter: GraphFilter) {
  const shown = visibleUnder(filter);
  const keys: string[] = [];
  const index = new Map<string, number>();
  graph.graph.forEachNode((key, { actor }) => {
    if (!shown.actor(actor)) return;
    index.set(key, keys.length);
    keys.push(key);
  });
  const pairs = new Int32Array(graph.graph.size * 2);
  let n = 0;
  graph.graph.forEachEdge((_key, { relation }, source, target, sourceAttributes, targetAttributes) => {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || !shown.relation(relation, sourceAttributes.actor, targetAttributes.actor)) return;
    pairs[n++] = s;
    pairs[n++] = t;
  });
  return { keys, edges: pairs.slice(0, n) };
}

/** The keys of the `count` actors ranked highest by `score` (ties: the first in the dataset). */
export function topActors(keys: readonly string[], score: (key: string) => number, count: number): string[] {
  if (count <= 0) return [];
  return keys
    .map((key, i) => ({ key, i, s: score(key) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, count)
    .map((x) => x.key);
}
