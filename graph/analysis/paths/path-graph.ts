/**
 * The graph a path query walks: one arc per ordered pair of actors that some
 * allowed relation lets a path cross, built once per query.
 *
 * - Allowed relations: of the query's types, with a supporting claim at or
 *   above `minGrade` when one is given (evidence.ts relationMeetsGrade), and
 *   never a self-relation (a loop-free path cannot use one).
 * - Direction: directed (the default) crosses `partner` both ways and every
 *   other type source → target only; undirected crosses every relation both ways.
 * - Multigraph: when several allowed relations join u → v, the arc carries
 *   the one with the highest confidence (ties: the lowest index in
 *   dataset.relations) and lists the others, best first, as alternatives.
 *
 * Actors are numbered by their index in dataset.actors; ids only meet a Map,
 * so `__proto__` or `constructor` are ordinary ids here.
 */
import { RELATION_TYPES, isMutual, type Dataset, type Grade, type RelationType } from '../../model/types';
import { isGrade } from '../../schema/grade';
import { relationConfidence, relationMeetsGrade } from '../evidence';

/** Confidences are clamped to this before taking logarithms, so a 0-confidence relation still has a finite cost. */
export const MIN_CONFIDENCE = 1e-9;

export interface PathGraphOptions {
  /** Relation types a hop may use; all when absent. */
  types?: readonly RelationType[];
  /** Default true: only `partner` is crossed both ways. */
  directed?: boolean;
  /** Keep only relations with a supporting claim at or above this grade. */
  minGrade?: Grade;
}

export interface Arc {
  from: number;
  to: number;
  /** Index in dataset.relations of the relation this hop uses. */
  relation: number;
  /** Indices of the other allowed relations usable from → to, best first. */
  alternatives: number[];
  /** relationConfidence of `relation`. */
  confidence: number;
  /** −ln max(confidence, MIN_CONFIDENCE): the tie-break cost of the hop (≥ 0, < 21). */
  cost: number;
}

export interface PathGraph {
  readonly dataset: Dataset;
  /** Actor index → id. */
  readonly ids: readonly string[];
  /** Actor id → index. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Actor index → position when actors are sorted by name, then id (code-unit order): the final tie-break. */
  readonly order: Int32Array;
  readonly arcs: readonly Arc[];
  /** Arc indices leaving / entering each actor. */
  readonly outArcs: readonly (readonly number[])[];
  readonly inArcs: readonly (readonly number[])[];
}

export function buildPathGraph(dataset: Dataset, options: PathGraphOptions = {}): PathGraph {
  const types = checkTypes(options.types);
  const minGrade = options.minGrade;
  if (minGrade !== undefined && !isGrade(minGrade)) {
    throw new Error(`paths: minGrade ${JSON.stringify(minGrade)} is not an Admiralty grade (A1 … F6)`);
  }
  const directed = options.directed ?? true;

  const n = dataset.actors.length;
  const ids = dataset.actors.map((a) => a.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));

  const byName = ids.map((_, i) => i);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  byName.sort((i, j) => cmp(dataset.actors[i]!.name, dataset.actors[j]!.name) || cmp(ids[i]!, ids[j]!) || i - j);
  const order = new Int32Array(n);
  byName.forEach((actor, position) => (order[actor] = position));

  // Usable relations per ordered pair, in first-seen order for determinism.
  const confidence = new Map<number, number>();
  const pairs = new Map<number, { from: number; to: number; relations: number[] }>();
  const use = (from: number, to: number, relation: number) => {
    const key = from * n + to;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { from, to, relations: [] }));
    pair.relations.push(relation);
  };
  dataset.relations.forEach((r, index) => {
    if (!types.has(r.type)) return;
    const s = indexOf.get(r.source);
    const t = indexOf.get(r.target);
    if (s === undefined || t === undefined || s === t) return;
    if (minGrade !== undefined && !relationMeetsGrade(r, minGrade)) return;
    confidence.set(index, relationConfidence(r));
    use(s, t, index);
    if (!directed || isMutual(r.type)) use(t, s, index);
  });

  const arcs: Arc[] = [];
  const outArcs: number[][] = Array.from({ length: n }, () => []);
  const inArcs: number[][] = Array.from({ length: n }, () => []);
  for (const { from, to, relations } of pairs.values()) {
    relations.sort((a, b) => confidence.get(b)! - confidence.get(a)! || a - b);
    const [best, ...alternatives] = relations as [number, ...number[]];
    const c = confidence.get(best)!;
    const index = arcs.length;
    arcs.push({ from, to, relation: best, alternatives, confidence: c, cost: -Math.log(Math.max(c, MIN_CONFIDENCE)) });
    outArcs[from]!.push(index);
    inArcs[to]!.push(index);
  }
  return { dataset, ids, indexOf, order, arcs, outArcs, inArcs };
}

/**
 * The same actors (ids, index, name order) joined by other arcs, e.g. a subset
 * of this graph's arcs and some of another graph's built on the same dataset:
 * for searches whose hops obey more than one rule (threats to partners).
 */
export function withArcs(graph: PathGraph, arcs: readonly Arc[]): PathGraph {
  const n = graph.ids.length;
  const outArcs: number[][] = Array.from({ length: n }, () => []);
  const inArcs: number[][] = Array.from({ length: n }, () => []);
  arcs.forEach((arc, index) => {
    outArcs[arc.from]!.push(index);
    inArcs[arc.to]!.push(index);
  });
  return { dataset: graph.dataset, ids: graph.ids, indexOf: graph.indexOf, order: graph.order, arcs, outArcs, inArcs };
}

/** The actor's index; an unknown id is an error naming the role (`from`, `to`, `target`). */
export function actorIndex(graph: PathGraph, id: string, role: string): number {
  const index = graph.indexOf.get(id);
  if (index === undefined) throw new Error(`paths: ${role} ${JSON.stringify(id)} is not an actor id in this dataset`);
  return index;
}

function checkTypes(types: readonly RelationType[] | undefined): Set<RelationType> {
  if (types === undefined) return new Set(RELATION_TYPES);
  for (const t of types) {
    if (!(RELATION_TYPES as readonly string[]).includes(t)) {
      throw new Error(`paths: unknown relation type ${JSON.stringify(t)} (known: ${RELATION_TYPES.join(', ')})`);
    }
  }
  return new Set(types);
}
