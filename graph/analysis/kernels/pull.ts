/**
 * The inner loop the iterative kernels share (eigenvector, PageRank, HITS):
 * y(v) = Σ x(u) over v's row of a CSR (its in-neighbours or out-neighbours),
 * returning max y. One small function for all of them, so the JIT optimises
 * it once and early; rows are contiguous, so one running index walks them.
 */
export function pullSums(offsets: Int32Array, neighbours: Int32Array, x: Float64Array, y: Float64Array): number {
  const n = y.length;
  let max = 0;
  let j = offsets[0]!;
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1]!;
    let sum = 0;
    for (; j < end; j++) sum += x[neighbours[j]!]!;
    y[v] = sum;
    if (sum > max) max = sum;
  }
  return max;
}
