/**
 * A binary min-heap of node ids keyed by a Float64Array the caller owns (the
 * tentative distances of Dijkstra's algorithm), with decrease-key: each node
 * is in the heap at most once, so the heap needs n slots, not one per arc,
 * and nothing is allocated per search. Equal keys come out in no set order.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Where each node sits in `heap`, −1 when it is not in it. */
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    order: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(order);
    this.position = new Int32Array(order).fill(-1);
  }

  get empty(): boolean {
    return this.size === 0;
  }

  has(v: number): boolean {
    return this.position[v]! >= 0;
  }

  /** Adds v (not in the heap) with its key as it stands. */
  push(v: number): void {
    this.siftUp(this.size++, v);
  }

  /** v's key was lowered: move it up. */
  decrease(v: number): void {
    this.siftUp(this.position[v]!, v);
  }

  /** Removes and returns the node of least key. */
  pop(): number {
    const { heap, position } = this;
    const top = heap[0]!;
    position[top] = -1;
    const last = heap[--this.size]!;
    if (this.size > 0) this.siftDown(0, last);
    return top;
  }

  private siftUp(i: number, v: number): void {
    const { heap, position, key } = this;
    const k = key[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (key[p]! <= k) break;
      heap[i] = p;
      position[p] = i;
      i = parent;
    }
    heap[i] = v;
    position[v] = i;
  }

  private siftDown(i: number, v: number): void {
    const { heap, position, key, size } = this;
    const k = key[v]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && key[heap[right]!]! < key[heap[child]!]!) child = right;
      const c = heap[child]!;
      if (key[c]! >= k) break;
      heap[i] = c;
      position[c] = i;
      i = child;
    }
    heap[i] = v;
    position[v] = i;
  }
}
