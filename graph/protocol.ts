/**
 * Requests the core answers, as plain data, and the pure handle() that answers
 * them. The UI's Web Worker, the CLI and the tests all call handle(), so the
 * numbers are the same wherever they are computed.
 */
import { computeMetrics, type MetricsOptions, type MetricsResult } from './analysis/metrics';
import type { Dataset } from './model/types';
import { restore, type RestoreResult } from './schema/restore';

export type Request =
  | { type: 'restore'; input: unknown }
  | ({ type: 'metrics'; dataset: Dataset } & MetricsOptions);

export type Result<R extends Request> = R extends { type: 'restore' }
  ? RestoreResult
  : R extends { type: 'metrics' }
    ? MetricsResult
    : never;

export type Response<T = unknown> = { ok: true; result: T } | { ok: false; error: string };

export function handle<R extends Request>(request: R): Response<Result<R>> {
  try {
    switch (request.type) {
      case 'restore':
        return { ok: true, result: restore(request.input) as Result<R> };
      case 'metrics': {
        const { dataset, filter, undirected, metrics } = request as Extract<Request, { type: 'metrics' }>;
        return { ok: true, result: computeMetrics(dataset, { filter, undirected, metrics }) as Result<R> };
      }
      default:
        return { ok: false, error: `unknown request ${JSON.stringify((request as { type?: unknown }).type)}` };
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
