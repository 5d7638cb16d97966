/**
 * Compact adjacency (CSR) for the metric kernels.
 *
 * The kernels run on the same simple graph as the graphology-based metrics
 * (`buildMetricGraph`, graph/README.md "Metric conventions"): directed with a
 * `partner` relation an arc each way, or undirected; parallel relations merged
 * into one tie; self-relations dropped; no weights. Here that graph is held as
 * typed arrays (compressed sparse rows), which is what makes the kernels fast:
 * no Map lookups, no object per edge, and arrays that can be transferred to a
 * Web Worker without copying.
 *
 * Node `i` of the CSR is the i-th node of the graph it was built from (for a
 * metric graph: `dataset.actors[i]`, key `a<i>`). Each node's neighbours are
 * sorted ascending and distinct.
 */
import { isMutual, type Dataset } from '../../model/types';

export interface Csr {
  /** Number of nodes. */
  readonly order: number;
  /** false: every tie is mutual, and the in-arrays are the out-arrays. */
  readonly directed: boolean;
  /** Distinct ties between distinct nodes: arcs when directed, edges when not (graphology's `size`). */
  readonly ties: number;
  /** `outNeighbours[outOffsets[v] .. outOffsets[v + 1])` are the nodes v has an arc to. Length order + 1. */
  readonly outOffsets: Int32Array;
  readonly outNeighbours: Int32Array;
  /** `inNeighbours[inOffsets[v] .. inOffsets[v + 1])` are the nodes with an arc to v. */
  readonly inOffsets: Int32Array;
  readonly inNeighbours: Int32Array;
}

/**
 * Builds the CSR from a list of arcs `sources[i] → targets[i]` over nodes
 * `0 .. order - 1`. Undirected: each pair is one mutual tie, whichever way it
 * is written. Parallel arcs are merged and self-arcs dropped.
 */
export function csrFromArcs(
  order: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  directed: boolean,
): Csr {
  if (!Number.isInteger(order) || order < 0) throw new RangeError(`csr: order must be a non-negative integer, got ${order}`);
  const m = sources.length;
  if (targets.length !== m) throw new RangeError('csr: sources and targets differ in length');
  const arcs = gather(order, m, directed);
  for (let i = 0; i < m; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    checkNode(s, order);
    checkNode(t, order);
    if (s !== t) arcs.add(s, t);
  }
  return build(arcs);
}

/**
 * The metric graph of a (filtered) dataset straight from its relations, with
 * `buildMetricGraph`'s semantics but without building a graphology graph.
 */
export function csrFromDataset(dataset: Dataset, undirected = false): Csr {
  const { actors, relations } = dataset;
  const index = new Map<string, number>();
  for (let i = 0; i < actors.length; i++) index.set(actors[i]!.id, i);
  // At most two arcs a relation (a partner both ways).
  const arcs = gather(actors.length, undirected ? relations.length : 2 * relations.length, !undirected);
  for (let k = 0; k < relations.length; k++) {
    const r = relations[k]!;
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (s === undefined || t === undefined || s === t) continue;
    arcs.add(s, t);
    if (!undirected && isMutual(r.type)) arcs.add(t, s);
  }
  return build(arcs);
}

/** What csrFromGraph needs of a graphology graph (any graphology Graph has it). */
export interface GraphLike {
  readonly type: string;
  readonly order: number;
  forEachNode(callback: (node: string) => void): void;
  forEachEdge(
    callback: (edge: string, attributes: unknown, source: string, target: string, sa: unknown, ta: unknown, undirected: boolean) => void,
  ): void;
}

export interface KeyedCsr {
  csr: Csr;
  /** The graph's node keys: `keys[i]` is CSR node i. */
  keys: string[];
}

/**
 * The CSR of a graphology graph, nodes in the graph's order. A mixed graph is
 * read as directed with its undirected edges both ways.
 */
export function csrFromGraph(graph: GraphLike): KeyedCsr {
  const keys: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((n) => {
    index.set(n, keys.length);
    keys.push(n);
  });
  const directed = graph.type !== 'undirected';
  const sources: number[] = [];
  const targets: number[] = [];
  graph.forEachEdge((_e, _a, s, t, _sa, _ta, undirected) => {
    const si = index.get(s)!;
    const ti = index.get(t)!;
    sources.push(si);
    targets.push(ti);
    if (directed && undirected) {
      sources.push(ti);
      targets.push(si);
    }
  });
  return { csr: csrFromArcs(keys.length, sources, targets, directed), keys };
}

/** Graph events after which a cached CSR is stale (attribute changes are not: no weights). */
const STRUCTURE_EVENTS = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared'] as const;

interface Observable {
  on(event: string, listener: () => void): unknown;
}

const cache = new WeakMap<object, KeyedCsr | null>();

/**
 * Gives csrOf an already-built CSR for `graph` (a graph made from it, such as
 * analysis/metric-graph.ts's csrMetricGraph), so that it is not rebuilt from
 * the graph's edges. The graph must not change afterwards.
 */
export function rememberCsr(graph: object, keyed: KeyedCsr): void {
  cache.set(graph, keyed);
}

/**
 * csrFromGraph, remembered per graph object so that the metrics of one
 * computeMetrics call share one CSR. The graph's structure events drop the
 * cached copy, so a graph changed afterwards is read afresh.
 */
export function csrOf(graph: GraphLike): KeyedCsr {
  const cached = cache.get(graph);
  if (cached) return cached;
  if (cached === undefined) {
    // First time this graph is seen: listen for changes once.
    const observable = graph as unknown as Partial<Observable>;
    if (typeof observable.on === 'function') {
      for (const event of STRUCTURE_EVENTS) observable.on(event, () => cache.set(graph, null));
    }
  }
  const built = csrFromGraph(graph);
  cache.set(graph, built);
  return built;
}

/** Values by node key, as the metric descriptors return them; non-finite values become null. */
export function byKey(keys: readonly string[], values: ArrayLike<number>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (let i = 0; i < keys.length; i++) {
    const v = values[i]!;
    out.set(keys[i]!, Number.isFinite(v) ? v : null);
  }
  return out;
}

function checkNode(v: number, order: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= order) throw new RangeError(`csr: node ${v} is not in 0..${order - 1}`);
}

/** Arcs between distinct nodes, with each node's out-row length (at v + 1) and in-bucket length counted as they come. */
interface Arcs {
  readonly order: number;
  readonly directed: boolean;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  m: number;
  /** Lengths at v + 1, to be summed into starts. Undirected: one array, each arc counted at both ends. */
  readonly rowStart: Int32Array;
  readonly byTarget: Int32Array;
  add(s: number, t: number): void;
}

/** Room for `capacity` arcs over nodes 0 .. order − 1 (checked by the caller, s ≠ t). */
function gather(order: number, capacity: number, directed: boolean): Arcs {
  const rowStart = new Int32Array(order + 1);
  const byTarget = directed ? new Int32Array(order + 1) : rowStart;
  const arcs: Arcs = {
    order,
    directed,
    sources: new Int32Array(capacity),
    targets: new Int32Array(capacity),
    m: 0,
    rowStart,
    byTarget,
    add(s, t) {
      arcs.sources[arcs.m] = s;
      arcs.targets[arcs.m++] = t;
      rowStart[s + 1]!++;
      byTarget[t + 1]!++;
    },
  };
  return arcs;
}

/**
 * The CSR of the gathered arcs, each both ways when undirected. Rows are
 * sorted without a comparison sort: the arcs are bucketed by target (a
 * counting sort), then dealt out to their sources' rows target by target, so
 * that each row comes out ascending with its repeats side by side, and one
 * pass drops them; the arcs go into typed arrays sized once, counted as they
 * come. csrFromDataset at 10k/50k, one cold call as in a CLI run (bundled,
 * median of 11): 25 ms directed, 21 undirected, against 39 and 28 with a JS
 * array per end, a count pass and a subarray and sort call per row
 * (tests/bench/README.md, "CLI whole process").
 */
function build({ order, directed, sources, targets, m, rowStart, byTarget }: Arcs): Csr {
  for (let v = 0; v < order; v++) {
    rowStart[v + 1]! += rowStart[v]!;
    if (directed) byTarget[v + 1]! += byTarget[v]!;
  }
  const total = rowStart[order]!;
  // Undirected: each arc is also its reverse, so a node's row and its bucket have the same length.
  const inBuckets = new Int32Array(total);
  const fill = byTarget.slice(0, order);
  for (let i = 0; i < m; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    inBuckets[fill[t]!++] = s;
    if (!directed) inBuckets[fill[s]!++] = t;
  }
  const raw = new Int32Array(total);
  fill.set(rowStart.subarray(0, order));
  for (let t = 0; t < order; t++) {
    for (let j = byTarget[t]!, end = byTarget[t + 1]!; j < end; j++) raw[fill[inBuckets[j]!]!++] = t;
  }
  // Drop the repeats (adjacent now) and compact.
  const outOffsets = new Int32Array(order + 1);
  let w = 0;
  for (let v = 0; v < order; v++) {
    outOffsets[v] = w;
    let last = -1;
    for (let j = rowStart[v]!, end = rowStart[v + 1]!; j < end; j++) {
      const x = raw[j]!;
      if (x !== last) raw[w++] = x;
      last = x;
    }
  }
  outOffsets[order] = w;
  const outNeighbours = w === total ? raw : raw.slice(0, w);
  if (!directed) {
    return {
      order,
      directed,
      ties: outNeighbours.length / 2,
      outOffsets,
      outNeighbours,
      inOffsets: outOffsets,
      inNeighbours: outNeighbours,
    };
  }
  const [inOffsets, inNeighbours] = transpose(order, outOffsets, outNeighbours);
  return { order, directed, ties: outNeighbours.length, outOffsets, outNeighbours, inOffsets, inNeighbours };
}

/** The in-adjacency: rows come out sorted because sources are visited in order. */
function transpose(order: number, offsets: Int32Array, neighbours: Int32Array): [Int32Array, Int32Array] {
  const inOffsets = new Int32Array(order + 1);
  for (let j = 0; j < neighbours.length; j++) inOffsets[neighbours[j]! + 1]!++;
  for (let v = 0; v < order; v++) inOffsets[v + 1]! += inOffsets[v]!;
  const fill = inOffsets.slice(0, order);
  const inNeighbours = new Int32Array(neighbours.length);
  for (let u = 0; u < order; u++) {
    for (let j = offsets[u]!, end = offsets[u + 1]!; j < end; j++) inNeighbours[fill[neighbours[j]!]!++] = u;
  }
  return [inOffsets, inNeighbours];
}
