/**
 * What reading a document gives: its plain text (the text a source's `text`
 * holds, which every claim's offsets point into), where its pages start for
 * a PDF, and what the document says about itself (title, author, date, URL).
 * A refused document gives located problems and nothing else: never an empty
 * or partial text.
 */

export type DocumentKind = 'text' | 'markdown' | 'html' | 'pdf';

export interface SourceDocument {
  kind: DocumentKind;
  /** From the document itself (Markdown `# heading`, HTML `<title>`, PDF info), else its first line, else the file name. */
  title?: string;
  /** The plain text. Offsets into it are UTF-16 code units, as String.prototype.slice counts. */
  text: string;
  /** PDF only: `pages[i]` is the offset in `text` where page i + 1 starts (`pages[0]` is 0). */
  pages?: number[];
  author?: string;
  /** ISO 8601 as the document gives it (`2024-03-05`, `2024-03-05T10:00:00Z`). */
  date?: string;
  /** http(s) only. */
  url?: string;
}

/** A reason a document is refused, and where: the file name, `notes.txt, line 3:7`, `report.pdf, page 4`. */
export interface DocumentProblem {
  where: string;
  message: string;
}

export type DocumentResult =
  | { ok: true; document: SourceDocument; warnings: string[] }
  | { ok: false; problems: DocumentProblem[] };

/**
 * The part of an AbortSignal this module uses. graph/ compiles without the DOM
 * library, so AbortSignal is typed by what it is used for; the browser's and
 * Node's AbortSignal fit it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface ReadDocumentOptions {
  /** Called as the work goes on: for a PDF `(pagesRead, numPages)`, for the other kinds once `(1, 1)` when done. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the read: the promise then rejects with the signal's reason (an `AbortError` DOMException by default). */
  signal?: CancelSignal;
  /**
   * PDF only: the bytes of one of the Adobe CMaps in pdfjs-dist's `cmaps/`
   * folder (`file` is e.g. `UniJIS-UCS2-H.bcmap`). PDFs whose fonts use a
   * predefined CMap (Chinese, Japanese and Korean text without an embedded
   * mapping) give their text only with it; without it such a PDF is refused,
   * saying so, rather than read as if it had no text. In Node, read the file
   * from `node_modules/pdfjs-dist/cmaps/`; in the browser, fetch it from
   * wherever the app serves that folder.
   */
  loadPdfCMap?: (file: string) => Promise<Uint8Array>;
}
