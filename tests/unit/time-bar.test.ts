/**
 * The time window as the explorer sets it: the time bar's arithmetic
 * (src/time/time-scale.ts), `window=` in links, the state's window, and the
 * worker's requests answered in the window (graph/protocol.ts windows the
 * dataset before the filter and the evidence setting). The dataset is made by
 * hand; every expected value is read off it.
 */
import { describe, expect, it } from 'vitest';
import { buildBrief, claimsPerYear, parseWindow, restore, windowText, type Dataset } from '../../graph';
import { handle } from '../../graph/protocol';
import { initialState, reduce } from '../../src/state/app-state';
import { onGraph } from '../../src/state/on-graph';
import { applyUrlView, readUrlView, writeUrlView } from '../../src/state/url-state';
import { moveWindow, playStep, resizeWindow, windowOf, yearAt, yearSpan, yearsOf } from '../../src/time/time-scale';

const claim = (date: string, quote: string) => ({ quote, date, assertedBy: 'file', stance: 'supports', grade: 'B2', source: 'rows.csv' });
// A supplies C from 2001 to 2003; B supplies C in 2010 only; A threatens B in 2005 and 2010.
const r = restore({
  format: 'actorscope',
  version: 1,
  meta: { title: 'Dated by hand' },
  actors: ['A', 'B', 'C'].map((id) => ({ id, name: id, kind: 'state' })),
  relations: [
    { id: 'ac', source: 'A', target: 'C', type: 'supplier', claims: [claim('2001', 'A,C,2001'), claim('2002', 'A,C,2002'), claim('2003', 'A,C,2003')] },
    { id: 'bc', source: 'B', target: 'C', type: 'supplier', claims: [claim('2010', 'B,C,2010')] },
    { id: 'ab', source: 'A', target: 'B', type: 'threat', claims: [claim('2005', 'A,B,2005'), claim('2010', 'A,B,2010')] },
  ],
});
if (!r.ok) throw new Error(JSON.stringify(r.problems));
const dataset: Dataset = r.dataset;
const span = { first: 2001, last: 2010 };

describe('the time bar in years', () => {
  it('spans the years of the dated claims; a single year is nothing to slide', () => {
    expect(yearSpan(claimsPerYear(dataset))).toEqual(span);
    expect(yearSpan(new Map([[2023, 31]]))).toBeNull();
    expect(yearSpan(new Map())).toBeNull();
  });

  it('reads a window in years, open ends at the span ends, all time as the whole span', () => {
    expect(yearsOf(null, span)).toEqual({ from: 2001, to: 2010 });
    expect(yearsOf({ from: '2004', to: '2006' }, span)).toEqual({ from: 2004, to: 2006 });
    expect(yearsOf({ from: '2004-06-01' }, span)).toEqual({ from: 2004, to: 2010 });
    expect(yearsOf({ from: '1990', to: '2050' }, span)).toEqual({ from: 2001, to: 2010 });
    expect(windowOf({ from: 2004, to: 2006 }, true)).toEqual({ from: '2004', to: '2006', datedOnly: true });
  });

  it('moves a window with its width, stopping at the ends; resizes one end without passing the other', () => {
    expect(moveWindow({ from: 2002, to: 2004 }, 3, span)).toEqual({ from: 2005, to: 2007 });
    expect(moveWindow({ from: 2002, to: 2004 }, 30, span)).toEqual({ from: 2008, to: 2010 });
    expect(moveWindow({ from: 2002, to: 2004 }, -30, span)).toEqual({ from: 2001, to: 2003 });
    expect(resizeWindow({ from: 2002, to: 2004 }, 'from', 2006, span)).toEqual({ from: 2004, to: 2004 });
    expect(resizeWindow({ from: 2002, to: 2004 }, 'to', 2009, span)).toEqual({ from: 2002, to: 2009 });
    expect(resizeWindow({ from: 2002, to: 2004 }, 'to', 1999, span)).toEqual({ from: 2002, to: 2002 });
  });

  it('plays a year at a time and stops at the end', () => {
    expect(playStep({ from: 2001, to: 2002 }, span)).toEqual({ from: 2002, to: 2003 });
    expect(playStep({ from: 2009, to: 2010 }, span)).toBeNull();
  });

  it('finds the year under the pointer: ten years over 100 px, 10 px each', () => {
    expect(yearAt(0, 100, span)).toBe(2001);
    expect(yearAt(9.9, 100, span)).toBe(2001);
    expect(yearAt(10, 100, span)).toBe(2002);
    expect(yearAt(99.9, 100, span)).toBe(2010);
    expect(yearAt(500, 100, span)).toBe(2010);
    expect(yearAt(-5, 100, span)).toBe(2001);
  });
});

describe('a window in text', () => {
  it('reads FROM..TO, open ends, and a single date as "as of"', () => {
    expect(parseWindow('2008..2012')).toEqual({ ok: true, window: { from: '2008', to: '2012' } });
    expect(parseWindow('2015..')).toEqual({ ok: true, window: { from: '2015' } });
    expect(parseWindow('..2020-06')).toEqual({ ok: true, window: { to: '2020-06' } });
    expect(parseWindow('2015')).toEqual({ ok: true, window: { from: '2015', to: '2015' } });
    expect(windowText({ from: '2015', to: '2015' })).toBe('at 2015');
    expect(windowText({ from: '2008', to: '2012', datedOnly: true })).toBe('2008..2012, dated claims only');
  });

  it('refuses what is not a window, saying why', () => {
    expect(parseWindow('2012..2008')).toEqual({ ok: false, message: '2012 is after 2008' });
    expect(parseWindow('spring..2008')).toMatchObject({ ok: false, message: expect.stringContaining('"spring" is not a date') });
    expect(parseWindow('..')).toMatchObject({ ok: false });
    expect(parseWindow('2008-13')).toMatchObject({ ok: false });
  });
});

describe('the window in the state and the link', () => {
  it('round-trips a range, "as of" and dated claims only; all time leaves the link as it was', () => {
    const base = initialState(dataset);
    expect(writeUrlView(base, {})).toBe('');
    for (const window of [{ from: '2002', to: '2004' }, { from: '2005', to: '2005' }, { from: '2002', to: '2004', datedOnly: true }, { datedOnly: true }]) {
      const s = reduce(base, { type: 'timeWindow', window });
      const back = applyUrlView(initialState(dataset), readUrlView(writeUrlView(s, {})));
      expect(back.timeWindow).toEqual(window);
    }
    expect(writeUrlView(reduce(base, { type: 'timeWindow', window: { from: '2005', to: '2005' } }), {})).toBe('?window=2005');
    expect(reduce(reduce(base, { type: 'timeWindow', window: { from: '2005' } }), { type: 'timeWindow', window: null }).timeWindow).toBeNull();
    expect(reduce(base, { type: 'timeWindow', window: {} }).timeWindow).toBeNull();
  });

  it('ignores a window a link cannot mean', () => {
    expect(readUrlView('?window=2012..2008').window).toBeUndefined();
    expect(readUrlView('?window=soon').window).toBeUndefined();
  });
});

describe('requests answered in the window', () => {
  const ask = { dataset, filter: {}, evidence: { contested: 'exclude' as const } };

  it('metrics count only the relations with a claim in the window', () => {
    const all = handle({ type: 'metrics', ...onGraph(ask), metrics: ['outDegree'] });
    const early = handle({ type: 'metrics', ...onGraph({ ...ask, window: { from: '2001', to: '2004' } }), metrics: ['outDegree'] });
    if (!all.ok || !early.ok) throw new Error('metrics failed');
    const out = (res: typeof all, id: string) => (res.ok ? res.result.actors.find((a) => a.id === id)!.outDegree : null);
    // All time: A supplies C and threatens B (2), B supplies C (1). 2001–2004: only A supplies C.
    expect([out(all, 'A'), out(all, 'B')]).toEqual([2, 1]);
    expect([out(early, 'A'), out(early, 'B')]).toEqual([1, 0]);
  });

  it('paths exist in one window and not in another, and the hops carry the window\'s claims', () => {
    const query = { from: 'A', to: 'C', types: ['supplier' as const, 'threat' as const], directed: true, k: 3 };
    const in2010 = handle({ type: 'paths', ...onGraph({ ...ask, window: { from: '2010', to: '2010' } }), query });
    const in2005 = handle({ type: 'paths', ...onGraph({ ...ask, window: { from: '2005', to: '2005' } }), query });
    if (!in2010.ok || !in2005.ok) throw new Error('paths failed');
    // 2010: A threatens B, B supplies C (A→C's claims are all 2001–2003). 2005: A→B only, no way on to C.
    expect(in2010.result.map((p) => p.actors)).toEqual([['A', 'B', 'C']]);
    expect(in2005.result).toEqual([]);
  });

  it('all time sends no window key, so a request asks what it asked before windows', () => {
    expect('window' in onGraph({ ...ask, window: null })).toBe(false);
    expect(onGraph({ ...ask, window: { from: '2001' } }).window).toEqual({ from: '2001' });
  });

  it('the briefing says its window and cites the claims in it', () => {
    const sections = [{ kind: 'paths' as const, question: { from: 'A', to: 'C', label: 'Chosen types', types: ['supplier' as const, 'threat' as const], directed: true, k: 3 }, paths: [] }];
    const brief = buildBrief({ dataset, evidence: ask.evidence, window: { from: '2010', to: '2010' }, sections }, { date: '2026-12-02' });
    expect(brief.time).toBe('Time window at 2010: 1 of 3 relations have no supporting claim in it and are left out; 1 claims of the others fall outside it; every claim in it is dated');
    expect(buildBrief({ dataset, evidence: ask.evidence, sections }, { date: '2026-12-02' }).time).toBeUndefined();
  });
});
