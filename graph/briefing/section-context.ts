/**
 * What every briefing section is built with: the relations by id, the
 * relations that count (the dataset after the filter and the evidence
 * setting: the graph the analyses ran on), actor names, and the grade the
 * sensitivity lines weigh findings at.
 */
import type { Dataset, Grade, Relation } from '../model/types';

export interface SectionContext {
  relation(id: string): Relation | undefined;
  /** The dataset with only the relations that count, as the analyses saw it. */
  counted: Dataset;
  name(id: string): string;
  grade: Grade;
}
