/**
 * How much to believe a relation, from its claims' Admiralty grades. Used to
 * rank paths, to drop weak relations, and to explain what a result rests on.
 *
 * A claim's weight is reliability × credibility, each mapped to 0..1:
 *   reliability A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F ("cannot be judged") 0.5
 *   credibility 1 1.0, 2 0.8, 3 0.6, 4 0.4, 5 0.2, 6 ("cannot be judged") 0.5
 * A relation's confidence combines its claims as independent witnesses
 * (noisy-OR): support = 1 − Π(1 − w) over `supports` claims, doubt likewise
 * over `disputes` claims, confidence = support × (1 − doubt). No supporting
 * claim: confidence 0 for evidence-graded datasets; a relation imported
 * without any claim (a plain edge list) gets NO_EVIDENCE.
 */
import type { Claim, Grade, Relation } from '../model/types';

const RELIABILITY: Record<string, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 };
const CREDIBILITY: Record<string, number> = { '1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0.5 };

/** Confidence of a relation that carries no claim at all (e.g. from a CSV edge list): unknown, so neutral. */
export const NO_EVIDENCE = 0.5;

export function claimWeight(grade: Grade): number {
  return RELIABILITY[grade[0]!]! * CREDIBILITY[grade[1]!]!;
}

export function relationConfidence(relation: Pick<Relation, 'claims'>): number {
  if (relation.claims.length === 0) return NO_EVIDENCE;
  let notSupported = 1;
  let notDisputed = 1;
  for (const c of relation.claims) {
    if (c.stance === 'supports') notSupported *= 1 - claimWeight(c.grade);
    else notDisputed *= 1 - claimWeight(c.grade);
  }
  return (1 - notSupported) * notDisputed;
}

/**
 * "At or above" a grade: reliability at least as good AND credibility at least
 * as good (A and 1 are best). F and 6 ("cannot be judged") meet only F / 6.
 */
export function meetsGrade(grade: Grade, minimum: Grade): boolean {
  return grade[0]! <= minimum[0]! && grade[1]! <= minimum[1]!;
}

/**
 * Keeps a relation if at least one of its supporting claims meets the grade.
 * Relations without claims never meet a grade threshold.
 */
export function relationMeetsGrade(relation: Pick<Relation, 'claims'>, minimum: Grade): boolean {
  return relation.claims.some((c: Claim) => c.stance === 'supports' && meetsGrade(c.grade, minimum));
}

/** One asserter in one source document: several of its claims on a relation count as one witness. */
export interface Witness {
  /** The source's title (and date), as the claims cite it. */
  source: string;
  assertedBy: string;
  stance: 'supports' | 'disputes';
  /** The strongest of its claims' grades on this relation. */
  grade: Grade;
  /** What this witness weighs (0..1), from its strongest claim. */
  weight: number;
  /** How many claims of this relation it made with this stance. */
  claims: number;
}

/** What a relation's evidence amounts to: the one summary the canvas, the panels, the analyses and the CLI read. */
export interface RelationEvidence {
  /** 0..1; NO_EVIDENCE for a relation imported without any claim. */
  confidence: number;
  /** Combined weight of the supporting and of the disputing witnesses (0..1 each). */
  support: number;
  doubt: number;
  /** The doubt outweighs the support (graph/README.md, "Evidence"). */
  contested: boolean;
  /** Claims by stance. */
  supports: number;
  disputes: number;
  /** Independent witnesses for and against, strongest first. */
  witnessesFor: Witness[];
  witnessesAgainst: Witness[];
  /** The best grade among the supporting claims; null when none supports. */
  bestGrade: Grade | null;
  /** How the confidence was reached, in one sentence, for a "why". */
  rule: string;
}

// CONTRACT SKELETON: relationEvidence() is the API; its internals are being replaced by the
// witness model of issue 10 (one asserter in one source counts once).
export function relationEvidence(relation: Pick<Relation, 'claims'>): RelationEvidence {
  const witnesses = (stance: 'supports' | 'disputes'): Witness[] =>
    relation.claims
      .filter((c) => c.stance === stance)
      .map((c) => ({ source: c.source.title, assertedBy: c.assertedBy, stance, grade: c.grade, weight: claimWeight(c.grade), claims: 1 }))
      .sort((a, b) => b.weight - a.weight);
  const witnessesFor = witnesses('supports');
  const witnessesAgainst = witnesses('disputes');
  const combine = (ws: Witness[]) => 1 - ws.reduce((p, w) => p * (1 - w.weight), 1);
  const support = combine(witnessesFor);
  const doubt = combine(witnessesAgainst);
  const grades = relation.claims.filter((c) => c.stance === 'supports').map((c) => c.grade).sort();
  return {
    confidence: relationConfidence(relation),
    support,
    doubt,
    contested: doubt > support,
    supports: witnessesFor.length,
    disputes: witnessesAgainst.length,
    witnessesFor,
    witnessesAgainst,
    bestGrade: grades[0] ?? null,
    rule: 'support × (1 − doubt), each combined over the claims as independent witnesses',
  };
}
