/**
 * Mentions of known actors in a source text (graph/sources/mentions.ts): known
 * answers on small hand-made texts for each rule (whole words, case, short
 * names, diacritics in NFC and NFD, possessives, hyphens and spaces inside a
 * name, aliases, "X (Y)" names, longest match, offsets after an astral
 * character, CRLF), the interview with the embedded dataset's actors counted
 * by hand, and a fast-check property: names inserted among random words are
 * found where they were put. Candidate new names (graph/sources/candidates.ts):
 * each rule on a small text, the interview's candidates judged by hand, and a
 * property (never over a known mention).
 *
 * Timing is measured, not asserted (tests/README.md): `npx tsx tests/bench/mentions.ts`
 * gives, for 10,000 actors (a name and two aliases each) over a 50,000-word text,
 * findMentions in about 0.2 s of CPU (0.11 s of it building the trie) and
 * findCandidates in 0.05 s; 0.4–0.6 s wall time on this 2-core machine under load.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import type { Actor } from '../../graph/model/types';
import { findCandidates } from '../../graph/sources/candidates';
import { findMentions, type Mention } from '../../graph/sources/mentions';

const interview = readFileSync(new URL('../fixtures/tajikistan-security-2023.txt', import.meta.url), 'utf8');

function actor(id: string, name: string, aliases: string[] = []): Actor {
  return { id, name, kind: 'state', aliases };
}

/** [actor, text] of each mention, in order; every mention checked to be its own slice. */
function found(text: string, actors: Actor[]): Array<[string, string]> {
  const ms = findMentions(text, actors);
  for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  return ms.map((m) => [m.actor, m.text]);
}

describe('findMentions: the rules on small texts', () => {
  const iran = actor('iran', 'Iran');
  it('matches whole words only', () => {
    expect(found('Iran, Iranian, Irani, Irans, Tehran-Iran, (Iran).', [iran])).toEqual([
      ['iran', 'Iran'],
      ['iran', 'Iran'],
      ['iran', 'Iran'],
    ]);
    expect(findMentions('Irani Iran', [iran])).toEqual([{ actor: 'iran', start: 6, end: 10, text: 'Iran' }]);
  });

  it('folds case, but a capitalised one-word name needs a capital and a name of ≤ 3 letters its exact case', () => {
    const us = actor('us', 'United States', ['US', 'State']);
    expect(found('IRAN and Iran; iran is a word here', [iran])).toEqual([
      ['iran', 'IRAN'],
      ['iran', 'Iran'],
    ]);
    expect(found('Let us see: the US, the Us, the state, the State, the STATE, the united states.', [us])).toEqual([
      ['us', 'US'],
      ['us', 'State'],
      ['us', 'STATE'],
      ['us', 'united states'],
    ]);
    // A lower-case one-word alias matches in any case.
    expect(found('Radicals and radicals', [actor('r', 'Radical groups', ['radicals'])])).toEqual([
      ['r', 'Radicals'],
      ['r', 'radicals'],
    ]);
  });

  it('folds diacritics, in NFC and NFD text and names alike, and keeps the original offsets', () => {
    const koln = actor('koln', 'Köln');
    const turkiye = actor('tr', 'Türkiye', ['Tadjikistan']);
    const nfc = 'Köln, Koln, KÖLN, Türkiye and Turkiye; Tajikistan is not Tadjikistan.';
    const nfd = nfc.normalize('NFD');
    expect(nfd.length).toBe(nfc.length + 3);
    expect(found(nfc, [koln, turkiye])).toEqual([
      ['koln', 'Köln'],
      ['koln', 'Koln'],
      ['koln', 'KÖLN'],
      ['tr', 'Türkiye'],
      ['tr', 'Turkiye'],
      ['tr', 'Tadjikistan'],
    ]);
    const inNfd = findMentions(nfd, [koln, turkiye]);
    expect(inNfd.map((m) => m.text.normalize('NFC'))).toEqual(['Köln', 'Koln', 'KÖLN', 'Türkiye', 'Turkiye', 'Tadjikistan']);
    expect(inNfd[0]).toEqual({ actor: 'koln', start: 0, end: 5, text: 'Ko\u0308ln' });
    // A name written in NFD finds NFC text, and ß, ø, ł are folded too.
    expect(found('Köln Straße Øresund Łódź', [actor('k', 'Ko\u0308ln'), actor('s', 'Strasse'), actor('o', 'Oresund'), actor('l', 'Lodz')])).toEqual([
      ['k', 'Köln'],
      ['s', 'Straße'],
      ['o', 'Øresund'],
      ['l', 'Łódź'],
    ]);
  });

  it('leaves a possessive outside the mention', () => {
    const russia = actor('russia', 'Russia');
    expect(findMentions("Russia's army, Russia’s navy, Russias", [russia])).toEqual([
      { actor: 'russia', start: 0, end: 6, text: 'Russia' },
      { actor: 'russia', start: 15, end: 21, text: 'Russia' },
    ]);
  });

  it('joins the words of a name by spaces, no-break spaces, one line break, a hyphen or an apostrophe', () => {
    const aq = actor('aq', 'Al-Qaeda');
    expect(found('Al-Qaeda, al Qaeda, Al\u2011Qaeda, al\u00a0qaeda, Al\r\nQaeda, AlQaeda, Al\n\nQaeda, Al. Qaeda', [aq])).toEqual([
      ['aq', 'Al-Qaeda'],
      ['aq', 'al Qaeda'],
      ['aq', 'Al\u2011Qaeda'],
      ['aq', 'al\u00a0qaeda'],
      ['aq', 'Al\r\nQaeda'],
    ]);
    expect(found("Côte d’Ivoire and Cote d'Ivoire", [actor('ci', "Côte d'Ivoire")])).toEqual([
      ['ci', 'Côte d’Ivoire'],
      ['ci', "Cote d'Ivoire"],
    ]);
  });

  it('keeps other punctuation of a name as written, and reads soft hyphens and zero-width spaces as inside a word', () => {
    const us = actor('us', 'United States', ['U.S.', 'US']);
    expect(found('The U.S. and the US; U. S. is not; nor U.S or U-S.', [us])).toEqual([
      ['us', 'U.S.'],
      ['us', 'US'],
    ]);
    expect(found('Taji\u00adkistan and Tajik\u200bistan', [actor('tj', 'Tajikistan')])).toEqual([
      ['tj', 'Taji\u00adkistan'],
      ['tj', 'Tajik\u200bistan'],
    ]);
  });

  it('finds aliases, and a name "X (Y)" as a whole and by its parts', () => {
    const taliban = actor('taliban', 'Taliban (Islamic Emirate of Afghanistan)', ['government in Kabul', 'Kabul']);
    const text = 'The Taliban (Islamic Emirate of Afghanistan) rule; the Islamic Emirate of Afghanistan, the Taliban, the government in Kabul, Kabul.';
    expect(found(text, [taliban])).toEqual([
      ['taliban', 'Taliban (Islamic Emirate of Afghanistan)'],
      ['taliban', 'Islamic Emirate of Afghanistan'],
      ['taliban', 'Taliban'],
      ['taliban', 'government in Kabul'],
      ['taliban', 'Kabul'],
    ]);
  });

  it('lets the longest match win when names overlap, and never returns overlapping mentions', () => {
    const is = actor('is', 'Islamic State');
    const state = actor('state', 'State');
    const dept = actor('dept', 'State Department');
    expect(found('The Islamic State and the State.', [state, is])).toEqual([
      ['is', 'Islamic State'],
      ['state', 'State'],
    ]);
    // "Islamic State Department": the two overlap on "State"; the longer ("State Department", 16) wins over "Islamic State" (13).
    expect(found('Islamic State Department', [is, dept, state])).toEqual([['dept', 'State Department']]);
    // One form, two actors: the one whose name it is, over the one whose alias it is.
    expect(found('Georgia', [actor('us-ga', 'State of Georgia', ['Georgia']), actor('ge', 'Georgia')])).toEqual([['ge', 'Georgia']]);
  });

  it('counts offsets in UTF-16 units of the original text, after astral characters and in CRLF text', () => {
    const russia = actor('russia', 'Russia');
    const text = '🇷🇺 𝕏 😀 Russia\r\n\r\n👍 Russia';
    const ms = findMentions(text, [russia]);
    // 🇷🇺 is two astral code points (4 units), 𝕏 and 😀 two units each, plus three spaces: 11. Counting
    // code points would give 7; the blank CRLF line (4 units) and 👍 (2) and a space put the second at 24.
    expect(ms.map((m) => [m.start, m.end])).toEqual([
      [11, 17],
      [24, 30],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe('Russia');
  });

  it('finds nothing with no actors, empty text or forms without words', () => {
    expect(findMentions('', [iran])).toEqual([]);
    expect(findMentions('Iran', [])).toEqual([]);
    expect(findMentions('*** Iran', [actor('x', '***', ['  '])])).toEqual([]);
  });
});

describe('findMentions on the interview', () => {
  it('finds the embedded dataset’s actors as counted by hand', () => {
    const ms = findMentions(interview, dataset.actors as Actor[]);
    for (const m of ms) expect(interview.slice(m.start, m.end)).toBe(m.text);
    const counts: Record<string, Record<string, number>> = {};
    for (const m of ms) {
      const c = (counts[m.actor] ??= {});
      c[m.text] = (c[m.text] ?? 0) + 1;
    }
    // Counted by reading the text with `grep -o -w FORM | wc -l` per name and alias (case-sensitive and not:
    // the same counts), then taking out the words inside a longer form: "Taliban" 9 = 8 alone + 1 in
    // "Taliban government"; "Kabul" 4 = 2 alone + "government of Kabul" + "government in Kabul"; "Panjshir"
    // 3 = 2 + "resistance in Panjshir"; "Mishustin" 3 = "Vladimir Mishustin" (the interview's slip) +
    // "Mishustin’s" + "Mikhail Mishustin"; "radical Islamist groups" only inside "… based in Afghanistan".
    // "US" stands once, in capitals; "Russian", "Chinese", "Tajiks", "American" are other words.
    expect(counts).toEqual({
      tajikistan: { Tajikistan: 24, Dushanbe: 14 },
      russia: { Russia: 7, Moscow: 1 },
      china: { China: 7, PRC: 1, Beijing: 1 },
      'united-states': { 'United States': 2, US: 1, Washington: 2, Americans: 3, Pentagon: 1 },
      uzbekistan: { Uzbekistan: 3 },
      turkmenistan: { Turkmenistan: 1 },
      kazakhstan: { Kazakhstan: 1 },
      kyrgyzstan: { Kyrgyzstan: 1 },
      taliban: {
        Taliban: 8,
        'Taliban government': 1,
        'government of the Islamic Emirate of Afghanistan': 1,
        'government of Kabul': 1,
        'government in Kabul': 1,
        Kabul: 2,
      },
      'panjshir-resistance': { Panjshir: 2, 'resistance in Panjshir': 1 },
      'radical-islamist-groups': {
        'radical Islamist groups based in Afghanistan': 1,
        'radical Islamists': 1,
        radicals: 1,
        'radical groups': 1,
      },
      eaeu: { 'Eurasian Economic Union': 1, EAEU: 1 },
      'gulf-countries': { 'the Gulf countries': 1 },
      'emomali-rahmon': { 'Emomali Rahmon': 1 },
      'mikhail-mishustin': { 'Mikhail Mishustin': 1, Mishustin: 2 },
    });
    expect(ms).toHaveLength(98);
    // Sorted by start, never overlapping.
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });
});

describe('findMentions: inserted names are found where they were put', () => {
  // Filler words are lower-case and never a name's word; names are capitalised, some of several words, some
  // with diacritics, and some inside others ("Zembla" in "Nova Zembla": the longest match must win).
  const filler = fc.constantFrom('and', 'the', 'of', 'said', 'border', 'talks', 'über', 'naïve', '😀', '—', '1999', "o'clock", 'state');
  const separator = fc.constantFrom(' ', '  ', '\u00a0', '\r\n', ', ', ' (', ') ', '. ', '’s ', ' 🇷🇺 ');
  const names = ['Kärnten', 'Upper Kärnten', 'Nova Zembla', 'Ålesund', 'Saint-Étienne', 'Zembla'];
  const actors = names.map((n, i) => actor(`a${i}`, n));

  it('every inserted name is a mention at its place, with its actor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 3, arbitrary: filler.map((w) => ({ w })) }, { weight: 1, arbitrary: fc.nat(names.length - 1).map((k) => ({ k })) }), {
          maxLength: 40,
        }),
        fc.array(separator, { minLength: 41, maxLength: 41 }),
        fc.boolean(),
        (pieces, seps, nfd) => {
          let text = '';
          const inserted: Array<{ start: number; end: number; actor: string }> = [];
          pieces.forEach((p, i) => {
            text += seps[i]!;
            if ('w' in p) text += nfd ? p.w.normalize('NFD') : p.w;
            else {
              const name = nfd ? names[p.k]!.normalize('NFD') : names[p.k]!;
              inserted.push({ start: text.length, end: text.length + name.length, actor: `a${p.k}` });
              text += name;
            }
          });
          const ms: Mention[] = findMentions(text, actors);
          for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
          // No name ends in a word that starts another ("Upper", "Nova" are never names alone), so every
          // inserted name is one mention of exactly its own words, and nothing else is found.
          expect(ms.map((m) => ({ start: m.start, end: m.end, actor: m.actor }))).toEqual(inserted);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('findCandidates: the rules on small texts', () => {
  const texts = (text: string, known: Mention[] = []) => {
    const cs = findCandidates(text, known);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
    return cs.map((c) => c.text);
  };

  it('takes capitalised runs, drops leading function words and titles, and ends runs at months and days', () => {
    expect(texts('The talks in Geneva were led by President Anna Petrova on Monday. However, Geneva said no in March.')).toEqual([
      'Geneva',
      'Anna Petrova',
      'Geneva',
    ]);
  });

  it('counts a sentence’s first word only if the text capitalises it mid-sentence, or it starts a longer run never written in lower case', () => {
    expect(texts('Diplomats met. Negotiations stalled in Vienna. Vienna hosted it.\n\nOfficials spoke.')).toEqual(['Vienna', 'Vienna']);
    expect(texts('Dina Malysheva said so. Perhaps Lyon.')).toEqual(['Dina Malysheva', 'Lyon']);
  });

  it('joins words by up to two connectors, and a hyphenated lower-case word with a domain', () => {
    expect(texts('He cited the Islamic Emirate of Afghanistan, the Bank of the Republic and Ia-centr.ru today.')).toEqual([
      'Islamic Emirate of Afghanistan',
      'Bank of the Republic',
      'Ia-centr.ru',
    ]);
    // A comma, a line break or "and" ends a run.
    expect(texts('We met Anna Petrova, Ivan Orlov\nKarl Weber and Lena Kraus.')).toEqual(['Anna Petrova', 'Ivan Orlov', 'Karl Weber', 'Lena Kraus']);
  });

  it('leaves out demonyms of the text’s own names and runs over a known mention', () => {
    const text = 'Russian troops left Russia; the Chinese and China; Tajiks of Tajikistan and Afghan Tajiks of Afghanistan; Western sources; an American; the Pamirs and Pamir city; Prime Minister Mikhail Mishustin.';
    const known = findMentions(text, [
      actor('ru', 'Russia'),
      actor('cn', 'China'),
      actor('tj', 'Tajikistan'),
      actor('af', 'Afghanistan'),
      actor('us', 'United States', ['Americans', 'Mishustin']),
    ]);
    // "Americans" is not in this text: "American" stays; with the alias mentioned it goes.
    expect(texts(text, known)).toEqual(['American', 'Pamirs', 'Pamir']);
    const text2 = `${text} The Americans.`;
    expect(texts(text2, findMentions(text2, [actor('us', 'United States', ['Americans', 'Mishustin'])]))).not.toContain('American');
  });

  it('counts offsets in UTF-16 units of the original text', () => {
    // 😀 is 2 units, "Zu\u0308rich" 7 (NFD), 🇷🇺 4. (An astral letter such as 𝕏 would be a word.)
    const text = '😀 we saw Zu\u0308rich and 🇷🇺 Köln.';
    expect(findCandidates(text, [])).toEqual([
      { text: 'Zu\u0308rich', start: 10, end: 17 },
      { text: 'Köln', start: 27, end: 31 },
    ]);
  });
});

describe('findCandidates on the interview', () => {
  it('offers the new names a reader finds there, and two that are not names', () => {
    const known = findMentions(interview, dataset.actors as Actor[]);
    const cs = findCandidates(interview, known);
    for (const c of cs) {
      expect(interview.slice(c.start, c.end)).toBe(c.text);
      expect(known.some((m) => m.start < c.end && c.start < m.end), c.text).toBe(false);
    }
    const counts: Record<string, number> = {};
    for (const c of cs) counts[c.text] = (counts[c.text] ?? 0) + 1;
    // Read by hand: the interviewee, her institute and sector, the outlet and publisher, the UN, and the
    // places (Afghanistan 12 times in the text, 2 of them inside the Taliban's and the radical groups' names).
    // "Soviet" (times) is an adjective, "Constitution" (Uzbekistan's) a document. "Vladimir Mishustin",
    // "Russian Prime Minister Mikhail Mishustin" and the headline hold known mentions; "Tajiks", "Chinese",
    // "Russian", "American", "Afghan Tajiks", "Western" are demonyms.
    expect(counts).toEqual({
      UN: 1,
      'Dina Malysheva': 1,
      'Central Asian Sector of the IMEMO RAS': 1,
      'Ia-centr.ru': 1,
      Soviet: 1,
      'Tajik SSR': 1,
      Pamirs: 1,
      Afghanistan: 10,
      GBAO: 1,
      Pamir: 1,
      Khorog: 1,
      'Central Asia': 2,
      Constitution: 1,
      Badakhshan: 1,
      Asials: 1,
      'Asia News': 1,
    });
    // Precision, the figure graph/sources/candidates.ts compares with compromise's: 24 of 26 are names.
    const notNames = new Set(['Soviet', 'Constitution']);
    expect(cs.filter((c) => !notNames.has(c.text))).toHaveLength(24);
    expect(cs).toHaveLength(26);
  });
});

describe('findCandidates: properties', () => {
  const word = fc.constantFrom('Anna', 'Petrova', 'of', 'the', 'said', 'The', 'However', 'Vienna', 'Russia', 'Russian', 'talks', 'Köln', '😀', 'March', 'I');
  const sep = fc.constantFrom(' ', '. ', ', ', '\r\n', '\n\n', '\u00a0', '-', ' – ');
  it('never overlap a known mention, are in order, and are their own slice', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 40 }), (pieces) => {
        const text = pieces.map(([w, s]) => w + s).join('');
        const known = findMentions(text, [actor('ru', 'Russia'), actor('v', 'Vienna State Opera', ['Anna'])]);
        const cs = findCandidates(text, known);
        let last = 0;
        for (const c of cs) {
          expect(text.slice(c.start, c.end)).toBe(c.text);
          expect(c.start).toBeGreaterThanOrEqual(last);
          last = c.end;
          expect(known.some((m) => m.start < c.end && c.start < m.end)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
