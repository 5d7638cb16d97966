/**
 * PN centrality (Everett & Borgatti 2014, "Networks containing negative
 * ties", Social Networks 38): PN = (I − β A)⁻¹ · 1 with A = P − 2N and
 * β = 1/(2n − 2), i.e. the solution x of (I − β A) x = 1; a node's PN is
 * the row sum of the inverse.
 *
 * Why it is always solvable but not by plain iteration: each row of |A| sums
 * to at most 2(n − 1), so every eigenvalue of βA lies in [−1, 1] and
 * M = I − βA is symmetric with eigenvalues in [0, 2]. An eigenvalue of βA of
 * modulus 1 needs every row of |A| at 2(n − 1), i.e. all n actors negatively
 * tied to each other; that matrix has eigenvalues −1 and 1/(n − 1), so M is
 * singular only for two actors joined by a negative tie alone (n/a), and
 * positive definite otherwise. The Jacobi iteration x ← 1 + βA x diverges at
 * the eigenvalue −1 (three mutual threats: it oscillates forever, the answer
 * is 0.5 each), so large graphs use conjugate gradients on the positive
 * definite M instead, O(ties) per step; small ones a dense direct solve.
 */
import { ConvergenceError } from './convergence';
import { conjugateGradient, solveDense } from './linear-solve';
import type { SignedAdjacency } from './signed-adjacency';

export interface PnOptions {
  /** `auto` (default): direct up to DIRECT_UP_TO actors, iterative above. */
  method?: 'auto' | 'direct' | 'iterative';
  /** Conjugate gradients: stop at ‖1 − M x‖₂ ≤ tolerance · √n. Default 1e-12. */
  tolerance?: number;
  /** Conjugate gradients: default 1000. */
  maxIterations?: number;
}

export interface PnResult {
  /** PN by node; null when I − βA is singular (two actors, one negative tie). */
  values: Float64Array | null;
  method: 'direct' | 'iterative';
  /** Conjugate-gradient steps; 0 for the direct solve. */
  iterations: number;
}

/** At most this many actors: the dense solve (n³/3 steps, n² numbers; 400 is about 20 M steps and 1.3 MB). */
export const DIRECT_UP_TO = 400;

export function pnCentrality(adjacency: SignedAdjacency, options: PnOptions = {}): PnResult {
  const n = adjacency.order;
  if (n < 2) throw new RangeError(`pn: needs at least two nodes, got ${n}`);
  const beta = 1 / (2 * n - 2);
  const method = options.method === 'auto' || options.method === undefined ? (n <= DIRECT_UP_TO ? 'direct' : 'iterative') : options.method;
  const { offsets, neighbours, values } = adjacency;
  const ones = new Float64Array(n).fill(1);
  if (method === 'direct') {
    const matrix = new Float64Array(n * n);
    for (let v = 0; v < n; v++) {
      matrix[v * n + v] = 1;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) matrix[v * n + neighbours[j]!]! -= beta * values[j]!;
    }
    return { values: solveDense(matrix, n, ones), method, iterations: 0 };
  }
  if (n === 2 && isSingularPair(adjacency)) return { values: null, method, iterations: 0 };
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) sum += values[j]! * x[neighbours[j]!]!;
      out[v] = x[v]! - beta * sum;
    }
  };
  const maxIterations = options.maxIterations ?? 1000;
  const solved = conjugateGradient(n, apply, ones, { tolerance: options.tolerance ?? 1e-12, maxIterations });
  if (!solved.converged) {
    throw new ConvergenceError('pn', solved.iterations, `pn: conjugate gradients did not converge in ${solved.iterations} iterations`);
  }
  return { values: solved.values, method, iterations: solved.iterations };
}

/** Two actors joined by a negative tie only: M = [[1, 1], [1, 1]]. */
function isSingularPair(adjacency: SignedAdjacency): boolean {
  return adjacency.neighbours.length === 2 && adjacency.values[0] === -2;
}
