// pdfjs-dist ships no types for its worker module; it is imported for its side effect (pdf-engine.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
