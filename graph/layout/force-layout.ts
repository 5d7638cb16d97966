/**
 * A force-directed layout for large graphs, off the UI thread: ForceAtlas2
 * (graphology-layout-forceatlas2's iteration, Barnes–Hut above 2,000 nodes)
 * over typed arrays, with a seeded start and a time budget. Input is the bare
 * structure — a node count and an edge list of node indices — so a caller
 * sends two small typed arrays instead of a dataset. Output is a Float64Array
 * of x, y pairs in node order, centred on the origin and scaled so that
 * each node has about `spacing`² of room (ForceAtlas2's own scale packs
 * hubs' neighbours tightly).
 */
import { seededRandom } from '../analysis/random';
import { iterate } from './forceatlas2-iterate';

export interface ForceLayoutOptions {
  /** Seed of the random start; the same seed and iterations give the same layout. */
  seed?: number;
  /** At most this many iterations. */
  maxIterations?: number;
  /** Stop after this many milliseconds even if iterations remain (0: no limit). */
  timeBudgetMs?: number;
  /** Room per node in the output: the layout's disc (90% of nodes) gets an area of n × spacing². */
  spacing?: number;
  /** Barnes–Hut accuracy: larger is faster and coarser (0.5 is graphology's default). */
  theta?: number;
}

export interface ForceLayoutResult {
  /** x0, y0, x1, y1, … in node order. */
  positions: Float64Array;
  iterations: number;
  ms: number;
}

/** Node matrix: 10 numbers per node, edge matrix: 3 per edge (graphology-layout-forceatlas2's layout). */
const PPN = 10;
const PPE = 3;

export const FORCE_LAYOUT_DEFAULTS: Required<ForceLayoutOptions> = { seed: 1, maxIterations: 500, timeBudgetMs: 4000, spacing: 70, theta: 0.5 };

/**
 * Lays out `order` nodes joined by `edges` (pairs of node indices; self-loops
 * and repeated pairs are allowed and count once per occurrence).
 */
export function forceLayout(order: number, edges: Int32Array, options: ForceLayoutOptions = {}): ForceLayoutResult {
  const o = { ...FORCE_LAYOUT_DEFAULTS, ...options };
  const started = Date.now();
  if (!Number.isInteger(order) || order < 0) throw new Error(`forceLayout: ${order} is not a node count`);
  if (edges.length % 2 !== 0) throw new Error('forceLayout: the edge list must hold pairs of node indices');
  const positions = new Float64Array(order * 2);
  if (order === 0) return { positions, iterations: 0, ms: 0 };

  const random = seededRandom(o.seed);
  const nodes = new Float32Array(order * PPN);
  const radius = Math.sqrt(order) * 10;
  for (let i = 0; i < order; i++) {
    const angle = random() * 2 * Math.PI;
    const r = radius * Math.sqrt(random());
    const j = i * PPN;
    nodes[j] = r * Math.cos(angle);
    nodes[j + 1] = r * Math.sin(angle);
    nodes[j + 6] = 1; // mass: 1 + degree, below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  let kept = 0;
  const edgeMatrix = new Float32Array((edges.length / 2) * PPE);
  for (let e = 0; e < edges.length; e += 2) {
    const s = edges[e]!;
    const t = edges[e + 1]!;
    if (s < 0 || t < 0 || s >= order || t >= order) throw new Error(`forceLayout: edge ${e / 2} joins a node outside 0..${order - 1}`);
    if (s === t) continue;
    nodes[s * PPN + 6]! += 1;
    nodes[t * PPN + 6]! += 1;
    edgeMatrix[kept * PPE] = s * PPN;
    edgeMatrix[kept * PPE + 1] = t * PPN;
    edgeMatrix[kept * PPE + 2] = 1;
    kept++;
  }
  const edgeView = edgeMatrix.subarray(0, kept * PPE);

  // graphology-layout-forceatlas2's inferSettings(), with its defaults filled in.
  const settings = {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(order),
    barnesHutOptimize: order > 2000,
    barnesHutTheta: o.theta,
  };
  let iterations = 0;
  while (iterations < o.maxIterations) {
    iterate(settings, nodes, edgeView);
    iterations++;
    if (o.timeBudgetMs > 0 && Date.now() - started > o.timeBudgetMs) break;
  }

  // Centre on the origin and scale to the wanted room per node.
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < order; i++) {
    cx += nodes[i * PPN]!;
    cy += nodes[i * PPN + 1]!;
  }
  cx /= order;
  cy /= order;
  const radii = new Float64Array(order);
  for (let i = 0; i < order; i++) radii[i] = Math.hypot(nodes[i * PPN]! - cx, nodes[i * PPN + 1]! - cy);
  radii.sort();
  const r90 = radii[Math.min(order - 1, Math.floor(order * 0.9))]!;
  const wanted = o.spacing * Math.sqrt((0.9 * order) / Math.PI);
  const scale = r90 > 0 ? wanted / r90 : 1;
  for (let i = 0; i < order; i++) {
    positions[2 * i] = (nodes[i * PPN]! - cx) * scale;
    positions[2 * i + 1] = (nodes[i * PPN + 1]! - cy) * scale;
  }
  return { positions, iterations, ms: Date.now() - started };
}
