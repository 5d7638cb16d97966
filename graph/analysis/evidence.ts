/**
 * How much to believe a relation: who asserts it, in which document, how well
 * graded, and who says otherwise. Used to draw and rank relations, to drop
 * weak or contested ones, and to explain what a result rests on.
 *
 * - A claim weighs reliability × credibility (the tables below).
 * - A **witness** is one asserter in one source document (its source id +
 *   asserterKey). Its claims on a relation count once per stance, by the
 *   strongest: six quotes from one interviewee are one witness, not six.
 * - Independent witnesses combine by noisy-OR: support = 1 − Π(1 − w) over
 *   the supporting witnesses, doubt the same over the disputing ones, and
 *   confidence = support × (1 − doubt). No supporting witness: 0. A relation
 *   imported without any claim (a plain edge list) gets NO_EVIDENCE.
 * - **Contested**: at least one disputing witness, and doubt ≥ support.
 *
 * graph/README.md, "Evidence: confidence and grade thresholds", says why.
 */
import type { Claim, Grade, Relation } from '../model/types';
import { fold } from '../sources/citation';

// A–E and 1–5 step down evenly. F and 6 ("cannot be judged") sit between D/4 and E/5: an
// unjudged source or report has earned no trust, whereas D has given valid information before
// and 4 is at least possible, so it weighs less than those; but nothing is known against it,
// whereas E has a record of invalid information and 5 is contradicted, so it weighs more.
const RELIABILITY: Record<string, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };
const CREDIBILITY: Record<string, number> = { '1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0.3 };

/** Confidence of a relation that carries no claim at all (e.g. from a CSV edge list): unknown, so neutral. */
export const NO_EVIDENCE = 0.5;

export function claimWeight(grade: Grade): number {
  return RELIABILITY[grade[0]!]! * CREDIBILITY[grade[1]!]!;
}

/**
 * Below this confidence a relation is **weak**: less than one C3 witness
 * ("fairly reliable", "possibly true", 0.36) would give it alone. Paths,
 * triads and blocs mark the weak relations they rest on.
 */
export const WEAK_CONFIDENCE = RELIABILITY.C! * CREDIBILITY['3']!;

/** Weak (below WEAK_CONFIDENCE) and not contested, which is marked as such; a relation without claims is neither. */
export function isWeak(e: Pick<RelationEvidence, 'confidence' | 'contested' | 'supports' | 'disputes'>): boolean {
  return !e.contested && e.supports + e.disputes > 0 && e.confidence < WEAK_CONFIDENCE;
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

/**
 * Who asserts a claim, up to case and space. "alleged by X" and "reported by X"
 * are X's assertions relayed by the document, so they are X; a bare "reported"
 * (nobody named) is one witness per document, since the unnamed sources
 * behind it cannot be told apart.
 */
export function asserterKey(assertedBy: string): string {
  const who = fold(assertedBy);
  const relayed = /^(?:alleged|reported) by (.+)$/.exec(who);
  return relayed ? relayed[1]! : who;
}

/** One asserter in one source document: several of its claims on a relation count as one witness. */
export interface Witness {
  /** The id of its source document (the dataset's `sources`). */
  sourceId: string;
  /** As the first of its claims spells it. */
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
  /** At least one disputing witness and doubt ≥ support (graph/README.md, "Evidence"). */
  contested: boolean;
  /** Claims by stance. */
  supports: number;
  disputes: number;
  /** Independent witnesses for and against, strongest first. */
  witnessesFor: Witness[];
  witnessesAgainst: Witness[];
  /** The grade of the strongest supporting witness; null when none supports. */
  bestGrade: Grade | null;
  /** How the confidence was reached, in one sentence, for a "why". */
  rule: string;
}

/** Heavier first; equal weights (B3 and C2) by grade, then by name, so the order never depends on the claims' order. */
function compareWitnesses(a: Witness, b: Witness): number {
  return b.weight - a.weight || order(a.grade, b.grade) || order(a.assertedBy, b.assertedBy) || order(a.sourceId, b.sourceId);
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The witnesses of one stance, strongest first. */
function witnessesOf(claims: readonly Claim[], stance: 'supports' | 'disputes'): Witness[] {
  const byKey = new Map<string, Witness>();
  for (const c of claims) {
    const side = c.stance === 'supports' ? 'supports' : 'disputes';
    if (side !== stance) continue;
    const key = `${c.sourceId}\u0001${asserterKey(c.assertedBy)}`;
    const weight = claimWeight(c.grade);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { sourceId: c.sourceId, assertedBy: c.assertedBy.trim(), stance, grade: c.grade, weight, claims: 1 });
      continue;
    }
    seen.claims++;
    if (weight > seen.weight || (weight === seen.weight && c.grade < seen.grade)) {
      seen.grade = c.grade;
      seen.weight = weight;
    }
  }
  return [...byKey.values()].sort(compareWitnesses);
}

/** Noisy-OR: the chance that at least one witness is right, were they independent. Multiplied strongest first, so the result is the same whatever the claims' order. */
function combine(witnesses: readonly Witness[]): number {
  let none = 1;
  for (const w of witnesses) none *= 1 - w.weight;
  return 1 - none;
}

export function relationEvidence(relation: Pick<Relation, 'claims'>): RelationEvidence {
  const weighed = weigh(relation.claims);
  return { ...weighed, rule: ruleOf(weighed) };
}

/** relationEvidence(relation).confidence, without writing the rule (the analyses call this once per relation). */
export function relationConfidence(relation: Pick<Relation, 'claims'>): number {
  return weigh(relation.claims).confidence;
}

/** relationEvidence() without the rule's sentence: for what reads every relation (the evidence setting, the canvas) and shows no "why". */
export function weighRelation(relation: Pick<Relation, 'claims'>): Omit<RelationEvidence, 'rule'> {
  return weigh(relation.claims);
}

function weigh(claims: readonly Claim[]): Omit<RelationEvidence, 'rule'> {
  const witnessesFor = witnessesOf(claims, 'supports');
  const witnessesAgainst = witnessesOf(claims, 'disputes');
  const support = combine(witnessesFor);
  const doubt = combine(witnessesAgainst);
  const supports = claims.filter((c) => c.stance === 'supports').length;
  return {
    confidence: claims.length === 0 ? NO_EVIDENCE : support * (1 - doubt),
    support,
    doubt,
    contested: witnessesAgainst.length > 0 && doubt >= support,
    supports,
    disputes: claims.length - supports,
    witnessesFor,
    witnessesAgainst,
    bestGrade: witnessesFor[0]?.grade ?? null,
  };
}

/** Two decimals, or two significant digits below 0.01 so that a small confidence does not read as 0. */
function figure(x: number): string {
  return x === 0 || x >= 0.01 ? x.toFixed(2) : x.toPrecision(2);
}

/** "1 witness for (B2; its 3 claims count once)", "2 independent witnesses for (best B2; 5 claims, each witness counted once)". */
function sideOf(witnesses: readonly Witness[], claims: number, side: 'for' | 'against'): string {
  const n = witnesses.length;
  if (n === 0) return side === 'for' ? 'no witness for' : 'none against';
  if (n === 1) {
    const counted = claims > 1 ? `; its ${claims} claims count once` : '';
    return `${side === 'for' ? '1 witness for' : '1 against'} (${witnesses[0]!.grade}${counted})`;
  }
  const counted = claims > n ? `; ${claims} claims, each witness counted once` : '';
  return `${n} independent witnesses ${side} (best ${witnesses[0]!.grade}${counted})`;
}

/**
 * The rule in one sentence, e.g. "2 independent witnesses for (best B2), 1 against (C3):
 * support 0.86 × (1 − doubt 0.36) = 0.55".
 */
function ruleOf(e: Omit<RelationEvidence, 'rule'>): string {
  if (e.supports + e.disputes === 0) return `No claims: confidence ${figure(NO_EVIDENCE)}, neither for nor against.`;
  const who = `${sideOf(e.witnessesFor, e.supports, 'for')}, ${sideOf(e.witnessesAgainst, e.disputes, 'against')}`;
  let sum: string;
  if (e.witnessesFor.length === 0) sum = 'nothing supports it, so confidence 0';
  else if (e.witnessesAgainst.length === 0) sum = `confidence = support ${figure(e.support)}`;
  else sum = `support ${figure(e.support)} × (1 − doubt ${figure(e.doubt)}) = ${figure(e.confidence)}`;
  return `${who}: ${sum}${e.contested ? '; contested, as doubt ≥ support' : ''}.`;
}
