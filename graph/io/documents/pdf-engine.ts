/**
 * Loading pdf.js, the same way in Node, in our Web Worker and in tests.
 *
 * - The legacy build (`pdfjs-dist/legacy/build/pdf.mjs`): the modern build
 *   needs Node 22 (Promise.withResolvers, process.getBuiltinModule); the
 *   legacy one runs on Node 20, which package.json allows, and in browsers.
 *   pdfjs-dist stays on 5.x for the same reason: 6.x requires Node 22.13.
 * - pdf.js's own worker code runs on the calling thread (pdf.js's "fake
 *   worker"): importing `pdf.worker.mjs` sets `globalThis.pdfjsWorker`, and
 *   pdf.js then uses it instead of starting a Worker, so no `workerSrc` is
 *   set and no second worker is started. In Node that is what pdf.js does
 *   anyway; in the browser the caller already runs us in a Web Worker, so the
 *   page stays responsive. Imported on first use only, so a text document
 *   never loads pdf.js.
 * - In a dedicated Web Worker, importing pdf.worker.mjs also makes it answer
 *   on the worker's own port: it posts one `{ sourceName: 'worker', targetName:
 *   'main', action: 'ready' }` message to the page and listens for messages
 *   addressed to `targetName: 'worker'`. The page's worker client must ignore
 *   a message that is not one of its replies (ours does: no request id).
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | null = null;

export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= (async () => {
    // @ts-expect-error -- pdfjs-dist ships no types for its worker module, imported here for its side effect only.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}
