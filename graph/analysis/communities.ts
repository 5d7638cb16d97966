/**
 * Alliance blocs: Louvain community detection (graphology-communities-louvain)
 * on the relations of chosen types, by default the cooperative ones
 * (`partner`, `supplier`).
 *
 * The graph Louvain runs on (GUIDE §3: say which graph a figure comes from):
 * undirected, simple (parallel relations between two actors make one tie),
 * self-relations dropped, unweighted. Actors with no relation of the chosen
 * types to another actor are `unaffiliated` and left out of Louvain rather
 * than counted as singleton blocs (they would add nothing to modularity).
 *
 * `modularity` is Newman's Q of the partition on that graph at resolution 1,
 * whatever resolution Louvain optimised with — the figure networkx's
 * `modularity(G, communities)` gives by default. With no relation of the
 * chosen types it is `null` (n/a: Q is 0/0 on a graph without edges).
 *
 * Reproducible: Louvain's random walk uses a seeded generator (mulberry32),
 * and nodes enter graphology in dataset order.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Dataset, RelationType } from '../model/types';
import { RELATION_TYPES } from '../model/types';
import { seededRandom } from './random';

export interface CommunityOptions {
  /** Relation types that make ties; default `['partner', 'supplier']`. */
  types?: readonly RelationType[];
  /** Louvain's resolution; default 1. Higher gives more, smaller blocs. */
  resolution?: number;
  /** Seed of Louvain's random generator (taken as a 32-bit unsigned integer); default 1. Same seed, same blocs. */
  seed?: number;
}

export interface CommunityResult {
  /** Actor ids; largest bloc first, ties by first member's name; members sorted by name. */
  communities: string[][];
  /**
   * Newman's modularity (resolution 1) of this partition on the graph Louvain
   * ran on; `null` when that graph has no tie.
   */
  modularity: number | null;
  /** Actors with no relation of the chosen types to another actor, sorted by name. */
  unaffiliated: string[];
  types: RelationType[];
  resolution: number;
  seed: number;
  /** The graph Louvain ran on: actors (affiliated ones) and ties (distinct pairs). */
  graph: { actors: number; ties: number };
}

export const DEFAULT_COMMUNITY_TYPES: readonly RelationType[] = ['partner', 'supplier'];

export function detectCommunities(dataset: Dataset, options: CommunityOptions = {}): CommunityResult {
  const types = checkTypes(options.types ?? DEFAULT_COMMUNITY_TYPES);
  const resolution = options.resolution ?? 1;
  if (!Number.isFinite(resolution) || resolution <= 0) {
    throw new RangeError(`communities: resolution must be a positive number, not ${resolution}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`communities: seed must be a finite number, not ${seed}`);

  const rank = actorNameRank(dataset);
  const byName = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const wanted = new Set<RelationType>(types);

  // Our own node keys (n0, n1, … in dataset order), never file ids (GUIDE §2).
  const keyOf = new Map<string, string>();
  dataset.actors.forEach((a, i) => keyOf.set(a.id, `n${i}`));
  const graph = new UndirectedGraph();
  const ensure = (key: string) => {
    if (!graph.hasNode(key)) graph.addNode(key);
  };
  // Add nodes in dataset order so that the run depends only on the dataset and the seed.
  const affiliated = new Set<string>();
  for (const r of dataset.relations) {
    if (!wanted.has(r.type) || r.source === r.target) continue;
    if (keyOf.has(r.source) && keyOf.has(r.target)) {
      affiliated.add(r.source);
      affiliated.add(r.target);
    }
  }
  const idOfKey = new Map<string, string>();
  for (const a of dataset.actors) {
    if (!affiliated.has(a.id)) continue;
    const key = keyOf.get(a.id)!;
    idOfKey.set(key, a.id);
    ensure(key);
  }
  for (const r of dataset.relations) {
    if (!wanted.has(r.type) || r.source === r.target) continue;
    const s = keyOf.get(r.source);
    const t = keyOf.get(r.target);
    if (s === undefined || t === undefined) continue;
    graph.mergeEdge(s, t);
  }

  const unaffiliated = dataset.actors.filter((a) => !affiliated.has(a.id)).map((a) => a.id).sort(byName);
  const base = { types: [...types], resolution, seed, graph: { actors: graph.order, ties: graph.size } };
  if (graph.size === 0) return { communities: [], modularity: null, unaffiliated, ...base };

  const mapping = louvain(graph, { getEdgeWeight: null, resolution, rng: seededRandom(seed) });
  const blocs = new Map<number, string[]>();
  graph.forEachNode((key) => {
    const c = mapping[key]!;
    let members = blocs.get(c);
    if (!members) blocs.set(c, (members = []));
    members.push(idOfKey.get(key)!);
  });
  const communities = [...blocs.values()].map((m) => m.sort(byName));
  communities.sort((a, b) => b.length - a.length || byName(a[0]!, b[0]!));

  const blocOfKey = new Map<string, number>();
  communities.forEach((members, i) => members.forEach((id) => blocOfKey.set(keyOf.get(id)!, i)));
  return { communities, modularity: modularity(graph, blocOfKey), unaffiliated, ...base };
}

/**
 * Newman's modularity of a partition of a simple undirected graph, resolution γ:
 * Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], L_c the ties inside bloc c, d_c the
 * sum of its degrees, m the number of ties. `null` when m = 0.
 */
export function modularity(graph: UndirectedGraph, blocOf: ReadonlyMap<string, number>, resolution = 1): number | null {
  const m = graph.size;
  if (m === 0) return null;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  graph.forEachNode((n) => {
    const c = blocOf.get(n)!;
    degree.set(c, (degree.get(c) ?? 0) + graph.degree(n));
  });
  graph.forEachEdge((_e, _attr, s, t) => {
    const c = blocOf.get(s)!;
    if (c === blocOf.get(t)) inside.set(c, (inside.get(c) ?? 0) + 1);
  });
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / m - resolution * (d / (2 * m)) ** 2;
  return q;
}

function checkTypes(types: readonly RelationType[]): RelationType[] {
  for (const t of types) {
    if (!(RELATION_TYPES as readonly string[]).includes(t)) throw new RangeError(`communities: unknown relation type "${t}"`);
  }
  return [...new Set(types)];
}

/**
 * Each actor's rank when actors are sorted by display name (`localeCompare`
 * in English, as the UI sorts), ties by id in code-unit order. A Map, so any
 * id is safe. Shared by the analysis modules that sort actors by name.
 */
export function actorNameRank(dataset: Dataset): Map<string, number> {
  const sorted = [...dataset.actors].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(sorted.map((a, i) => [a.id, i] as const));
}
