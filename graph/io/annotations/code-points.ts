/**
 * Offsets in Unicode code points, as the W3C TextPositionSelector counts them
 * ("the character number", not code units), to and from our UTF-16 offsets.
 * They differ after every astral character (an emoji, a CJK extension letter):
 * "🙂a" has "a" at UTF-16 offset 2 and code point 1.
 */

/** The code point offset of UTF-16 offset `at` in `text` (the string iterator walks code points). */
export function codePointOffset(text: string, at: number): number {
  return [...text.slice(0, at)].length;
}

/** The UTF-16 offset of code point offset `points` in `text`, or undefined past its end. */
export function utf16Offset(text: string, points: number): number | undefined {
  let i = 0;
  for (let n = 0; n < points; n++) {
    if (i >= text.length) return undefined;
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
