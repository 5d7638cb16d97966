/** Saves a file from the browser. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, mime: string): void {
  downloadBlob(name, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/**
 * A file name from a dataset's title: letters of any script, digits and
 * dashes, safe on Windows, macOS and Linux.
 */
/** Apostrophes that join a word ("Tajikistan's", "Tajikistan’s", "Tajikistanʼs"): dropped, not turned into a dash. */
const APOSTROPHES = /[\u0027\u2019\u02bc\u2018\u02b9\u0060\u00b4]/g;
/** Names Windows refuses for a file whatever its extension (CON.svg is as bad as CON). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;
export const MAX_FILE_BASE = 80;
const FALLBACK = 'actorscope';

export function fileBaseName(title: string): string {
  let name = title
    .normalize('NFKD')
    // Accents go from Latin letters only (é → e): in Cyrillic, Greek or Devanagari the marks are part of the letter (й is not и).
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  if (name.length > MAX_FILE_BASE) {
    // Cut at the last dash before the cap, so no word is cut, unless that leaves too little.
    const cut = name.slice(0, MAX_FILE_BASE);
    const dash = cut.lastIndexOf('-');
    name = (dash >= MAX_FILE_BASE / 2 ? cut.slice(0, dash) : sliceWhole(name, MAX_FILE_BASE)).replace(/-+$/, '');
  }
  if (name === '') return FALLBACK;
  if (WINDOWS_RESERVED.test(name)) return `${name}-${FALLBACK}`;
  return name;
}

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
function sliceWhole(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
