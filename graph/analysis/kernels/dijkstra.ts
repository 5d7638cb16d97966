/**
 * Single-source shortest paths over a LengthGraph's rows (arc-lengths.ts:
 * positive lengths), Dijkstra's algorithm with the indexed binary heap
 * (min-heap.ts). One workspace per thread, reused for every source: after
 * `run`, `dist` holds the distances of the `settled` nodes, `order` them in
 * the order they were settled (non-decreasing distance), and every other
 * node's `dist` is Infinity; the next `run` resets only what the last one reached.
 *
 * A distance is the sum of the lengths along the path, added from the source
 * outwards (dist[v] + length), as networkx's _dijkstra adds them, so equal
 * paths compare equal exactly where networkx finds them equal.
 */
import { IndexedMinHeap } from './min-heap';

export class DijkstraWorkspace {
  readonly dist: Float64Array;
  readonly order: Int32Array;
  settled = 0;
  private readonly heap: IndexedMinHeap;

  constructor(order: number) {
    this.dist = new Float64Array(order).fill(Infinity);
    this.order = new Int32Array(order);
    this.heap = new IndexedMinHeap(order, this.dist);
  }

  /** Distances from `source` along the rows `neighbours[offsets[v] .. offsets[v + 1])` with their `lengths`. */
  run(source: number, offsets: Int32Array, neighbours: Int32Array, lengths: Float64Array): void {
    const { dist, order, heap } = this;
    for (let i = 0; i < this.settled; i++) dist[order[i]!] = Infinity;
    let settled = 0;
    dist[source] = 0;
    heap.push(source);
    while (!heap.empty) {
      const v = heap.pop();
      order[settled++] = v;
      const dv = dist[v]!;
      for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
        const w = neighbours[j]!;
        const d = dv + lengths[j]!;
        const dw = dist[w]!;
        if (dw === Infinity) {
          dist[w] = d;
          heap.push(w);
        } else if (d < dw && heap.has(w)) {
          dist[w] = d;
          heap.decrease(w);
        }
      }
    }
    this.settled = settled;
  }
}
