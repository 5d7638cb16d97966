/**
 * Candidate new names in a source text: runs of capitalised words that are not
 * a known actor's mention, offered to the analyst beside the text. Suggestions
 * only: nothing is added to a dataset from here.
 *
 * Why a heuristic and not `compromise` (14.17, people() + organizations() +
 * places(), offsets from its terms, possessives and punctuation trimmed): on the
 * interview (tests/fixtures/tajikistan-security-2023.txt) with the embedded
 * dataset's mentions taken out, compromise offered 21 candidates of which 15
 * were real names (71 %; 6 of 11 distinct texts, 55 %: "Ia", "Soviet",
 * "Russian military", "American military" and "Asia" were not) and found 6 of
 * the 14 new names a reader finds there; this rule offers 26, 24 real (92 %;
 * 14 of 16 distinct, 88 %: "Soviet" and "Constitution" are not), and finds all
 * 14 (tests/unit/mentions.test.ts lists them). Compromise also weighs 358 kB
 * minified (137 kB gzip) in the worker and takes 150 ms on the interview
 * (warm; 0.8 s cold) and 3.6 s on a 310,000-character text; this takes ~6 ms.
 *
 * The rule, over the words of graph/sources/words.ts:
 * - A run is capitalised words joined by one space (no-break too) or hyphen,
 *   and may hold up to two lower-case connectors between capitalised words
 *   ("Islamic Emirate of Afghanistan", "Sector of the IMEMO RAS"). A hyphen
 *   and lower-case word, then a domain ending, join the word before
 *   ("Ia-centr.ru").
 * - Leading function words ("The", "However", "In") and titles ("Head",
 *   "President", "Mr") are dropped from a run; months and days and "I" end it.
 * - The first word of a sentence (after . ! ? or a line start, quotes, dashes
 *   and brackets aside) is capitalised by grammar, so it counts only when the
 *   text also capitalises it elsewhere mid-sentence, or when it starts a run of
 *   several words and never appears in lower case in the text.
 * - Demonyms are left out: a run whose capitalised words are all demonyms,
 *   i.e. another capitalised word of the text with a demonym ending
 *   ("Russian" of "Russia", "Chinese" of "China", "Tajiks" and "Afghan" of
 *   "Tajikistan" and "Afghanistan"), the singular of a known mention's plural
 *   ("American" of the alias "Americans"), or Western, Eastern, Northern,
 *   Southern. A bare plural is a name ("Pamirs" beside "Pamir").
 * - A run that overlaps a known mention is left out whole ("Russian Prime
 *   Minister Mikhail Mishustin"): a name holding a known one is the
 *   analyst's to add.
 * Each occurrence is one candidate, in text order; `kind` is not guessed.
 */
import type { Mention } from './mentions';
import { CAPITAL, fold, wordsOf, type Word } from './words';

export interface Candidate {
  text: string;
  start: number;
  end: number;
  kind?: 'person' | 'organization' | 'place';
}

const CONNECTORS = new Set(['of', 'the', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'da', 'di', 'y', 'for']);
const FUNCTION_WORDS = new Set(
  (
    'the a an in on at of for to from by with and or but nor if as so than then this that these those it its he she we they you ' +
    'me my our their his her your yes no not after before however when while what who whom which where why how there here is ' +
    'was are were be been all some any each every even also perhaps maybe probably therefore recently meanwhile moreover ' +
    'although though because since until unless whether both either neither such many much more most few other another one ' +
    'two three first last next again still just only now today yesterday tomorrow agree according'
  ).split(' '),
);
const TITLES = new Set(
  'head president prime minister deputy chairman chairwoman chair general colonel director secretary ambassador mr mrs ms dr prof sir king queen prince sheikh'.split(' '),
);
const STOPS = new Set(
  (
    'i january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
const DEMONYM_ENDINGS = ['n', 'an', 'ian', 'ians', 'ans', 'ns', 'ese', 'i', 'is', 's', 'ish', 'ic'];
const DIRECTION_ADJECTIVES = new Set(['western', 'eastern', 'northern', 'southern']);
/** Before a sentence's first word, once spaces, quotes, dashes, brackets and asterisks are skipped. */
const SENTENCE_END = /[.!?\r\n\u2028\u2029][\s"'“”‘’«»()[\]*\u2013\u2014-]*$/;
const JOIN = /^[ \u00a0-]$/;
const DOMAIN_TAIL = /^(?:-[\p{Ll}\p{N}]+)+(?:\.[a-z]{2,6})*(?![\p{L}\p{N}])|^(?:\.[a-z]{2,6})+(?![\p{L}\p{N}])/u;

export function findCandidates(text: string, known: readonly Mention[]): Candidate[] {
  const words = wordsOf(text);
  const raw = (w: Word) => text.slice(w.start, w.end);
  const folded = words.map((w) => fold(raw(w)));
  const isCap = words.map((w) => CAPITAL.test(raw(w)));
  const initial = words.map((w, i) => i === 0 || SENTENCE_END.test(text.slice(words[i - 1]!.end, w.start)));
  const capMidSentence = new Set<string>();
  const lowerSomewhere = new Set<string>();
  const capitalised = new Set<string>();
  words.forEach((_, i) => {
    if (isCap[i]) {
      capitalised.add(folded[i]!);
      if (!initial[i]) capMidSentence.add(folded[i]!);
    } else lowerSomewhere.add(folded[i]!);
  });

  const knownForms = new Set(known.map((m) => fold(m.text.replace(/\s+/g, ' '))));
  const isDemonym = (w: string): boolean => {
    if (DIRECTION_ADJECTIVES.has(w)) return true;
    // The singular of a known plural form ("American" of the alias "Americans").
    if (w.length >= 4 && knownForms.has(`${w}s`)) return true;
    for (const end of DEMONYM_ENDINGS) {
      if (!w.endsWith(end) || w.length - end.length < 3) continue;
      const stem = w.slice(0, w.length - end.length);
      // A bare plural ("Pamirs" of "Pamir") is a name, not a demonym.
      const bases = end === 's' ? [`${stem}istan`, `${stem}stan`] : [stem, `${stem}a`, `${stem}ia`, `${stem}istan`, `${stem}stan`, `${stem}e`, `${stem}o`];
      if (bases.some((base) => capitalised.has(base))) return true;
    }
    return w.length >= 3 && (capitalised.has(`${w}istan`) || capitalised.has(`${w}stan`));
  };
  const stops = (i: number) => STOPS.has(folded[i]!);
  const joins = (i: number) => i + 1 < words.length && JOIN.test(text.slice(words[i]!.end, words[i + 1]!.start));

  const taken = new Uint8Array(text.length);
  for (const m of known) taken.fill(1, m.start, m.end);
  const overlapsKnown = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (taken[k]) return true;
    return false;
  };

  const out: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isCap[i] || stops(i)) {
      i++;
      continue;
    }
    // Grow the run: capitalised words, or up to two connectors followed by a capitalised word.
    let j = i;
    for (;;) {
      if (!joins(j)) break;
      if (isCap[j + 1] && !stops(j + 1)) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < words.length && k - j <= 2 && !isCap[k] && CONNECTORS.has(folded[k]!) && joins(k)) k++;
      if (k > j + 1 && k < words.length && k - j <= 3 && isCap[k] && !stops(k) && JOIN.test(text.slice(words[k - 1]!.end, words[k]!.start))) {
        j = k;
        continue;
      }
      break;
    }
    // Drop what starts the run by grammar: function words, titles, a sentence's first word.
    let a = i;
    for (;;) {
      if (a > j) break;
      const f = folded[a]!;
      if (FUNCTION_WORDS.has(f) || TITLES.has(f) || (!isCap[a] && CONNECTORS.has(f))) {
        a++;
        continue;
      }
      if (a === i && initial[a] && !capMidSentence.has(f) && (a === j || lowerSomewhere.has(f))) {
        a++;
        continue;
      }
      break;
    }
    if (a <= j) {
      const start = words[a]!.start;
      let end = words[j]!.end;
      const tail = DOMAIN_TAIL.exec(text.slice(end, end + 80));
      if (tail) end += tail[0].length;
      const allDemonyms = folded.slice(a, j + 1).every((f, k) => !isCap[a + k] || isDemonym(f));
      if (!allDemonyms && !overlapsKnown(start, end)) out.push({ text: text.slice(start, end), start, end });
    }
    i = j + 1;
  }
  return out;
}
