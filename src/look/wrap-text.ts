/**
 * Text broken into lines no wider than a width, for pictures that draw text
 * themselves (canvas, SVG): nothing is cut off and nothing overflows.
 */

/** The width of a string in the font it will be drawn in (e.g. a canvas's measureText). */
export type MeasureText = (text: string) => number;

/**
 * Greedy: words (split at white space) fill a line while they fit; a word
 * wider than a whole line (a long name, a URL) is broken between grapheme
 * clusters, so an accent or an emoji is never split from its letter. Lines
 * keep the text's logical order; the renderer applies the bidi algorithm to
 * each, so a right-to-left title wraps at its words like any other.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const tried = line === '' ? word : `${line} ${word}`;
    if (measure(tried) <= maxWidth) {
      line = tried;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const piece of breakWord(word, maxWidth, measure)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A word too wide for a line, in pieces that fit (one grapheme per piece at least, however narrow the line). */
function breakWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece !== '' && measure(piece + segment) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * A paragraph's direction by its first strong letter, as HTML's dir="auto"
 * decides (Unicode bidi rules P2–P3): Hebrew, Arabic, Syriac, Thaana, NKo and
 * the other right-to-left scripts make it right to left.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const strong = /\p{L}/u.exec(text);
  return strong && RTL_SCRIPT.test(strong[0]) ? 'rtl' : 'ltr';
}

const RTL_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
