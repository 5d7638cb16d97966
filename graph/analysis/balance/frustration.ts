/**
 * The frustration index of a signed multigraph: the fewest relations to
 * remove (equivalently, to flip) for it to become balanced — the minimum over
 * two-faction splits of (positive relations across + negative relations
 * within), each relation counted (parallel relations each count).
 *
 * Connected components are independent, so each is solved on its own:
 * first by the local-search heuristic (heuristic.ts: an upper bound), then a
 * lower bound, the larger of two greedy packings of edge-disjoint unbalanced
 * cycles (cycle-packing.ts: shortest first; split-packing.ts: one cycle per
 * relation the heuristic's split violates). A component of at most
 * `exactLimit` actors is then solved exhaustively (exact.ts), unless the
 * bounds already meet; the search stops when it reaches the lower bound.
 * Each component's split puts its actor with most signed relations (ties:
 * first in the dataset) on side 0.
 */
import { solveExact } from './exact';
import { packUnbalancedCycles } from './cycle-packing';
import { solveHeuristic } from './heuristic';
import { colouringProblem } from './problem';
import { packAlongSplit } from './split-packing';
import type { SignedGraph } from './signed-graph';
import { signedComponents } from './signed-graph';

export interface ComponentSplit {
  /** Global vertex numbers. */
  vertices: number[];
  /** side[i] of vertices[i]: 0 for the root's side. */
  side: Uint8Array;
  /** Global pair indexes of the component. */
  pairs: number[];
  /** Relations the split violates. */
  frustration: number;
  lowerBound: number;
  /** Solved exactly: exhaustive search, or bounds that meet, on a component of at most exactLimit actors. */
  exact: boolean;
  /** How: local search alone ('heuristic'), proven optimal by the lower bound ('bounds'), or exhaustive 'search'. */
  how: 'heuristic' | 'bounds' | 'search';
  /** False when a packing stopped at its work budget (the bound is valid but may be weaker). */
  boundComplete: boolean;
}

export function splitComponents(graph: SignedGraph, exactLimit: number, seed: number): ComponentSplit[] {
  return signedComponents(graph).map((vertices) => {
    let root = 0;
    vertices.forEach((v, i) => {
      if (graph.degree[v]! > graph.degree[vertices[root]!]!) root = i;
    });
    const { problem, pairIds } = colouringProblem(graph, vertices);
    const heuristic = solveHeuristic(problem, root, seed);
    const shortest = packUnbalancedCycles(problem);
    const along = packAlongSplit(problem, heuristic.side);
    const lowerBound = Math.max(shortest.bound, along.bound);
    const boundComplete = shortest.complete && along.complete;
    const base = { vertices, pairs: pairIds, boundComplete };
    if (vertices.length > exactLimit) {
      return { ...base, side: heuristic.side, frustration: heuristic.cost, lowerBound, exact: false, how: 'heuristic' };
    }
    if (heuristic.cost === lowerBound) {
      return { ...base, side: heuristic.side, frustration: heuristic.cost, lowerBound, exact: true, how: 'bounds' };
    }
    const best = solveExact(problem, root, lowerBound);
    return { ...base, side: best.side, frustration: best.cost, lowerBound: best.cost, exact: true, how: 'search' };
  });
}
