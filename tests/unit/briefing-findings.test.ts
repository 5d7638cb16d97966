/**
 * The briefing's findings other than paths (blocs, unbalanced triads,
 * compared actors), the one footnote numbering they share, and the HTML that
 * holds them, on a small dataset built by hand so every answer is known:
 *
 *   partners a–b, b–c, c–a (B2; c–a also disputed at C3), c–d (B2), d–e (B2),
 *   e–f and f–d (D4 only); threats a→d (B2), b→d (D4), c→a (D4); g alone.
 *
 * Blocs (partner + supplier): two triangles joined by c–d. networkx
 * (`louvain_communities(G, seed=1)` and `modularity`, Debian's 2.8.8) gives
 * {a,b,c}, {d,e,f} with Q = 5/14 = 0.357142…; without the D4 claims (e–f,
 * f–d gone) {a,b,c}, {d,e} with Q = 0.22, f left with no tie.
 *
 * Triads (partner +, threat −): a·b·c is unbalanced by definition because
 * the pair c–a is ambivalent (partner + and threat −); a·c·d has signs
 * + + − (c–a partner, c–d partner, a→d threat); b·c·d has + + − (b–c, c–d,
 * b→d); a·b·d (+ − −) and d·e·f (+ + +) are balanced. Without claims below
 * C3: the threat c→a goes, so a·b·c becomes balanced; b→d goes, so b·c·d is
 * no longer a triad; a·c·d rests on B2 relations only and stays unbalanced.
 *
 * Compared a and d: between them the threat a→d; both are tied to b and c;
 * only d to e and f. Without claims below C3, d's only tie to b (b→d, D4)
 * goes, so b is no longer shared.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { briefHtml, buildBrief, findingOf, type Section } from '../../graph/briefing';
import { DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { handle, type Request, type Result } from '../../graph/protocol';
import { restore } from '../../graph/schema/restore';
import { datasetAtGrade } from '../../graph/briefing/sensitivity';
import type { Grade } from '../../graph/model/types';
import { main } from '../../graph/cli';
import { runWithFiles } from '../support/run-command';

const claim = (grade: Grade, who: string, stance: 'supports' | 'disputes' = 'supports') => ({
  quote: `${who} says so (${grade}, ${stance})`,
  source: { title: `Report of ${who}` },
  locator: { paragraph: 1 },
  assertedBy: who,
  stance,
  grade,
});
const rel = (id: string, source: string, target: string, type: string, claims: ReturnType<typeof claim>[]) => ({ id, source, target, type, claims });

const RAW = {
  format: 'actorscope',
  version: 1,
  meta: { title: 'Hand-made' },
  actors: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, name: id.toUpperCase(), kind: 'state' })),
  relations: [
    rel('r-ab', 'a', 'b', 'partner', [claim('B2', 'P')]),
    rel('r-bc', 'b', 'c', 'partner', [claim('B2', 'Q')]),
    // The dispute comes first in the data; the footnotes put the supporting claim first.
    rel('r-ca', 'c', 'a', 'partner', [claim('C3', 'S', 'disputes'), claim('B2', 'R')]),
    rel('r-cd', 'c', 'd', 'partner', [claim('B2', 'T')]),
    rel('r-de', 'd', 'e', 'partner', [claim('B2', 'U')]),
    rel('r-ef', 'e', 'f', 'partner', [claim('D4', 'V')]),
    rel('r-fd', 'f', 'd', 'partner', [claim('D4', 'W')]),
    rel('t-ad', 'a', 'd', 'threat', [claim('B2', 'X')]),
    rel('t-bd', 'b', 'd', 'threat', [claim('D4', 'Y')]),
    rel('t-ca', 'c', 'a', 'threat', [claim('D4', 'Z')]),
  ],
};
const restored = restore(RAW);
if (!restored.ok) throw new Error(JSON.stringify(restored.problems));
const DATA = restored.dataset;
const evidence = DEFAULT_EVIDENCE;

function ask<R extends Request>(request: R): Result<R> {
  const response = handle(request);
  if (!response.ok) throw new Error(response.error);
  return response.result as Result<R>;
}

const communities = ask({ type: 'communities', dataset: DATA, evidence, options: {} });
const communitiesAtGrade = ask({ type: 'communities', dataset: datasetAtGrade(DATA, 'C3'), options: {} });
const balance = ask({ type: 'balance', dataset: DATA, evidence, options: {} });
const comparison = ask({ type: 'compare', dataset: DATA, evidence, options: { actors: ['a', 'd'] } });
const sections: Section[] = [
  { kind: 'compare', comparison },
  { kind: 'triads', result: balance },
  { kind: 'blocs', result: communities, atGrade: communitiesAtGrade },
];
const brief = buildBrief({ dataset: DATA, evidence, sections }, { date: '2026-12-02T12:00:00Z' });
const blocs = findingOf(brief, 'blocs')!;
const triads = findingOf(brief, 'triads')!;
const compared = findingOf(brief, 'compare')!;
const notesOf = (id: string) => brief.relations.find((r) => r.relation.id === id)!.notes;

describe('blocs in a briefing', () => {
  it('gives networkx’s blocs and modularity, each bloc with the partner relations inside it', () => {
    expect(blocs.blocs.map((b) => b.members)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    expect(blocs.modularity).toBeCloseTo(5 / 14, 12);
    expect(blocs.unaffiliated).toEqual(['g']);
    expect(blocs.blocs.map((b) => b.ties.map((t) => t.relationId))).toEqual([['r-ab', 'r-bc', 'r-ca'], ['r-de', 'r-ef', 'r-fd']]);
  });

  it('says the first bloc holds without claims below C3 and the second does not (f loses both its ties)', () => {
    expect(blocs.blocs.map((b) => b.atGrade.holds)).toEqual([true, false]);
    expect(blocs.blocs[1]!.atGrade).toEqual({ holds: false, parts: [['d', 'e']], dropped: ['f'] });
    expect(blocs.sensitivity).toMatchObject({ grade: 'C3', holds: false, blocs: 2 });
    expect(blocs.sensitivity.modularity).toBeCloseTo(0.22, 12);
  });
});

describe('unbalanced triads in a briefing', () => {
  it('lists the three unbalanced triads with their reported relations and signs', () => {
    expect(triads.balanced).toBe(2);
    expect(triads.triads.map((t) => t.actors)).toEqual([['a', 'b', 'c'], ['a', 'c', 'd'], ['b', 'c', 'd']]);
    expect(triads.triads.map((t) => t.relations.map((r) => `${r.relation.id}${r.relation.sign > 0 ? '+' : '-'}`))).toEqual([
      ['r-ab+', 'r-bc+', 't-ca-'],
      ['r-ca+', 'r-cd+', 't-ad-'],
      ['r-bc+', 'r-cd+', 't-bd-'],
    ]);
  });

  it('weighs each at C3: a·b·c becomes balanced, a·c·d stays unbalanced, b·c·d is no longer a triad', () => {
    expect(triads.triads.map((t) => [t.sensitivity.outcome, t.sensitivity.holds])).toEqual([
      ['balanced', false],
      ['unbalanced', true],
      ['not-a-triad', false],
    ]);
    expect(triads.triads[0]!.sensitivity.failing).toEqual([{ relationId: 't-ca', why: 'no-support-at-grade' }]);
    expect(triads.triads[1]!.sensitivity.failing).toEqual([]);
  });
});

describe('compared actors in a briefing', () => {
  it('gives the relation between them, what they share and what only one has', () => {
    expect(compared.actors).toEqual(['a', 'd']);
    expect(compared.between.map((r) => r.relationId)).toEqual(['t-ad']);
    expect(compared.shared.map((s) => [s.neighbour, s.ties.map((t) => [t.actor, t.relations.map((r) => r.relationId)])])).toEqual([
      ['b', [['a', ['r-ab']], ['d', ['t-bd']]]],
      ['c', [['a', ['r-ca', 't-ca']], ['d', ['r-cd']]]],
    ]);
    expect(compared.only.map((o) => [o.actor, o.neighbours.map((n) => n.neighbour)])).toEqual([['a', []], ['d', ['e', 'f']]]);
    // Degree counts relations (metrics/degree.ts): a takes part in r-ab, r-ca, t-ad, t-ca (4), d in r-cd, r-de, r-fd, t-ad,
    // t-bd (5); the others b 3, c 4, e 2, f 2, g 0, so d ranks 1 and a 2 (tied with c, competition ranks).
    expect(compared.metrics.find((m) => m.metric === 'degree')!.values).toEqual([
      { actor: 'a', value: 4, rank: 2 },
      { actor: 'd', value: 5, rank: 1 },
    ]);
  });

  it('with three actors, also lists the neighbours some share but not all', () => {
    // b, c, e: between them r-bc; d is tied to all three (t-bd, r-cd, r-de); a to b and c only; f to e only.
    const three = findingOf(buildBrief({ dataset: DATA, evidence, sections: [{ kind: 'compare', comparison: ask({ type: 'compare', dataset: DATA, evidence, options: { actors: ['b', 'c', 'e'] } }) }] }, { date: '2026-12-02T12:00:00Z' }), 'compare')!;
    expect(three.between.map((r) => r.relationId)).toEqual(['r-bc']);
    expect(three.shared.map((n) => n.neighbour)).toEqual(['d']);
    expect(three.partly.map((n) => [n.neighbour, n.ties.map((t) => t.actor)])).toEqual([['a', ['b', 'c']]]);
    expect(three.only.map((o) => [o.actor, o.neighbours.map((n) => n.neighbour)])).toEqual([['b', []], ['c', []], ['e', ['f']]]);
    // At C3 b's only tie to d (t-bd, D4) goes: d is no longer shared.
    expect(three.sensitivity.lostShared).toEqual([{ neighbour: 'd', actors: ['b'] }]);
  });

  it('says it does not hold without claims below C3: d keeps no tie to b', () => {
    expect(compared.sensitivity).toEqual({ grade: 'C3', holds: false, failingBetween: [], lostShared: [{ neighbour: 'b', actors: ['d'] }] });
  });
});

describe('one footnote numbering over the whole briefing', () => {
  it('orders findings blocs, triads, compare whatever the order asked, and numbers claims in order of first citation', () => {
    expect(brief.findings.map((f) => f.kind)).toEqual(['blocs', 'triads', 'compare']);
    expect(brief.relations.map((r) => r.relation.id)).toEqual(['r-ab', 'r-bc', 'r-ca', 'r-de', 'r-ef', 'r-fd', 't-ca', 'r-cd', 't-ad', 't-bd']);
    expect(brief.footnotes.map((f) => f.n)).toEqual(brief.footnotes.map((_f, i) => i + 1));
    // r-ca has two claims: the supporting one first.
    expect(notesOf('r-ca')).toEqual([3, 4]);
    expect(brief.footnotes[2]!.claim.stance).toBe('supports');
    expect(brief.footnotes[3]!.claim.stance).toBe('disputes');
    expect(brief.footnotes).toHaveLength(11);
  });

  it('gives a relation cited by two findings the same note numbers in both', () => {
    const inBloc = blocs.blocs[0]!.ties.find((t) => t.relationId === 'r-ca')!.notes;
    const inTriad = triads.triads[1]!.relations.find((r) => r.relation.id === 'r-ca')!.notes;
    const inCompare = compared.shared[1]!.ties[0]!.relations.find((r) => r.relationId === 'r-ca')!.notes;
    expect(inBloc).toEqual([3, 4]);
    expect(inTriad).toEqual(inBloc);
    expect(inCompare).toEqual(inBloc);
  });

  it('refuses a briefing with no section, or one section twice', () => {
    expect(() => buildBrief({ dataset: DATA, evidence, sections: [] }, { date: '2026-12-02T12:00:00Z' })).toThrow(/no section asked/);
    expect(() => buildBrief({ dataset: DATA, evidence, sections: [sections[1]!, sections[1]!] }, { date: '2026-12-02T12:00:00Z' })).toThrow(/asked twice/);
  });
});

describe('the HTML of a briefing with several findings', () => {
  const html = briefHtml(brief);
  const doc = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(html, 'text/html');
  const text = (el: { textContent: string | null }) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('has one section per finding, no picture when none is given, and every reference resolves to a footnote', () => {
    expect(Array.from(doc.getElementsByTagName('h2')).map(text)).toEqual(['Question', 'Alliance blocs', 'Unbalanced triads', 'Compared actors', 'Evidence counted', 'How to read it', 'Claims']);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const notes = Array.from(doc.getElementsByTagName('li')).filter((li) => li.getAttribute('id')?.startsWith('fn-'));
    expect(notes).toHaveLength(11);
    const ids = new Set(notes.map((n) => `#${n.getAttribute('id')!}`));
    const refs = Array.from(doc.getElementsByTagName('a')).map((a) => a.getAttribute('href')!).filter((h) => h.startsWith('#'));
    for (const r of refs) expect(ids.has(r), r).toBe(true);
    // r-ca's notes 3 and 4 are cited from bloc 1, triad a·c·d and the comparison (shared neighbour c): three times each.
    expect(refs.filter((r) => r === '#fn-3')).toHaveLength(3);
  });

  it('writes a sensitivity line for every bloc, triad and the comparison, with the answers above', () => {
    const lines = Array.from(doc.getElementsByTagName('p')).filter((p) => p.getAttribute('class') === 'sensitivity').map(text);
    expect(lines).toEqual([
      'Does not hold without claims below C3: Louvain then finds 2 blocs (modularity 0.220); see each bloc below.',
      'Holds without claims below C3: the same bloc comes out.',
      'Does not hold without claims below C3: F has no such tie left.',
      'Does not hold without claims below C3: the three actors are then a balanced triad: C → A (threat) has no supporting claim at C3 or better.',
      'Holds without claims below C3: still an unbalanced triad.',
      'Does not hold without claims below C3: the three actors are then no longer a triad (a pair has no signed relation left): B → D (threat) has no supporting claim at C3 or better.',
      'Does not hold without claims below C3: B is no longer shared (D keeps no tie to it).',
    ]);
    expect(text(doc.getElementsByTagName('section')[0]!)).toContain('Alliance blocs: which actors cluster together along partner and supplier relations');
    expect(html).toContain('modularity <strong>0.357</strong>');
  });
});

describe('actorscope brief with --blocs, --triads and --compare', () => {
  const parse = (html: string) => new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(html, 'text/html');
  const headings = (html: string) => Array.from(parse(html).getElementsByTagName('h2')).map((h) => h.textContent);
  const files = () => new Map([['h.json', JSON.stringify(RAW)]]);

  it('writes the three findings without a path question, no picture, and says what it wrote', () => {
    const fs = files();
    const run = runWithFiles(main, fs, 'brief', 'h.json', '--blocs', '--triads', '--compare', 'a,d', '--out', 'b.html', '--date', '2026-12-02T12:00:00Z');
    expect(run.err).toContain('wrote b.html: 2 blocs, 3 unbalanced triads, 2 compared actors, 11 claims cited');
    expect(run.code).toBe(0);
    const html = fs.get('b.html')!;
    expect(headings(html)).toEqual(['Question', 'Alliance blocs', 'Unbalanced triads', 'Compared actors', 'Evidence counted', 'How to read it', 'Claims']);
    // The same content as the briefing built from the core's answers above.
    expect(html).toBe(briefHtml(brief));
  });

  it('adds the path question and its picture when --from and --to are given with another finding', () => {
    const fs = files();
    const run = runWithFiles(main, fs, 'brief', 'h.json', '--from', 'a', '--to', 'e', '--preset', 'any', '--triads', '--out', 'b.html');
    expect(run.code).toBe(0);
    expect(headings(fs.get('b.html')!)).toEqual(['Picture', 'Question', 'Paths', 'Unbalanced triads', 'Evidence counted', 'How to read it', 'Claims']);
  });

  it('takes Louvain’s options for the blocs: --bloc-types threat finds the threat bloc', () => {
    const run = runWithFiles(main, files(), 'brief', 'h.json', '--blocs', '--bloc-types', 'threat', '--date', '2026-12-02T12:00:00Z');
    expect(run.code).toBe(0);
    // The threats a→d, b→d, c→a join a, b, c, d; the partners are not asked.
    expect(run.out).toContain('along threat relations');
    expect(run.out).not.toContain('r-ab');
  });

  it('refuses no finding, half a path question, path options without one, and a bad --compare as usage errors', () => {
    const fs = files();
    const none = runWithFiles(main, fs, 'brief', 'h.json');
    expect(none.code).toBe(2);
    expect(none.err).toContain('brief needs a finding to write: the path question (--from A --to B), --blocs, --triads or --compare A,B');
    expect(runWithFiles(main, fs, 'brief', 'h.json', '--from', 'a', '--triads').err).toContain('--to');
    expect(runWithFiles(main, fs, 'brief', 'h.json', '--triads', '--k', '3').err).toContain('--k goes with the path question (--from and --to)');
    expect(runWithFiles(main, fs, 'brief', 'h.json', '--triads', '--resolution', '2').err).toContain('--resolution goes with --blocs');
    expect(runWithFiles(main, fs, 'brief', 'h.json', '--compare', 'a').err).toContain('--compare needs 2 to 6 actor ids, not 1');
    expect(runWithFiles(main, fs, 'brief', 'h.json', '--compare', 'a,a').err).toContain('--compare: "a" is given twice');
    const unknown = runWithFiles(main, fs, 'brief', 'h.json', '--compare', 'a,zz');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('zz');
  });
});
