/**
 * Relations in time (graph/analysis/time-window.ts): the days a claim's date
 * or period means, a window's inclusive partial-date ends, undated claims held
 * always unless the window takes dated claims only, the dataset as it stands
 * in a window (the evidence then weighed on it), and a relation's weight as
 * the sum of its supporting claims' weights in the window. Every number below
 * is worked by hand from those rules and the evidence model's grades (B2 = 0.64).
 */
import { describe, expect, it } from 'vitest';
import { relationEvidence } from '../../graph/analysis/evidence';
import { DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { diffWindows } from '../../graph/analysis/time-diff';
import { claimInWindow, claimSpan, claimsPerYear, relationWeight, windowDataset } from '../../graph/analysis/time-window';
import { runDiff } from '../../graph/cli/diff';
import { runMetrics } from '../../graph/cli/metrics';
import type { Claim, Dataset, Relation } from '../../graph/model/types';
import { runWithFiles } from '../support/run-command';

const claim = (extra: Partial<Claim>): Claim => ({ quote: 'q', sourceId: 's', locator: {}, assertedBy: 'x', stance: 'supports', grade: 'B2', ...extra });

describe('a claim in time', () => {
  it('holds on every day its partial date or period can mean', () => {
    expect(claimSpan(claim({ date: '2023' }))).toEqual(['2023-01-01', '2023-12-31']);
    expect(claimSpan(claim({ date: '2024-02' }))).toEqual(['2024-02-01', '2024-02-29']);
    expect(claimSpan(claim({ period: { from: '2020-05' } }))).toEqual(['2020-05-01', null]);
    expect(claimSpan(claim({}))).toBeUndefined();
    expect(claimInWindow(claim({ date: '2023' }), { from: '2023-06', to: '2023-06' })).toBe(true);
    expect(claimInWindow(claim({ date: '2023' }), { from: '2024' })).toBe(false);
    expect(claimInWindow(claim({ period: { from: '2020' } }), { from: '2030', to: '2031' })).toBe(true);
    expect(claimInWindow(claim({ period: { to: '2019-05' } }), { from: '2019-05-31' })).toBe(true);
    expect(claimInWindow(claim({ period: { to: '2019-05' } }), { from: '2019-06' })).toBe(false);
    expect(claimInWindow(claim({}), { from: '1990', to: '1991' })).toBe(true);
    expect(claimInWindow(claim({}), { from: '1990', to: '1991', datedOnly: true })).toBe(false);
  });
});

describe('the dataset in a window', () => {
  const r1: Relation = { id: 'r1', source: 'a', target: 'b', type: 'supplier', claims: [claim({ date: '2010', weight: 5 }), claim({ date: '2011', weight: 7 }), claim({ date: '2015', weight: 11 }), claim({ date: '2011', stance: 'disputes', weight: 100 })] };
  const r2: Relation = { id: 'r2', source: 'b', target: 'c', type: 'threat', claims: [claim({ date: '2010' }), claim({ date: '2020', stance: 'disputes' })] };
  const r3: Relation = { id: 'r3', source: 'a', target: 'c', type: 'partner', claims: [] };
  const r4: Relation = { id: 'r4', source: 'c', target: 'a', type: 'partner', claims: [claim({})] };
  const dataset: Dataset = { format: 'actorscope', version: 2, meta: { title: 't' }, sources: [{ id: 's', title: 'S' }], actors: [], relations: [r1, r2, r3, r4] };

  it('keeps the relations with a supporting claim in it, with only their claims in it', () => {
    const { dataset: d, report } = windowDataset(dataset, { from: '2009', to: '2011' });
    expect(d.relations.map((r) => [r.id, r.claims.length])).toEqual([['r1', 3], ['r2', 1], ['r3', 0], ['r4', 1]]);
    expect(report).toEqual({ window: { from: '2009', to: '2011' }, relationsOut: [], claimsOut: 2, undated: 1 });
    // 2016–2021: r1's 2015 supply has ended, r2 has only its dispute: both out.
    const later = windowDataset(dataset, { from: '2016', to: '2021' });
    expect(later.dataset.relations.map((r) => r.id)).toEqual(['r3', 'r4']);
    expect(later.report.relationsOut).toEqual(['r1', 'r2']);
    expect(windowDataset(dataset, { datedOnly: true }).report.relationsOut).toEqual(['r3', 'r4']);
  });

  it('weighs the evidence within the window: contested over all time, believed in 2009–2011', () => {
    // All time: one B2 witness for, one against (the same asserter "x" counts once per stance): doubt 0.64 ≥ support 0.64.
    expect(relationEvidence(r2).contested).toBe(true);
    const windowed = windowDataset(dataset, { from: '2009', to: '2011' }).dataset.relations.find((r) => r.id === 'r2')!;
    const e = relationEvidence(windowed);
    expect([e.contested, e.confidence]).toEqual([false, expect.closeTo(0.64, 12)]);
  });

  it('sums the supporting claims’ weights in the window', () => {
    expect(relationWeight(r1, { from: '2010', to: '2011' })).toBe(12);
    expect(relationWeight(r1)).toBe(23);
    expect(relationWeight(r1, { from: '2016' })).toBeNull();
    expect(relationWeight(r2)).toBeNull();
  });

  it('takes a relation’s own numeric weight attribute when none of its claims carries a weight, in every window', () => {
    const own = { ...r2, attributes: { weight: 4.5 } };
    expect(relationWeight(own)).toBe(4.5);
    expect(relationWeight(own, { from: '1990', to: '1991' })).toBe(4.5);
    // Claims that carry weights win, even where none of them is in the window; a weight that is no number is none.
    expect(relationWeight({ ...r1, attributes: { weight: 99 } }, { from: '2016' })).toBeNull();
    expect(relationWeight({ ...r2, attributes: { weight: 'heavy' } })).toBeNull();
    expect(relationWeight({ ...r2, attributes: { weight: -1 } })).toBeNull();
  });

  it('counts the claims holding in each year, for the slider’s histogram', () => {
    expect([...claimsPerYear(dataset)]).toEqual([[2010, 2], [2011, 2], [2015, 1], [2020, 1]]);
  });
});

describe('what changed between two windows', () => {
  const c = (date: string, extra: Partial<Claim> = {}) => claim({ date, ...extra });
  const dated: Dataset = {
    format: 'actorscope', version: 2, meta: { title: 'dated' }, sources: [{ id: 's', title: 'S' }],
    actors: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), kind: 'state', aliases: [] })),
    relations: [
      { id: 'ab', source: 'a', target: 'b', type: 'supplier', claims: [c('2010', { weight: 5 }), c('2019', { weight: 9 })] },
      { id: 'ac', source: 'a', target: 'c', type: 'supplier', claims: [c('2018', { weight: 3 })] },
      { id: 'db', source: 'd', target: 'b', type: 'threat', claims: [c('2011')] },
      { id: 'bc', source: 'b', target: 'c', type: 'partner', claims: [c('2010'), c('2020')] },
    ],
  };

  it('lists the relations added, removed and changed (weight 5 → 9), each with its window’s claims, and the ranks that moved', () => {
    const d = diffWindows(dated, { from: '2008', to: '2012' }, { from: '2017', to: '2021' }, { evidence: { ...DEFAULT_EVIDENCE } });
    expect(d.added.map((r) => [r.id, r.claims.map((x) => x.date)])).toEqual([['ac', ['2018']]]);
    expect(d.removed.map((r) => [r.id, r.claims.map((x) => x.date)])).toEqual([['db', ['2011']]]);
    expect(d.changed.map((r) => [r.id, r.before.weight, r.after.weight])).toEqual([['ab', 5, 9]]);
    // Degree = distinct neighbours (the metrics' convention: parallel relations are one tie). 2008–2012: ab, db, bc → a 1, b 3, c 1, d 1:
    // ranks b 1, a c d 2. 2017–2021: ab, ac, bc → a 2, b 2, c 2, d 0: ranks a b c 1, d 4. Moved: d by 2, then a and c by 1 (by id).
    expect(d.ranks.map((r) => [r.actor, r.before.rank, r.after.rank])).toEqual([['d', 2, 4], ['a', 2, 1], ['c', 2, 1]]);
  });
});

describe('the CLI in time', () => {
  const c = (date: string, extra: Partial<Claim> = {}) => claim({ date, ...extra });
  const file = JSON.stringify({
    format: 'actorscope', version: 2, meta: { title: 'dated' }, sources: [{ id: 's', title: 'S' }],
    actors: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), kind: 'state', aliases: [] })),
    relations: [
      { id: 'ab', source: 'a', target: 'b', type: 'supplier', claims: [c('2010', { weight: 5 }), c('2019', { weight: 9 })] },
      { id: 'ac', source: 'a', target: 'c', type: 'supplier', claims: [c('2018', { weight: 3 })] },
      { id: 'db', source: 'd', target: 'b', type: 'threat', claims: [c('2011')] },
    ],
  });
  const files = new Map([['dated.json', file]]);

  it('diff --before --after --json answers what changed; metrics --window runs on the window and says what it left out', () => {
    const run = runWithFiles(runDiff, files, 'dated.json', '--before', '2008..2012', '--after', '2017..2021', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { added: Array<{ id: string }>; removed: Array<{ id: string }>; changed: Array<{ id: string; before: { weight: number }; after: { weight: number } }> };
    expect([out.added.map((r) => r.id), out.removed.map((r) => r.id), out.changed.map((r) => [r.id, r.before.weight, r.after.weight])]).toEqual([['ac'], ['db'], [['ab', 5, 9]]]);
    const metrics = runWithFiles(runMetrics, files, 'dated.json', '--window', '2017..', '--metrics', 'degree', '--json');
    expect(metrics.err.split('\n').at(-1)).toBe('dated.json: window 2017..: 1 of 3 relations left out (no supporting claim in it); 1 claims outside it dropped');
    expect(runWithFiles(runMetrics, files, 'dated.json', '--window', '2020..2010').err).toMatch(/--window: 2020 is after 2010/);
    expect(runWithFiles(runMetrics, files, 'dated.json', '--window', '2017', '--at', '2018').code).toBe(2);
  });
});
