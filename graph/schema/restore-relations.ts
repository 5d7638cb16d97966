/**
 * restore()'s relations: ids given or numbered (rN, skipping ids used elsewhere in
 * the file), both ends naming an actor, a known type, and the claims as evidence.
 */
import { RELATION_TYPES, type Claim, type Relation, type RelationType } from '../model/types';
import { describeValue, type ProblemList } from './problems';
import { restoreClaim } from './restore-claims';
import type { SourceTable } from './restore-sources';
import { isObject, restoreAttributes } from './restore-values';

export function restoreRelations(value: unknown, actorIds: Set<string>, problems: ProblemList, sources: SourceTable): Relation[] {
  if (value === undefined) {
    problems.error('relations', 'missing: a dataset needs a list of relations (it may be empty)');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.error('relations', `expected a list, found ${describeValue(value)}`);
    return [];
  }
  const explicitIds = new Set(
    value.filter(isObject).map((r) => r.id).filter((id): id is string => typeof id === 'string'),
  );
  const seen = new Map<string, number>();
  let nextId = 1;
  const relations: Relation[] = [];
  value.forEach((raw, i) => {
    const path = `relations[${i}]`;
    if (!isObject(raw)) {
      problems.error(path, `expected a relation object, found ${describeValue(raw)}`);
      return;
    }
    let id: string;
    if (raw.id === undefined) {
      // Each candidate id made once (an edge list has no ids: 50,000 made at 10k/50k).
      id = `r${nextId}`;
      while (explicitIds.has(id) || seen.has(id)) id = `r${++nextId}`;
      nextId++;
    } else if (typeof raw.id === 'string' && raw.id !== '') {
      id = raw.id;
      const first = seen.get(id);
      if (first !== undefined) problems.error(`${path}.id`, `${describeValue(id)} is used already by relations[${first}]`);
    } else {
      problems.error(`${path}.id`, `${describeValue(raw.id)} is not an id (expected non-empty text)`);
      return;
    }
    seen.set(id, i);

    for (const end of ['source', 'target'] as const) {
      const v = raw[end];
      if (typeof v !== 'string' || v === '') problems.error(`${path}.${end}`, `${describeValue(v)} is not an actor id`);
      else if (!actorIds.has(v)) problems.error(`${path}.${end}`, `${describeValue(v)} is not the id of any actor`);
    }
    if (typeof raw.source === 'string' && raw.source === raw.target) {
      problems.warn(path, `relates ${describeValue(raw.source)} to itself; kept, but metrics ignore self-relations`);
    }
    const type = raw.type;
    if (!(RELATION_TYPES as readonly unknown[]).includes(type)) {
      problems.error(`${path}.type`, `${describeValue(type)} is not a relation type (${RELATION_TYPES.join(', ')})`);
    }
    const claims: Claim[] = [];
    if (raw.claims === undefined) {
      problems.warn(`${path}.claims`, 'missing: this relation has no evidence');
    } else if (!Array.isArray(raw.claims)) {
      problems.error(`${path}.claims`, `expected a list, found ${describeValue(raw.claims)}`);
    } else {
      if (raw.claims.length === 0) problems.warn(`${path}.claims`, 'empty: this relation has no evidence');
      raw.claims.forEach((c, j) => {
        const claim = restoreClaim(c, `${path}.claims[${j}]`, problems, sources);
        if (claim) claims.push(claim);
      });
    }
    const relation: Relation = {
      id,
      source: String(raw.source),
      target: String(raw.target),
      type: type as RelationType,
      claims,
    };
    if (raw.notes !== undefined) {
      if (typeof raw.notes === 'string') relation.notes = raw.notes;
      else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = restoreAttributes(raw.attributes, `${path}.attributes`, problems);
    if (attributes) relation.attributes = attributes;
    relations.push(relation);
  });
  return relations;
}
