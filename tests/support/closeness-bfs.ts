import type { ClosenessOptions, Csr } from '../../graph/analysis/kernels';

/**
 * Closeness one BFS per node, the straightforward version of the kernel's
 * bit-parallel search (graph/analysis/kernels/closeness.ts): the same
 * convention and options, so the tests can compare the two number for number.
 */
export function closenessBfs(csr: Csr, options: ClosenessOptions = {}): Float64Array {
  const n = csr.order;
  const wf = options.wassermanFaust ?? true;
  const from = Math.max(0, options.nodes?.from ?? 0);
  const to = Math.min(n, options.nodes?.to ?? n);
  const out = new Float64Array(n);
  if (n < 2) return out;
  const offsets = csr.inOffsets;
  const neighbours = csr.inNeighbours;
  const queue = new Int32Array(n);
  const seen = new Int32Array(n); // seen[v] === s + 1: v reached in the search from s
  for (let s = from; s < to; s++) {
    const mark = s + 1;
    seen[s] = mark;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    let level = 0;
    let total = 0;
    while (head < tail) {
      const levelEnd = tail;
      level++;
      while (head < levelEnd) {
        const v = queue[head++]!;
        for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
          const w = neighbours[j]!;
          if (seen[w] !== mark) {
            seen[w] = mark;
            queue[tail++] = w;
          }
        }
      }
      total += level * (tail - levelEnd);
    }
    const reached = tail - 1;
    if (total > 0) {
      let c = reached / total;
      if (wf) c *= reached / (n - 1);
      out[s] = c;
    }
  }
  return out;
}
