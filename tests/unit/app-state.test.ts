/** The explorer's pure state transitions, without React. */
import { describe, expect, it } from 'vitest';
import { restore, type Dataset } from '../../graph';
import { graphFilter, initialState, reduce } from '../../src/state/app-state';
import { sortRows } from '../../src/state/sort-rows';
import { findActors } from '../../src/state/find-actors';
import { computeMetrics } from '../../graph';

const claim = { quote: 'q', source: { title: 's' }, locator: { paragraph: 1 }, assertedBy: 'x', grade: 'B2' };
const restored = restore({
  format: 'actorscope',
  version: 1,
  meta: { title: 't' },
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state', aliases: ['Kabul'] },
    { id: 'b', name: 'Beta', kind: 'state' },
    { id: 'c', name: 'Gamma', kind: 'person' },
  ],
  relations: [
    { id: 'r1', source: 'a', target: 'b', type: 'partner', claims: [claim] },
    { id: 'r2', source: 'c', target: 'a', type: 'threat', claims: [claim] },
  ],
});
if (!restored.ok) throw new Error('fixture invalid');
const dataset: Dataset = restored.dataset;

describe('app state', () => {
  it('starts unfiltered, sized and sorted by betweenness', () => {
    const s = initialState(dataset);
    expect(graphFilter(s)).toEqual({});
    expect(s.sizeBy).toBe('betweenness');
    expect(s.sort).toEqual({ column: 'betweenness', descending: true });
  });

  it('toggling a relation type hides it from the filter and back', () => {
    let s = reduce(initialState(dataset), { type: 'toggleRelationType', relationType: 'threat' });
    expect(graphFilter(s).relationTypes).toEqual(['partner', 'supplier', 'suspected-supporter', 'other']);
    s = reduce(s, { type: 'toggleRelationType', relationType: 'threat' });
    expect(graphFilter(s)).toEqual({});
  });

  it('hiding the kind of the selected actor drops the selection', () => {
    let s = reduce(initialState(dataset), { type: 'select', selection: { kind: 'actor', id: 'c' } });
    s = reduce(s, { type: 'toggleActorKind', kind: 'person' });
    expect(s.selection).toBeNull();
    expect(graphFilter(s).actorKinds).toEqual(['state']);
  });

  it('hiding the type of the selected relation drops the selection; other selections stay', () => {
    let s = reduce(initialState(dataset), { type: 'select', selection: { kind: 'relation', id: 'r2' } });
    s = reduce(s, { type: 'toggleRelationType', relationType: 'partner' });
    expect(s.selection).toEqual({ kind: 'relation', id: 'r2' });
    s = reduce(s, { type: 'toggleRelationType', relationType: 'threat' });
    expect(s.selection).toBeNull();
  });

  it('sorting: a new metric column sorts descending and sizes actors; a second click flips', () => {
    let s = reduce(initialState(dataset), { type: 'sort', column: 'pagerank' });
    expect(s.sort).toEqual({ column: 'pagerank', descending: true });
    expect(s.sizeBy).toBe('pagerank');
    s = reduce(s, { type: 'sort', column: 'pagerank' });
    expect(s.sort.descending).toBe(false);
    s = reduce(s, { type: 'sort', column: 'name' });
    expect(s.sort).toEqual({ column: 'name', descending: false });
    expect(s.sizeBy).toBe('pagerank');
  });

  it('sortRows puts n/a last in both directions', () => {
    const result = computeMetrics(dataset);
    result.actors[1]!.betweenness = null;
    const down = sortRows(result, { column: 'betweenness', descending: true }).map((r) => r.id);
    const up = sortRows(result, { column: 'betweenness', descending: false }).map((r) => r.id);
    expect(down.at(-1)).toBe('b');
    expect(up.at(-1)).toBe('b');
    // Alpha lies on the only path c → a → b: betweenness 1/((3−1)(3−2)) = 0.5.
    expect(down[0]).toBe('a');
  });

  it('search finds by name prefix first, then by substring or alias', () => {
    expect(findActors(dataset.actors, 'a').map((m) => m.actor.id)).toEqual(['a', 'b', 'c']);
    expect(findActors(dataset.actors, 'kab')).toEqual([{ actor: dataset.actors[0], via: 'Kabul' }]);
    expect(findActors(dataset.actors, '   ')).toEqual([]);
  });

  it('clears an analysis highlight when its tab is left, and only then', () => {
    const overlay = { kind: 'focus' as const, label: 'Path 1', actors: ['a', 'b'], relations: ['r1'] };
    let s = reduce(reduce(initialState(dataset), { type: 'tab', tab: 'paths' }), { type: 'overlay', overlay });
    expect(reduce(s, { type: 'tab', tab: 'paths' }).overlay).toBe(overlay);
    expect(reduce(s, { type: 'tab', tab: 'balance' }).overlay).toBeNull();
    // A selection shows the Details tab: the path's tab is left, so its highlight goes.
    expect(reduce(s, { type: 'select', selection: { kind: 'actor', id: 'a' } }).overlay).toBeNull();
    // Clicking the background selects nothing and stays on the tab: the highlight stays.
    s = reduce(s, { type: 'select', selection: null });
    expect(s.overlay).toBe(overlay);
    expect(reduce(s, { type: 'edit', editing: { kind: 'actor', id: null } }).overlay).toBeNull();
  });
});
