/// <reference lib="webworker" />
/**
 * The worker shell: a few lines around the core's session (graph/session.ts),
 * so metrics never run on the UI thread. It forwards progress, and transfers
 * rather than copies typed arrays in a result (layout positions, metric columns).
 */
import { CoreSession, type Envelope, type MetricsResult, type Progress } from '../../graph';
import { packMetrics } from './metrics-transport';

/** From the worker: an answer, a request for a dataset it no longer holds, or progress of a request. */
export type WorkerReply = { id: number; response: { ok: true; result: unknown } | { ok: false; error: string } } | { id: number; missing: number } | { id: number; progress: Progress };

const session = new CoreSession();

self.onmessage = (event: MessageEvent<Envelope>) => {
  const envelope = event.data;
  const { id } = envelope;
  // Progress is throttled by the core; postMessage queues it for the UI while the computation goes on.
  const reply = session.receive(envelope, { onProgress: (progress) => self.postMessage({ id, progress } satisfies WorkerReply) });
  if (!('response' in reply) || !reply.response.ok) {
    self.postMessage(reply satisfies WorkerReply);
    return;
  }
  const result = reply.response.result;
  const transfer: Transferable[] = [];
  let sent: unknown = result;
  if (envelope.request.type === 'metrics') {
    const packed = packMetrics(result as MetricsResult);
    sent = packed.packed;
    transfer.push(...packed.transfer);
  } else if (result && typeof result === 'object') {
    // Cached answers are never transferred (that would empty the cache); only requests without a version carry arrays.
    if (envelope.version === undefined) {
      for (const value of Object.values(result)) {
        if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) transfer.push(value.buffer);
      }
    }
  }
  self.postMessage({ id, response: { ok: true, result: sent } } satisfies WorkerReply, transfer);
};
