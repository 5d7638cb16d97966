/**
 * Would a finding survive without its weaker claims? The briefing says so for
 * each finding: the relations it rests on are weighed again with only the
 * claims at or above a grade (C3 by default: one C3 witness is the line below
 * which a relation is weak, evidence.ts WEAK_CONFIDENCE). A relation then
 * holds if a supporting claim is left and it is not contested by what is left.
 */
import { meetsGrade, weighRelation } from '../analysis/evidence';
import type { Dataset, Grade, Relation } from '../model/types';

export const SENSITIVITY_GRADE: Grade = 'C3';

export type WhyNot = 'no-claims' | 'no-support-at-grade' | 'contested-at-grade';

export interface Sensitivity {
  grade: Grade;
  holds: boolean;
  /** The relations that fail, in the order given, with why. */
  failing: Array<{ relationId: string; why: WhyNot }>;
}

export function relationAtGrade(relation: Pick<Relation, 'claims'>, grade: Grade): WhyNot | null {
  if (relation.claims.length === 0) return 'no-claims';
  const kept = relation.claims.filter((c) => meetsGrade(c.grade, grade));
  const weighed = weighRelation({ claims: kept });
  if (weighed.supports === 0) return 'no-support-at-grade';
  if (weighed.contested) return 'contested-at-grade';
  return null;
}

export function sensitivity(relations: ReadonlyArray<Pick<Relation, 'id' | 'claims'>>, grade: Grade = SENSITIVITY_GRADE): Sensitivity {
  const failing: Sensitivity['failing'] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const why = relationAtGrade(r, grade);
    if (why) failing.push({ relationId: r.id, why });
  }
  return { grade, holds: failing.length === 0, failing };
}

const WHY_TEXT: Record<WhyNot, (grade: Grade) => string> = {
  'no-claims': () => 'carries no claim at all',
  'no-support-at-grade': (g) => `has no supporting claim at ${g} or better`,
  'contested-at-grade': (g) => `is contested by the claims at ${g} or better`,
};

export function whyNotText(why: WhyNot, grade: Grade): string {
  return WHY_TEXT[why](grade);
}

/**
 * The relations that still hold at a grade (relationAtGrade), the actors
 * untouched: what an analysis is run on again to see whether its finding
 * survives without the weaker claims.
 */
export function datasetAtGrade(dataset: Dataset, grade: Grade = SENSITIVITY_GRADE): Dataset {
  const relations = dataset.relations.filter((r) => relationAtGrade(r, grade) === null);
  return relations.length === dataset.relations.length ? dataset : { ...dataset, relations };
}
