/**
 * Known actors mentioned in a source text: every place where an actor's name
 * or one of its aliases stands, as [start, end) UTF-16 offsets into the text as
 * given (String.prototype.slice's units; nothing is normalised in place, so an
 * emoji or an NFD letter before a match shifts nothing).
 *
 * The rules:
 * - Words are maximal runs of letters, marks and digits (soft hyphens and
 *   zero-width joiners inside a word are ignored). A name matches whole words
 *   only: "Iranian" and "Irani" are not "Iran" (a demonym that should count is
 *   an alias, as "Americans" is in the Tajikistan dataset). A possessive is
 *   outside the word: "Russia's", "Russia’s" give a mention covering "Russia".
 * - Words compare with case and diacritics folded: NFD, combining marks
 *   dropped, a few letters that do not decompose mapped (ß ss, ø o, ł l, đ d,
 *   æ ae, œ oe, ı i, þ th). So "Türkiye" = "Turkiye", "Köln" = "Koln" in NFC or
 *   NFD; "Tadjikistan" is another word.
 * - Short names: a form of 3 letters or fewer ("US", "PRC", "UN") matches only
 *   with its exact case ("us" is a pronoun). A one-word form written with a
 *   capital ("State", "China", "Turkey") matches only a word that starts with a
 *   capital ("STATE" and "State" yes, "state" no); a one-word form written in
 *   lower case ("radicals") and any form of several words match in any case.
 * - Between the words of a name the text may have any run of spaces (no-break
 *   and narrow ones too) with at most one line break, and at most one hyphen or
 *   apostrophe: "Al-Qaeda", "al Qaeda", "Al‑Qaeda" and "Al Qaeda" are one form;
 *   "AlQaeda" is another word. Other punctuation in a name ("Taliban (Islamic
 *   …)", "U.S.") must be in the text as written, runs of space aside. No name
 *   spans a blank line.
 * - A name or alias ending in a parenthesis, "Taliban (Islamic Emirate of
 *   Afghanistan)", is also looked for as its two parts, "Taliban" and "Islamic
 *   Emirate of Afghanistan".
 * - Overlaps: the longest match wins ("Islamic State" over "State", "the
 *   government in Kabul" over "Kabul"); among equal lengths the earlier one;
 *   among matches of one place, an actor's name over another's alias, then the
 *   actor listed first. Mentions never overlap.
 *
 * One token trie over every actor's folded forms, walked from each word of the
 * text, each distinct word folded once. 10,000 actors (a name and two aliases
 * each) over a 50,000-word text (412,000 UTF-16 units): about 0.2 s of CPU,
 * half of it building the trie (`npx tsx tests/bench/mentions.ts`; 0.4–0.6 s
 * wall time on this shared 2-core machine at a load of 10).
 */
import type { Actor } from '../model/types';
import { CAPITAL, fold, foldMarks, wordsOf } from './words';

export interface Mention {
  /** The actor's id. */
  actor: string;
  start: number;
  end: number;
  /** text.slice(start, end). */
  text: string;
}

/** A gap between two words that joins them into a name: spaces, and at most one hyphen or apostrophe. */
const JOINER = /^\s*[-\u2010\u2011'\u2019\u02bc]?\s*$/;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
const HYPHENS = /[\u2010\u2011]/g;
const APOSTROPHES = /[\u2019\u02bc]/g;
const SPACES = /\s+/g;

/** The key of the gap between two words: '' when it joins them, null when no name spans it. */
function gapKey(gap: string): string | null {
  if (gap === ' ') return '';
  const breaks = gap.match(LINE_BREAK)?.length ?? 0;
  if (breaks > 1) return null;
  if (JOINER.test(gap)) return '';
  return normalisePunctuation(gap);
}

function normalisePunctuation(s: string): string {
  return s.replace(SPACES, ' ').replace(HYPHENS, '-').replace(APOSTROPHES, "'");
}

const DIGIT = /\p{N}/u;

type CaseRule = 'exact' | 'capital' | 'any';

interface Entry {
  actor: string;
  /** The actor's place in the list, for ties. */
  order: number;
  isName: boolean;
  rule: CaseRule;
  /** The form's words with case kept, for the exact rule. */
  words: string[];
  /** Punctuation before the first and after the last word of the form (e.g. the ")" of "X (Y)"). */
  prefix: string;
  suffix: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

/** The forms an actor is looked for by: its name, its aliases, and the two parts of each "X (Y)". */
function formsOf(actor: Actor): Array<{ form: string; isName: boolean }> {
  const out: Array<{ form: string; isName: boolean }> = [];
  const add = (form: string, isName: boolean) => {
    out.push({ form, isName });
    const parts = /^(.*\S)\s*\(([^()]*\S[^()]*)\)\s*$/.exec(form);
    if (parts) {
      out.push({ form: parts[1]!, isName });
      out.push({ form: parts[2]!.trim(), isName });
    }
  };
  add(actor.name, true);
  for (const alias of actor.aliases) add(alias, false);
  return out;
}

function caseRuleOf(words: readonly string[]): CaseRule {
  // Folded words hold no marks, so only digits can make the length overstate the letters.
  let length = 0;
  for (const w of words) length += w.length;
  if (length <= 3 || (length <= 12 && words.some((w) => DIGIT.test(w)))) {
    const letters = words.join('').match(/\p{L}/gu)?.length ?? 0;
    if (letters <= 3) return 'exact';
  }
  if (words.length === 1 && CAPITAL.test(words[0]!)) return 'capital';
  return 'any';
}

function buildTrie(actors: readonly Actor[]): TrieNode {
  const root: TrieNode = { next: new Map(), entries: [] };
  actors.forEach((actor, order) => {
    const seen = new Set<string>();
    for (const { form, isName } of formsOf(actor)) {
      const ws = wordsOf(form);
      if (ws.length === 0) continue;
      const words = ws.map((w) => foldMarks(form.slice(w.start, w.end)));
      const keys: string[] = [];
      let ok = true;
      ws.forEach((w, i) => {
        if (i === 0) return void keys.push(words[0]!.toLowerCase());
        const gap = gapKey(form.slice(ws[i - 1]!.end, w.start));
        if (gap === null) ok = false;
        keys.push(`${gap}\u0001${words[i]!.toLowerCase()}`);
      });
      if (!ok) continue;
      const prefix = normalisePunctuation(form.slice(0, ws[0]!.start).trim());
      const suffix = normalisePunctuation(form.slice(ws[ws.length - 1]!.end).trim());
      const rule = caseRuleOf(words);
      const id = `${keys.join('\u0002')}\u0003${prefix}\u0003${suffix}\u0003${rule}\u0003${rule === 'exact' ? words.join(' ') : ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      let node = root;
      for (const key of keys) {
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push({ actor: actor.id, order, isName, rule, words, prefix, suffix });
    }
  });
  return root;
}

interface Match {
  entry: Entry;
  start: number;
  end: number;
}

/** Punctuation `p` stands in the text right before `at` (before=true) or right after it. */
function punctuationAt(text: string, at: number, p: string, before: boolean): boolean {
  if (p === '') return true;
  const s = before ? text.slice(at - p.length, at) : text.slice(at, at + p.length);
  return s.length === p.length && normalisePunctuation(s) === p;
}

export function findMentions(text: string, actors: readonly Actor[]): Mention[] {
  const root = buildTrie(actors);
  if (root.next.size === 0) return [];
  const words = wordsOf(text);
  // Texts repeat their words: fold each distinct one once.
  const cache = new Map<string, string>();
  const folded = words.map((w) => {
    const raw = text.slice(w.start, w.end);
    let f = cache.get(raw);
    if (f === undefined) cache.set(raw, (f = fold(raw)));
    return f;
  });
  const gaps: Array<string | null | undefined> = new Array(words.length);
  const gapBefore = (j: number): string | null => {
    let g = gaps[j];
    if (g === undefined) gaps[j] = g = gapKey(text.slice(words[j - 1]!.end, words[j]!.start));
    return g;
  };
  const caseFits = (entry: Entry, first: number): boolean => {
    if (entry.rule === 'any') return true;
    const w = words[first]!;
    // The first code point decides (an NFD capital starts with its base letter).
    if (entry.rule === 'capital') return CAPITAL.test(text.slice(w.start, w.start + 2));
    return entry.words.every((ew, k) => {
      const tw = words[first + k]!;
      return foldMarks(text.slice(tw.start, tw.end)) === ew;
    });
  };

  const matches: Match[] = [];
  for (let i = 0; i < words.length; i++) {
    let node = root.next.get(folded[i]!);
    let j = i;
    while (node) {
      for (const entry of node.entries) {
        const start = words[i]!.start - entry.prefix.length;
        const end = words[j]!.end + entry.suffix.length;
        if (
          caseFits(entry, i) &&
          punctuationAt(text, words[i]!.start, entry.prefix, true) &&
          punctuationAt(text, words[j]!.end, entry.suffix, false)
        ) {
          matches.push({ entry, start, end });
        }
      }
      if (++j >= words.length || node.next.size === 0) break;
      const gap = gapBefore(j);
      if (gap === null) break;
      node = node.next.get(`${gap}\u0001${folded[j]}`);
    }
  }

  // Longest first, then earlier, then a name over an alias, then the actor listed first.
  matches.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      Number(b.entry.isName) - Number(a.entry.isName) ||
      a.entry.order - b.entry.order,
  );
  const taken = new Uint8Array(text.length);
  const chosen: Match[] = [];
  for (const m of matches) {
    let free = true;
    for (let k = m.start; k < m.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    chosen.push(m);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((m) => ({ actor: m.entry.actor, start: m.start, end: m.end, text: text.slice(m.start, m.end) }));
}
