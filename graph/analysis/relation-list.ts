/**
 * Every relation with what its evidence amounts to, one row each: what the
 * CLI's `relations` command prints, and a table the explorer can show.
 */
import type { Dataset, Grade, RelationType } from '../model/types';
import { relationEvidence } from './evidence';

export interface RelationRow {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** relationEvidence().confidence, 0..1. */
  confidence: number;
  /** Independent supporting witnesses (RelationEvidence.witnessesFor). */
  witnesses: number;
  /** Claims by stance. */
  supports: number;
  disputes: number;
  contested: boolean;
  /** The best grade among the supporting claims; null when none supports. */
  bestGrade: Grade | null;
}

/** One row per relation, in dataset order. */
export function listRelations(dataset: Dataset): RelationRow[] {
  return dataset.relations.map((r) => {
    const e = relationEvidence(r);
    return {
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      confidence: e.confidence,
      witnesses: e.witnessesFor.length,
      supports: e.supports,
      disputes: e.disputes,
      contested: e.contested,
      bestGrade: e.bestGrade,
    };
  });
}
