/**
 * Offsets in Unicode code points, as the W3C TextPositionSelector counts them
 * ("the character number", not code units), to and from our UTF-16 offsets.
 * They differ after every astral character (an emoji, a CJK extension letter):
 * "🙂a" has "a" at UTF-16 offset 2 and code point 1.
 *
 * One index per text (where its surrogate pairs start), then each offset by
 * binary search: a 500,000-character text with 10,000 claims is not walked
 * from its start 10,000 times.
 */

export interface CodePointIndex {
  /** The code point offset of UTF-16 offset `at` (as `[...text.slice(0, at)].length` counts: a split pair's high half is one). */
  toCodePoint(at: number): number;
  /** The UTF-16 offset of code point offset `points`, or undefined past the text's end. */
  toUtf16(points: number): number | undefined;
}

export function codePointIndex(text: string): CodePointIndex {
  /** UTF-16 offsets where a surrogate pair starts, ascending. */
  const pairs: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
    }
  }
  const total = text.length - pairs.length;
  /** How many of `pairs` satisfy `before`, a test true for a prefix of them. */
  const countWhile = (before: (p: number, k: number) => boolean) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(pairs[mid]!, mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    // A pair counts one code point less once both its halves are before `at`.
    toCodePoint: (at) => Math.min(at, text.length) - countWhile((p) => p + 2 <= at),
    // The k-th pair starts at code point p − k; those before `points` each add a unit.
    toUtf16: (points) => (points > total || points < 0 ? undefined : points + countWhile((p, k) => p - k < points)),
  };
}

/** The code point offset of UTF-16 offset `at` in `text` (one offset; codePointIndex for many). */
export function codePointOffset(text: string, at: number): number {
  return codePointIndex(text).toCodePoint(at);
}

/** The UTF-16 offset of code point offset `points` in `text`, or undefined past its end. */
export function utf16Offset(text: string, points: number): number | undefined {
  return codePointIndex(text).toUtf16(points);
}
