/**
 * The app's core workers, one per lane, each created on first use. Lanes keep
 * long jobs from queueing behind each other and let one be stopped alone:
 * `main` answers imports, exports and the analysis panels; `metrics` the
 * centrality table (minutes on a large graph, and cancellable), with `metrics-2`
 * taking half of an exact betweenness run; `layout` the
 * force-directed layout of large graphs.
 */
import { CoreClient } from './core-client';

export type Lane = 'main' | 'metrics' | 'metrics-2' | 'layout';

const clients = new Map<Lane, CoreClient>();

export function core(lane: Lane = 'main'): CoreClient {
  let client = clients.get(lane);
  if (!client) clients.set(lane, (client = new CoreClient()));
  return client;
}

/**
 * Terminates a lane's worker: what it was computing is dropped and its
 * pending requests reject with a CancelledError. The next request starts a
 * fresh worker.
 */
export function stopCore(lane: Lane): void {
  clients.get(lane)?.terminate();
  clients.delete(lane);
}
