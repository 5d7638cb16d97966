/**
 * The core's second public face: reading documents (.txt, .md, .html, .pdf)
 * into a source's text. Apart from graph/index.ts so that the explorer's main
 * bundle carries neither the HTML parser nor pdf.js: only the document worker
 * (src/workers/document.worker.ts) imports it.
 */
export * from './io/documents';
