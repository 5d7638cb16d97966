/**
 * The words of a text and how two words compare, as mentions and candidate
 * names read them: a word is a maximal run of letters, marks and digits (a soft
 * hyphen, zero-width space or joiner, word joiner or BOM inside it is read as
 * part of it); offsets are UTF-16 units into the text as given.
 */

export interface Word {
  start: number;
  end: number;
}

/** Letters, marks, digits; soft hyphen, zero-width space/joiners, word joiner and BOM are read as part of a word. */
export const WORD = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]+/gu;
const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x20-\x7e]*$/;
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'TH',
};
const UNDECOMPOSED_RE = /[ßẞøØłŁđĐæÆœŒıþÞ]/g;
/** Starts with a capital (upper or title case) letter. */
export const CAPITAL = /^[\p{Lu}\p{Lt}]/u;

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** A word with diacritics folded, case kept. */
export function foldMarks(word: string): string {
  if (ASCII.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(IGNORABLE, '')
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]!)
    .normalize('NFC');
}

/** A word with case and diacritics folded: the key two words match by. */
export function fold(word: string): string {
  return foldMarks(word).toLowerCase();
}
