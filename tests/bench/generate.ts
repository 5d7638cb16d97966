/**
 * Seeded Barabási–Albert-like graphs for the benchmark.
 *
 * Start from a clique of m + 1 actors; every further actor ties to m distinct
 * earlier actors, each picked with probability proportional to its degree
 * (the endpoint list trick). m = round(relations / actors), so 10,000 actors
 * get ≈ 50,000 relations (exactly m·(n − m − 1) + m(m + 1)/2).
 *
 * Each relation gets a type, so the same graph serves both views: about a
 * third `partner`, the rest split between `threat`, `supplier` and
 * `suspected-supporter`, pointing new → old or old → new at random. The
 * undirected view (every relation mutual, what igraph's Barabasi gives) is the
 * bench's default; `--directed` uses Actorscope's default directed view.
 */
import { seededRandom } from '../../graph/analysis/random';
import type { Dataset, RelationType } from '../../graph/model/types';

export interface BenchGraph {
  name: string;
  actors: number;
  /** Relation ends and types, one entry per relation. */
  sources: Int32Array;
  targets: Int32Array;
  types: RelationType[];
}

const ONE_WAY: RelationType[] = ['threat', 'supplier', 'suspected-supporter'];

export function barabasiAlbert(actors: number, relations: number, seed: number): BenchGraph {
  const random = seededRandom(seed);
  const m = Math.max(1, Math.round(relations / actors));
  const sources: number[] = [];
  const targets: number[] = [];
  const types: RelationType[] = [];
  const endpoints: number[] = [];
  const add = (a: number, b: number) => {
    let s = a;
    let t = b;
    const r = random();
    let type: RelationType;
    if (r < 1 / 3) type = 'partner';
    else {
      type = ONE_WAY[Math.min(2, Math.floor((r - 1 / 3) * 4.5))]!;
      if (random() < 0.5) [s, t] = [t, s];
    }
    sources.push(s);
    targets.push(t);
    types.push(type);
    endpoints.push(a, b);
  };
  const seedSize = Math.min(actors, m + 1);
  for (let a = 0; a < seedSize; a++) for (let b = 0; b < a; b++) add(a, b);
  const chosen = new Set<number>();
  for (let v = seedSize; v < actors; v++) {
    chosen.clear();
    while (chosen.size < m) chosen.add(endpoints[Math.floor(random() * endpoints.length)]!);
    for (const u of chosen) add(v, u);
  }
  return {
    name: `${actors / 1000}k/${Math.round(sources.length / 1000)}k`,
    actors,
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
    types,
  };
}

/** The same graph as an Actorscope dataset (for computeMetrics and the CLI). */
export function toDataset(g: BenchGraph): Dataset {
  const actors = Array.from({ length: g.actors }, (_, i) => ({ id: `n${i}`, name: `Actor ${i}`, kind: 'state', aliases: [] }));
  const relations = g.types.map((type, i) => ({
    id: `r${i + 1}`,
    source: `n${g.sources[i]!}`,
    target: `n${g.targets[i]!}`,
    type,
    claims: [],
  }));
  return { format: 'actorscope', version: 2, meta: { title: g.name }, sources: [], actors, relations } as Dataset;
}

/**
 * The arcs of the metric graph (buildMetricGraph's semantics): directed, a
 * partner relation is an arc each way and the other types one arc; undirected,
 * every relation one tie. csrFromArcs then merges parallels and drops loops.
 */
export function metricArcs(g: BenchGraph, directed: boolean): { sources: Int32Array; targets: Int32Array } {
  if (!directed) return { sources: g.sources, targets: g.targets };
  const sources: number[] = [];
  const targets: number[] = [];
  g.types.forEach((type, i) => {
    sources.push(g.sources[i]!);
    targets.push(g.targets[i]!);
    if (type === 'partner') {
      sources.push(g.targets[i]!);
      targets.push(g.sources[i]!);
    }
  });
  return { sources: Int32Array.from(sources), targets: Int32Array.from(targets) };
}
