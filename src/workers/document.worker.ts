/// <reference lib="webworker" />
/**
 * A document read into text, in a worker of its own (one per document, ended
 * when it answers or is cancelled): the HTML parser and pdf.js load here only.
 * pdf.js's character maps (for PDFs in CJK fonts) are the build's assets,
 * fetched when a PDF asks for one.
 */
import { readDocument, type DocumentResult } from '../../graph/documents';

export type DocumentReply = { progress: { done: number; total: number } } | { result: DocumentResult } | { error: string };

const CMAPS = import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default' }) as Record<string, () => Promise<string>>;

async function loadPdfCMap(file: string): Promise<Uint8Array> {
  const url = CMAPS[`/node_modules/pdfjs-dist/cmaps/${file}`];
  if (!url) throw new Error(`no character map ${file}`);
  return new Uint8Array(await (await fetch(await url())).arrayBuffer());
}

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; name: string }>) => {
  const { bytes, name } = event.data;
  try {
    const result = await readDocument(bytes, name, { onProgress: (done, total) => self.postMessage({ progress: { done, total } } satisfies DocumentReply), loadPdfCMap });
    self.postMessage({ result } satisfies DocumentReply);
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies DocumentReply);
  }
};
