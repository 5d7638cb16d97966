/**
 * How a source text is cut into paragraphs, the unit a locator's `paragraph`
 * counts: a paragraph is a maximal block of consecutive non-blank lines, a
 * line being blank when `trim()` leaves nothing (so a line of no-break spaces
 * is blank too). Numbered from 1 in text order. Lines end at LF, CRLF or CR.
 * Offsets are UTF-16 code units into the text, as String.prototype.slice uses.
 */

export interface Paragraph {
  /** 1-based. */
  n: number;
  /** [start, end) of the paragraph's text, without the line break that ends it. */
  start: number;
  end: number;
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let open: { start: number; end: number } | null = null;
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const at = LINE.lastIndex;
    const m = LINE.exec(text);
    if (!m || m[0] === '') break;
    const line = m[0].replace(/\r\n|\r|\n$/, '');
    const lineEnd = at + line.length;
    if (line.trim() === '') {
      if (open) out.push({ n: out.length + 1, ...open });
      open = null;
    } else if (open) open.end = lineEnd;
    else open = { start: at, end: lineEnd };
  }
  if (open) out.push({ n: out.length + 1, ...open });
  return out;
}

/** The paragraph holding offset `at` (a quote's start), or undefined between paragraphs. */
export function paragraphAt(paragraphs: readonly Paragraph[], at: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}
