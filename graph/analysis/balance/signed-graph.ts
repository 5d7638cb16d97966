/**
 * The signed multigraph structural balance works on.
 *
 * Each relation gets the sign of its type from a SignMap (partner, supplier,
 * suspected-supporter +; threat −; `other` 0 and left out). Relations are
 * undirected here: A threatens B and B threatens A are two negative relations
 * between the same pair. Self-relations are left out (as in every metric),
 * and with `minGrade` so are relations with no supporting claim at that grade.
 *
 * Vertices are numbered 0…n−1 in dataset order over the actors with at least
 * one signed relation; the relations between two actors are gathered into one
 * `SignedPair`, which is what the algorithms iterate over.
 */
import type { Dataset, Grade, RelationType } from '../../model/types';
import { relationConfidence, relationMeetsGrade } from '../evidence';
import { DEFAULT_SIGNS, type SignMap } from '../signs';

export interface SignedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  sign: 1 | -1;
  /** relationConfidence() of the relation (0..1), from its claims' grades. */
  confidence: number;
}

/** All the signed relations between two actors `a < b` (vertex numbers). */
export interface SignedPair {
  a: number;
  b: number;
  positive: SignedRelation[];
  negative: SignedRelation[];
}

export interface SignedGraph {
  /** Actor id of each vertex. */
  ids: string[];
  /** Vertex number of each signed actor. */
  vertexOf: Map<string, number>;
  /** Kept relations, in dataset order. */
  relations: SignedRelation[];
  pairs: SignedPair[];
  /** Pairs of each vertex (indexes into `pairs`). */
  pairsOf: number[][];
  /** Signed relations at each vertex (parallel relations each count). */
  degree: number[];
  /** Actors with no signed relation, in dataset order. */
  unsigned: string[];
}

export interface SignedGraphOptions {
  signs?: SignMap;
  minGrade?: Grade;
}

export function buildSignedGraph(dataset: Dataset, options: SignedGraphOptions = {}): SignedGraph {
  const signs = options.signs ?? DEFAULT_SIGNS;
  const known = new Set(dataset.actors.map((a) => a.id));
  const relations: SignedRelation[] = [];
  for (const r of dataset.relations) {
    const sign = signs[r.type];
    if (sign !== 1 && sign !== -1) continue;
    if (r.source === r.target || !known.has(r.source) || !known.has(r.target)) continue;
    if (options.minGrade !== undefined && !relationMeetsGrade(r, options.minGrade)) continue;
    relations.push({ id: r.id, source: r.source, target: r.target, type: r.type, sign, confidence: relationConfidence(r) });
  }

  const touched = new Set<string>();
  for (const r of relations) {
    touched.add(r.source);
    touched.add(r.target);
  }
  const ids: string[] = [];
  const vertexOf = new Map<string, number>();
  const unsigned: string[] = [];
  for (const a of dataset.actors) {
    if (touched.has(a.id)) {
      vertexOf.set(a.id, ids.length);
      ids.push(a.id);
    } else {
      unsigned.push(a.id);
    }
  }

  const n = ids.length;
  const pairs: SignedPair[] = [];
  const pairIndex = new Map<number, number>();
  const pairsOf: number[][] = ids.map(() => []);
  const degree: number[] = ids.map(() => 0);
  for (const r of relations) {
    const s = vertexOf.get(r.source)!;
    const t = vertexOf.get(r.target)!;
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const key = a * n + b;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairs.length;
      pairIndex.set(key, p);
      pairs.push({ a, b, positive: [], negative: [] });
      pairsOf[a]!.push(p);
      pairsOf[b]!.push(p);
    }
    (r.sign === 1 ? pairs[p]!.positive : pairs[p]!.negative).push(r);
    degree[s]!++;
    degree[t]!++;
  }
  return { ids, vertexOf, relations, pairs, pairsOf, degree, unsigned };
}

/** The other end of a pair. */
export function otherEnd(pair: SignedPair, v: number): number {
  return pair.a === v ? pair.b : pair.a;
}

/** Connected components as vertex lists (each ascending), in order of their first vertex. */
export function signedComponents(graph: SignedGraph): number[][] {
  const n = graph.ids.length;
  const seen = new Uint8Array(n);
  const components: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const members = [start];
    for (let i = 0; i < members.length; i++) {
      const v = members[i]!;
      for (const p of graph.pairsOf[v]!) {
        const u = otherEnd(graph.pairs[p]!, v);
        if (!seen[u]) {
          seen[u] = 1;
          members.push(u);
        }
      }
    }
    components.push(members.sort((x, y) => x - y));
  }
  return components;
}
