/**
 * Merging a second dataset into the current one (issue 13 §5): which actors are proposed as duplicates and why,
 * and what applyMerge() makes of the analyst's decisions. The expected values are worked by hand from the rules
 * in graph/merge/ (weights in propose.ts, variant spellings in spelling.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMerge, proposeMerge, proposedDecisions, restore, type Actor, type Claim, type Dataset, type MergeDecision, type Relation, type Source } from '../../graph';
import { foldName, spellingKey, transliterate } from '../../graph/merge/spelling';
import { arbitraryDataset } from '../support/arbitrary-dataset';

const NOW = '2026-12-02T14:00:00Z';
const claim = (quote: string, sourceId = 's1', assertedBy = 'reported', stance: Claim['stance'] = 'supports'): Claim => ({ quote, sourceId, locator: { paragraph: 1 }, assertedBy, stance, grade: 'B2' });
const actor = (id: string, name: string, more: Partial<Actor> = {}): Actor => ({ id, name, kind: 'state', aliases: [], ...more });

function dataset(title: string, actors: Actor[], relations: Relation[] = [], sources: Source[] = [{ id: 's1', title: 'Interview' }]): Dataset {
  const r = restore({ format: 'actorscope', version: 2, meta: { title }, sources, actors, relations });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.dataset;
}

const reasonsOf = (current: Dataset, incoming: Dataset, incomingId: string) =>
  proposeMerge(current, incoming).actors.find((p) => p.incomingId === incomingId)?.candidates.map((c) => ({ id: c.currentId, reasons: c.reasons.map((r) => r.kind), strength: c.strength }));

function merged(current: Dataset, incoming: Dataset, decisions: Record<string, string | 'new'>) {
  const map = new Map<string, MergeDecision>(Object.entries(decisions).map(([k, v]) => [k, v === 'new' ? 'new' : { into: v }]));
  const r = applyMerge(current, incoming, map, NOW);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r;
}

describe('spelling', () => {
  it('reads Cyrillic in Latin letters (BGN/PCGN) and folds variant romanisations', () => {
    expect(transliterate('Таджикистан')).toBe('tadzhikistan');
    expect(transliterate('Ҷумҳурии Тоҷикистон')).toBe('jumhurii tojikiston');
    expect(spellingKey('Таджикистан')).toBe('tajikistan');
    expect(spellingKey('Tadzhikistan')).toBe(spellingKey('Tajikistan'));
    expect(spellingKey('Tadjikistan')).toBe(spellingKey('Tajikistan'));
    expect(spellingKey('Afganistan')).toBe(spellingKey('Afghanistan'));
    expect(spellingKey('Душанбе')).toBe(spellingKey('Dushanbe'));
    expect(spellingKey('Кыргызстан')).toBe(spellingKey('Kirgizstan'));
    expect(spellingKey('Ереван')).toBe(spellingKey('Yerevan'));
    expect(spellingKey('Худжанд')).toBe(spellingKey('Hujand'));
  });
  it('keeps apart names that differ by a letter outside the rules', () => {
    for (const [a, b] of [['Iran', 'Iraq'], ['Niger', 'Nigeria'], ['Guinea', 'Guinea-Bissau'], ['Austria', 'Australia'], ['Mali', 'Malawi'], ['Dominica', 'Dominican Republic'], ['Sudan', 'South Sudan']]) {
      expect(spellingKey(a!), `${a} / ${b}`).not.toBe(spellingKey(b!));
    }
  });
  it('gives 215 names of states, places, groups and blocs 215 different keys', () => {
    // UN member states with the near pairs (Iran/Iraq, Mali/Malawi, Slovakia/Slovenia, Austria/Australia, Gambia/Zambia …),
    // Central Asian places and the groups and blocs of the embedded dataset's world.
    const names = 'Iran, Iraq, Niger, Nigeria, Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea, Austria, Australia, Mali, Malawi, Malta, Gambia, Zambia, Slovakia, Slovenia, Dominica, Dominican Republic, Sudan, South Sudan, Congo, DR Congo, Korea, North Korea, South Korea, Georgia, Samoa, American Samoa, Mauritania, Mauritius, Oman, Yemen, Armenia, Albania, Algeria, Liberia, Libya, Latvia, Lithuania, Estonia, Kenya, Chad, Chile, China, Taiwan, Thailand, Tajikistan, Turkmenistan, Kazakhstan, Kyrgyzstan, Uzbekistan, Pakistan, Afghanistan, India, Indonesia, Bahrain, Bhutan, Benin, Brunei, Burundi, Rwanda, Uganda, Tanzania, Togo, Tonga, Kiribati, Cuba, Aruba, Peru, Niue, Nauru, Palau, Iceland, Ireland, Finland, Poland, Portugal, Swaziland, Switzerland, Sweden, Serbia, Syria, Jordan, Lebanon, Israel, Egypt, Qatar, Kuwait, Monaco, Morocco, Mongolia, Montenegro, Macedonia, Madagascar, Maldives, Greece, Grenada, Ghana, Guyana, Gabon, Japan, Jamaica, Haiti, Honduras, Hungary, Czechia, Cyprus, Croatia, Colombia, Comoros, Canada, Cambodia, Cameroon, Bolivia, Botswana, Belarus, Belgium, Belize, Bulgaria, Brazil, Burkina Faso, Myanmar, Nepal, Netherlands, Nicaragua, Norway, Panama, Paraguay, Philippines, Romania, Russia, Senegal, Somalia, Spain, Sri Lanka, Tunisia, Turkey, Ukraine, Uruguay, Vanuatu, Venezuela, Vietnam, Zimbabwe, Angola, Andorra, Argentina, Azerbaijan, Bangladesh, Barbados, Denmark, Djibouti, Ecuador, Eritrea, Ethiopia, Fiji, France, Germany, Italy, Laos, Lesotho, Luxembourg, Malaysia, Mexico, Moldova, Mozambique, Namibia, New Zealand, Saudi Arabia, Singapore, Seychelles, Suriname, Tuvalu, Kosovo, Sughd, Khatlon, Dushanbe, Khujand, Kulob, Bokhtar, Badakhshan, Tashkent, Bishkek, Almaty, Astana, Ashgabat, Kabul, Kunduz, Mazar-i-Sharif, Herat, Kandahar, Panjshir, Moscow, Beijing, Tehran, Islamabad, Delhi, Taliban, Hezbollah, Hamas, Houthis, Al-Qaeda, ISIS, ISIL, Daesh, Jamaat Ansarullah, Islamic Movement of Uzbekistan, EAEU, CSTO, SCO, NATO, EU, UN, OSCE, CIS'.split(', ');
    const keys = new Map<string, string[]>();
    for (const n of names) keys.set(spellingKey(n), [...(keys.get(spellingKey(n)) ?? []), n]);
    expect([...keys.values()].filter((list) => list.length > 1)).toEqual([]);
    expect(names).toHaveLength(215);
  });
  it('reads Cyrillic spellings of Central Asian places as their Latin ones, but not exonyms or other vowels', () => {
    for (const [cyrillic, latin] of [['Худжанд', 'Khujand'], ['Бохтар', 'Bokhtar'], ['Ташкент', 'Tashkent'], ['Алматы', 'Almaty'], ['Кабул', 'Kabul'], ['Бишкек', 'Bishkek']]) {
      expect(spellingKey(cyrillic!), cyrillic).toBe(spellingKey(latin!));
    }
    // Not matched (known limits): an exonym (Moskva/Moscow), another vowel (Kulyab/Kulob), other letters (Ashkhabad/Ashgabat).
    for (const [cyrillic, latin] of [['Москва', 'Moscow'], ['Куляб', 'Kulob'], ['Ашхабад', 'Ashgabat']]) expect(spellingKey(cyrillic!), cyrillic).not.toBe(spellingKey(latin!));
  });
  it('folds case, diacritics, punctuation and white space in names', () => {
    expect(foldName('  Guinea–Bissau ')).toBe('guinea bissau');
    expect(foldName("Côte d'Ivoire")).toBe(foldName('COTE D IVOIRE'));
  });
});

describe('proposeMerge', () => {
  const current = dataset('current', [
    actor('tj', 'Tajikistan', { country: 'TJ', aliases: ['Republic of Tajikistan'] }),
    actor('af', 'Afghanistan', { country: 'AF' }),
    actor('ir', 'Iran', { country: 'IR' }),
    actor('ne', 'Niger', { country: 'NE' }),
    actor('gn', 'Guinea', { country: 'GN' }),
    actor('imu', 'Islamic Movement of Uzbekistan', { kind: 'armed-group', aliases: ['IMU'], country: 'UZ' }),
    actor('sughd', 'Sughd', { kind: 'region', country: 'TJ' }),
  ]);

  it('proposes by the same name, folded', () => {
    expect(reasonsOf(current, dataset('in', [actor('x', 'TAJIKISTAN')]), 'x')).toEqual([{ id: 'tj', reasons: ['name'], strength: 4 }]);
  });
  it('proposes by the same id alone, weakly (listed, not proposed)', () => {
    const incoming = dataset('in', [actor('af', 'Kabul government', { kind: 'political-group' })]);
    expect(reasonsOf(current, incoming, 'af')).toEqual([{ id: 'af', reasons: ['id'], strength: 0 }]);
    expect(proposedDecisions(proposeMerge(current, incoming)).get('af')).toBe('new');
  });
  it('proposes by an alias, either way', () => {
    expect(reasonsOf(current, dataset('in', [actor('x', 'Republic of Tajikistan')]), 'x')).toEqual([{ id: 'tj', reasons: ['alias'], strength: 3 }]);
    expect(reasonsOf(current, dataset('in', [actor('x', 'IMU', { kind: 'armed-group', aliases: ['Islamic Movement of Uzbekistan'] })]), 'x')).toEqual([
      { id: 'imu', reasons: ['alias', 'alias'], strength: 6 },
    ]);
    expect(reasonsOf(current, dataset('in', [actor('x', 'O‘zbekiston Islomiy Harakati', { kind: 'armed-group', aliases: ['Islamic Movement of Uzbekistan'] })]), 'x')).toEqual([
      { id: 'imu', reasons: ['alias'], strength: 3 },
    ]);
  });
  it('proposes by transliteration and variant spelling', () => {
    const incoming = dataset('in', [actor('x', 'Таджикистан'), actor('y', 'Afganistan'), actor('z', 'Tadzhikistan')]);
    const proposal = proposeMerge(current, incoming);
    expect(proposal.actors.map((p) => [p.incomingId, p.candidates[0]!.currentId, p.candidates[0]!.reasons])).toEqual([
      ['x', 'tj', [{ kind: 'transliteration', incoming: 'Таджикистан', current: 'Tajikistan' }]],
      ['y', 'af', [{ kind: 'transliteration', incoming: 'Afganistan', current: 'Afghanistan' }]],
      ['z', 'tj', [{ kind: 'transliteration', incoming: 'Tadzhikistan', current: 'Tajikistan' }]],
    ]);
  });
  it('proposes two states by their country code alone, never other kinds', () => {
    expect(reasonsOf(current, dataset('in', [actor('x', 'Тоҷикистон', { country: 'TJ' })]), 'x')).toEqual([{ id: 'tj', reasons: ['country'], strength: 3 }]);
    // An armed group with the same code, a region of the same state: no proposal.
    expect(reasonsOf(current, dataset('in', [actor('x', 'Jamaat Ansarullah', { kind: 'armed-group', country: 'UZ' })]), 'x')).toBeUndefined();
    expect(reasonsOf(current, dataset('in', [actor('x', 'Khatlon', { kind: 'region', country: 'TJ' })]), 'x')).toBeUndefined();
    // Between regions the code only supports a name: 4 + 1.
    expect(reasonsOf(current, dataset('in', [actor('x', 'Sughd', { kind: 'region', country: 'TJ' })]), 'x')).toEqual([{ id: 'sughd', reasons: ['name', 'country'], strength: 5 }]);
  });
  it('does not propose Iraq for Iran, Nigeria for Niger or Guinea-Bissau for Guinea', () => {
    const incoming = dataset('in', [actor('iq', 'Iraq', { country: 'IQ' }), actor('ng', 'Nigeria', { country: 'NG' }), actor('gw', 'Guinea-Bissau', { country: 'GW' })]);
    expect(proposeMerge(current, incoming).actors).toEqual([]);
  });
  it('lists every candidate, best first', () => {
    const two = dataset('current', [actor('a', 'Tajik opposition', { kind: 'political-group' }), actor('b', 'United Tajik Opposition', { kind: 'political-group', aliases: ['Tajik opposition'] })]);
    const incoming = dataset('in', [actor('uto', 'Tajik Opposition', { kind: 'political-group', aliases: ['UTO', 'United Tajik Opposition'] })]);
    expect(reasonsOf(two, incoming, 'uto')).toEqual([
      { id: 'b', reasons: ['alias', 'alias'], strength: 6 },
      { id: 'a', reasons: ['name'], strength: 4 },
    ]);
  });
});

describe('applyMerge', () => {
  const current = dataset(
    'Interview',
    [actor('tj', 'Tajikistan', { aliases: ['RT'], notes: 'Host state.', attributes: { region: 'Central Asia' } }), actor('ru', 'Russia'), actor('r1', 'A state called r1')],
    [
      { id: 'r1', source: 'ru', target: 'tj', type: 'supplier', claims: [claim('Russia supplies arms.')] },
      { id: 'r2', source: 'tj', target: 'ru', type: 'partner', claims: [claim('They are partners.')] },
    ],
    [{ id: 's1', title: 'Interview', date: '2023' }, { id: 'shared', title: 'Report A' }],
  );
  const incoming = dataset(
    'SIPRI arms transfers',
    [
      actor('TJK', 'Таджикистан', { aliases: ['Tojikiston'], notes: 'From SIPRI.', attributes: { region: 'CA', sipri: 1 } }),
      actor('RUS', 'Russian Federation', { aliases: ['Russia'] }),
      actor('ru', 'Rus (medieval)', { kind: 'other' }),
    ],
    [
      // The same supplier relation, with the same claim once more and a new one: joins r1.
      { id: 'x1', source: 'RUS', target: 'TJK', type: 'supplier', claims: [claim('Russia supplies arms.', 'interview'), claim('12 T-72 tanks.', 'sipri')] },
      // A partnership written the other way round is the same partnership.
      { id: 'r2', source: 'RUS', target: 'TJK', type: 'partner', claims: [claim('They are partners.', 'interview', 'reported', 'disputes')] },
      { id: 'r1', source: 'ru', target: 'RUS', type: 'threat', claims: [] },
    ],
    [{ id: 'interview', title: 'INTERVIEW', date: '2023' }, { id: 'sipri', title: 'SIPRI Arms Transfers Database', text: '12 T-72 tanks.' }, { id: 'shared', title: 'Report B' }],
  );

  it('joins actors, relations and sources, renames clashing ids and notes the merge', () => {
    const r = merged(current, incoming, { TJK: 'tj', RUS: 'ru', ru: 'new' });
    const d = r.dataset;
    expect(d.actors.map((a) => a.id)).toEqual(['tj', 'ru', 'r1', 'ru-2']);
    const tj = d.actors[0]!;
    expect(tj.aliases).toEqual(['RT', 'Таджикистан', 'Tojikiston']);
    expect(tj.notes).toBe('Host state.\n\nFrom SIPRI.\n\nMerged: region was "CA" in "SIPRI arms transfers".');
    expect({ ...tj.attributes }).toEqual({ region: 'Central Asia', sipri: 1 });
    expect(d.actors[1]!.aliases).toEqual(['Russian Federation']);
    // Sources: "INTERVIEW" 2023 is the current Interview (citationKey); "shared" is another document under a used id.
    expect(d.sources.map((s) => s.id)).toEqual(['s1', 'shared', 'sipri', 'shared-2']);
    expect(d.sources[2]!.text).toBe('12 T-72 tanks.');
    // Relations: x1 joins r1 (its repeated claim dropped), r2 joins r2 (a disputing claim is another claim), the threat is new as r1-2.
    expect(d.relations.map((x) => [x.id, x.source, x.target, x.type, x.claims.map((c) => `${c.quote}|${c.sourceId}|${c.stance}`)])).toEqual([
      ['r1', 'ru', 'tj', 'supplier', ['Russia supplies arms.|s1|supports', '12 T-72 tanks.|sipri|supports']],
      ['r2', 'tj', 'ru', 'partner', ['They are partners.|s1|supports', 'They are partners.|s1|disputes']],
      ['r1-2', 'ru-2', 'ru', 'threat', []],
    ]);
    expect(r.summary.actors).toEqual({ incoming: 3, joined: 2, added: 1, renamed: [{ from: 'ru', to: 'ru-2' }] });
    expect(r.summary.relations).toEqual({ incoming: 3, joined: 2, added: 1, renamed: [{ from: 'r1', to: 'r1-2' }] });
    expect(r.summary.claims).toEqual({ added: 2, duplicates: 1 });
    expect(r.summary.sources).toEqual({ incoming: 3, matched: 1, added: 2, texts: 0, renamed: [{ from: 'shared', to: 'shared-2' }] });
    expect(d.meta.history).toEqual([
      {
        date: NOW,
        note: 'merged "SIPRI arms transfers" (3 actors: 2 joined, 1 new; 3 relations: 2 joined existing ones, 1 new; 3 sources: 1 already held, 2 new)',
      },
    ]);
    expect(r.label).toBe('merge SIPRI arms transfers');
  });

  it('keeps every actor new when all are rejected: relations follow the renamed ids', () => {
    const d = merged(current, incoming, {}).dataset;
    expect(d.actors.map((a) => a.id)).toEqual(['tj', 'ru', 'r1', 'TJK', 'RUS', 'ru-2']);
    expect(d.relations.map((x) => [x.id, x.source, x.target])).toEqual([
      ['r1', 'ru', 'tj'],
      ['r2', 'tj', 'ru'],
      ['x1', 'RUS', 'TJK'],
      ['r2-2', 'RUS', 'TJK'],
      ['r1-2', 'ru-2', 'RUS'],
    ]);
  });

  it('gives a document held without its text the text of the incoming one, unless it does not hold the current quotes', () => {
    const mine = dataset('mine', [actor('tj', 'Tajikistan')], [{ id: 'r1', source: 'tj', target: 'tj', type: 'partner', claims: [claim('Tajikistan is a partner.', 'doc')] }], [{ id: 'doc', title: 'Speech', date: '2023' }]);
    const text = (t: string) => dataset('theirs', [actor('t', 'Tajikistan')], [], [{ id: 'speech', title: 'speech', date: '2023', author: 'E. Rahmon', text: t }]);
    const holds = merged(mine, text('He said: Tajikistan is a partner. Then more.'), {});
    expect(holds.dataset.sources).toEqual([{ id: 'doc', title: 'Speech', date: '2023', author: 'E. Rahmon', text: 'He said: Tajikistan is a partner. Then more.' }]);
    expect(holds.dataset.relations[0]!.claims[0]!.locator).toMatchObject({ paragraph: 1 });
    expect(holds.summary.sources.texts).toBe(1);
    // Another text: the quote is not in it, so the document stays without a text (its author is still taken).
    const other = merged(mine, text('Something else entirely.'), {});
    expect(other.dataset.sources).toEqual([{ id: 'doc', title: 'Speech', date: '2023', author: 'E. Rahmon' }]);
    expect(other.summary.sources.texts).toBe(0);
  });

  it('refuses a decision naming no current actor, and leaves the history as it was', () => {
    const r = applyMerge(current, incoming, new Map([['TJK', { into: 'nowhere' }]]), NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({ path: 'decisions.TJK', message: 'no actor "nowhere" in the current dataset to merge into' });
    expect(current.meta.history).toBeUndefined();
  });

  it('appends to the history a dataset has', () => {
    const once = merged(current, incoming, {}).dataset;
    const twice = applyMerge(once, incoming, new Map(), '2026-12-03').ok;
    expect(twice).toBe(true);
    const r = applyMerge(once, incoming, new Map(), '2026-12-03');
    expect(r.ok && r.dataset.meta.history!.map((h) => h.date)).toEqual([NOW, '2026-12-03']);
  });

  it('gives a dataset back when merged with itself (plus the note)', () => {
    const proposal = proposeMerge(current, current);
    const d = merged(current, current, Object.fromEntries([...proposedDecisions(proposal)].map(([k, v]) => [k, v === 'new' ? 'new' : v.into]))).dataset;
    expect({ ...d, meta: { ...d.meta, history: undefined } }).toEqual({ ...current, meta: { ...current.meta, history: undefined } });
    expect(d.meta.history).toHaveLength(1);
  });
});

describe('restore() and meta.history', () => {
  it('refuses a history that is not a list of {date, note}', () => {
    const bad = (history: unknown) => {
      const r = restore({ format: 'actorscope', version: 2, meta: { title: 't', history }, sources: [], actors: [], relations: [] });
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(bad('merged')).toEqual(['meta.history: expected a list of {date, note}, found "merged"']);
    expect(bad([{ date: '2026-12-02' }, { date: ' ', note: 'x' }, 3])).toEqual([
      'meta.history[0].note: is missing',
      'meta.history[1].date: is blank',
      'meta.history[2]: expected {date, note}, found 3',
    ]);
  });
});

describe('merging a dataset with itself (property)', () => {
  it('as proposed, gives it back with one note more', () => {
    fc.assert(
      fc.property(arbitraryDataset, (d) => {
        const proposal = proposeMerge(d, d);
        // Every actor is proposed as itself first: the same id and name (5) beat a name or alias alone.
        expect(proposal.actors.map((p) => p.candidates[0]!.currentId)).toEqual(d.actors.map((a) => a.id));
        const r = applyMerge(d, d, proposedDecisions(proposal), NOW);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.dataset.meta.history).toEqual([...(d.meta.history ?? []), { date: NOW, note: r.summary.note }]);
        expect({ ...r.dataset, meta: { ...r.dataset.meta, history: d.meta.history } }).toEqual(d);
      }),
      { numRuns: 150 },
    );
  });
});

describe('merging a copy with other ids (property)', () => {
  it('confirming every proposal by name gives the actors and relations back', () => {
    fc.assert(
      fc.property(arbitraryDataset, (d) => {
        const names = d.actors.map((a) => foldName(a.name));
        // One actor a name (folded): otherwise "by name" cannot say which.
        fc.pre(new Set(names).size === names.length && names.every((n) => n !== ''));
        const rename = new Map(d.actors.map((a, i) => [a.id, `copy ${i}`]));
        const copy: Dataset = {
          ...d,
          actors: d.actors.map((a) => ({ ...a, id: rename.get(a.id)! })),
          relations: d.relations.map((r) => ({ ...r, source: rename.get(r.source)!, target: rename.get(r.target)! })),
        };
        const decisions = new Map<string, MergeDecision>();
        for (const p of proposeMerge(d, copy).actors) {
          const byName = p.candidates.find((c) => c.reasons.some((r) => r.kind === 'name'));
          if (byName) decisions.set(p.incomingId, { into: byName.currentId });
        }
        const r = applyMerge(d, copy, decisions, NOW);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.dataset.actors.map((a) => ({ ...a, aliases: [] }))).toEqual(d.actors.map((a) => ({ ...a, aliases: [] })));
        expect(r.dataset.relations).toEqual(d.relations);
        expect(r.dataset.sources).toEqual(d.sources);
      }),
      { numRuns: 150 },
    );
  });
});
