/**
 * A relation's flat, typed values for the tools that cannot read its claims
 * (common/own-names.ts, DERIVED), computed once for every writer: GraphML and
 * GEXF (xml/fields.ts) and node-link JSON. Readers of our own files drop them.
 *
 * firstDate / lastDate span the dates the supporting claims give for the
 * relation (`date`, or `period.from` / `period.to`), as whole days: a partial
 * date stands for all its days (`2023` runs from 2023-01-01 to 2023-12-31), so
 * every value is YYYY-MM-DD and sorts and filters as text. A disputing claim's
 * date says when the relation is doubted, not when it holds, so it is left out;
 * an open end of a period bounds nothing (a relation whose only period is
 * `{from: 2020}` has a firstDate and no lastDate). Absent when no supporting
 * claim is dated.
 */
import { weighRelation } from '../../analysis/evidence';
import { isMutual, type Relation } from '../../model/types';
import { dateBounds } from '../../schema/dates';
import { DERIVED } from './own-names';

export type DerivedValue = string | number | boolean;

/** The earliest first day and latest last day of the supporting claims' dates and periods. */
export function relationDateSpan(relation: Pick<Relation, 'claims'>): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  const take = (lower: string | undefined, upper: string | undefined) => {
    if (lower !== undefined) {
      const day = dateBounds(lower)[0];
      if (first === null || day < first) first = day;
    }
    if (upper !== undefined) {
      const day = dateBounds(upper)[1];
      if (last === null || day > last) last = day;
    }
  };
  for (const claim of relation.claims) {
    if (claim.stance !== 'supports') continue;
    if (claim.date !== undefined) take(claim.date, claim.date);
    if (claim.period) take(claim.period.from, claim.period.to);
  }
  return { first, last };
}

/** [name in the file, value] in the order the writers write them; bestGrade and the dates only when there are any. */
export function derivedRelationValues(relation: Relation): [string, DerivedValue][] {
  const e = weighRelation(relation);
  const out: [string, DerivedValue][] = [
    [DERIVED.mutual, isMutual(relation.type) || relation.attributes?.undirected === true],
    [DERIVED.confidence, e.confidence],
  ];
  if (e.bestGrade) out.push([DERIVED.bestGrade, e.bestGrade]);
  out.push([DERIVED.claims, relation.claims.length], [DERIVED.disputes, e.disputes]);
  const span = relationDateSpan(relation);
  if (span.first !== null) out.push([DERIVED.firstDate, span.first]);
  if (span.last !== null) out.push([DERIVED.lastDate, span.last]);
  return out;
}
