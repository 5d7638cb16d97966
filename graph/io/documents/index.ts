/**
 * Documents → plain text, for sources inside a dataset (issue 13 §5): .txt,
 * .md, .html and .pdf files. See read-document.ts for the rules.
 */
export { readDocument, MAX_DOCUMENT_BYTES } from './read-document';
export { ReadCancelledError, isCancellation } from './cancel';
export type { CancelSignal, DocumentKind, DocumentProblem, DocumentResult, ReadDocumentOptions, SourceDocument } from './types';
