/**
 * Why an actor scores what it scores.
 *
 * Betweenness: the pairs of other actors whose shortest paths run through it.
 * For a pair (s, t), σ_st counts the shortest paths s → t and σ_st(v) those
 * through v: σ_st(v) = σ_sv · σ_vt when d(s,v) + d(v,t) = d(s,t), else 0.
 * The actor's betweenness is Σ σ_st(v)/σ_st over the pairs times the
 * normalisation the metric uses (networkx's, see metrics/betweenness.ts):
 *   directed: ordered pairs s ≠ v ≠ t, times 1/((n−1)(n−2));
 *   undirected: each unordered pair once, times 2/((n−1)(n−2)).
 * Each pair's `contribution` is its share times that factor, so the
 * contributions sum to the betweenness in the centrality table.
 * It runs on the same simple graph as the metric (buildMetricGraph): one BFS
 * from the actor each way, then one from each actor that reaches it.
 *
 * Eigenvector: at convergence λ·x_v = Σ x_u over v's in-neighbours u on the
 * directed simple graph (all neighbours when undirected), so the share of
 * each in-neighbour in that sum says where v's score comes from. The scores
 * are computeMetrics' eigenvector values.
 */
import { actorKey } from '../../model/actor-graph';
import { applyFilter, type GraphFilter } from '../../model/filter';
import type { Dataset } from '../../model/types';
import { buildMetricGraph } from '../metric-graph';
import { computeMetrics } from '../metrics';
import { actorIndices } from './compare-actors';

export const DEFAULT_EXPLAIN_LIMIT = 20;

export interface ExplainOptions {
  undirected?: boolean;
  filter?: GraphFilter;
}

export interface BetweennessPair {
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  /** σ_st(v): shortest paths source → target that run through the actor. */
  through: number;
  /** σ_st: all shortest paths source → target. */
  paths: number;
  /** through / paths. */
  share: number;
  /** share × the metric's normalisation: what this pair adds to the betweenness. */
  contribution: number;
}

export interface BetweennessExplanation {
  actor: string;
  name: string;
  betweenness: number | null;
  /** The normalisation factor applied to each share; null when betweenness is n/a. */
  scale: number | null;
  /** Undirected: each unordered pair listed once (source before target in dataset order). */
  directed: boolean;
  /** Sorted by share descending, then source and target names; at most `limit`. */
  pairs: BetweennessPair[];
  /** Pairs with a shortest path through the actor, before the limit. */
  totalPairs: number;
}

export interface EigenvectorContribution {
  id: string;
  name: string;
  score: number;
  /** The neighbour's score / the sum of the actor's in-neighbours' scores (0 when that sum is 0). */
  share: number;
}

export interface EigenvectorExplanation {
  actor: string;
  name: string;
  eigenvector: number | null;
  /** Why eigenvector is n/a, when it is. */
  unavailable?: string;
  /** Sum of the in-neighbours' scores (λ × the actor's score at convergence). */
  neighbourSum: number;
  /** In-neighbours (all neighbours when undirected), sorted by share descending, then name. */
  contributions: EigenvectorContribution[];
}

interface Adjacency {
  out: number[][];
  in: number[][];
}

/** The metric's simple graph as index lists; node key a<i> is data.actors[i]. */
function adjacency(data: Dataset, undirected: boolean): Adjacency {
  const graph = buildMetricGraph(data, undirected);
  const index = new Map<string, number>();
  data.actors.forEach((_a, i) => index.set(actorKey(i), i));
  const out: number[][] = data.actors.map(() => []);
  const inn: number[][] = data.actors.map(() => []);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    out[s]!.push(t);
    inn[t]!.push(s);
    if (undirected) {
      out[t]!.push(s);
      inn[s]!.push(t);
    }
  });
  return { out, in: inn };
}

/** Breadth-first search: distance (−1 unreachable) and number of shortest paths from `from`. */
function bfs(from: number, next: number[][]): { dist: Int32Array; sigma: Float64Array } {
  const n = next.length;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  dist[from] = 0;
  sigma[from] = 1;
  queue[tail++] = from;
  while (head < tail) {
    const u = queue[head++]!;
    for (const w of next[u]!) {
      if (dist[w] === -1) {
        dist[w] = dist[u]! + 1;
        queue[tail++] = w;
      }
      if (dist[w] === dist[u]! + 1) sigma[w]! += sigma[u]!;
    }
  }
  return { dist, sigma };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function explainBetweenness(
  dataset: Dataset,
  actorId: string,
  options: ExplainOptions & { limit?: number } = {},
): BetweennessExplanation {
  const data = applyFilter(dataset, options.filter);
  const [v] = actorIndices(dataset, data, [actorId]) as [number];
  const undirected = options.undirected ?? false;
  const limit = options.limit ?? DEFAULT_EXPLAIN_LIMIT;
  const betweenness =
    computeMetrics(data, { undirected, metrics: ['betweenness'] }).actors[v]!.betweenness ?? null;
  const actor = data.actors[v]!;
  const explanation: BetweennessExplanation = {
    actor: actor.id,
    name: actor.name,
    betweenness,
    scale: null,
    directed: !undirected,
    pairs: [],
    totalPairs: 0,
  };
  if (betweenness === null) return explanation;

  const n = data.actors.length;
  // As graphology and networkx: no pair can pass through a third actor when n ≤ 2.
  const scale = n > 2 ? (undirected ? 2 : 1) / ((n - 1) * (n - 2)) : 0;
  explanation.scale = scale;
  const adj = adjacency(data, undirected);
  const fromV = bfs(v, adj.out); // d(v,t), σ_vt
  const toV = bfs(v, adj.in); // d(s,v), σ_sv (paths s → v are paths v → s in the reversed graph)

  const pairs: Array<BetweennessPair & { si: number; ti: number }> = [];
  for (let s = 0; s < n; s++) {
    if (s === v || toV.dist[s]! <= 0) continue;
    const fromS = bfs(s, adj.out);
    for (let t = 0; t < n; t++) {
      if (t === v || t === s || fromV.dist[t]! <= 0) continue;
      if (undirected && t < s) continue;
      if (fromS.dist[t] !== toV.dist[s]! + fromV.dist[t]!) continue;
      const through = toV.sigma[s]! * fromV.sigma[t]!;
      const paths = fromS.sigma[t]!;
      const share = through / paths;
      pairs.push({
        source: data.actors[s]!.id,
        sourceName: data.actors[s]!.name,
        target: data.actors[t]!.id,
        targetName: data.actors[t]!.name,
        through,
        paths,
        share,
        contribution: share * scale,
        si: s,
        ti: t,
      });
    }
  }
  pairs.sort(
    (a, b) =>
      b.share - a.share ||
      byText(a.sourceName, b.sourceName) ||
      byText(a.targetName, b.targetName) ||
      a.si - b.si ||
      a.ti - b.ti,
  );
  explanation.totalPairs = pairs.length;
  explanation.pairs = pairs.slice(0, Math.max(0, limit)).map(({ si: _si, ti: _ti, ...pair }) => pair);
  return explanation;
}

export function explainEigenvector(dataset: Dataset, actorId: string, options: ExplainOptions = {}): EigenvectorExplanation {
  const data = applyFilter(dataset, options.filter);
  const [v] = actorIndices(dataset, data, [actorId]) as [number];
  const undirected = options.undirected ?? false;
  const result = computeMetrics(data, { undirected, metrics: ['eigenvector'] });
  const actor = data.actors[v]!;
  const eigenvector = result.actors[v]!.eigenvector ?? null;
  const explanation: EigenvectorExplanation = { actor: actor.id, name: actor.name, eigenvector, neighbourSum: 0, contributions: [] };
  if (eigenvector === null) {
    const reason = result.unavailable.eigenvector;
    if (reason !== undefined) explanation.unavailable = reason;
    return explanation;
  }
  // In undirected mode adjacency() lists every neighbour as an in-neighbour.
  const neighbours = adjacency(data, undirected).in[v]!;
  const scored = neighbours.map((u) => ({ u, score: result.actors[u]!.eigenvector ?? 0 }));
  const sum = scored.reduce((acc, c) => acc + c.score, 0);
  explanation.neighbourSum = sum;
  explanation.contributions = scored
    .map(({ u, score }) => ({ u, id: data.actors[u]!.id, name: data.actors[u]!.name, score, share: sum > 0 ? score / sum : 0 }))
    .sort((a, b) => b.share - a.share || byText(a.name, b.name) || a.u - b.u)
    .map(({ u: _u, ...c }) => c);
  return explanation;
}
