/**
 * One connected component of the signed graph as a two-colouring problem,
 * in typed arrays for the hot loops of the solvers.
 *
 * Local vertices 0…n−1 are the component's vertices in the order given. Local
 * pair i joins `ends[2i]` and `ends[2i+1]` and carries `pos[i]` positive and
 * `neg[i]` negative relations. A colouring (`side[v]` 0 or 1) violates the
 * positive relations of pairs it splits and the negative relations of pairs
 * it keeps together, so its cost is Σ (split ? pos : neg) — the number of
 * relations to remove (or flip) to make the component balanced.
 */
import type { SignedGraph } from './signed-graph';
import { otherEnd } from './signed-graph';

export interface ColouringProblem {
  n: number;
  /** Number of pairs. */
  m: number;
  ends: Int32Array;
  pos: Int32Array;
  neg: Int32Array;
  /** CSR adjacency: the pairs of vertex v are adjPair[offsets[v] … offsets[v+1]), leading to adjVertex. */
  offsets: Int32Array;
  adjVertex: Int32Array;
  adjPair: Int32Array;
}

/**
 * The problem for `component` (global vertex numbers); also returns the global
 * pair index of each local pair.
 */
export function colouringProblem(graph: SignedGraph, component: readonly number[]): { problem: ColouringProblem; pairIds: number[] } {
  const local = new Map<number, number>();
  component.forEach((v, i) => local.set(v, i));
  const pairIds: number[] = [];
  for (const v of component) {
    for (const p of graph.pairsOf[v]!) if (otherEnd(graph.pairs[p]!, v) > v) pairIds.push(p);
  }
  const n = component.length;
  const m = pairIds.length;
  const ends = new Int32Array(2 * m);
  const pos = new Int32Array(m);
  const neg = new Int32Array(m);
  const offsets = new Int32Array(n + 1);
  pairIds.forEach((p, i) => {
    const pair = graph.pairs[p]!;
    ends[2 * i] = local.get(pair.a)!;
    ends[2 * i + 1] = local.get(pair.b)!;
    pos[i] = pair.positive.length;
    neg[i] = pair.negative.length;
    offsets[ends[2 * i]! + 1]!++;
    offsets[ends[2 * i + 1]! + 1]!++;
  });
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const adjVertex = new Int32Array(2 * m);
  const adjPair = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    const a = ends[2 * i]!;
    const b = ends[2 * i + 1]!;
    adjVertex[fill[a]!] = b;
    adjPair[fill[a]!++] = i;
    adjVertex[fill[b]!] = a;
    adjPair[fill[b]!++] = i;
  }
  return { problem: { n, m, ends, pos, neg, offsets, adjVertex, adjPair }, pairIds };
}

/** Relations a colouring violates: Σ over pairs of (split ? pos : neg). */
export function colouringCost(problem: ColouringProblem, side: Uint8Array): number {
  let cost = 0;
  for (let i = 0; i < problem.m; i++) {
    cost += side[problem.ends[2 * i]!] === side[problem.ends[2 * i + 1]!] ? problem.neg[i]! : problem.pos[i]!;
  }
  return cost;
}
