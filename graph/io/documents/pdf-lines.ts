/**
 * A PDF page's text items (pdf.js getTextContent) → the page's lines.
 *
 * pdf.js gives the page's text runs in content-stream order, each with its
 * position (`transform[4]`, `transform[5]`: x and y of the baseline), width,
 * height and `hasEOL` (pdf.js found the end of a line after it). A new line
 * starts after an item with `hasEOL`, or when the next item's baseline moves
 * by more than half the text height (text set line by line without pdf.js
 * marking it). On a line, runs whose gap is wider than a fifth of the text
 * height get a space between them, unless one of them already has it, as
 * pdftotext does. A vertical gap between two lines wider than 1.4 times the
 * page's usual line spacing (its median) and than 1.3 text heights is a
 * paragraph's spacing and becomes a blank line, so the paragraph rule
 * (graph/sources/paragraphs.ts) finds paragraphs in a PDF too; measuring
 * against the page's own spacing keeps a double-spaced draft from turning
 * every line into a paragraph.
 */

/** The fields of pdf.js's TextItem used here. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y]. */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  /** Baseline y (PDF units, upwards) of the line's first item, and its tallest item. */
  y: number | null;
  height: number;
}

/** Characters that are never text: C0 controls other than tab, and the replacement of a missing glyph. */
const NOT_TEXT = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

export function pageText(items: readonly PdfTextItem[]): string {
  const lines: Line[] = [];
  let line: Line = { text: '', y: null, height: 0 };
  let lastEnd: number | null = null;
  let endOfLine = false;

  const newLine = () => {
    lines.push(line);
    line = { text: '', y: null, height: 0 };
    lastEnd = null;
  };

  for (const item of items) {
    const str = item.str.replace(NOT_TEXT, '');
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0);
    if (str !== '') {
      const moved = line.y !== null && Math.abs(y - line.y) > Math.max(height, line.height) / 2;
      if ((endOfLine || moved) && line.text !== '') newLine();
      if (line.text !== '' && lastEnd !== null && x - lastEnd > height / 5 && !/\s$/.test(line.text) && !/^\s/.test(str)) line.text += ' ';
      line.text += str;
      if (line.y === null) line.y = y;
      line.height = Math.max(line.height, height);
      lastEnd = x + item.width;
      endOfLine = false;
    }
    if (item.hasEOL) endOfLine = true;
  }
  if (line.text !== '') lines.push(line);

  const kept = lines.filter((l) => l.text.trim() !== '');
  const spacing = medianLineSpacing(kept);
  const out: string[] = [];
  kept.forEach((l, i) => {
    const previous = kept[i - 1];
    if (previous && previous.y !== null && l.y !== null && spacing !== null) {
      const gap = previous.y - l.y;
      if (gap > 1.4 * spacing && gap > 1.3 * Math.max(previous.height, l.height)) out.push('');
    }
    out.push(l.text.replace(/\s+$/, ''));
  });
  return out.join('\n');
}

/** The median distance from one line's baseline down to the next one's, or null with fewer than two lines. */
function medianLineSpacing(lines: readonly Line[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!.y;
    const b = lines[i]!.y;
    if (a !== null && b !== null && a - b > 0) gaps.push(a - b);
  }
  if (gaps.length === 0) return null;
  gaps.sort((p, q) => p - q);
  return gaps[(gaps.length - 1) >> 1]!;
}
