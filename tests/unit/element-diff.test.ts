/** The canvas's in-place update: element changes between two ActorGraphs, and when there is none (keys moved, large change). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, buildActorGraph, restore, type ActorGraph, type Dataset, type Edit } from '../../graph';
import { diffElements, placeAdded, planUpdate } from '../../src/canvas/element-diff';
import { toElements } from '../../src/canvas/elements';

const claim = { quote: 'q', sourceId: 's', locator: { paragraph: 1 }, assertedBy: 'x', stance: 'supports' as const, grade: 'B2' as const };
const base = (): Dataset => {
  const r = restore({
    format: 'actorscope',
    version: 2,
    sources: [{ id: 's', title: 's' }],
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
  return appliedGraphs(buildActorGraph(prev), buildActorGraph(next));
}

function appliedGraphs(a: ActorGraph, b: ActorGraph) {
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

describe('keys carried from the version before (buildActorGraph(dataset, previous))', () => {
  it('deleting the first actor or relation moves no other key: an update in place', () => {
    const d = base();
    const g = buildActorGraph(d);
    const e = edited(d, { op: 'deleteActor', id: 'a' });
    const h = buildActorGraph(e, g);
    expect([...h.keyOfActor]).toEqual([
      ['__proto__', 'a1'],
      ['constructor', 'a2'],
      ['hasOwnProperty', 'a3'],
    ]);
    // 'a' took part in relations r0 (__proto__) and r1 (toString): they go with it.
    const plan = planUpdate(g, h);
    expect(plan).toMatchObject({ ok: true, changes: 3, diff: { removed: ['r0', 'r1', 'a0'], added: [], updated: [] } });
    appliedGraphs(g, h);
    const rel = buildActorGraph(edited(d, { op: 'deleteRelation', id: '__proto__' }), g);
    expect(planUpdate(g, rel)).toMatchObject({ ok: true, changes: 1, diff: { removed: ['r0'] } });
  });

  it('undoing a deletion adds the actor back under a key never used before', () => {
    const d = base();
    const g = buildActorGraph(d);
    const h = buildActorGraph(edited(d, { op: 'deleteActor', id: 'a' }), g);
    const back = buildActorGraph(d, h);
    expect(back.keyOfActor.get('a')).toBe('a4');
    expect(back.keyOfActor.get('__proto__')).toBe('a1');
    expect([back.keyOfRelation.get('__proto__'), back.keyOfRelation.get('toString'), back.keyOfRelation.get('r3')]).toEqual(['r3', 'r4', 'r2']);
    expect(planUpdate(h, back)).toMatchObject({ ok: true, diff: { removed: [], updated: [] } });
    expect(appliedGraphs(h, back).added.map((el) => el.data.id)).toEqual(['a4', 'r3', 'r4']);
  });

  it('an actor whose id is edited keeps its key (and so its place on the canvas)', () => {
    const d = base();
    const g = buildActorGraph(d);
    const h = buildActorGraph(edited(d, { op: 'updateActor', id: 'a', actor: { id: 'alpha', name: 'Alpha', kind: 'state', aliases: [] } }), g);
    expect(h.keyOfActor.get('alpha')).toBe('a0');
    expect(appliedGraphs(g, h)).toEqual({ removed: [], added: [], updated: [{ id: 'a0', data: { actorId: 'alpha' } }] });
  });

  it('over random edit sequences: surviving ids keep their keys, keys stay unique, and each diff turns the drawn elements into the next', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('deleteActor' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('deleteRelation' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('addActor' as const), id: fc.constantFrom('__proto__', 'constructor', 'x', 'y', 'a', 'valueOf') }),
      fc.record({ op: fc.constant('addRelation' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ op: fc.constant('renameActor' as const), at: fc.nat(), id: fc.constantFrom('p', 'q', 'toString', '__proto__') }),
      fc.record({ op: fc.constant('undo' as const), steps: fc.integer({ min: 1, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const history: Dataset[] = [base()];
        let graph = buildActorGraph(history[0]!);
        for (const e of edits) {
          const d = history.at(-1)!;
          let next: Dataset | undefined;
          const pick = <T>(items: readonly T[], at: number) => (items.length ? items[at % items.length] : undefined);
          const tryEdit = (x: Edit) => {
            const r = applyEdit(d, x);
            return r.ok ? r.dataset : undefined;
          };
          if (e.op === 'undo') {
            if (history.length > e.steps) {
              history.splice(-e.steps);
              next = history.at(-1)!;
            }
          } else if (e.op === 'deleteActor') {
            const a = pick(d.actors, e.at);
            if (a) next = tryEdit({ op: 'deleteActor', id: a.id });
          } else if (e.op === 'deleteRelation') {
            const r = pick(d.relations, e.at);
            if (r) next = tryEdit({ op: 'deleteRelation', id: r.id });
          } else if (e.op === 'addActor') {
            next = tryEdit({ op: 'addActor', actor: { id: e.id, name: e.id, kind: 'state', aliases: [] } });
          } else if (e.op === 'addRelation') {
            const s = pick(d.actors, e.from);
            const t = pick(d.actors, e.to);
            if (s && t) next = tryEdit({ op: 'addRelation', relation: { source: s.id, target: t.id, type: 'threat', claims: [claim] } });
          } else {
            const a = pick(d.actors, e.at);
            if (a) next = tryEdit({ op: 'updateActor', id: a.id, actor: { ...a, id: e.id } });
          }
          if (!next) continue;
          if (e.op !== 'undo') history.push(next);
          const built = buildActorGraph(next, graph);
          for (const [id, key] of built.keyOfActor) {
            const before = graph.keyOfActor.get(id);
            if (before !== undefined) expect(key).toBe(before);
          }
          for (const [id, key] of built.keyOfRelation) {
            const before = graph.keyOfRelation.get(id);
            if (before !== undefined) expect(key).toBe(before);
          }
          expect(new Set(built.keyOfActor.values()).size).toBe(next.actors.length);
          expect(new Set(built.keyOfRelation.values()).size).toBe(next.relations.length);
          appliedGraphs(graph, built);
          graph = built;
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('planUpdate', () => {
  it('refuses when a surviving actor or relation would change key (graphs built apart)', () => {
    const d = base();
    // Built apart, keys are positions: deleting the first actor shifts every later key.
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
