/** Pure dataset edits: each result valid, refusals leave the dataset as it was, ids carried through. */
import { describe, expect, it } from 'vitest';
import { actorIdFromName, applyEdit, nextRelationId, restore, type Dataset } from '../../graph';

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
      { id: 'c', name: 'Gamma', kind: 'person', aliases: [] },
    ],
    relations: [
      { id: 'r1', source: 'a', target: '__proto__', type: 'partner', claims: [claim] },
      { id: 'r2', source: 'c', target: 'a', type: 'threat', claims: [claim] },
    ],
  });
  if (!r.ok) throw new Error('fixture');
  return r.dataset;
};

describe('applyEdit', () => {
  it('adds an actor and refuses a duplicate id', () => {
    const d = base();
    const r = applyEdit(d, { op: 'addActor', actor: { id: 'd', name: 'Delta', kind: 'bloc', aliases: [] } });
    expect(r.ok && r.dataset.actors.map((a) => a.id)).toEqual(['a', '__proto__', 'c', 'd']);
    expect(r.ok && r.label).toBe('add actor Delta');
    const dup = applyEdit(d, { op: 'addActor', actor: { id: '__proto__', name: 'X', kind: 'state', aliases: [] } });
    expect(dup.ok).toBe(false);
    expect(d.actors).toHaveLength(3);
  });

  it('renaming an actor id carries into its relations', () => {
    const r = applyEdit(base(), { op: 'updateActor', id: '__proto__', actor: { id: 'p', name: 'Proto', kind: 'state', aliases: [] } });
    if (!r.ok) throw new Error('refused');
    expect(r.dataset.relations[0]).toMatchObject({ source: 'a', target: 'p' });
  });

  it('deleting an actor deletes its relations and says so', () => {
    const r = applyEdit(base(), { op: 'deleteActor', id: 'a' });
    if (!r.ok) throw new Error('refused');
    expect(r.dataset.relations).toEqual([]);
    expect(r.label).toBe('delete actor Alpha and 2 relations');
  });

  it('adds a relation with the next free id; refuses an unknown end with its path', () => {
    const d = base();
    const r = applyEdit(d, { op: 'addRelation', relation: { source: 'c', target: '__proto__', type: 'supplier', claims: [claim] } });
    expect(r.ok && r.dataset.relations.at(-1)?.id).toBe('r3');
    const bad = applyEdit(d, { op: 'addRelation', relation: { source: 'c', target: 'zzz', type: 'supplier', claims: [] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toMatchObject({ path: 'relations[2].target' });
  });

  it('updates a relation (claims included) and refuses a bad grade', () => {
    const d = base();
    const r1 = d.relations[0]!;
    const ok = applyEdit(d, { op: 'updateRelation', id: 'r1', relation: { ...r1, claims: [...r1.claims, { ...claim, quote: 'second', stance: 'disputes' }] } });
    expect(ok.ok && ok.dataset.relations[0]!.claims.map((c) => c.quote)).toEqual(['q', 'second']);
    const bad = applyEdit(d, { op: 'updateRelation', id: 'r1', relation: { ...r1, claims: [{ ...claim, grade: 'Z9' as never }] } });
    expect(!bad.ok && bad.problems[0]!.path).toBe('relations[0].claims[0].grade');
  });

  it('deletes a relation; unknown ids are refused', () => {
    const r = applyEdit(base(), { op: 'deleteRelation', id: 'r2' });
    expect(r.ok && r.dataset.relations.map((x) => x.id)).toEqual(['r1']);
    expect(applyEdit(base(), { op: 'deleteRelation', id: 'nope' }).ok).toBe(false);
  });
});

describe('ids for new things', () => {
  it('nextRelationId skips used ids', () => {
    const d = base();
    expect(nextRelationId({ ...d, relations: [...d.relations, { ...d.relations[0]!, id: 'r3' }] })).toBe('r4');
  });
  it('actorIdFromName makes a readable unique id', () => {
    expect(actorIdFromName(base(), 'Côte d’Ivoire')).toBe('cote-d-ivoire');
    expect(actorIdFromName(base(), 'a')).toBe('a-2');
    expect(actorIdFromName(base(), '***')).toBe('actor');
  });
});
