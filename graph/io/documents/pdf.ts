/**
 * A PDF → its text, page by page, with pdf.js (loaded by pdf-engine.ts).
 *
 * - Pages are joined by a blank line (so a page also ends a paragraph for the
 *   paragraph rule); `pages[i]` is the offset where page i + 1 starts. The
 *   lines of a page come from pdf-lines.ts.
 * - A PDF whose pages hold no text at all is refused: it is scanned images
 *   and needs OCR first; importing it empty would anchor nothing. Pages
 *   without text among pages with text are named in a warning.
 * - A PDF that pdf.js cannot open (damaged, cut short, password-protected),
 *   or whose end marker `%%EOF` is missing (cut short, even if pdf.js could
 *   rebuild part of it), or any page of which fails, is refused with pdf.js's
 *   reason in words: never a partial text.
 * - A PDF whose fonts need Adobe CMaps (CJK text) that the caller did not
 *   provide (ReadDocumentOptions.loadPdfCMap) is refused, naming them: pdf.js
 *   gives no text for those fonts, which would otherwise look like a scan.
 * - pdf.js is asked not to compile fonts into functions (`isEvalSupported:
 *   false`) nor load them into the page (`disableFontFace`): nothing from the
 *   file runs, and text extraction needs neither.
 * - The caller's bytes are copied, since pdf.js takes over (detaches) the
 *   buffer it is given.
 */
import { throwIfCancelled } from './cancel';
import { baseNameOf } from './kind';
import { pdfInfo } from './pdf-info';
import { loadPdfJs } from './pdf-engine';
import { pageText, type PdfTextItem } from './pdf-lines';
import { shortTitle } from './text';
import type { DocumentResult, ReadDocumentOptions, SourceDocument } from './types';

const PAGE_SEPARATOR = '\n\n';

/**
 * What pdf.js asks for besides the file: Adobe CMaps, from the caller's
 * loader (ReadDocumentOptions.loadPdfCMap), and standard font programs,
 * which text extraction does without (pdf.js then uses its built-in metrics).
 * A CMap that cannot be had is remembered: without it the fonts that need it
 * give no text, and the PDF must be refused for that, not as scanned.
 */
class CMapLoads {
  readonly missing = new Set<string>();
  failure = '';
  constructor(private readonly load: ((file: string) => Promise<Uint8Array>) | undefined) {}

  /** One CMap file for pdf.js, or the reason it cannot be had (remembered). */
  async fetch(kind: string, file: string): Promise<Uint8Array> {
    if (kind !== 'cMapUrl') throw new Error(`not provided: ${kind} ${file}`);
    if (!this.load) {
      this.missing.add(file);
      throw new Error(`no CMap loader for ${file}`);
    }
    try {
      return await this.load(file);
    } catch (error) {
      this.missing.add(file);
      this.failure ||= error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /** A class in the shape pdf.js's `BinaryDataFactory` option takes (it calls `new` on it with URLs we do not use). */
  factory(): new () => { fetch(request: { kind: string; filename: string }): Promise<Uint8Array> } {
    const fetch = (kind: string, file: string) => this.fetch(kind, file);
    return class {
      fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
        return fetch(kind, filename);
      }
    };
  }
}

/** pdf.js's exceptions by name → what the user can do about them. */
function pdfJsRefusal(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
  const reason = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (name === 'PasswordException') {
    return code === 2
      ? `this PDF is protected by a password, and the one given is wrong (pdf.js: "${reason}")`
      : `this PDF is protected by a password (pdf.js: "${reason}"): save a copy without the password and open that`;
  }
  if (name === 'InvalidPDFException') return `this is not a readable PDF (pdf.js: "${reason}"): the file is damaged or cut short; download or export it again`;
  return `pdf.js could not read this PDF: ${reason}`;
}

/** A complete PDF ends with `%%EOF` (trailing blanks or junk aside): look in its last 4 KB. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  for (let i = tail.length - 5; i >= 0; i--) {
    if (tail[i] === 0x25 && tail[i + 1] === 0x25 && tail[i + 2] === 0x45 && tail[i + 3] === 0x4f && tail[i + 4] === 0x46) return true;
  }
  return false;
}

/** `3, 7 and 9` */
function listed(numbers: number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  const shown = numbers.slice(0, 10);
  const more = numbers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

export async function readPdf(bytes: Uint8Array, fileName: string, options: ReadDocumentOptions = {}): Promise<DocumentResult> {
  const { signal, onProgress } = options;
  const refuse = (where: string, message: string): DocumentResult => ({ ok: false, problems: [{ where, message }] });
  if (!hasEndMarker(bytes)) {
    return refuse(fileName, 'this PDF is cut short: it does not end with the %%EOF marker every complete PDF ends with; download or export it again');
  }
  const pdfjs = await loadPdfJs();
  throwIfCancelled(signal);
  const cMaps = new CMapLoads(options.loadPdfCMap);
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    useWasm: false,
    // Our own factory: pdf.js asks it for CMaps and standard fonts instead of fetching URLs (which needs `document` in
    // pdf.js's check, absent in a worker, and file paths in Node).
    BinaryDataFactory: cMaps.factory(),
    useWorkerFetch: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      throwIfCancelled(signal);
      return refuse(fileName, pdfJsRefusal(error));
    }
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      throwIfCancelled(signal);
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const items: PdfTextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []));
        texts.push(pageText(items));
        page.cleanup();
      } catch (error) {
        throwIfCancelled(signal);
        return refuse(`${fileName}, page ${n}`, `this page could not be read, so the PDF is not imported: ${pdfJsRefusal(error)}`);
      }
      onProgress?.(n, pdf.numPages);
    }
    throwIfCancelled(signal);
    if (cMaps.missing.size > 0) {
      const names = [...cMaps.missing].map((f) => f.replace(/\.bcmap$/, '')).join(', ');
      return refuse(fileName, `this PDF's fonts need Adobe character maps (${names}) to give their text, and the reader ${options.loadPdfCMap ? `could not load them (${cMaps.failure})` : 'was not given them'}: its text would be missing or incomplete`);
    }
    const empty = texts.flatMap((t, i) => (t.trim() === '' ? [i + 1] : []));
    if (texts.length === 0) return refuse(fileName, 'this PDF has no pages');
    if (empty.length === texts.length) {
      return refuse(fileName, `this PDF has no text layer (scanned pages?) — it needs OCR first (${texts.length === 1 ? 'its one page holds no text' : `none of its ${texts.length} pages holds any text`})`);
    }
    const pages: number[] = [];
    let at = 0;
    for (const t of texts) {
      pages.push(at);
      at += t.length + PAGE_SEPARATOR.length;
    }
    const text = texts.join(PAGE_SEPARATOR);
    let info = {};
    try {
      info = (await pdf.getMetadata()).info;
    } catch {
      // A damaged info dictionary costs the title, not the text.
    }
    const { title, author, date } = pdfInfo(info);
    const firstLine = text.split('\n').find((l) => l.trim() !== '');
    const document: SourceDocument = { kind: 'pdf', title: title ?? (firstLine ? shortTitle(firstLine) : baseNameOf(fileName)), text, pages };
    if (author) document.author = author;
    if (date) document.date = date;
    const one = empty.length === 1;
    const warnings = empty.length > 0 ? [`${fileName}: page${one ? '' : 's'} ${listed(empty)} of ${texts.length} hold${one ? 's' : ''} no text (scanned?): ${one ? 'its text is missing until it is' : 'their text is missing until they are'} OCRed`] : [];
    return { ok: true, document, warnings };
  } finally {
    await task.destroy();
  }
}
