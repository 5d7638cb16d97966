/**
 * A lower bound on a component's frustration from a two-faction split (such
 * as the heuristic's best): one unbalanced cycle per relation the split
 * violates, closed through relations it satisfies, packed edge-disjointly.
 *
 * Why each such cycle is unbalanced: a relation the split satisfies has sign
 * + between actors on the same side and − across, so any path of satisfied
 * relations from u to w has the sign "u and w on the same side"; a violated
 * relation u–w has the opposite sign, so path + relation has sign −. Each
 * cycle holds exactly one violated relation, and the paths use each satisfied
 * relation at most once, so the cycles are edge-disjoint and their number is
 * a lower bound — equal to the split's cost when every violated relation gets
 * its cycle, which proves the split optimal.
 *
 * Greedy, shortest paths first: rounds with a growing path length limit
 * (1, 2, 3, 4, 6, 9, …); in each, every violated relation still without a
 * cycle looks for a path of satisfied relations within the limit by
 * breadth-first search, and takes the first it finds. Stops early, with a
 * smaller but valid bound, after `budget` search steps.
 */
import type { CyclePacking } from './cycle-packing';
import type { ColouringProblem } from './problem';

/** Steps (actors visited + adjacency entries scanned) the searches may take in all. */
export const SPLIT_WORK_BUDGET = 30_000_000;

export function packAlongSplit(problem: ColouringProblem, side: Uint8Array, budget = SPLIT_WORK_BUDGET): CyclePacking {
  const { n, m, ends, pos, neg, offsets, adjVertex, adjPair } = problem;
  const free = new Int32Array(m); // satisfied relations of each pair not yet in a cycle
  let waiting: number[] = []; // one entry per violated relation: its pair
  for (let p = 0; p < m; p++) {
    const split = side[ends[2 * p]!] !== side[ends[2 * p + 1]!];
    free[p] = split ? neg[p]! : pos[p]!;
    for (let i = split ? pos[p]! : neg[p]!; i > 0; i--) waiting.push(p);
  }

  const visited = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const parentPair = new Int32Array(n);
  const parentVertex = new Int32Array(n);
  let search = 0;
  let work = 0;

  /** Pairs of a shortest path of free relations u → w of length ≤ limit; 'none' if there is none at all; 'deeper' if there may be a longer one. */
  function pathBetween(u: number, w: number, limit: number): number[] | 'none' | 'deeper' {
    const id = search++;
    const queue = [u];
    visited[u] = id;
    depth[u] = 0;
    let truncated = false;
    for (let i = 0; i < queue.length; i++) {
      const x = queue[i]!;
      if (depth[x] === limit) {
        truncated = true;
        continue;
      }
      work += offsets[x + 1]! - offsets[x]! + 1;
      for (let k = offsets[x]!; k < offsets[x + 1]!; k++) {
        const p = adjPair[k]!;
        const y = adjVertex[k]!;
        if (free[p] === 0 || visited[y] === id) continue;
        visited[y] = id;
        depth[y] = depth[x]! + 1;
        parentPair[y] = p;
        parentVertex[y] = x;
        if (y === w) {
          const path: number[] = [];
          for (let z = w; z !== u; z = parentVertex[z]!) path.push(parentPair[z]!);
          return path.reverse();
        }
        queue.push(y);
      }
    }
    return truncated ? 'deeper' : 'none';
  }

  const cycles: number[][] = [];
  let complete = true;
  for (let limit = 1; waiting.length; limit = limit < 4 ? limit + 1 : Math.ceil(limit * 1.5)) {
    const deeper: number[] = [];
    for (const p of waiting) {
      if (work > budget) {
        complete = false;
        break;
      }
      const path = pathBetween(ends[2 * p]!, ends[2 * p + 1]!, limit);
      if (path === 'deeper') deeper.push(p);
      else if (path !== 'none') {
        for (const q of path) free[q]!--;
        cycles.push([p, ...path]);
      }
    }
    if (!complete || limit >= n) break;
    waiting = deeper;
  }
  return { bound: cycles.length, cycles, complete };
}
