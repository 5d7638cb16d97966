/**
 * How two actor names compare when datasets are merged: folded (case,
 * diacritics, punctuation and white space), and by a spelling key that also
 * reads Cyrillic in Latin letters and forgives the few variant spellings
 * romanisations disagree on. The key is deliberately narrow: it never drops
 * or adds a letter outside the rules below, so "Iran"/"Iraq", "Niger"/"Nigeria"
 * and "Guinea"/"Guinea-Bissau" stay apart.
 */
import { fold } from '../sources/words';

/**
 * Cyrillic → Latin, lower case: the BGN/PCGN letters for Russian (е, э → e; ё → yo; ъ, ь dropped), with
 * the Tajik, Ukrainian and Kazakh letters as BGN/PCGN writes them (ҷ j, ғ gh, қ q, ҳ h, ӣ i, ӯ u, і i, ї yi, є ye, ґ g, ә a, ө o, ү ұ u, ң ng, һ h).
 * Upper-case letters are folded first; anything else passes through.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
  ҷ: 'j', ғ: 'gh', қ: 'q', ҳ: 'h', ӣ: 'i', ӯ: 'u',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
  ә: 'a', ө: 'o', ү: 'u', ұ: 'u', ң: 'ng', һ: 'h',
};
const CYRILLIC_LETTER = /[\u0400-\u04ff]/g;

export function transliterate(text: string): string {
  // Lower-case before the table so that Ж and ж read alike; ӣ and ӯ are decomposed by NFD, so look them up before folding.
  return text.toLowerCase().replace(CYRILLIC_LETTER, (c) => CYRILLIC[c] ?? c);
}

/**
 * Case, diacritics, punctuation and white space folded: "Guinea-Bissau" and "guinea  bissau" are one name.
 * A name of punctuation alone ("!", "?") keeps its punctuation, white space folded, so that it still matches itself.
 */
export function foldName(name: string): string {
  const folded = fold(name);
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim() || folded.replace(/\s+/g, ' ').trim();
}

/**
 * Variant spellings read alike, in this order: dzh, dj, zh → j (Tadzhikistan, Tadjikistan, Tajikistan);
 * kh → h (Khujand, Hujand); gh → g (Afghanistan, Afganistan); ou → u (Dushanbe, Doushanbe); ye → e (Yerevan,
 * Erevan); then y → i (Kyrgyzstan, Kirgizstan) and a doubled letter as one (Tadjikkistan).
 */
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ou/g, 'u'],
  [/ye/g, 'e'],
  [/y/g, 'i'],
  [/(\p{L})\1+/gu, '$1'],
];

/** The key two names match by when spelled in different scripts or romanisations: Cyrillic read in Latin, variants folded, no spaces. */
export function spellingKey(name: string): string {
  let key = foldName(transliterate(name)).replace(/ /g, '');
  for (const [pattern, replacement] of VARIANTS) key = key.replace(pattern, replacement);
  return key;
}
