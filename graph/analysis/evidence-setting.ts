/**
 * Which relations count: the one evidence setting that the canvas, every
 * analysis and the CLI apply, after the filter. It only ever leaves relations
 * out, never actors, and it reads each relation's evidence through
 * weighRelation() and relationMeetsGrade() (evidence.ts), so it follows
 * whatever confidence model those implement.
 */
import type { Dataset, Grade, Relation } from '../model/types';
import { isGrade } from '../schema/grade';
import { relationMeetsGrade, weighRelation } from './evidence';

export interface EvidenceSetting {
  /** Whether contested relations (doubt outweighs support, RelationEvidence.contested) count. */
  contested: 'include' | 'exclude';
  /**
   * Only relations whose confidence is at least this (0..1) count. A relation
   * without any claim has confidence NO_EVIDENCE (0.5) and is compared as
   * such: it counts up to a minimum of 0.5 and not above.
   */
  minConfidence?: number;
  /** Only relations with a supporting claim at this grade or better count (relationMeetsGrade; never one without claims). */
  minGrade?: Grade;
}

/** Uncontested relations, whatever their confidence or grade: what the explorer and the CLI count unless told otherwise. */
export const DEFAULT_EVIDENCE: EvidenceSetting = Object.freeze({ contested: 'exclude' });

/** Every relation counts. */
export const ALL_EVIDENCE: EvidenceSetting = Object.freeze({ contested: 'include' });

/**
 * The relations a setting left out, by id in dataset order, under the first
 * test each one failed (contested, then grade, then confidence), so every
 * left-out relation is in exactly one list and the lengths are the counts.
 */
export interface LeftOut {
  contested: string[];
  belowGrade: string[];
  belowConfidence: string[];
}

/** What an answer on a graph says about the setting it ran with. */
export interface EvidenceReport {
  setting: EvidenceSetting;
  leftOut: LeftOut;
}

/**
 * The dataset with only the relations that count (its actors untouched; the
 * same object when nothing is left out), what was left out, and the setting
 * as checked (checkEvidenceSetting: throws on a malformed one).
 */
export function applyEvidence(dataset: Dataset, setting: EvidenceSetting): { dataset: Dataset; leftOut: LeftOut; setting: EvidenceSetting } {
  const checked = checkEvidenceSetting(setting);
  const leftOut: LeftOut = { contested: [], belowGrade: [], belowConfidence: [] };
  const relations = dataset.relations.filter((r) => {
    const reason = failedTest(r, checked);
    if (reason) leftOut[reason].push(r.id);
    return !reason;
  });
  return { dataset: relations.length === dataset.relations.length ? dataset : { ...dataset, relations }, leftOut, setting: checked };
}

let claimless: ReturnType<typeof weighRelation> | undefined;

function failedTest(relation: Relation, setting: EvidenceSetting): keyof LeftOut | null {
  const { contested, minGrade, minConfidence } = setting;
  // Read the evidence only when a test needs it: "all relations" costs nothing. A plain edge list's
  // claimless relations all weigh the same (50,000 of them: 31-45 ms each time, 2-3 ms weighed once).
  const evidence = contested === 'exclude' || minConfidence !== undefined ? (relation.claims.length ? weighRelation(relation) : (claimless ??= weighRelation({ claims: [] }))) : null;
  if (contested === 'exclude' && evidence!.contested) return 'contested';
  if (minGrade !== undefined && !relationMeetsGrade(relation, minGrade)) return 'belowGrade';
  if (minConfidence !== undefined && evidence!.confidence < minConfidence) return 'belowConfidence';
  return null;
}

/** How many relations were left out, over all tests. */
export function leftOutCount(leftOut: LeftOut): number {
  return leftOut.contested.length + leftOut.belowGrade.length + leftOut.belowConfidence.length;
}

/** The setting in one line, for a footnote: "uncontested relations with confidence at least 0.6 and a supporting claim at C3 or better". */
export function describeEvidence(setting: EvidenceSetting): string {
  const tests: string[] = [];
  if (setting.minConfidence !== undefined) tests.push(`confidence at least ${setting.minConfidence}`);
  if (setting.minGrade !== undefined) tests.push(`a supporting claim at ${setting.minGrade} or better`);
  const which = setting.contested === 'exclude' ? 'uncontested relations' : tests.length ? 'relations' : 'all relations, contested ones included';
  return tests.length ? `${which} with ${tests.join(' and ')}` : which;
}

/** What was left out, in one line ("2 contested relations and 1 below confidence 0.6 not counted"); null when nothing was. */
export function describeLeftOut(report: EvidenceReport): string | null {
  const { setting, leftOut } = report;
  const parts: string[] = [];
  const first = (n: number, what: string) => `${n} ${parts.length ? '' : n === 1 ? 'relation ' : 'relations '}${what}`;
  if (leftOut.contested.length) parts.push(`${leftOut.contested.length} contested ${leftOut.contested.length === 1 ? 'relation' : 'relations'}`);
  if (leftOut.belowGrade.length) parts.push(first(leftOut.belowGrade.length, `without a supporting claim at ${setting.minGrade} or better`));
  if (leftOut.belowConfidence.length) parts.push(first(leftOut.belowConfidence.length, `below confidence ${setting.minConfidence}`));
  if (!parts.length) return null;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
  return `${list} not counted`;
}

/**
 * A setting that arrives as data (a request through the worker, a stored
 * state), checked: returned as a fresh object with only the known fields, or
 * a RangeError saying what is wrong.
 */
export function checkEvidenceSetting(value: unknown): EvidenceSetting {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new RangeError(`evidence: a setting is an object { contested, minConfidence?, minGrade? }, not ${JSON.stringify(value) ?? String(value)}`);
  }
  const { contested, minConfidence, minGrade } = value as Record<string, unknown>;
  if (contested !== 'include' && contested !== 'exclude') {
    throw new RangeError(`evidence: contested must be "include" or "exclude", not ${JSON.stringify(contested) ?? String(contested)}`);
  }
  const setting: EvidenceSetting = { contested };
  if (minConfidence !== undefined) {
    if (!isConfidence(minConfidence)) throw new RangeError(`evidence: minConfidence must be a number from 0 to 1, not ${JSON.stringify(minConfidence) ?? String(minConfidence)}`);
    setting.minConfidence = minConfidence;
  }
  if (minGrade !== undefined) {
    if (!isGrade(minGrade)) throw new RangeError(`evidence: minGrade must be an Admiralty grade (A1 … F6), not ${JSON.stringify(minGrade) ?? String(minGrade)}`);
    setting.minGrade = minGrade;
  }
  return setting;
}

const isConfidence = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/** The named choices of `contested`, as the CLI's --evidence and a URL write them. */
export const EVIDENCE_CHOICES = ['all', 'uncontested'] as const;
export type EvidenceChoice = (typeof EVIDENCE_CHOICES)[number];

/** A setting as text (URL parameters, command-line options); absent fields take their defaults. */
export interface EvidenceText {
  evidence?: string;
  minConfidence?: string;
  minGrade?: string;
}

export type ParsedEvidence = { ok: true; setting: EvidenceSetting } | { ok: false; field: keyof EvidenceText; problem: string };

/**
 * Reads a setting from untrusted text: `evidence` all | uncontested (default
 * uncontested), `minConfidence` a decimal number from 0 to 1, `minGrade` an
 * Admiralty grade (case and surrounding spaces ignored). A failure names the
 * field and says what is wrong with the value (`"2" is not a number from 0 to 1`),
 * for the caller to put after its own name for the field.
 */
export function parseEvidence(text: EvidenceText): ParsedEvidence {
  const setting: EvidenceSetting = { ...DEFAULT_EVIDENCE };
  if (text.evidence !== undefined) {
    const choice = text.evidence.trim().toLowerCase();
    if (!(EVIDENCE_CHOICES as readonly string[]).includes(choice)) {
      return { ok: false, field: 'evidence', problem: `"${text.evidence}" is not one of ${EVIDENCE_CHOICES.join(', ')}` };
    }
    setting.contested = choice === 'all' ? 'include' : 'exclude';
  }
  if (text.minConfidence !== undefined) {
    const value = text.minConfidence.trim();
    const x = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) ? Number(value) : NaN;
    if (!isConfidence(x)) return { ok: false, field: 'minConfidence', problem: `"${text.minConfidence}" is not a number from 0 to 1` };
    setting.minConfidence = x;
  }
  if (text.minGrade !== undefined) {
    const grade = text.minGrade.trim().toUpperCase();
    if (!isGrade(grade)) return { ok: false, field: 'minGrade', problem: `"${text.minGrade}" is not an Admiralty grade (A1 … F6, e.g. C3)` };
    setting.minGrade = grade;
  }
  return { ok: true, setting };
}

/** The inverse of parseEvidence, for writing a setting into a URL: parseEvidence(evidenceText(s)) gives s back. */
export function evidenceText(setting: EvidenceSetting): EvidenceText {
  const text: EvidenceText = { evidence: setting.contested === 'include' ? 'all' : 'uncontested' };
  if (setting.minConfidence !== undefined) text.minConfidence = String(setting.minConfidence);
  if (setting.minGrade !== undefined) text.minGrade = setting.minGrade;
  return text;
}
