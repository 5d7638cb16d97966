/**
 * Weighted betweenness: Brandes' algorithm with Dijkstra's searches (Brandes
 * 2001, §4), over a LengthGraph (arc-lengths.ts: a tie of weight w has length
 * 1/w). The same numbers as networkx's betweenness_centrality(G,
 * weight='length', normalized=True) with length = 1/w: shortest paths by
 * summed length, σ counting the paths of equal length (compared exactly, as
 * networkx compares them), normalised as the unweighted kernel is
 * (betweenness.ts: betweennessScale, the same n).
 *
 * Each source: Dijkstra for the distances and the settling order
 * (dijkstra.ts), then one pass over the settled nodes in that order that
 * keeps the arcs on shortest paths (dist[v] + length = dist[w]) as the
 * shortest-path DAG and counts σ along them — the predecessors of w are all
 * settled before it, lengths being positive — then the accumulation of the
 * unweighted kernel backwards over the DAG, in successor form. It plugs into
 * betweenness.ts as a DependencyAccumulator, so exact runs, source ranges
 * (shares) and sampled sources (with the same Hoeffding bound: δ_s(v) ≤ n − 2
 * holds whatever the lengths) all work weighted too.
 */
import { betweenness, sampledBetweenness, type BetweennessOptions, type DependencyAccumulator, type SampledBetweenness, type SampledBetweennessOptions } from './betweenness';
import type { Csr } from './csr';
import type { LengthGraph } from './arc-lengths';
import { DijkstraWorkspace } from './dijkstra';

export class WeightedBrandesWorkspace implements DependencyAccumulator {
  private readonly search: DijkstraWorkspace;
  private readonly sigma: Float64Array;
  private readonly coef: Float64Array;
  private readonly dag: Int32Array;
  private readonly dagStart: Int32Array;

  constructor(private readonly graph: LengthGraph) {
    const n = graph.order;
    this.search = new DijkstraWorkspace(n);
    this.sigma = new Float64Array(n);
    this.coef = new Float64Array(n);
    this.dag = new Int32Array(graph.outNeighbours.length);
    this.dagStart = new Int32Array(n + 1);
  }

  accumulate(source: number, into: Float64Array, squares: Float64Array | null): void {
    const { outOffsets: offsets, outNeighbours: neighbours, outLengths: lengths } = this.graph;
    const { search, sigma, coef, dag, dagStart } = this;
    search.run(source, offsets, neighbours, lengths);
    const { dist, order, settled } = search;
    for (let i = 0; i < settled; i++) sigma[order[i]!] = 0;
    sigma[source] = 1;
    let arcs = 0;
    for (let i = 0; i < settled; i++) {
      const v = order[i]!;
      dagStart[i] = arcs;
      const dv = dist[v]!;
      const sv = sigma[v]!;
      for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
        const w = neighbours[j]!;
        if (dv + lengths[j]! === dist[w]!) {
          sigma[w]! += sv;
          dag[arcs++] = w;
        }
      }
    }
    dagStart[settled] = arcs;
    for (let i = settled - 1; i > 0; i--) {
      const v = order[i]!;
      let sum = 0;
      for (let j = dagStart[i]!, end = dagStart[i + 1]!; j < end; j++) sum += coef[dag[j]!]!;
      const sv = sigma[v]!;
      const delta = sv * sum;
      into[v]! += delta;
      if (squares !== null) squares[v]! += delta * delta;
      coef[v] = 1 / sv + sum;
    }
  }
}

/** Exact weighted betweenness (or a source range's share), normalised like networkx's. `csr`: the graph `lengths` was made from. */
export function weightedBetweenness(csr: Csr, lengths: LengthGraph, options: Omit<BetweennessOptions, 'workspace'> = {}): Float64Array {
  return betweenness(csr, { ...options, workspace: new WeightedBrandesWorkspace(lengths) });
}

/** Weighted betweenness estimated from k sampled sources (Brandes & Pich 2007), as sampledBetweenness does unweighted. */
export function sampledWeightedBetweenness(csr: Csr, lengths: LengthGraph, options: Omit<SampledBetweennessOptions, 'workspace'>): SampledBetweenness {
  return sampledBetweenness(csr, { ...options, workspace: new WeightedBrandesWorkspace(lengths) });
}
