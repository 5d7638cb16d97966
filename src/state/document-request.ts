/**
 * Reading a document (a file the user picked) into a source's text, in the
 * document worker: progress as it goes, and Cancel ends the worker.
 */
import type { DocumentReply } from '../workers/document.worker';
import type { DocumentResult } from '../../graph/documents';

export interface DocumentRead {
  result: Promise<DocumentResult | { cancelled: true }>;
  cancel: () => void;
}

export function readDocumentInWorker(bytes: Uint8Array, name: string, onProgress: (done: number, total: number) => void): DocumentRead {
  const worker = new Worker(new URL('../workers/document.worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: DocumentResult | { cancelled: true }) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<DocumentResult | { cancelled: true }>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<DocumentReply | { sourceName?: string }>) => {
    const reply = e.data;
    // pdf.js's own worker code announces itself once: not ours.
    if ('progress' in reply) onProgress(reply.progress.done, reply.progress.total);
    else if ('result' in reply) {
      worker.terminate();
      settle(reply.result);
    } else if ('error' in reply) {
      worker.terminate();
      fail(new Error(reply.error));
    }
  };
  worker.onerror = (e) => (worker.terminate(), fail(new Error(e.message || 'the document worker failed')));
  worker.postMessage({ bytes, name }, [bytes.buffer]);
  return { result, cancel: () => (worker.terminate(), settle({ cancelled: true })) };
}
