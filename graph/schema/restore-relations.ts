/**
 * restore()'s relations: ids given or numbered (rN, skipping ids used elsewhere in
 * the file), both ends naming an actor, a known type, and the claims as evidence.
 */
import { RELATION_TYPES, type Claim, type Relation, type RelationType } from '../model/types';
import { describeValue, type ProblemList } from './problems';
import { restoreClaim } from './restore-claims';
import type { SourceTable } from './restore-sources';
import { isObject, restoreAttributes } from './restore-values';

/** A relation's path, made only for a problem (one string per relation otherwise: 50,000 at 10k/50k). */
const at = (i: number): string => `relations[${i}]`;

/** `evidenceNotes` false: relations without claims are not warned of (restore.ts, RestoreOptions). */
export function restoreRelations(value: unknown, actorIds: Set<string>, problems: ProblemList, sources: SourceTable, evidenceNotes = true): Relation[] {
  if (value === undefined) {
    problems.error('relations', 'missing: a dataset needs a list of relations (it may be empty)');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.error('relations', `expected a list, found ${describeValue(value)}`);
    return [];
  }
  // One loop, no intermediate lists (an edge list has no ids: 50,000 relations and none of them at 10k/50k).
  const explicitIds = new Set<string>();
  for (const r of value as unknown[]) if (isObject(r) && typeof r.id === 'string') explicitIds.add(r.id);
  const seen = new Map<string, number>();
  let nextId = 1;
  const relations: Relation[] = [];
  // A loop, not forEach (no closure per relation); holes skipped as forEach skips them.
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue;
    const raw: unknown = value[i];
    if (!isObject(raw)) {
      problems.error(at(i), `expected a relation object, found ${describeValue(raw)}`);
      continue;
    }
    let id: string;
    if (raw.id === undefined) {
      // Each candidate id made once (an edge list has no ids: 50,000 made at 10k/50k). A
      // numbered id is none of the file's (explicitIds) and above every one numbered before,
      // so it is unique without being remembered in `seen`.
      id = `r${nextId}`;
      while (explicitIds.has(id)) id = `r${++nextId}`;
      nextId++;
    } else if (typeof raw.id === 'string' && raw.id !== '') {
      id = raw.id;
      const first = seen.get(id);
      if (first !== undefined) problems.error(`${at(i)}.id`, `${describeValue(id)} is used already by relations[${first}]`);
      seen.set(id, i);
    } else {
      problems.error(`${at(i)}.id`, `${describeValue(raw.id)} is not an id (expected non-empty text)`);
      continue;
    }

    for (let e = 0; e < 2; e++) {
      const end = e === 0 ? 'source' : 'target';
      const v = raw[end];
      if (typeof v !== 'string' || v === '') problems.error(`${at(i)}.${end}`, `${describeValue(v)} is not an actor id`);
      else if (!actorIds.has(v)) problems.error(`${at(i)}.${end}`, `${describeValue(v)} is not the id of any actor`);
    }
    if (typeof raw.source === 'string' && raw.source === raw.target) {
      problems.warn(at(i), `relates ${describeValue(raw.source)} to itself; kept, but metrics ignore self-relations`);
    }
    const type = raw.type;
    if (!(RELATION_TYPES as readonly unknown[]).includes(type)) {
      problems.error(`${at(i)}.type`, `${describeValue(type)} is not a relation type (${RELATION_TYPES.join(', ')})`);
    }
    const claims: Claim[] = [];
    if (raw.claims === undefined) {
      if (evidenceNotes) problems.warn(`${at(i)}.claims`, 'missing: this relation has no evidence');
    } else if (!Array.isArray(raw.claims)) {
      problems.error(`${at(i)}.claims`, `expected a list, found ${describeValue(raw.claims)}`);
    } else {
      if (raw.claims.length === 0 && evidenceNotes) problems.warn(`${at(i)}.claims`, 'empty: this relation has no evidence');
      const list: unknown[] = raw.claims;
      for (let j = 0; j < list.length; j++) {
        if (!(j in list)) continue;
        const claim = restoreClaim(list[j], `${at(i)}.claims[${j}]`, problems, sources);
        if (claim) claims.push(claim);
      }
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
      else problems.error(`${at(i)}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = raw.attributes === undefined ? undefined : restoreAttributes(raw.attributes, `${at(i)}.attributes`, problems);
    if (attributes) relation.attributes = attributes;
    relations.push(relation);
  }
  return relations;
}
