/**
 * A lower bound on a component's frustration: a greedy packing of
 * edge-disjoint unbalanced cycles, shortest first (split-packing.ts packs
 * them along a given split instead). Every unbalanced cycle (odd number of
 * negative relations) must lose at least one relation for the graph to become
 * balanced, and a removed relation lies on at most one of edge-disjoint
 * cycles, so their number bounds the frustration from below.
 *
 * 1. Each ambivalent pair (pos positive and neg negative relations) holds
 *    min(pos, neg) disjoint unbalanced 2-cycles (one + and one − relation).
 * 2. What is left of each pair is |pos − neg| relations of one sign. Repeat:
 *    from each of up to `starts` start actors (taken in turn), search breadth
 *    first in the signed double cover (state = actor × sign of the walk so
 *    far) for the shortest walk back to the start with sign −, and cut a
 *    simple unbalanced cycle out of it; remove the shortest cycle found (one
 *    relation of each of its pairs). When the component is small enough for
 *    every actor to be a start, this is shortest-cycle-first. A search that
 *    cannot return with sign − proves the part of the graph it reached
 *    balanced; it is not searched again.
 *
 * The packing stops early, with a smaller but still valid bound, once the
 * searches have taken `budget` steps (`complete` is then false).
 */
import type { ColouringProblem } from './problem';

export interface CyclePacking {
  bound: number;
  /** Each cycle as its local pairs; an ambivalent 2-cycle is [p, p] (one + and one − relation of p). */
  cycles: number[][];
  /** False when the work budget ran out before every unbalanced cycle was broken. */
  complete: boolean;
}

/** Steps (states visited + adjacency entries scanned) the searches may take in all. */
export const WORK_BUDGET = 10_000_000;
/** Steps one round of searches may take: every actor is a start while (n + m) · n stays under it. */
const ROUND_BUDGET = 200_000;

export function packUnbalancedCycles(problem: ColouringProblem, budget = WORK_BUDGET): CyclePacking {
  const { n, m, pos, neg, offsets, adjVertex, adjPair } = problem;
  const cycles: number[][] = [];
  const capacity = new Int32Array(m);
  const negative = new Uint8Array(m);
  for (let p = 0; p < m; p++) {
    const both = Math.min(pos[p]!, neg[p]!);
    for (let i = 0; i < both; i++) cycles.push([p, p]);
    capacity[p] = Math.abs(pos[p]! - neg[p]!);
    negative[p] = neg[p]! > pos[p]! ? 1 : 0;
  }

  const done = new Uint8Array(n);
  const parentState = new Int32Array(2 * n);
  const parentPair = new Int32Array(2 * n);
  const visited = new Int32Array(2 * n).fill(-1); // number of the search that reached the state
  let search = 0;
  let work = 0;
  const starts = Math.max(2, Math.floor(ROUND_BUDGET / (n + m + 1)));

  /** Shortest unbalanced closed walk from v, cut to a simple cycle (its pairs); null if v's part is balanced. */
  function cycleFrom(v: number): number[] | null {
    const id = search++;
    const queue = [2 * v];
    visited[2 * v] = id;
    for (let i = 0; i < queue.length; i++) {
      const state = queue[i]!;
      const x = state >> 1;
      const parity = state & 1;
      work += offsets[x + 1]! - offsets[x]! + 1;
      for (let k = offsets[x]!; k < offsets[x + 1]!; k++) {
        const p = adjPair[k]!;
        if (capacity[p] === 0) continue;
        const to = 2 * adjVertex[k]! + (parity ^ negative[p]!);
        if (visited[to] === id) continue;
        visited[to] = id;
        parentState[to] = state;
        parentPair[to] = p;
        if (to === 2 * v + 1) return simpleCycle(walkTo(to, 2 * v));
        queue.push(to);
      }
    }
    for (const state of queue) done[state >> 1] = 1;
    return null;
  }

  /** The walk from state `from` to `to` as [vertices…] and [pairs…] (pairs[i] joins vertices[i], vertices[i+1]). */
  function walkTo(to: number, from: number): { vertices: number[]; pairs: number[] } {
    const vertices = [to >> 1];
    const pairs: number[] = [];
    for (let state = to; state !== from; state = parentState[state]!) {
      pairs.push(parentPair[state]!);
      vertices.push(parentState[state]! >> 1);
    }
    return { vertices: vertices.reverse(), pairs: pairs.reverse() };
  }

  /** Cuts a closed walk of sign − into a simple cycle of sign − by removing closed sub-walks of sign +. */
  function simpleCycle(walk: { vertices: number[]; pairs: number[] }): number[] {
    const stackVertices = [walk.vertices[0]!];
    const stackPairs: number[] = [];
    const at = new Map<number, number>([[walk.vertices[0]!, 0]]);
    for (let i = 0; i < walk.pairs.length; i++) {
      const y = walk.vertices[i + 1]!;
      stackPairs.push(walk.pairs[i]!);
      const j = at.get(y);
      if (j === undefined) {
        at.set(y, stackVertices.length);
        stackVertices.push(y);
        continue;
      }
      const loop = stackPairs.slice(j);
      if (loop.reduce((odd, p) => odd ^ negative[p]!, 0) === 1) return loop;
      for (const x of stackVertices.splice(j + 1)) at.delete(x);
      stackPairs.length = j;
    }
    throw new Error('balance: internal error: no unbalanced cycle in an unbalanced walk');
  }

  let complete = true;
  let next = 0; // the next start actor, in turn
  for (;;) {
    let best: number[] | null = null;
    let tried = 0;
    for (let scanned = 0; scanned < n && tried < starts; scanned++) {
      const v = (next + scanned) % n;
      if (done[v]) continue;
      tried++;
      const cycle = cycleFrom(v);
      if (cycle && (!best || cycle.length < best.length)) best = cycle;
      if (best && best.length === 3) break; // none shorter is left: 2-cycles were taken first
    }
    next = (next + 1) % n;
    if (tried === 0) break;
    if (best) {
      for (const p of best) capacity[p]!--;
      cycles.push(best);
    }
    if (work > budget) {
      complete = false;
      break;
    }
  }
  return { bound: cycles.length, cycles, complete };
}
