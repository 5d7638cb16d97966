/**
 * An upper bound on a component's frustration when it is too large to search
 * exhaustively: seeded multi-start greedy with single-flip local search.
 *
 * Starts: one spanning-tree colouring (breadth-first from the root, each tree
 * pair kept together or split as its majority sign asks) and RANDOM_STARTS
 * random colourings. Each is improved by flipping any actor whose flip lowers
 * the cost until none does (a local optimum). Then KICKS rounds of iterated
 * local search: flip a few random actors of the best colouring, descend
 * again, keep the result if it is no worse.
 */
import { seededRandom } from '../random';
import type { Colouring } from './exact';
import type { ColouringProblem } from './problem';
import { colouringCost } from './problem';

export const RANDOM_STARTS = 15;
export const KICKS = 200;

export function solveHeuristic(problem: ColouringProblem, root: number, seed = 1): Colouring {
  const { n, offsets, adjVertex, adjPair, pos, neg } = problem;
  const random = seededRandom(seed);
  const d = new Int32Array(adjPair.length);
  for (let k = 0; k < adjPair.length; k++) d[k] = pos[adjPair[k]!]! - neg[adjPair[k]!]!;

  let best: Colouring = { cost: Infinity, side: new Uint8Array(n) };
  const consider = (side: Uint8Array) => {
    const cost = descend(side);
    if (cost < best.cost) best = { cost, side: side.slice() };
    return cost;
  };

  /** Single-flip local search in place; returns the cost of the local optimum. */
  function descend(side: Uint8Array): number {
    const s = new Int8Array(n);
    for (let v = 0; v < n; v++) s[v] = side[v] ? -1 : 1;
    const h = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) sum += s[adjVertex[k]!]! * d[k]!;
      h[v] = sum;
    }
    let improved = true;
    while (improved) {
      improved = false;
      for (let v = 0; v < n; v++) {
        const sv = s[v]!;
        if (sv * h[v]! >= 0) continue;
        for (let k = offsets[v]!; k < offsets[v + 1]!; k++) h[adjVertex[k]!]! -= 2 * sv * d[k]!;
        s[v] = -sv;
        improved = true;
      }
    }
    for (let v = 0; v < n; v++) side[v] = s[v] === 1 ? 0 : 1;
    return colouringCost(problem, side);
  }

  consider(treeColouring(problem, root));
  for (let i = 0; i < RANDOM_STARTS; i++) {
    const side = new Uint8Array(n);
    for (let v = 0; v < n; v++) side[v] = random() < 0.5 ? 0 : 1;
    consider(side);
  }
  let current = best;
  const kickSize = Math.max(1, Math.min(3, n >> 3));
  for (let i = 0; i < KICKS && current.cost > 0; i++) {
    const side = current.side.slice();
    for (let j = 0; j < kickSize; j++) {
      const v = Math.floor(random() * n);
      side[v]! ^= 1;
    }
    const cost = consider(side);
    if (cost <= current.cost) current = { cost, side };
  }

  const result = best;
  if (result.side[root] === 1) for (let v = 0; v < n; v++) result.side[v]! ^= 1;
  return result;
}

/** Breadth-first from the root: each tree pair kept together if it has more positive than negative relations. */
function treeColouring(problem: ColouringProblem, root: number): Uint8Array {
  const { n, offsets, adjVertex, adjPair, pos, neg } = problem;
  const side = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = [root];
  seen[root] = 1;
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const u = adjVertex[k]!;
      if (seen[u]) continue;
      seen[u] = 1;
      const p = adjPair[k]!;
      side[u] = pos[p]! >= neg[p]! ? side[v]! : side[v]! ^ 1;
      queue.push(u);
    }
  }
  return side;
}
