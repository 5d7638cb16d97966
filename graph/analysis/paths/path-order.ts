/**
 * The order paths are ranked in: fewer hops first; among equal hop counts,
 * higher confidence (the product of hop confidences) first; then the actor
 * sequences compared position by position in (name, id) order, so that the
 * result is the same on every run and machine.
 *
 * This is exactly the order of the additive cost 1 + ε·(−ln c) per hop with
 * c = max(confidence, 1e-9) and ε < 1/(21·(n+1)) — the ε-term of a whole path
 * stays below 1, so it only ever breaks ties between equal hop counts — but it
 * is computed as the pair (hops, Σ −ln c) compared lexicographically. That
 * needs no ε and loses no precision on large graphs, where ε·(−ln c) would
 * shrink towards the last bits of a double.
 *
 * Sums of logarithms taken in a different order can differ in the last bits,
 * so costs within COST_TOLERANCE count as equal and fall through to the
 * name order instead of to rounding noise.
 */
import type { PathGraph } from './path-graph';

/** Relative tolerance under which two path costs (Σ −ln c) are equal. */
export const COST_TOLERANCE = 1e-12;

export function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= COST_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A path as actor and arc indices, with its rank keys. */
export interface NodePath {
  /** Actor indices, from first to last. */
  nodes: number[];
  /** Arc indices; arcs[i] joins nodes[i] → nodes[i + 1]. */
  arcs: number[];
  /** Σ −ln max(c, 1e-9) over the hops, summed from the first hop. */
  cost: number;
}

/** Σ of the arcs' costs, always summed from the first arc, so a path's cost does not depend on how it was found. */
export function pathCost(graph: PathGraph, arcs: readonly number[]): number {
  let cost = 0;
  for (const a of arcs) cost += graph.arcs[a]!.cost;
  return cost;
}

/** Negative when path a ranks before path b. */
export function comparePaths(graph: PathGraph, a: NodePath, b: NodePath): number {
  if (a.arcs.length !== b.arcs.length) return a.arcs.length - b.arcs.length;
  if (!sameCost(a.cost, b.cost)) return a.cost - b.cost;
  return compareSequences(graph, a.nodes, b.nodes);
}

/** Lexicographic on actors in (name, id) order; a proper prefix first. */
export function compareSequences(graph: PathGraph, a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return graph.order[a[i]!]! - graph.order[b[i]!]!;
  }
  return a.length - b.length;
}
