/**
 * The triad census of a signed multigraph (Heider; Cartwright–Harary).
 *
 * An actor triple is counted when its three actors are pairwise joined by
 * signed relations. It is balanced iff every choice of one relation per side
 * has a positive product: each side carries one sign only and the product of
 * the three signs is +. A triple with an ambivalent pair (joined by both a +
 * and a − relation) is therefore unbalanced.
 *
 * For each unbalanced triple we report one unbalanced choice of relations:
 * the one whose product of confidences is highest (ties: earliest relations
 * in dataset order).
 */
import type { SignedGraph, SignedPair, SignedRelation } from './signed-graph';
import { otherEnd } from './signed-graph';

export interface Triad {
  /** Sorted by name. */
  actors: [string, string, string];
  /** Joining actors[0]–actors[1], actors[1]–actors[2], actors[2]–actors[0]. */
  relations: [SignedRelation, SignedRelation, SignedRelation];
  /** Product of the three relations' signs: −1 for the reported unbalanced choice. */
  sign: 1 | -1;
}

export interface AmbivalentPair {
  /** Sorted by name. */
  actors: [string, string];
  /** Every signed relation between them, in dataset order. */
  relations: SignedRelation[];
}

export interface TriadCensus {
  triads: { balanced: number; unbalanced: number };
  /** Sorted by the actors' names. */
  unbalancedTriads: Triad[];
  /** Sorted by the actors' names. */
  ambivalentPairs: AmbivalentPair[];
}

/**
 * @param rank each actor id's rank by name (for sorting the output).
 * @param order each relation id's position in the dataset (for ties).
 */
export function triadCensus(
  graph: SignedGraph,
  rank: ReadonlyMap<string, number>,
  order: ReadonlyMap<string, number>,
): TriadCensus {
  const n = graph.ids.length;
  const pairAt = new Map<number, number>();
  graph.pairs.forEach((p, i) => pairAt.set(p.a * n + p.b, i));
  const pairOf = (u: number, v: number) => pairAt.get(u < v ? u * n + v : v * n + u);

  let balanced = 0;
  const unbalancedTriads: Triad[] = [];
  // Each triangle once: u < v < w, found from u's pairs.
  for (let u = 0; u < n; u++) {
    const higher = graph.pairsOf[u]!.map((p) => otherEnd(graph.pairs[p]!, u)).filter((v) => v > u).sort((x, y) => x - y);
    for (let i = 0; i < higher.length; i++) {
      for (let j = i + 1; j < higher.length; j++) {
        const v = higher[i]!;
        const w = higher[j]!;
        const vw = pairOf(v, w);
        if (vw === undefined) continue;
        const triple: Array<[number, SignedPair]> = [
          [u, graph.pairs[pairOf(u, v)!]!],
          [v, graph.pairs[vw]!],
          [w, graph.pairs[pairOf(u, w)!]!],
        ];
        if (isBalanced(triple.map(([, p]) => p))) balanced++;
        else unbalancedTriads.push(reportTriad(graph, [u, v, w], rank, order, pairOf));
      }
    }
  }
  const byActors = (a: readonly string[], b: readonly string[]) => {
    for (let i = 0; i < a.length; i++) {
      const d = rank.get(a[i]!)! - rank.get(b[i]!)!;
      if (d) return d;
    }
    return 0;
  };
  unbalancedTriads.sort((x, y) => byActors(x.actors, y.actors));

  const ambivalentPairs: AmbivalentPair[] = graph.pairs
    .filter((p) => p.positive.length && p.negative.length)
    .map((p) => ({
      actors: sortPair(graph.ids[p.a]!, graph.ids[p.b]!, rank),
      relations: [...p.positive, ...p.negative].sort((x, y) => order.get(x.id)! - order.get(y.id)!),
    }));
  ambivalentPairs.sort((x, y) => byActors(x.actors, y.actors));

  return { triads: { balanced, unbalanced: unbalancedTriads.length }, unbalancedTriads, ambivalentPairs };
}

function pairSign(p: SignedPair): 1 | -1 | 0 {
  if (p.positive.length && p.negative.length) return 0;
  return p.positive.length ? 1 : -1;
}

function isBalanced(pairs: SignedPair[]): boolean {
  let product = 1;
  for (const p of pairs) product *= pairSign(p);
  return product === 1;
}

function sortPair(x: string, y: string, rank: ReadonlyMap<string, number>): [string, string] {
  return rank.get(x)! <= rank.get(y)! ? [x, y] : [y, x];
}

/** The most confident relation of a list (ties: first in dataset order). */
function mostConfident(list: SignedRelation[], order: ReadonlyMap<string, number>): SignedRelation | undefined {
  let best: SignedRelation | undefined;
  for (const r of list) {
    if (!best || r.confidence > best.confidence || (r.confidence === best.confidence && order.get(r.id)! < order.get(best.id)!)) {
      best = r;
    }
  }
  return best;
}

function reportTriad(
  graph: SignedGraph,
  vertices: [number, number, number],
  rank: ReadonlyMap<string, number>,
  order: ReadonlyMap<string, number>,
  pairOf: (u: number, v: number) => number | undefined,
): Triad {
  const sorted = [...vertices].sort((x, y) => rank.get(graph.ids[x]!)! - rank.get(graph.ids[y]!)!) as [number, number, number];
  const [x, y, z] = sorted;
  const sides = [pairOf(x, y)!, pairOf(y, z)!, pairOf(z, x)!].map((p) => {
    const pair = graph.pairs[p]!;
    return { plus: mostConfident(pair.positive, order), minus: mostConfident(pair.negative, order) };
  });
  let best: [SignedRelation, SignedRelation, SignedRelation] | undefined;
  let bestScore = -1;
  // The sign choices with product −1, in a fixed order: (−,+,+), (+,−,+), (+,+,−), (−,−,−).
  const choices: Array<[1 | -1, 1 | -1, 1 | -1]> = [
    [-1, 1, 1],
    [1, -1, 1],
    [1, 1, -1],
    [-1, -1, -1],
  ];
  for (const choice of choices) {
    const picked = choice.map((s, i) => (s === 1 ? sides[i]!.plus : sides[i]!.minus));
    if (picked.some((r) => r === undefined)) continue;
    const rels = picked as [SignedRelation, SignedRelation, SignedRelation];
    const score = rels[0].confidence * rels[1].confidence * rels[2].confidence;
    if (score > bestScore) {
      bestScore = score;
      best = rels;
    }
  }
  // An unbalanced triple always has at least one unbalanced choice.
  return { actors: [graph.ids[x]!, graph.ids[y]!, graph.ids[z]!], relations: best!, sign: -1 };
}
