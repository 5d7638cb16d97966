/** Links carry the view: state → search string → state gives the same view; nonsense in a link is ignored. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE, restore } from '../../graph';
import { DEFAULT_PATH_QUERY, initialState, reduce, type PathQueryState } from '../../src/state/app-state';
import { applyUrlView, readUrlView, writeUrlView } from '../../src/state/url-state';

const r = restore({
  format: 'actorscope',
  version: 1,
  meta: { title: 't' },
  actors: [
    { id: 'a', name: 'A', kind: 'state' },
    { id: 'b b', name: 'B', kind: 'person' },
  ],
  relations: [{ id: 'r1', source: 'a', target: 'b b', type: 'threat', claims: [] }],
});
if (!r.ok) throw new Error('fixture');
const dataset = r.dataset;

describe('url state', () => {
  it('the default view makes an empty query (plus the workspace)', () => {
    expect(writeUrlView(initialState(dataset), {})).toBe('');
    expect(writeUrlView(initialState(dataset), { ws: 'w1' })).toBe('?ws=w1');
  });

  it('round-trips selection, filters, size metric, tab, layout and the path query', () => {
    let s = initialState(dataset);
    s = reduce(s, { type: 'select', selection: { kind: 'actor', id: 'b b' } });
    s = reduce(s, { type: 'toggleRelationType', relationType: 'supplier' });
    s = reduce(s, { type: 'toggleActorKind', kind: 'bloc' });
    s = reduce(s, { type: 'sizeBy', metric: 'pagerank' });
    s = reduce(s, { type: 'layout', layout: 'circle' });
    s = reduce(s, { type: 'pathQuery', query: { from: 'a', to: 'b b', preset: 'custom', types: ['threat', 'suspected-supporter'], directed: false, k: 7 } });
    s = reduce(s, { type: 'tab', tab: 'paths' });
    const search = writeUrlView(s, { data: 'https://example.org/x.json' });
    expect(search).toContain('data=https%3A%2F%2Fexample.org%2Fx.json');
    const view = readUrlView(search);
    expect(view.data).toBe('https://example.org/x.json');
    const back = applyUrlView(initialState(dataset), view);
    expect(back.selection).toEqual(s.selection);
    expect(back.hiddenRelationTypes).toEqual(['supplier']);
    expect(back.hiddenActorKinds).toEqual(['bloc']);
    expect(back.sizeBy).toBe('pagerank');
    expect(back.layout).toBe('circle');
    expect(back.tab).toBe('paths');
    expect(back.pathQuery).toEqual(s.pathQuery);
  });

  it('carries the path preset: the default writes nothing, a preset hides the chosen types, an old link with types is "Chosen types"', () => {
    const at = (query: Partial<PathQueryState>) => reduce(initialState(dataset), { type: 'pathQuery', query: { from: 'a', to: 'b b', ...query } });
    expect(new URLSearchParams(writeUrlView(at({}), {})).has('preset')).toBe(false);
    const cooperation = writeUrlView(at({ preset: 'cooperation', types: ['threat'], directed: false }), {});
    expect(new URLSearchParams(cooperation).get('preset')).toBe('cooperation');
    expect(new URLSearchParams(cooperation).has('types')).toBe(false);
    expect(applyUrlView(initialState(dataset), readUrlView(cooperation)).pathQuery.preset).toBe('cooperation');
    expect(readUrlView('?from=a&to=b&types=threat').path).toMatchObject({ preset: 'custom', types: ['threat'] });
    expect(readUrlView('?from=a&to=b&direction=any').path).toMatchObject({ preset: 'custom', directed: false });
    expect(applyUrlView(initialState(dataset), readUrlView('?from=a&to=b&preset=allies')).pathQuery.preset).toBe(DEFAULT_PATH_QUERY.preset);
    expect(DEFAULT_PATH_QUERY.preset).toBe('threat-chains');
  });

  it('ignores what a link cannot mean', () => {
    const view = readUrlView('?hide=threat,<script>&size=evil&tab=admin&layout=x&from=zzz&to=a&grade=Z9&k=9999&actor=__proto__');
    expect(view.hide).toEqual(['threat']);
    expect(view.size).toBeUndefined();
    expect(view.tab).toBeUndefined();
    expect(view.layout).toBeUndefined();
    const s = applyUrlView(initialState(dataset), view);
    expect(s.selection).toBeNull();
    expect(s.pathQuery).toMatchObject({ from: null, to: 'a', k: 5 });
    expect(s.evidence).toEqual(DEFAULT_EVIDENCE);
    expect(Object.prototype.hasOwnProperty.call({}, 'polluted')).toBe(false);
  });

  it('carries the evidence setting; the default (uncontested, no threshold) writes nothing', () => {
    let s = initialState(dataset);
    expect(s.evidence).toEqual(DEFAULT_EVIDENCE);
    s = reduce(s, { type: 'evidence', evidence: { contested: 'include', minConfidence: 0.3, minGrade: 'C3' } });
    const search = writeUrlView(s, {});
    expect(new URLSearchParams(search).get('evidence')).toBe('all');
    expect(applyUrlView(initialState(dataset), readUrlView(search)).evidence).toEqual({ contested: 'include', minConfidence: 0.3, minGrade: 'C3' });
    expect(writeUrlView(reduce(s, { type: 'evidence', evidence: DEFAULT_EVIDENCE }), {})).toBe('');
  });

  it('reads a bad evidence value as absent and keeps the rest; a path link\'s old `grade` becomes the minimum grade', () => {
    expect(readUrlView('?evidence=some&minConfidence=2&minGrade=c3').evidence).toEqual({ contested: 'exclude', minGrade: 'C3' });
    expect(readUrlView('?minConfidence=0.25').evidence).toEqual({ contested: 'exclude', minConfidence: 0.25 });
    expect(readUrlView('?from=a&to=b&grade=b2').evidence).toEqual({ contested: 'exclude', minGrade: 'B2' });
    expect(readUrlView('?from=a&to=b&grade=F6').evidence).toBeUndefined();
    expect(readUrlView('?actor=a').evidence).toBeUndefined();
  });
});

describe('a link to a passage of a source', () => {
  const withText = { ...dataset, sources: [{ id: 'doc', title: 'Doc', text: 'One sentence. Another one.' }, { id: 'bare', title: 'No text' }] };
  it('opens the Source tab at the passage, and ignores a source without text or a passage past its end', () => {
    let s = initialState(withText);
    s = reduce(s, { type: 'read', sourceId: 'doc', focus: [14, 26] });
    const search = writeUrlView(s, { ws: 'w' });
    expect(search).toBe('?ws=w&tab=source&read=doc&at=14-26');
    const back = applyUrlView(initialState(withText), readUrlView(search));
    expect([back.tab, back.reading?.sourceId, back.reading?.focus]).toEqual(['source', 'doc', [14, 26]]);
    expect(applyUrlView(initialState(withText), readUrlView('?read=bare')).reading).toBeNull();
    expect(applyUrlView(initialState(withText), readUrlView('?read=doc&at=5-999')).reading?.focus).toBeNull();
    expect(applyUrlView(initialState(withText), readUrlView('?read=doc&at=9-3')).reading?.focus).toBeNull();
  });
});
