/**
 * Closeness centrality over a CSR, networkx's default convention:
 * `closeness_centrality(G)` with wf_improved=True — for each node v, the
 * nodes that reach v (r of them, excluding v) and the sum D of their
 * distances to v (incoming distances on a directed graph; graphology's
 * closeness walks inbound neighbours too), and
 *   C(v) = (r / D) · (r / (n − 1))   (Wasserman–Faust), 0 when r = 0.
 * With `wassermanFaust: false` the second factor is left out (graphology's
 * default, networkx's wf_improved=False). Integer sums: exact.
 *
 * Speed: one BFS per node is n·m work. Here 32 BFS run at once, one bit of an
 * Int32 per search (bit-parallel BFS): a node's `seen` word says which of the
 * 32 searches reached it, its `frontier` word which reached it at the current
 * level. Each level either pushes the frontier along its arcs (while it is
 * small) or has every node not yet reached by all 32 pull from its
 * neighbours (once it is large) — the direction-optimising BFS of Beamer et
 * al. The nodes newly reached at a level are counted per search with a
 * bit-sliced counter (a carry-save adder over 32-bit words), so the count
 * costs one word operation per node, not one per (node, search) pair.
 * The tests compare it with the plain one-search-at-a-time version
 * (tests/support/closeness-bfs.ts).
 */
import type { Csr } from './csr';
import { progressStep, type ProgressListener } from './progress';

export interface ClosenessOptions {
  /** networkx's wf_improved (default true). */
  wassermanFaust?: boolean;
  /** Compute only nodes `from .. to − 1` (default all); other entries stay 0. */
  nodes?: { from: number; to: number };
  /** Nodes done of the range's, after each batch of 32 searches (kernels/progress.ts: throttled, last call done = total). */
  onProgress?: ProgressListener;
}

/** Bit planes of the per-search counter: enough for counts up to 2^31. */
const PLANES = 32;

export function closeness(csr: Csr, options: ClosenessOptions = {}): Float64Array {
  const n = csr.order;
  const wf = options.wassermanFaust ?? true;
  const from = Math.max(0, options.nodes?.from ?? 0);
  const to = Math.min(n, options.nodes?.to ?? n);
  const out = new Float64Array(n);
  if (n < 2) return out;
  // A search from v walks arcs backwards: from x it reaches every u with u → x.
  const pushOffsets = csr.inOffsets;
  const pushNeighbours = csr.inNeighbours;
  // Pulling, u looks at the x it has an arc to.
  const pullOffsets = csr.outOffsets;
  const pullNeighbours = csr.outNeighbours;
  const arcs = pushNeighbours.length;

  const seen = new Int32Array(n);
  let frontier = new Int32Array(n);
  let next = new Int32Array(n);
  let frontierList = new Int32Array(n);
  let nextList = new Int32Array(n);
  const planes = new Int32Array(PLANES);
  const reached = new Float64Array(32);
  const total = new Float64Array(32);
  const report = options.onProgress;
  const step = report ? progressStep(to - from) : Infinity;
  let nextReport = from + step;

  for (let base = from; base < to; base += 32) {
    const width = Math.min(32, to - base);
    const full = width === 32 ? -1 : (1 << width) - 1;
    seen.fill(0);
    reached.fill(0);
    total.fill(0);
    let frontierSize = 0;
    for (let b = 0; b < width; b++) {
      const s = base + b;
      seen[s] = 1 << b;
      frontier[s] = 1 << b;
      frontierList[frontierSize++] = s;
    }
    // Nodes every search has reached, for the pull step to skip.
    let saturated = 0;
    for (let b = 0; b < width; b++) if (seen[base + b] === full) saturated++;
    for (let level = 1; frontierSize > 0; level++) {
      let frontierArcs = 0;
      for (let i = 0; i < frontierSize; i++) {
        const x = frontierList[i]!;
        frontierArcs += pushOffsets[x + 1]! - pushOffsets[x]!;
      }
      let nextSize = 0;
      let planeTop = 0;
      if (frontierArcs * 4 < arcs || frontierArcs < n) {
        // Push: the frontier's arcs only. next[u] gathers the searches arriving at u.
        for (let i = 0; i < frontierSize; i++) {
          const x = frontierList[i]!;
          const f = frontier[x]!;
          for (let j = pushOffsets[x]!, end = pushOffsets[x + 1]!; j < end; j++) {
            const u = pushNeighbours[j]!;
            const arriving = f & ~seen[u]!;
            if (arriving === 0) continue;
            if (next[u] === 0) nextList[nextSize++] = u;
            next[u]! |= arriving;
          }
        }
      } else {
        // Pull: every node not yet reached by all searches asks its neighbours.
        for (let u = 0; u < n; u++) {
          const s = seen[u]!;
          if (s === full) continue;
          let arriving = 0;
          for (let j = pullOffsets[u]!, end = pullOffsets[u + 1]!; j < end; j++) arriving |= frontier[pullNeighbours[j]!]!;
          arriving &= ~s;
          if (arriving === 0) continue;
          next[u] = arriving;
          nextList[nextSize++] = u;
        }
      }
      // The searches that arrived: mark them seen and count them, whichever way they were found.
      for (let i = 0; i < nextSize; i++) {
        const u = nextList[i]!;
        const fresh = next[u]!;
        const now = seen[u]! | fresh;
        seen[u] = now;
        if (now === full) saturated++;
        planeTop = addToPlanes(planes, fresh, planeTop);
      }
      // Read the counter: search b reached count_b new nodes at this level.
      if (planeTop > 0) {
        for (let b = 0; b < width; b++) {
          let count = 0;
          for (let p = 0; p < planeTop; p++) count += ((planes[p]! >>> b) & 1) * 2 ** p;
          if (count > 0) {
            reached[b]! += count;
            total[b]! += count * level;
          }
        }
        planes.fill(0, 0, planeTop);
      }
      // The new frontier is `next`; clear the old one.
      for (let i = 0; i < frontierSize; i++) frontier[frontierList[i]!] = 0;
      const swapWords = frontier;
      frontier = next;
      next = swapWords;
      const swapList = frontierList;
      frontierList = nextList;
      nextList = swapList;
      frontierSize = nextSize;
      if (saturated === n) {
        for (let i = 0; i < frontierSize; i++) frontier[frontierList[i]!] = 0;
        frontierSize = 0;
      }
    }
    for (let b = 0; b < width; b++) {
      const r = reached[b]!;
      const d = total[b]!;
      if (d > 0) {
        let c = r / d;
        if (wf) c *= r / (n - 1);
        out[base + b] = c;
      }
    }
    const done = base + width;
    if (report && (done >= nextReport || done === to)) {
      report(done - from, to - from);
      nextReport = done + step;
    }
  }
  return out;
}

/**
 * Adds one bit per search (the set bits of `word`) to the bit-sliced counter:
 * planes[p] holds bit p of every search's count. Returns the number of planes
 * in use.
 */
function addToPlanes(planes: Int32Array, word: number, top: number): number {
  let carry = word;
  let p = 0;
  while (carry !== 0) {
    const plane = planes[p]!;
    planes[p] = plane ^ carry;
    carry &= plane;
    p++;
  }
  return p > top ? p : top;
}
