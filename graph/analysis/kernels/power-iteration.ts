/**
 * The loop the iterative kernels share (eigenvector, PageRank, HITS): start
 * from 1/n everywhere, let `step` write the next iterate, swap the two
 * buffers, and stop as soon as the L1 change falls below `threshold`,
 * returning that last iterate (networkx's and graphology's rule). Past
 * `maxIterations` it throws ConvergenceError, as both libraries do.
 */
import { ConvergenceError } from './convergence';

export interface IterativeResult {
  values: Float64Array;
  /** Iterations performed (the converging one included). */
  iterations: number;
}

export function powerIterate(
  kernel: string,
  n: number,
  limits: { maxIterations: number; threshold: number },
  /** Writes the next iterate from `x` into `next` and returns Σ|next − x|. */
  step: (x: Float64Array, next: Float64Array, iteration: number) => number,
): IterativeResult {
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= limits.maxIterations; iteration++) {
    const change = step(x, next, iteration);
    const previous = x;
    x = next;
    next = previous;
    if (change < limits.threshold) return { values: x, iterations: iteration };
  }
  throw new ConvergenceError(kernel, limits.maxIterations);
}

/** next ← scale · next + shift, element by element; answers the L1 change Σ|next − x|. */
export function scaleAndMeasure(next: Float64Array, x: Float64Array, scale: number, shift: number): number {
  let change = 0;
  for (let v = 0, n = next.length; v < n; v++) {
    const value = scale * next[v]! + shift;
    next[v] = value;
    change += Math.abs(value - x[v]!);
  }
  return change;
}
