/**
 * What changed between two windows (graph/analysis/time-diff*.ts), on a
 * hand-made dated graph: before = 2008–2012, after = 2017–2021. Every
 * expected value is worked out by hand below from the rules in those files;
 * claims are one B2 claim each (confidence 0.64, evidence.ts).
 *
 * Relations (dataset order; the years of their claims):
 *   ab   a partner b 2010            | ba   b threat a 2019        → type change + → −
 *   cd-s c supplier d 2010           | cd-p c partner d 2018      → type change, sign stays +
 *   ef   e supplier f 2010 (weight 5), 2019 (weight 9)            → evidence change, weight 5 → 9
 *   ac   a partner c 2019 (added)    | de   d threat e 2011 (removed)
 *   bc   b partner c 2010, 2019      | ce   c partner e 2010, 2019 (both windows, unchanged)
 *   fb   f suspected-supporter b 2019 (added)
 *   gh, ij partner 2010, 2019; gi gj hi hj partner 2019 (added)  → {g,h} and {i,j} merge
 *   no, pq partner 2010, 2019; np nq op oq partner 2010 (removed) → {n,o,p,q} splits
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { diffWindows } from '../../graph/analysis/time-diff';
import { runDiff } from '../../graph/cli/diff';
import { handle } from '../../graph/protocol';
import type { Claim, Dataset, Relation, RelationType } from '../../graph/model/types';
import { runWithFiles } from '../support/run-command';

const claim = (date: string, extra: Partial<Claim> = {}): Claim => ({ quote: `row ${date}`, sourceId: 's', locator: { row: Number(date) - 2000 }, assertedBy: 'x', stance: 'supports', grade: 'B2', date, ...extra });
const rel = (id: string, source: string, target: string, type: RelationType, ...claims: Claim[]): Relation => ({ id, source, target, type, claims });
const ids = 'abcdefghijnopq'.split('');

export const DATED: Dataset = {
  format: 'actorscope', version: 2, meta: { title: 'dated changes' }, sources: [{ id: 's', title: 'S' }],
  actors: ids.map((id) => ({ id, name: id.toUpperCase(), kind: 'state', aliases: [] })),
  relations: [
    rel('ab', 'a', 'b', 'partner', claim('2010')),
    rel('ba', 'b', 'a', 'threat', claim('2019')),
    rel('cd-s', 'c', 'd', 'supplier', claim('2010')),
    rel('cd-p', 'c', 'd', 'partner', claim('2018')),
    rel('ef', 'e', 'f', 'supplier', claim('2010', { weight: 5 }), claim('2019', { weight: 9 })),
    rel('ac', 'a', 'c', 'partner', claim('2019')),
    rel('de', 'd', 'e', 'threat', claim('2011')),
    rel('bc', 'b', 'c', 'partner', claim('2010'), claim('2019')),
    rel('ce', 'c', 'e', 'partner', claim('2010'), claim('2019')),
    rel('fb', 'f', 'b', 'suspected-supporter', claim('2019')),
    rel('gh', 'g', 'h', 'partner', claim('2010'), claim('2019')),
    rel('ij', 'i', 'j', 'partner', claim('2010'), claim('2019')),
    ...['gi', 'gj', 'hi', 'hj'].map((p) => rel(p, p[0]!, p[1]!, 'partner', claim('2019'))),
    rel('no', 'n', 'o', 'partner', claim('2010'), claim('2019')),
    rel('pq', 'p', 'q', 'partner', claim('2010'), claim('2019')),
    ...['np', 'nq', 'op', 'oq'].map((p) => rel(p, p[0]!, p[1]!, 'partner', claim('2010'))),
  ],
};

const BEFORE = { from: '2008', to: '2012' };
const AFTER = { from: '2017', to: '2021' };
const diff = diffWindows(DATED, BEFORE, AFTER, { evidence: { ...DEFAULT_EVIDENCE } });

describe('relations between two windows', () => {
  it('lists the added and removed, and does not list a type change as either', () => {
    expect(diff.added.map((r) => r.id)).toEqual(['ac', 'fb', 'gi', 'gj', 'hi', 'hj']);
    expect(diff.removed.map((r) => r.id)).toEqual(['de', 'np', 'nq', 'op', 'oq']);
    // Each with its window's claims: de's 2011 row, ac's 2019 one.
    expect(diff.removed[0]!.claims.map((c) => c.quote)).toEqual(['row 2011']);
    expect(diff.added[0]!.claims.map((c) => c.quote)).toEqual(['row 2019']);
  });

  it('matches a pair whose relation changed type by the unordered pair, with the sign, then the evidence changes', () => {
    const changes = diff.changed.map((c) => [c.id, c.kind, c.signChanged, c.before.id, c.before.type, c.before.sign, c.after.type, c.after.sign]);
    expect(changes).toEqual([
      // a partner b (2010) → b threat a (2019): the direction flipped as well; matched by {a, b}.
      ['ba', 'type', true, 'ab', 'partner', 1, 'threat', -1],
      // supplier → partner: both cooperation, the sign stays +.
      ['cd-p', 'type', false, 'cd-s', 'supplier', 1, 'partner', 1],
      ['ef', 'evidence', false, 'ef', 'supplier', 1, 'supplier', 1],
    ]);
    const ef = diff.changed[2]!;
    // One B2 claim in each window: confidence 0.64 both; the weight is the window's sum, 5 then 9.
    expect([ef.before.confidence, ef.after.confidence, ef.before.weight, ef.after.weight]).toEqual([expect.closeTo(0.64, 12), expect.closeTo(0.64, 12), 5, 9]);
    expect([diff.changed[0]!.before.claims.map((c) => c.date), diff.changed[0]!.after.claims.map((c) => c.date)]).toEqual([['2010'], ['2019']]);
  });
});

describe('ranks between two windows', () => {
  it('says who rose and fell by degree, and by which of its relations', () => {
    // Degree = distinct neighbours. Before: c e n o p q 3 (rank 1), b d 2 (rank 7), a f g h i j 1 (rank 9).
    // After: c 4 (1); b g h i j 3 (2); a e f 2 (7); d n o p q 1 (10).
    // Moves: n o p q 1 → 10 (9); g h i j 9 → 2 (7); e 1 → 7 (6); b 7 → 2 (5); d 7 → 10 (3); a f 9 → 7 (2); c stays 1.
    expect(diff.ranks.map((r) => [r.actor, r.before.rank, r.after.rank])).toEqual([
      ['n', 1, 10], ['o', 1, 10], ['p', 1, 10], ['q', 1, 10],
      ['g', 9, 2], ['h', 9, 2], ['i', 9, 2], ['j', 9, 2],
      ['e', 1, 7], ['b', 7, 2], ['d', 7, 10], ['a', 9, 7], ['f', 9, 7],
    ]);
    // a: ac added, and ab → ba changed (listed under the later id).
    expect(diff.ranks.find((r) => r.actor === 'a')!.relations).toEqual(['ac', 'ba']);
  });
});

describe('blocs between two windows', () => {
  it('finds the bloc that split and the two that merged, with the ties between the parts', () => {
    // Partner + supplier ties, m = 13 in each window (5 among a–f, 2 + 6 among g–q before; 5, 6 + 2 after).
    // (Brute force over a–f's 203 partitions with networkx's modularity, the rest fixed, gives the same.)
    // a–f stay one bloc in both: with m = 13 the whole component scores 5/13 − 10²/676 = 0.2367, above
    // {a,b,c,d}{e,f} (4/13 − (7² + 3²)/676 = 0.2219) and {a,b}{c,d}{e,f} before (3/13 − (3² + 4² + 3²)/676 = 0.1805).
    // {n,o,p,q}: K4 before (6/13 − 12²/676 = 0.2485 against two pairs' 2/13 − 2·6²/676 = 0.0473), two pairs after.
    // {g,h} and {i,j}: unconnected before, K4 after.
    expect(diff.blocs.before.communities).toEqual([['A', 'B', 'C', 'D', 'E', 'F'].map((x) => x.toLowerCase()), ['n', 'o', 'p', 'q'], ['g', 'h'], ['i', 'j']]);
    expect(diff.blocs.changes.map((c) => [c.kind, c.bloc, c.parts, c.vanished.map((r) => r.id), c.appeared.map((r) => r.id), c.kept])).toEqual([
      ['split', ['n', 'o', 'p', 'q'], [['n', 'o'], ['p', 'q']], ['np', 'nq', 'op', 'oq'], [], 0],
      ['merged', ['g', 'h', 'i', 'j'], [['g', 'h'], ['i', 'j']], [], ['gi', 'gj', 'hi', 'hj'], 0],
    ]);
  });
});

describe('unbalanced triads between two windows', () => {
  it('finds the triad that appeared and the one that vanished, by their three actors', () => {
    // After: A–B − (ba), B–C + (bc), C–A + (ac): product −, unbalanced; before A–C was missing (open).
    // Before: C–D + (cd-s), D–E − (de), E–C + (ce): unbalanced; after D–E is gone (open).
    expect(diff.triads.changes.map((t) => [t.kind, t.actors, t.other, t.relations.map((r) => r.id), t.otherRelations.map((r) => r.id)])).toEqual([
      ['appeared', ['a', 'b', 'c'], 'open', ['ba', 'bc', 'ac'], ['ab', 'bc']],
      ['vanished', ['c', 'd', 'e'], 'open', ['cd-s', 'de', 'ce'], ['cd-p', 'ce']],
    ]);
    expect([diff.triads.before, diff.triads.after, diff.triads.appeared, diff.triads.vanished]).toEqual([1, 1, 1, 1]);
  });
});

describe('threat paths between two windows', () => {
  it('lists the pairs a threat chain joins within 3 hops in one window only, shortest first', () => {
    // Threat-chain arcs before: d → e. After: b → a (threat), f → b (suspected supporter).
    // Appeared: B → A and F → B (1 hop, by target name), F → A (2 hops, via B). Vanished: D → E.
    expect(diff.paths.changes.map((p) => [p.kind, p.from, p.to, p.path.actors, p.relations.map((r) => r.id)])).toEqual([
      ['appeared', 'b', 'a', ['b', 'a'], ['ba']],
      ['appeared', 'f', 'b', ['f', 'b'], ['fb']],
      ['appeared', 'f', 'a', ['f', 'b', 'a'], ['fb', 'ba']],
      ['vanished', 'd', 'e', ['d', 'e'], ['de']],
    ]);
    expect([diff.paths.appeared, diff.paths.vanished, diff.paths.maxHops]).toEqual([3, 1, 3]);
  });

  it('caps the lists and says how many there were', () => {
    const capped = diffWindows(DATED, BEFORE, AFTER, { evidence: { ...DEFAULT_EVIDENCE }, limit: 1 });
    expect(capped.paths.changes.map((p) => [p.from, p.to])).toEqual([['b', 'a'], ['d', 'e']]);
    expect([capped.paths.appeared, capped.paths.limit]).toEqual([3, 1]);
  });
});

describe('the diff request and the CLI', () => {
  it('handle() answers diff on the filtered dataset, each window weighed after the filter', () => {
    // Without threats, b → a and d → e are gone: ab is then removed (no type change to match it), and of the
    // threat paths only f → b (a suspected supporter) is left.
    const response = handle({ type: 'diff', dataset: DATED, filter: { relationTypes: ['partner', 'supplier', 'suspected-supporter'] }, evidence: { ...DEFAULT_EVIDENCE }, options: { before: BEFORE, after: AFTER } });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.result.removed.map((r) => r.id)).toEqual(['ab', 'np', 'nq', 'op', 'oq']);
    expect(response.result.changed.map((c) => c.id)).toEqual(['cd-p', 'ef']);
    expect(response.result.paths.changes.map((p) => [p.kind, p.from, p.to])).toEqual([['appeared', 'f', 'b']]);
    expect(handle({ type: 'diff', dataset: DATED, evidence: { ...DEFAULT_EVIDENCE }, options: { before: BEFORE, after: AFTER } })).toEqual({ ok: true, result: diff });
  });

  const files = new Map([['dated.json', JSON.stringify(DATED)]]);

  it('diff --json keeps the issue\'s shape and adds blocs, triads and paths', () => {
    const run = runWithFiles(runDiff, files, 'dated.json', '--before', '2008..2012', '--after', '2017..2021', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as Record<string, unknown> & { added: Array<Record<string, unknown>>; changed: Array<Record<string, unknown>>; ranks: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['before', 'after', 'added', 'removed', 'changed', 'ranks', 'blocs', 'triads', 'paths']);
    expect(out.added[0]).toMatchObject({ id: 'ac', source: 'a', target: 'c', type: 'partner' });
    expect(out.changed[0]).toMatchObject({ id: 'ba', before: { id: 'ab', type: 'partner' }, after: { id: 'ba', type: 'threat' } });
    expect(out.ranks[0]).toMatchObject({ actor: 'n', metric: 'degree', before: { rank: 1 }, after: { rank: 10 } });
    expect(JSON.parse(run.out)).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it('diff lists each change with its claims: quote, grade, date and row', () => {
    const run = runWithFiles(runDiff, files, 'dated.json', '--before', '2008..2012', '--after', '2017..2021');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const at = (text: string) => lines.indexOf(text);
    expect(lines[0]).toBe('dated.json: 2008..2012 → 2017..2021');
    expect(lines.slice(at('Added (6):') + 1, at('Added (6):') + 3)).toEqual(['  ac  A partner C', '      + “row 2019” — x, B2 (2019, row 19)']);
    expect(lines.slice(at('Changed (3):') + 1, at('Changed (3):') + 6)).toEqual([
      '  B – A: partner (+) → threat (−), sign changed',
      '    before: ab  A partner B',
      '      + “row 2010” — x, B2 (2010, row 10)',
      '    after: ba  B threat A',
      '      + “row 2019” — x, B2 (2019, row 19)',
    ]);
    expect(lines).toContain('  N: 1 → 10  ↓ 9  (its relations: np, nq)');
    expect(lines).toContain('  Split: N, O, P, Q into {N, O} {P, Q}');
    expect(lines).toContain('    ties between the parts: 4 vanished, 0 appeared, 0 held');
    expect(lines).toContain('  Appeared: A, B, C (before: not a triad)');
    expect(lines).toContain('  Appeared: F → B → A');
    expect(runWithFiles(runDiff, files, 'dated.json', '--before', '2008..2012', '--after', '2017..2021', '--limit', '0').code).toBe(2);
  });
});
