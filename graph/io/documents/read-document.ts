/**
 * readDocument(bytes, fileName): a document file → its plain text and what it
 * says about itself, or the reasons it is refused. The one entry point the
 * import dialog, the worker and the CLI call.
 *
 * - The kind is picked by content first, then by name (kind.ts).
 * - Text, Markdown and HTML are decoded by graph/io/decode.ts (BOM, UTF-16,
 *   the Windows-1252 fallback with a warning naming its lines, binary refused);
 *   where decode.ts would guess Windows-1252 for a page, the page's own
 *   `<meta charset>` decides instead (html-charset.ts).
 * - A document above MAX_DOCUMENT_BYTES, or with no text at all, is refused:
 *   never imported empty.
 * - The HTML parser and pdf.js are loaded only when a document needs them.
 * - Cancelling (options.signal) rejects the promise (cancel.ts); a refused
 *   document resolves with `{ ok: false }`; nothing else rejects.
 */
import { decodeBytes } from '../decode';
import { throwIfCancelled } from './cancel';
import { readAsDeclared } from './html-charset';
import { kindOf, startsLikeHtml, startsLikePdf, unreadFormat } from './kind';
import { textDocument } from './text';
import type { DocumentResult, ReadDocumentOptions } from './types';

/** 50 MiB: a long report PDF is a few MB; beyond this the text alone would slow the app and the saved dataset. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

const refuse = (where: string, message: string): DocumentResult => ({ ok: false, problems: [{ where, message }] });

export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadDocumentOptions = {}): Promise<DocumentResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return refuse(fileName, `this file is ${megabytes(bytes.length)}, above the ${megabytes(MAX_DOCUMENT_BYTES)} documents may be: split it, or save only the part the claims come from`);
  }
  if (bytes.length === 0) return refuse(fileName, 'this file is empty');
  let kind = kindOf(bytes, fileName);
  if (kind === 'pdf' && !startsLikePdf(bytes)) {
    // Named .pdf, but not one: often a download that saved the site's page instead of the document.
    const page = startsLikeHtml(new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048)));
    return refuse(fileName, `this file is named .pdf but is not a PDF (it does not start with %PDF-)${page ? ': it is a web page, perhaps saved instead of the document it links to' : ''}`);
  }
  if (kind === 'pdf') {
    const { readPdf } = await import('./pdf');
    return readPdf(bytes, fileName, options);
  }
  const notRead = unreadFormat(bytes, fileName);
  if (notRead) return refuse(fileName, notRead);

  const decoded = decodeBytes(bytes, { prefix: `${fileName}, ` });
  if (!decoded.ok) return refuse(decoded.problem.path, decoded.problem.message);
  let text = decoded.text;
  let warnings = decoded.warnings.map((w) => `${w.path}: ${w.message}`);
  throwIfCancelled(signal);

  if (startsLikeHtml(text)) kind = 'html';
  // decode.ts guessed Windows-1252 for bytes that are not UTF-8: a page's own <meta charset> comes first.
  const guessed = decoded.warnings.findIndex((w) => w.message.startsWith('read as Windows-1252, not UTF-8'));
  const declared = kind === 'html' && guessed >= 0 ? readAsDeclared(bytes) : null;
  if (declared) {
    text = declared.text;
    warnings = declared.encoding === 'windows-1252' ? warnings.filter((_, i) => i !== guessed) : [`${fileName}: read as ${declared.encoding}, as the page's <meta charset="${declared.label}"> says (its bytes are not UTF-8)`];
  }
  let result: DocumentResult;
  if (kind === 'html') {
    const { htmlDocument } = await import('./html');
    const reading = htmlDocument(text, fileName);
    result = { ok: true, document: reading.document, warnings: [...warnings, ...reading.warnings] };
  } else {
    result = { ok: true, document: textDocument(text, kind, fileName), warnings };
  }
  if (result.ok && result.document.text.trim() === '') {
    return refuse(fileName, kind === 'html' ? 'this page has no visible text (only markup, scripts or hidden parts)' : 'this document holds no text, only blanks');
  }
  throwIfCancelled(signal);
  onProgress?.(1, 1);
  return result;
}
