/** The canvas's in-place update: element changes between two ActorGraphs, and when there is none (keys moved, large change). */
import { describe, expect, it } from 'vitest';
import { applyEdit, buildActorGraph, restore, type Dataset, type Edit } from '../../graph';
import { diffElements, placeAdded, planUpdate } from '../../src/canvas/element-diff';
import { toElements } from '../../src/canvas/elements';

const claim = { quote: 'q', source: { title: 's' }, locator: { paragraph: 1 }, assertedBy: 'x', stance: 'supports' as const, grade: 'B2' as const };
const base = (): Dataset => {
  const r = restore({
    format: 'actorscope',
    version: 1,
    meta: { title: 't' },
    actors: [
      { id: 'a', name: 'Alpha', kind: 'state', aliases: [] },
      { id: '__proto__', name: 'Proto', kind: 'state', aliases: [] },
      { id: 'constructor', name: 'Ctor', kind: 'person', aliases: [] },
      { id: 'hasOwnProperty', name: 'Own', kind: 'group', aliases: [] },
    ],
    relations: [
      { id: '__proto__', source: 'a', target: '__proto__', type: 'partner', claims: [claim] },
      { id: 'toString', source: 'constructor', target: 'a', type: 'threat', claims: [claim] },
      { id: 'r3', source: '__proto__', target: 'hasOwnProperty', type: 'supplier', claims: [claim] },
    ],
  });
  if (!r.ok) throw new Error('fixture');
  return r.dataset;
};
const edited = (d: Dataset, edit: Edit): Dataset => {
  const r = applyEdit(d, edit);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.dataset;
};

/** Applies a diff to the old elements as Cytoscape would; the result must be the new graph's elements. */
function applied(prev: Dataset, next: Dataset) {
  const a = buildActorGraph(prev);
  const b = buildActorGraph(next);
  const diff = diffElements(a, b)!;
  const byId = new Map(toElements(a).map((el) => [el.data.id!, { ...el, data: { ...el.data } }]));
  for (const id of diff.removed) byId.delete(id);
  for (const u of diff.updated) Object.assign(byId.get(u.id)!.data, u.data);
  for (const el of diff.added) byId.set(el.data.id!, el);
  const sort = (els: { data: { id?: string } }[]) => [...els].sort((x, y) => x.data.id!.localeCompare(y.data.id!));
  expect(sort([...byId.values()])).toEqual(sort(toElements(b)));
  return diff;
}

describe('diffElements', () => {
  it('finds nothing between a dataset and itself, or an equal copy', () => {
    const d = base();
    expect(diffElements(buildActorGraph(d), buildActorGraph(d))).toEqual({ removed: [], added: [], updated: [] });
    expect(diffElements(buildActorGraph(d), buildActorGraph(structuredClone(d)))).toEqual({ removed: [], added: [], updated: [] });
  });

  it('adds an actor and a relation with awkward ids', () => {
    const d = base();
    const e = edited(edited(d, { op: 'addActor', actor: { id: 'valueOf', name: 'Value', kind: 'state', aliases: [] } }), {
      op: 'addRelation',
      relation: { id: 'constructor', source: 'valueOf', target: '__proto__', type: 'partner', claims: [claim] },
    });
    const diff = applied(d, e);
    expect(diff.removed).toEqual([]);
    expect(diff.updated).toEqual([]);
    expect(diff.added.map((el) => [el.group, el.data.id, el.data.actorId ?? el.data.relationId])).toEqual([
      ['nodes', 'a4', 'valueOf'],
      ['edges', 'r3', 'constructor'],
    ]);
    expect(diff.added[1]!.data).toMatchObject({ source: 'a4', target: 'a1', type: 'partner', mutual: true });
  });

  it('updates only the fields that changed', () => {
    const d = base();
    const e = edited(d, { op: 'updateActor', id: '__proto__', actor: { id: '__proto__', name: 'Prototype', kind: 'bloc', aliases: [] } });
    const diff = applied(d, e);
    expect(diff.updated).toEqual([{ id: 'a1', data: { name: 'Prototype', kind: 'bloc', shape: expect.any(String), color: expect.any(String) } }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    // New claims change the model, not the element: nothing to do on the canvas.
    const claims = edited(d, { op: 'updateRelation', id: '__proto__', relation: { ...d.relations[0]!, claims: [claim, { ...claim, quote: 'more' }] } });
    expect(diffElements(buildActorGraph(d), buildActorGraph(claims))).toEqual({ removed: [], added: [], updated: [] });
    const type = edited(d, { op: 'updateRelation', id: 'toString', relation: { ...d.relations[1]!, type: 'partner' } });
    expect(applied(d, type).updated).toEqual([{ id: 'r1', data: { type: 'partner', mutual: true } }]);
  });

  it('renames an actor in place: same key, new id in the node and its relations', () => {
    const d = base();
    const e = edited(d, { op: 'updateActor', id: '__proto__', actor: { id: 'proto2', name: 'Proto', kind: 'state', aliases: [] } });
    const diff = applied(d, e);
    expect(diff.updated).toEqual([{ id: 'a1', data: { actorId: 'proto2' } }]);
    expect(planUpdate(buildActorGraph(d), buildActorGraph(e)).ok).toBe(true);
  });

  it('re-adds an edge whose ends changed', () => {
    const d = base();
    const e = edited(d, { op: 'updateRelation', id: 'r3', relation: { ...d.relations[2]!, target: 'a' } });
    const diff = applied(d, e);
    expect(diff.removed).toEqual(['r2']);
    expect(diff.added).toEqual([expect.objectContaining({ group: 'edges', data: expect.objectContaining({ id: 'r2', source: 'a1', target: 'a0' }) })]);
  });

  it('removes the last actor with its relations (edges before nodes); undo adds them back', () => {
    const d = base();
    const e = edited(d, { op: 'deleteActor', id: 'hasOwnProperty' });
    const diff = applied(d, e);
    expect(diff).toEqual({ removed: ['r2', 'a3'], added: [], updated: [] });
    const undo = applied(e, d);
    expect(undo.added.map((el) => el.data.id)).toEqual(['a3', 'r2']);
  });

  it('stops at the limit', () => {
    const d = base();
    const e = edited(edited(d, { op: 'deleteActor', id: 'hasOwnProperty' }), { op: 'addActor', actor: { id: 'z', name: 'Z', kind: 'state', aliases: [] } });
    // The new actor takes the deleted one's key: an update in place (like a renamed actor), and the relation goes.
    expect(diffElements(buildActorGraph(d), buildActorGraph(e), 1)).toBeNull();
    expect(diffElements(buildActorGraph(d), buildActorGraph(e), 2)).toMatchObject({ removed: ['r2'], updated: [{ id: 'a3', data: { actorId: 'z' } }] });
  });
});

describe('planUpdate', () => {
  it('refuses when a surviving actor or relation would change key', () => {
    const d = base();
    // Deleting the first actor shifts every later key.
    const plan = planUpdate(buildActorGraph(d), buildActorGraph(edited(d, { op: 'deleteActor', id: 'a' })));
    expect(plan).toEqual({ ok: false, reason: 'the key of "__proto__" changed' });
    const rel = planUpdate(buildActorGraph(d), buildActorGraph(edited(d, { op: 'deleteRelation', id: '__proto__' })));
    expect(rel).toEqual({ ok: false, reason: 'the key of "toString" changed' });
    // Deleting the last relation keeps every other key.
    const last = planUpdate(buildActorGraph(d), buildActorGraph(edited(d, { op: 'deleteRelation', id: 'r3' })));
    expect(last).toMatchObject({ ok: true, changes: 1, diff: { removed: ['r2'] } });
  });

  it('refuses another dataset and a large change', () => {
    const d = base();
    const other = structuredClone(d);
    other.actors.forEach((a, i) => (a.id = `x${i}`));
    other.relations = [];
    expect(planUpdate(buildActorGraph(d), buildActorGraph(other))).toEqual({ ok: false, reason: 'no actor in common' });
    // 100 actors; adding 30 relations at once is more than the 20 (or 10 %) allowed.
    const many = (n: number, edges: number): Dataset => ({
      ...d,
      actors: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `N${i}`, kind: 'state', aliases: [] })),
      relations: Array.from({ length: edges }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, type: 'partner', claims: [claim] })),
    });
    expect(planUpdate(buildActorGraph(many(100, 0)), buildActorGraph(many(100, 30)))).toEqual({ ok: false, reason: 'more than 20 elements change' });
    expect(planUpdate(buildActorGraph(many(100, 0)), buildActorGraph(many(100, 15)))).toMatchObject({ ok: true, changes: 15 });
  });
});

describe('placeAdded', () => {
  it('puts a new actor beside its drawn neighbours, or in the fallback spot', () => {
    const d = base();
    const e = edited(
      edited(edited(d, { op: 'addActor', actor: { id: 'n', name: 'N', kind: 'state', aliases: [] } }), { op: 'addActor', actor: { id: 'm', name: 'M', kind: 'state', aliases: [] } }),
      { op: 'addRelation', relation: { source: 'n', target: 'a', type: 'partner', claims: [claim] } },
    );
    const e2 = edited(e, { op: 'addRelation', relation: { source: '__proto__', target: 'n', type: 'threat', claims: [claim] } });
    const b = buildActorGraph(e2);
    const diff = diffElements(buildActorGraph(d), b)!;
    const drawn = new Map([
      ['a0', { x: 0, y: 0 }],
      ['a1', { x: 100, y: 50 }],
    ]);
    const at = placeAdded(diff, b, (key) => drawn.get(key), { x: -7, y: -7 });
    expect(at).toEqual(
      new Map([
        ['a4', { x: 90, y: 65 }],
        ['a5', { x: -7, y: -7 }],
      ]),
    );
  });
});
