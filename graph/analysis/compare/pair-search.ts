/**
 * The search behind explainBetweenness: for one actor v, the pairs (s, t) of
 * other actors whose shortest paths run through v, and v's dependency on each
 * source, over the typed-array CSR of the metric graph (kernels/csr.ts).
 *
 * One BFS to v (reverse arcs) gives d(s,v) and σ_sv for every s; one from v
 * gives d(v,t) and σ_vt. Then one Brandes pass per source s that reaches v:
 * a BFS from s that records its shortest-path DAG (as kernels/betweenness.ts
 * does), after which
 *  - every t farther from s than v with d(s,t) = d(s,v) + d(v,t) is a pair,
 *    share σ_sv·σ_vt / σ_st;
 *  - the dependency δ_s(v) = σ_sv · Σ_{w: v→w in the DAG} (1 + δ_s(w))/σ_sw is
 *    accumulated backwards over the nodes beyond v only, with the kernel's
 *    arithmetic, so that Σ_s δ_s(v) (sources in order) times the scale is the
 *    very number computeMetrics gives.
 * Sources that do not reach v add nothing and are skipped. Only the best
 * `limit` pairs are kept (a bounded heap), so a hub's millions of pairs cost
 * no memory.
 *
 * The cost is one BFS per source, as for the whole betweenness column: single
 * actor betweenness has no known shortcut. With fewer `samples` than sources
 * (explain.ts asks for what fits in `EXACT_WORK`), the nearest sources are
 * searched whole and a uniform sample of the others (Brandes & Pich 2007),
 * from which explain.ts makes an unbiased estimate with a stated bound.
 */
import type { Csr } from '../kernels/csr';
import { sampleWithoutReplacement, seededRandom } from '../random';

/**
 * Sources × (actors + arcs) searched before sampling takes over. A unit costs
 * about 8 ns on a quiet 2-core machine (the kernel's exact betweenness,
 * 8.74 s for 10,000 × 110,000 in tests/bench/README.md) and
 * 10–17 ns under load (tests/support/measure-explain.ts), so 10^8 is about a
 * second; 10,000 actors / 50,000 relations are 8 × 10^8 (directed view,
 * 70,000 arcs) to 1.1 × 10^9 (undirected).
 */
export const EXACT_WORK = 1e8;

/** Shortest-path distances (−1: not reached) and counts from one node, along out-arcs or (`in`) against them. */
export function pathCounts(csr: Csr, from: number, direction: 'out' | 'in'): { dist: Int32Array; sigma: Float64Array } {
  const offsets = direction === 'out' ? csr.outOffsets : csr.inOffsets;
  const neighbours = direction === 'out' ? csr.outNeighbours : csr.inNeighbours;
  const n = csr.order;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 1;
  queue[0] = from;
  dist[from] = 0;
  sigma[from] = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const next = dist[u]! + 1;
    for (let j = offsets[u]!, end = offsets[u + 1]!; j < end; j++) {
      const w = neighbours[j]!;
      if (dist[w] === -1) {
        dist[w] = next;
        queue[tail++] = w;
      }
      if (dist[w] === next) sigma[w]! += sigma[u]!;
    }
  }
  return { dist, sigma };
}

/** A pair through v: source s, target t, σ_st(v) and σ_st. */
export interface FoundPair {
  s: number;
  t: number;
  through: number;
  paths: number;
}

/**
 * The best `limit` pairs by share (descending), then source and target name
 * rank, then index — explain.ts's order — kept in a heap whose root is the
 * worst kept; unbounded when limit is Infinity.
 */
export class TopPairs {
  private readonly heap: FoundPair[] = [];
  private readonly limit: number;

  constructor(
    limit: number,
    /** Dense rank of each actor's name (equal names, equal rank). */
    private readonly nameRank: Int32Array,
  ) {
    this.limit = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  }

  /** < 0 when a comes first in the explanation's order. */
  compare(a: FoundPair, b: FoundPair): number {
    const r = this.nameRank;
    return (
      b.through / b.paths - a.through / a.paths ||
      r[a.s]! - r[b.s]! ||
      r[a.t]! - r[b.t]! ||
      a.s - b.s ||
      a.t - b.t
    );
  }

  offer(s: number, t: number, through: number, paths: number): void {
    if (this.limit === 0) return;
    const heap = this.heap;
    const pair = { s, t, through, paths };
    if (heap.length < this.limit) {
      heap.push(pair);
      this.up(heap.length - 1);
    } else if (this.compare(pair, heap[0]!) < 0) {
      heap[0] = pair;
      this.down(0);
    }
  }

  sorted(): FoundPair[] {
    return [...this.heap].sort((a, b) => this.compare(a, b));
  }

  // Max-heap on the explanation's order: the last-placed pair at the root.
  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && this.compare(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && this.compare(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}

export interface PairSearchOptions {
  /** Undirected: each unordered pair once (listed from its smaller index). */
  undirected: boolean;
  /** Sources to search; all that reach v when absent or at least their number. */
  samples?: number;
  /** PRNG seed of the sampled sources. */
  seed: number;
  top: TopPairs;
}

/** What a set of searched sources gave. */
export interface SourceSums {
  /** Sources searched. */
  sources: number;
  /** Σ δ_s(v) over them, in source order. */
  dependency: number;
  /** Σ δ_s(v)², for an estimate's spread. */
  squares: number;
  /** (source, target) pairs through v met from them, counting an undirected pair from each end searched. */
  ordered: number;
}

export interface PairSearchResult {
  /** Actors other than v with a path to v: the sources that can contribute. */
  candidates: number;
  /** Sources searched in full: every candidate when exact, else the layers nearest v. */
  whole: SourceSums;
  /** When sampling: a uniform sample of the other `of` candidates. */
  sample: (SourceSums & { of: number }) | null;
  /** Pairs offered to `top` (undirected: each unordered pair once). */
  pairs: number;
  /** The largest δ_s(v) any source can give: the actors v reaches. */
  maxDependency: number;
}

/**
 * Searches the sources for the pairs through v and its dependencies: every
 * source that reaches v, or, with fewer `samples` than that, the sources
 * nearest v in whole distance layers (at most half the samples: they are the
 * ones that depend on v most — a gateway's own neighbours — and the ones a
 * uniform sample is likeliest to miss) and a uniform sample of the rest.
 */
export function searchPairs(csr: Csr, v: number, options: PairSearchOptions): PairSearchResult {
  const n = csr.order;
  const toV = pathCounts(csr, v, 'in'); // d(s,v), σ_sv
  const fromV = pathCounts(csr, v, 'out'); // d(v,t), σ_vt
  const candidates: number[] = [];
  let reach = 0;
  for (let u = 0; u < n; u++) {
    if (u !== v && toV.dist[u]! > 0) candidates.push(u);
    if (u !== v && fromV.dist[u]! > 0) reach++;
  }
  const k = options.samples === undefined ? candidates.length : Math.max(1, Math.min(candidates.length, Math.floor(options.samples)));
  let whole: number[] = candidates;
  let picks: number[] = [];
  let rest = 0;
  if (k < candidates.length) {
    const byDistance = [...candidates].sort((a, b) => toV.dist[a]! - toV.dist[b]! || a - b);
    let cut = 0;
    for (let i = 0; i < byDistance.length; i++) {
      // A layer ends at i; take it whole if it fits in half the samples.
      if (i + 1 < byDistance.length && toV.dist[byDistance[i + 1]!] === toV.dist[byDistance[i]!]) continue;
      if (i + 1 > k / 2) break;
      cut = i + 1;
    }
    whole = byDistance.slice(0, cut).sort((a, b) => a - b);
    const others = byDistance.slice(cut);
    rest = others.length;
    // Without replacement, then in index order.
    picks = Array.from(sampleWithoutReplacement(seededRandom(options.seed), rest, k - cut), (i) => others[i]!).sort((a, b) => a - b);
  }
  const searched = new Uint8Array(n);
  for (const s of whole) searched[s] = 1;
  for (const s of picks) searched[s] = 1;

  const offsets = csr.outOffsets;
  const neighbours = csr.outNeighbours;
  const queue = new Int32Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const dag = new Int32Array(neighbours.length);
  const dagStart = new Int32Array(n + 1);
  const { top, undirected } = options;
  let pairs = 0;

  const search = (sources: readonly number[]): SourceSums => {
    const sums: SourceSums = { sources: sources.length, dependency: 0, squares: 0, ordered: 0 };
    for (const s of sources) {
      // BFS from s recording the shortest-path DAG, row by row in BFS order (kernels/betweenness.ts).
      queue[0] = s;
      dist[s] = 0;
      sigma[s] = 1;
      let head = 0;
      let tail = 1;
      let arcs = 0;
      let at = -1; // v's place in the queue
      while (head < tail) {
        const u = queue[head]!;
        if (u === v) at = head;
        dagStart[head++] = arcs;
        const next = dist[u]! + 1;
        const su = sigma[u]!;
        for (let j = offsets[u]!, end = offsets[u + 1]!; j < end; j++) {
          const w = neighbours[j]!;
          const dw = dist[w]!;
          if (dw < 0) {
            dist[w] = next;
            sigma[w] = su;
            queue[tail++] = w;
            dag[arcs++] = w;
          } else if (dw === next) {
            sigma[w]! += su;
            dag[arcs++] = w;
          }
        }
      }
      dagStart[tail] = arcs;
      // Back from the farthest nodes to just after v, over v's descendants in the DAG: the t with
      // d(s,t) = d(s,v) + d(v,t), which are the pairs (s, t) through v. Their successors are
      // descendants too, so their coefficients are the kernel's; the other nodes do not matter to v.
      const dsv = dist[v]!;
      const through = sigma[v]!; // σ_sv
      for (let i = tail - 1; i > at; i--) {
        const t = queue[i]!;
        const dvt = fromV.dist[t]!;
        if (dvt > 0 && dist[t] === dsv + dvt) {
          let sum = 0;
          for (let j = dagStart[i]!, end = dagStart[i + 1]!; j < end; j++) sum += coef[dag[j]!]!;
          coef[t] = 1 / sigma[t]! + sum;
          sums.ordered++;
          // Undirected: an unordered pair once, from its smaller end if both ends are searched.
          if (undirected && searched[t] === 1 && t < s) continue;
          pairs++;
          const onPaths = through * fromV.sigma[t]!;
          if (undirected && t < s) top.offer(t, s, onPaths, sigma[t]!);
          else top.offer(s, t, onPaths, sigma[t]!);
        }
      }
      let sum = 0;
      for (let j = dagStart[at]!, end = dagStart[at + 1]!; j < end; j++) sum += coef[dag[j]!]!;
      const delta = through * sum;
      sums.dependency += delta;
      sums.squares += delta * delta;
      for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
    }
    return sums;
  };

  const wholeSums = search(whole);
  const sample = picks.length > 0 || rest > 0 ? { ...search(picks), of: rest } : null;
  return { candidates: candidates.length, whole: wholeSums, sample, pairs, maxDependency: reach };
}
