/**
 * Two ways to solve M x = b: a direct dense solve for small systems, and
 * conjugate gradients for large sparse symmetric ones, where M is only ever
 * applied to a vector (O(ties) per step over a CSR).
 */

/**
 * Gaussian elimination with partial pivoting on a dense row-major n × n
 * matrix (overwritten). Null when M is singular: a pivot no larger than
 * `singular` times the matrix's largest entry.
 */
export function solveDense(matrix: Float64Array, n: number, b: ArrayLike<number>, singular = 1e-12): Float64Array | null {
  if (matrix.length !== n * n || b.length !== n) throw new RangeError('solveDense: sizes do not match');
  const x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < matrix.length; i++) scale = Math.max(scale, Math.abs(matrix[i]!));
  const tiny = singular * (scale || 1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(matrix[row * n + col]!) > Math.abs(matrix[pivot * n + col]!)) pivot = row;
    }
    const p = matrix[pivot * n + col]!;
    if (!(Math.abs(p) > tiny)) return null;
    if (pivot !== col) {
      for (let k = col; k < n; k++) {
        const t = matrix[col * n + k]!;
        matrix[col * n + k] = matrix[pivot * n + k]!;
        matrix[pivot * n + k] = t;
      }
      const t = x[col]!;
      x[col] = x[pivot]!;
      x[pivot] = t;
    }
    for (let row = col + 1; row < n; row++) {
      const f = matrix[row * n + col]! / p;
      if (f === 0) continue;
      for (let k = col + 1; k < n; k++) matrix[row * n + k]! -= f * matrix[col * n + k]!;
      x[row]! -= f * x[col]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = x[row]!;
    for (let k = row + 1; k < n; k++) sum -= matrix[row * n + k]! * x[k]!;
    x[row] = sum / matrix[row * n + row]!;
  }
  return x;
}

export interface ConjugateGradientOptions {
  /** Stop when ‖b − M x‖₂ ≤ tolerance · ‖b‖₂. Default 1e-12. */
  tolerance?: number;
  /** Default 1000. */
  maxIterations?: number;
}

export interface ConjugateGradientResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * Conjugate gradients for M x = b with M symmetric positive definite, given as
 * `apply(v, out)` writing M v into out. From x = 0. Stops early (not
 * converged) if a search direction has pᵀMp ≤ 0, which a positive definite M
 * never gives.
 */
export function conjugateGradient(
  n: number,
  apply: (v: Float64Array, out: Float64Array) => void,
  b: ArrayLike<number>,
  options: ConjugateGradientOptions = {},
): ConjugateGradientResult {
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  const x = new Float64Array(n);
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  const mp = new Float64Array(n);
  let rr = dot(r, r);
  const goal = tolerance * tolerance * rr;
  if (rr <= goal) return { values: x, iterations: 0, converged: true };
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    apply(p, mp);
    const pmp = dot(p, mp);
    if (!(pmp > 0)) return { values: x, iterations: iteration, converged: false };
    const alpha = rr / pmp;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * mp[i]!;
    }
    const next = dot(r, r);
    if (next <= goal) return { values: x, iterations: iteration, converged: true };
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < n; i++) p[i] = r[i]! + beta * p[i]!;
  }
  return { values: x, iterations: maxIterations, converged: false };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
