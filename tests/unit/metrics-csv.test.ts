/** The centrality table export: one row per actor, n/a as an empty cell, formulas neutralised. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeMetrics, restore } from '../../graph';
import { metricsToCsv } from '../../graph/io/csv/metrics';

const r = restore({
  format: 'actorscope',
  version: 1,
  meta: { title: 't' },
  actors: [
    { id: '=cmd', name: '=HYPERLINK("http://x.test")', kind: 'state' },
    { id: 'b', name: 'Beta, "quoted"', kind: 'state' },
    { id: 'c', name: '@c', kind: 'state' },
  ],
  relations: [
    { id: 'r1', source: '=cmd', target: 'b', type: 'threat', claims: [] },
    { id: 'r2', source: 'b', target: 'c', type: 'threat', claims: [] },
  ],
});
if (!r.ok) throw new Error('fixture');

describe('metricsToCsv', () => {
  it('writes every metric for every actor, neutralising formula cells', () => {
    const result = computeMetrics(r.dataset);
    const csv = metricsToCsv(result);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['id', 'name', 'degree', 'inDegree', 'outDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'hub', 'authority']);
    expect(rows).toHaveLength(4);
    expect(rows[1]![0]).toBe("'=cmd");
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://x.test")');
    expect(rows[2]![1]).toBe('Beta, "quoted"');
    expect(rows[3]![1]).toBe("'@c");
    // b lies on the only path =cmd → b → c: betweenness 1/((3−1)(3−2)) = 0.5.
    expect(Number(rows[2]![5])).toBe(0.5);
    // Eigenvector is n/a on this acyclic graph: an empty cell, not "null" or NaN.
    expect(rows[2]![7]).toBe('');
  });
});
