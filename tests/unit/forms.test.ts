/**
 * What the edit forms decide without a browser: where a refused edit's
 * problems go (the field beside which they are said, in words) and which
 * relation already says what a new one would. The problems come from
 * applyEdit() itself, so a change of restore()'s paths fails here.
 */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../graph/schema/edit';
import { findSameRelation } from '../../graph/model/same-relation';
import { restore } from '../../graph/schema/restore';
import type { Claim, Dataset } from '../../graph/model/types';
import { actorFieldOf, placeProblems, relationFieldOf, restWords } from '../../src/panels/editing/field-errors';
import embedded from '../../public/data/tajikistan-2023.json';

const restored = restore(embedded);
if (!restored.ok) throw new Error('the embedded dataset does not restore');
const DATASET: Dataset = restored.dataset;

describe('a refused relation, said beside its fields', () => {
  it('places every problem of a bad claim on its field, in words, and keeps the rest', () => {
    const bad = { quote: '', source: { title: '', url: 'javascript:alert(1)' }, locator: { paragraph: 0, chars: [5, 2] }, assertedBy: 'x', stance: 'supports', grade: '', date: '20x' } as unknown as Claim;
    const withNotes = { ...DATASET, sources: [...DATASET.sources, { id: 'T', title: 'Field notes (no text)' }] };
    const result = applyEdit(withNotes, { op: 'addRelation', relation: { source: 'china', target: 'nobody', type: 'supplier', claims: [{ ...bad }, { ...bad, quote: 'fine', sourceId: 'T', locator: {}, grade: 'B2', date: '2023' }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const placed = placeProblems(result.problems, relationFieldOf);
    expect(Object.fromEntries(placed.fields)).toEqual({
      target: 'Choose the actor the relation goes to',
      'claims.0.quote': 'Give the quote, word for word as the source has it',
      'claims.0.title': 'Give the source document’s title',
      'claims.0.paragraph': 'Give the paragraph as a whole number: 1, 2, …',
      'claims.0.chars': 'Give the characters as two whole numbers from 0, the first not after the second',
      'claims.0.grade': 'Choose the grade: the source’s reliability (A–F) and the information’s credibility (1–6)',
      'claims.0.date': 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-04)',
    });
    // The second claim's missing locator is a warning: it does not block a save and stays in the list.
    expect(placed.rest.map((p) => [p.severity, p.path])).toEqual([['warning', expect.stringMatching(/claims\[1\]\.locator$/)]]);
    expect(restWords(placed.rest[0]!)).toBe('Claim 2: no place in the source is given; add the paragraph (¶) or the characters, so a reader can find the quote');
    expect(restWords({ severity: 'error', path: 'relations[4].claims[0].period.from', message: 'x' })).toBe('Claim 1, period.from: x');
  });

  it('places an actor’s blank name and bad country', () => {
    const result = applyEdit(DATASET, { op: 'addActor', actor: { id: 'x', name: ' ', kind: '', aliases: [], country: 'zzz' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(placeProblems(result.problems, actorFieldOf).fields)).toEqual({
      name: 'Give the actor’s name',
      kind: 'Give the actor’s kind (state, armed group, person, …)',
      country: 'Give the country as two letters (ISO 3166-1, e.g. TJ), or leave it empty',
    });
  });

  it('maps paths to fields and nothing else', () => {
    expect(relationFieldOf('relations[3].claims[2].source.date')).toBe('claims.2.sourceDate');
    expect(relationFieldOf('relations[3].claims[2].locator')).toBe(null);
    expect(relationFieldOf('relations[3]')).toBe(null);
    expect(relationFieldOf('source')).toBe('source');
    expect(actorFieldOf('actors[0].aliases[2]')).toBe('aliases');
    expect(actorFieldOf('actors[0].attributes.x')).toBe(null);
  });
});

describe('the relation that exists already', () => {
  const supplier = DATASET.relations.find((r) => r.source === 'russia' && r.target === 'tajikistan' && r.type === 'supplier')!;
  const partner = DATASET.relations.find((r) => r.type === 'partner')!;

  it('is found for the same actors, type and direction, a partnership either way round', () => {
    expect(findSameRelation(DATASET.relations, { source: 'russia', target: 'tajikistan', type: 'supplier' })?.id).toBe(supplier.id);
    expect(findSameRelation(DATASET.relations, { source: partner.target, target: partner.source, type: 'partner' })?.id).toBe(partner.id);
  });

  it('is not found for the other direction of a directed type, another type, or the relation itself', () => {
    const reverse = findSameRelation(DATASET.relations, { source: 'tajikistan', target: 'russia', type: 'supplier' });
    expect(reverse?.source ?? 'tajikistan').toBe('tajikistan');
    expect(findSameRelation(DATASET.relations, { source: 'russia', target: 'tajikistan', type: 'threat' })).toBeUndefined();
    expect(findSameRelation(DATASET.relations, supplier, supplier.id)).toBeUndefined();
  });
});
