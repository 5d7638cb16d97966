/// <reference lib="webworker" />
/**
 * The worker shell: a few lines around the core's session (graph/session.ts),
 * so metrics never run on the UI thread. It forwards progress, and sends each
 * answer in its request type's transport (transport.ts).
 */
import { CoreSession, type Envelope, type Progress } from '../../graph';
import { transportOf } from './transport';

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
  // The session keeps the answers of requests sent by version.
  const { sent, transfer } = transportOf(envelope.request.type).pack(reply.response.result, envelope.version !== undefined);
  self.postMessage({ id, response: { ok: true, result: sent } } satisfies WorkerReply, transfer);
};
