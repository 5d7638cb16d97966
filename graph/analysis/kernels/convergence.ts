/**
 * Thrown by the iterative kernels (eigenvector, PageRank, HITS) when the power
 * iteration does not meet its stopping rule within the allowed iterations, or
 * cannot start (HITS on a graph without ties). graphology-metrics throws a
 * plain Error in the same cases; the metric descriptors turn either into n/a.
 */
export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
  constructor(
    readonly kernel: string,
    readonly iterations: number,
    message = `${kernel}: power iteration did not converge in ${iterations} iterations`,
  ) {
    super(message);
  }
}
