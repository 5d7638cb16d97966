/**
 * Structural balance (Heider; Cartwright–Harary; GUIDE §7): the triad census,
 * ambivalent pairs, the frustration index and a two-faction split attaining it.
 *
 * Signs come from a SignMap (default: partner, supplier, suspected-supporter
 * +; threat −; `other` left out). Relations are undirected here, self-relations
 * are left out, and with `minGrade` so are relations without a supporting
 * claim at that grade. See signed-graph.ts, triads.ts and frustration.ts.
 */
import type { Dataset, Grade } from '../../model/types';
import { isGrade } from '../../schema/grade';
import { actorNameRank } from '../communities';
import type { SignMap } from '../signs';
import { MAX_EXACT_SIZE } from './exact';
import { splitComponents, type ComponentSplit } from './frustration';
import { buildSignedGraph, type SignedRelation } from './signed-graph';
import { triadCensus, type AmbivalentPair, type Triad } from './triads';

export type { SignedRelation } from './signed-graph';
export type { Triad, AmbivalentPair } from './triads';

export interface BalanceOptions {
  /** Default DEFAULT_SIGNS. */
  signs?: SignMap;
  /** Drop relations with no supporting claim at this grade or better. */
  minGrade?: Grade;
  /** Largest component (in actors) solved exactly; default 24, at most 30. */
  exactLimit?: number;
  /** Seed of the heuristic for larger components; default 1. */
  seed?: number;
}

export interface BalanceResult {
  triads: { balanced: number; unbalanced: number };
  /** For each unbalanced actor triple, its most confident unbalanced choice of relations. */
  unbalancedTriads: Triad[];
  /** Pairs joined by both + and − relations. */
  ambivalentPairs: AmbivalentPair[];
  /** Fewest relations to remove (equivalently flip) for balance; an upper bound when `exact` is false. */
  frustration: number;
  /** True when every component was solved by exhaustive search. */
  exact: boolean;
  /** `frustration` when exact; otherwise a proven lower bound. */
  lowerBound: number;
  /** True when the frustration is proven minimal: exact, or the bounds meet. */
  optimal: boolean;
  /** One sentence: how frustration was computed and its bound. */
  method: string;
  /** A two-faction split attaining `frustration`; ids sorted by name; larger faction first. */
  factions: [string[], string[]];
  /** Relations the split violates (+ across factions, − within one), in dataset order. */
  frustratedRelations: SignedRelation[];
  /** Actors with no signed relation (in neither faction), sorted by name. */
  unsigned: string[];
  /** The signed graph: actors with a signed relation, signed relations, connected components. */
  graph: { actors: number; relations: number; components: number; largestComponent: number };
}

export const DEFAULT_EXACT_LIMIT = 24;

export function structuralBalance(dataset: Dataset, options: BalanceOptions = {}): BalanceResult {
  const exactLimit = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
  if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > MAX_EXACT_SIZE) {
    throw new RangeError(`balance: exactLimit must be a whole number from 0 to ${MAX_EXACT_SIZE}, not ${exactLimit}`);
  }
  if (options.minGrade !== undefined && !isGrade(options.minGrade)) {
    throw new RangeError(`balance: "${String(options.minGrade)}" is not a grade (A1 … F6)`);
  }
  const seed = options.seed ?? 1;
  const graph = buildSignedGraph(dataset, { signs: options.signs, minGrade: options.minGrade });
  const rank = actorNameRank(dataset);
  const order = new Map(dataset.relations.map((r, i) => [r.id, i] as const));
  const byName = (a: string, b: string) => rank.get(a)! - rank.get(b)!;

  const census = triadCensus(graph, rank, order);
  const splits = splitComponents(graph, exactLimit, seed);

  const sides: [string[], string[]] = [[], []];
  const frustratedRelations: SignedRelation[] = [];
  for (const split of splits) {
    split.vertices.forEach((v, i) => sides[split.side[i]!]!.push(graph.ids[v]!));
    const sideOf = new Map(split.vertices.map((v, i) => [v, split.side[i]!] as const));
    for (const p of split.pairs) {
      const pair = graph.pairs[p]!;
      frustratedRelations.push(...(sideOf.get(pair.a) === sideOf.get(pair.b) ? pair.negative : pair.positive));
    }
  }
  sides[0].sort(byName);
  sides[1].sort(byName);
  const factions: [string[], string[]] = sides[1].length > sides[0].length ? [sides[1], sides[0]] : sides;
  frustratedRelations.sort((x, y) => order.get(x.id)! - order.get(y.id)!);

  const frustration = splits.reduce((sum, s) => sum + s.frustration, 0);
  const lowerBound = splits.reduce((sum, s) => sum + s.lowerBound, 0);
  const exact = splits.every((s) => s.exact);
  return {
    ...census,
    frustration,
    exact,
    lowerBound,
    optimal: exact || lowerBound === frustration,
    method: describeMethod(splits, exactLimit, frustration, lowerBound),
    factions,
    frustratedRelations,
    unsigned: [...graph.unsigned].sort(byName),
    graph: {
      actors: graph.ids.length,
      relations: graph.relations.length,
      components: splits.length,
      largestComponent: Math.max(0, ...splits.map((s) => s.vertices.length)),
    },
  };
}

function describeMethod(splits: ComponentSplit[], exactLimit: number, frustration: number, lowerBound: number): string {
  if (!splits.length) return 'No signed relations, so nothing to balance: frustration 0.';
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const largest = Math.max(...splits.map((s) => s.vertices.length));
  const exactOnes = splits.filter((s) => s.exact);
  if (frustration === 0) {
    return 'The signed graph is balanced: a two-faction split violates no relation, so frustration is 0 (the minimum).';
  }
  if (exactOnes.length === splits.length) {
    const which =
      splits.length === 1
        ? `the one connected component (${plural(largest, 'actor')})`
        : `each of the ${splits.length} connected components (largest ${plural(largest, 'actor')})`;
    const hows = new Set(splits.map((s) => s.how));
    const how =
      hows.size === 1 && hows.has('search')
        ? 'was solved by exhaustive search over two-faction splits in Gray-code order'
        : hows.size === 1
          ? 'was solved by local search, and a packing of as many edge-disjoint unbalanced cycles (each must lose a relation) proves the split optimal'
          : 'was solved by exhaustive search over two-faction splits, or by local search proven optimal by a packing of as many edge-disjoint unbalanced cycles';
    return `Exact: ${which} ${how}, so ${frustration} is the minimum.`;
  }
  const large = splits.filter((s) => !s.exact);
  const cut = splits.some((s) => !s.boundComplete) ? ' (cut short by their work budget)' : '';
  return (
    `Components of at most ${plural(exactLimit, 'actor')} are solved exactly (${exactOnes.length || 'none'} here); ` +
    `the ${large.length === 1 ? 'one larger component' : `${large.length} larger components`} (largest ${plural(largest, 'actor')}) ` +
    `by seeded multi-start greedy with single-flip local search, an upper bound, with a lower bound from greedy packings of ` +
    `edge-disjoint unbalanced cycles${cut}, ` +
    (lowerBound === frustration
      ? `and the bounds meet, so ${frustration} is the minimum.`
      : `so the true frustration lies between ${lowerBound} and ${frustration}.`)
  );
}
