/**
 * Centrality over time (graph/analysis/timeline.ts) on a hand-made dated
 * dataset. The expected out-degrees are counted by hand from the rules of
 * time-window.ts (a claim dated 2011 holds in 2011 only, a period over its
 * years, an undated claim and a claimless relation always) and degree.ts
 * (a partner relation counts for both actors in in- and out-degree); the
 * contested relation r6 (one B2 claim for, one B2 against: doubt ≥ support)
 * counts only under `evidence: all`. Every other metric is checked against a
 * direct computeMetrics call on the same window.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ALL_EVIDENCE, DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { computeMetrics } from '../../graph/analysis/metrics';
import { computeTimeline } from '../../graph/analysis/timeline';
import { windowDataset } from '../../graph/analysis/time-window';
import { timelineToCsv } from '../../graph/io/csv/timeline';
import { DATED } from '../fixtures/analysis/dated-timeline';

const outDegree = (options: Partial<Parameters<typeof computeTimeline>[1]> = {}) =>
  computeTimeline(DATED, { actors: ['a', 'b', 'c', 'd'], metric: 'outDegree', evidence: DEFAULT_EVIDENCE, ...options });

describe('centrality over time: known answers', () => {
  it('gives the out-degree per year of the dated span, undated claims and claimless relations in every year', () => {
    const t = outDegree();
    expect(t.years).toEqual([2010, 2011, 2012]);
    expect(t.windows).toEqual([{ from: '2010', to: '2010' }, { from: '2011', to: '2011' }, { from: '2012', to: '2012' }]);
    // 2010: r1 r3 r4 r8; 2011: r2 r3 r4 r8 (r6 contested); 2012: r1 r4 r5 r7 r8.
    expect(t.series).toEqual([
      { actor: 'a', name: 'A', values: [2, 2, 3] },
      { actor: 'b', name: 'B', values: [1, 1, 0] },
      { actor: 'c', name: 'C', values: [1, 1, 2] },
      { actor: 'd', name: 'D', values: [1, 1, 1] },
    ]);
    expect([t.undated, t.undatedRelations]).toEqual([1, 1]);
    expect(t.evidence).toEqual({ setting: DEFAULT_EVIDENCE, leftOut: { contested: ['r6'], belowGrade: [], belowConfidence: [] } });
    expect(t.conventions.outDegree).toMatch(/raw count/);
    expect(t.weighted).toBe(false);
  });

  it('counts the contested relation under evidence all, in its year only', () => {
    const t = outDegree({ evidence: ALL_EVIDENCE });
    expect(t.series.find((s) => s.actor === 'b')!.values).toEqual([1, 2, 0]);
    expect(t.evidence!.leftOut.contested).toEqual([]);
  });

  it('slides a window of two years: each year with the one before', () => {
    const t = outDegree({ span: 2 });
    expect(t.windows.map((w) => `${w.from}..${w.to}`)).toEqual(['2009..2010', '2010..2011', '2011..2012']);
    // 2010–2011: r1 r2 r3 r4 r8 (r6 still contested); 2011–2012: r1 r2 r3 r4 r5 r7 r8.
    expect(t.series.map((s) => s.values)).toEqual([[2, 3, 4], [1, 1, 1], [1, 1, 2], [1, 1, 1]]);
  });

  it('keeps to from..to, the end years cut at the dates given', () => {
    const t = outDegree({ from: '2011', to: '2012-02' });
    expect(t.years).toEqual([2011, 2012]);
    expect(t.windows).toEqual([{ from: '2011', to: '2011' }, { from: '2012', to: '2012-02' }]);
    // Until February 2012: r1 and r7 (dated 2012: every day of it) hold; r5 (2012-03-04) does not.
    expect(t.series.map((s) => s.values)).toEqual([[2, 3], [1, 0], [1, 1], [1, 1]]);
    expect(outDegree({ from: '2030' }).years).toEqual([]);
    expect(outDegree({ from: '2030' }).series[0]!.values).toEqual([]);
  });

  it('leaves the undated out with datedOnly', () => {
    const t = outDegree({ datedOnly: true });
    // Without r4 (undated claim) and r8 (no claim).
    expect(t.series.map((s) => s.values)).toEqual([[1, 1, 2], [1, 1, 0], [0, 0, 1], [0, 0, 0]]);
    expect([t.undated, t.undatedRelations]).toEqual([0, 0]);
  });

  it('gives null for an actor the filter hides, and refuses unknown actors and bad options', () => {
    const t = outDegree({ filter: { actorKinds: ['state'] } });
    expect(t.series.find((s) => s.actor === 'd')!.values).toEqual([null, null, null]);
    // Without d, a loses r4 (2010, 2011) and r4, r7 (2012).
    expect(t.series.find((s) => s.actor === 'a')!.values).toEqual([1, 1, 1]);
    expect(t.undated).toBe(0);
    expect(() => outDegree({ actors: ['zz'] })).toThrow(/unknown actor "zz"/);
    expect(() => outDegree({ span: 0 })).toThrow(/span/);
    expect(() => outDegree({ from: '2012', to: '2011' })).toThrow(/after/);
    expect(() => outDegree({ from: '20x1' })).toThrow(/not a date/);
  });
});

describe('centrality over time: each year as computeMetrics gives it', () => {
  it('matches a direct computeMetrics call per window, weighted, on a network, undirected', () => {
    const common = { evidence: DEFAULT_EVIDENCE, network: 'cooperation' as const, weighted: true, undirected: true };
    for (const metric of ['pagerank', 'degree', 'betweenness', 'eigenvector'] as const) {
      const t = computeTimeline(DATED, { ...common, actors: ['a', 'b', 'c'], metric, span: 2 });
      t.windows.forEach((w, i) => {
        const direct = computeMetrics(windowDataset(DATED, w).dataset, { ...common, metrics: [metric] });
        for (const s of t.series) expect(s.values[i]).toBe(direct.actors.find((x) => x.id === s.actor)![metric]);
      });
      expect(t.conventions[metric]).toBe(computeMetrics(DATED, { ...common, metrics: [metric] }).conventions[metric]);
      expect(t.network.network).toBe('cooperation');
    }
  });
});

describe('timelineToCsv', () => {
  it('writes one row a year and one column an actor, n/a empty, formula cells neutralised, shared names told apart', () => {
    const named: typeof DATED = { ...DATED, actors: DATED.actors.map((a) => (a.id === 'a' ? { ...a, name: '=HYPERLINK("http://x.test")' } : a.id === 'd' ? { ...a, name: 'B' } : a)) };
    const t = computeTimeline(named, { actors: ['a', 'b', 'd'], metric: 'outDegree', evidence: DEFAULT_EVIDENCE, filter: { actorKinds: ['state'] } });
    const rows = Papa.parse<string[]>(timelineToCsv(t), { skipEmptyLines: true }).data;
    // d is hidden by the filter: empty cells. a's values as in the filtered test above.
    expect(rows).toEqual([
      ['year', '\'=HYPERLINK("http://x.test")', 'B (b)', 'B (d)'],
      ['2010', '1', '1', ''],
      ['2011', '1', '1', ''],
      ['2012', '1', '0', ''],
    ]);
  });
});
