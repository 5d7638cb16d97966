/**
 * The best path from every actor to one target, in the ranking of
 * path-order.ts: fewest hops, then lowest Σ −ln c (highest confidence), then
 * the actor sequence in name order.
 *
 * Because every hop costs 1 in the leading key, this is a breadth-first search
 * backwards from the target, layer by layer: an actor first met at layer d + 1
 * can only be reached through layer d, whose labels are final, so choosing its
 * best successor there settles it — Dijkstra on the (hops, cost) pair without a
 * heap, O(actors + arcs). Among successors with the same cost the one first in
 * name order wins: paths from v of equal length all start with v, so the first
 * place they can differ is the successor.
 *
 * Yen's spur searches block actors and arcs; `stopAt` ends the search as soon
 * as that actor's label is final, `maxHops` after that many layers.
 */
import type { PathGraph } from './path-graph';
import { pathCost, sameCost, type NodePath } from './path-order';

export interface SearchOptions {
  /** Actors a path may not pass through (1 = blocked). */
  blockedNodes?: Uint8Array;
  /** Arcs a path may not use. */
  blockedArcs?: ReadonlySet<number>;
  /** Stop once this actor's best path is known. */
  stopAt?: number;
  /** Explore at most this many hops from the target. */
  maxHops?: number;
}

export interface PathsToTarget {
  target: number;
  /** Hops of the best path to the target; −1 when there is none (within maxHops). */
  hops: Int32Array;
  /** Σ −ln c along that path. */
  cost: Float64Array;
  /** The first arc of that path; −1 at the target and where there is no path. */
  nextArc: Int32Array;
}

export function bestPathsTo(graph: PathGraph, target: number, options: SearchOptions = {}): PathsToTarget {
  const n = graph.ids.length;
  const { blockedNodes, blockedArcs, stopAt, maxHops = Infinity } = options;
  const hops = new Int32Array(n).fill(-1);
  const cost = new Float64Array(n);
  const nextArc = new Int32Array(n).fill(-1);
  hops[target] = 0;
  let layer = [target];
  for (let d = 0; layer.length > 0 && d < maxHops; d++) {
    if (stopAt !== undefined && hops[stopAt]! >= 0) break;
    const next: number[] = [];
    for (const w of layer) {
      for (const a of graph.inArcs[w]!) {
        if (blockedArcs?.has(a)) continue;
        const arc = graph.arcs[a]!;
        const v = arc.from;
        if (blockedNodes?.[v]) continue;
        const c = cost[w]! + arc.cost;
        if (hops[v] === -1) {
          hops[v] = d + 1;
          cost[v] = c;
          nextArc[v] = a;
          next.push(v);
        } else if (hops[v] === d + 1) {
          const current = graph.arcs[nextArc[v]!]!.to;
          const better = sameCost(c, cost[v]!) ? graph.order[w]! < graph.order[current]! : c < cost[v]!;
          if (better) {
            cost[v] = c;
            nextArc[v] = a;
          }
        }
      }
    }
    layer = next;
  }
  return { target, hops, cost, nextArc };
}

/** The best path from `from` in a search result, or null when there is none. */
export function pathFrom(graph: PathGraph, found: PathsToTarget, from: number): NodePath | null {
  if (found.hops[from]! < 0) return null;
  const nodes = [from];
  const arcs: number[] = [];
  let v = from;
  while (v !== found.target) {
    const a = found.nextArc[v]!;
    arcs.push(a);
    v = graph.arcs[a]!.to;
    nodes.push(v);
  }
  return { nodes, arcs, cost: pathCost(graph, arcs) };
}
