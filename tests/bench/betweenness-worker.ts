/**
 * A benchmark worker (node:worker_threads) running exact betweenness for a
 * range of sources — what the app's Web Workers will do to split the work
 * (kernels/betweenness.ts, `sources: { from, to }`). It receives the CSR once,
 * then answers each { from, to } with the raw, normalised partial sums.
 */
import { parentPort } from 'node:worker_threads';
import { betweenness } from '../../graph/analysis/kernels/betweenness';
import type { Csr } from '../../graph/analysis/kernels/csr';

let csr: Csr | null = null;

parentPort!.on('message', (message: { csr?: Csr; from?: number; to?: number }) => {
  if (message.csr) {
    csr = message.csr;
    parentPort!.postMessage({ ready: true });
    return;
  }
  const values = betweenness(csr!, { sources: { from: message.from!, to: message.to! } });
  parentPort!.postMessage({ values }, [values.buffer as ArrayBuffer]);
});
