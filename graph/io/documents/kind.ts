/**
 * Which reader a document goes to, by its first bytes and then its name:
 * the bytes win (a `.txt` that starts with `%PDF-` is a PDF, a `.txt` or
 * `.md` whose text starts with `<!doctype html` or `<html` is HTML), since a
 * file's name is the least reliable thing about it. Formats we do not read
 * (Word, OpenDocument, RTF, EPUB) are named in the refusal, so the user knows
 * what to save the file as.
 */
import type { DocumentKind } from './types';

/** `Report.final.PDF` → `pdf`; no dot → ''. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The file name without its folder and extension, for a title of last resort. */
export function baseNameOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? base : base.slice(0, dot);
}

/** PDF readers accept the `%PDF-` header anywhere in the first kilobyte (ISO 32000-2, annex H notes); so do we. */
export function startsLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Decoded text that starts (after blanks and comments) like an HTML page. */
export function startsLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
  return /^<(?:!doctype\s+html|html[\s>])/i.test(head);
}

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
};

const NOT_READ: Record<string, string> = {
  docx: 'a Word document',
  doc: 'a Word document',
  odt: 'an OpenDocument text',
  rtf: 'an RTF document',
  epub: 'an EPUB book',
  pages: 'an Apple Pages document',
};

/** The kind the bytes and name point to before decoding; HTML sniffing happens on the decoded text. */
export function kindOf(bytes: Uint8Array, fileName: string): DocumentKind {
  if (startsLikePdf(bytes)) return 'pdf';
  return KIND_BY_EXTENSION[extensionOf(fileName)] ?? 'text';
}

/** A refusal for a format this reader does not take, or null. */
export function unreadFormat(bytes: Uint8Array, fileName: string): string | null {
  const what = NOT_READ[extensionOf(fileName)];
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const rtf = bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72 && bytes[3] === 0x74 && bytes[4] === 0x66;
  if (what) return `this is ${what}, which is not read: save it as PDF, HTML or plain text (.txt) and open that`;
  if (zip) return 'this is a ZIP archive (a Word .docx, OpenDocument or EPUB file?), which is not read: save the document as PDF, HTML or plain text (.txt)';
  if (rtf) return 'this is an RTF document, which is not read: save it as PDF or plain text (.txt)';
  return null;
}
