/**
 * How a relation's evidence is worded wherever it is shown (the hover
 * tooltip, the relation card, the claim lists), so that the numbers read the
 * same everywhere. Plain strings: the callers render them as text.
 */
import type { EvidenceReport, RelationEvidence, Witness } from '../../graph';

/** A confidence, support or doubt (0..1) to two decimals. */
export function formatShare(value: number): string {
  return value.toFixed(2);
}

/** "1 claim", "3 claims"; "no claim" for none. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${one}` : `${n} ${n === 1 ? one : many}`;
}

/** "2 for, 1 against", of claims or of witnesses. */
export function forAndAgainst(pro: number, con: number): string {
  return `${pro} for, ${con} against`;
}

/** Who the witness is: the asserter (or "unattributed") in its source (titled by `sourceTitle`). */
export function witnessName(w: Witness, sourceTitle: string): string {
  return `${w.assertedBy || 'unattributed'}, in ${sourceTitle}`;
}

/** What the witness brings: its grade, its weight and how many claims it made. */
export function witnessWeight(w: Witness): string {
  return `weighs ${formatShare(w.weight)}${w.claims > 1 ? `, from ${w.claims} claims counted once` : ''}`;
}

/** Why the relation is believed as much as it is, in one line: support, doubt, and whether it is contested. */
export function verdict(e: RelationEvidence): string {
  if (e.supports === 0 && e.disputes === 0) return 'No claim backs or disputes this relation: its confidence is neutral.';
  const weighed = `support ${formatShare(e.support)} against doubt ${formatShare(e.doubt)}`;
  if (e.contested) return `Contested: ${weighed}; the claims against outweigh the claims for.`;
  if (e.disputes === 0) return `Undisputed: ${weighed}.`;
  return `Disputed, not contested: ${weighed}.`;
}

/** Each left-out relation's list, once per report: the details panel asks for every relation it lists, the tooltip on every hover. */
const listOf = new WeakMap<EvidenceReport, ReadonlyMap<string, keyof EvidenceReport['leftOut']>>();

function leftOutLists(report: EvidenceReport): ReadonlyMap<string, keyof EvidenceReport['leftOut']> {
  let lists = listOf.get(report);
  if (!lists) {
    const map = new Map<string, keyof EvidenceReport['leftOut']>();
    for (const list of ['contested', 'belowGrade', 'belowConfidence'] as const) for (const id of report.leftOut[list]) map.set(id, list);
    listOf.set(report, (lists = map));
  }
  return lists;
}

/** Why the evidence setting leaves a relation out ("contested", "below confidence 0.36"), or null when it counts. */
export function leftOutReason(report: EvidenceReport, relationId: string): string | null {
  const { setting } = report;
  switch (leftOutLists(report).get(relationId)) {
    case 'contested':
      return 'contested';
    case 'belowGrade':
      return `no supporting claim at ${setting.minGrade} or better`;
    case 'belowConfidence':
      return `below confidence ${setting.minConfidence}`;
    default:
      return null;
  }
}
