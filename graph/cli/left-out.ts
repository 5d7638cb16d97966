/**
 * What a command says about the relations its evidence setting left out: one
 * line on stderr beside a text answer (stdout stays the answer), or an
 * `evidence` field in a JSON answer. Both only when something was left out.
 */
import { describeLeftOut, leftOutCount, type EvidenceReport } from '../analysis/evidence-setting';
import type { Io } from './common';
import { clean } from './terminal';

/** Relation ids named on stderr before "…". */
const IDS_SHOWN = 10;

/** `FILE: 2 contested relations not counted: r7, r9 (--evidence all counts them)`, on stderr. */
export function printLeftOut(io: Io, file: string, report: EvidenceReport | undefined): void {
  const text = report && describeLeftOut(report);
  if (!report || !text) return;
  const { contested, belowGrade, belowConfidence } = report.leftOut;
  const ids = [...contested, ...belowGrade, ...belowConfidence];
  const shown = ids.slice(0, IDS_SHOWN).map(clean).join(', ') + (ids.length > IDS_SHOWN ? `, … (${ids.length} in all)` : '');
  const them = contested.length === ids.length ? (ids.length === 1 ? 'it' : 'them') : 'the contested ones';
  const hint = contested.length ? ` (--evidence all counts ${them})` : '';
  io.err(`${file}: ${text}: ${shown}${hint}`);
}

/** The JSON answer with `evidence: { setting, leftOut }` added last when something was left out. */
export function withLeftOut<T extends object>(json: T, report: EvidenceReport | undefined): T & { evidence?: EvidenceReport } {
  return report && leftOutCount(report.leftOut) > 0 ? { ...json, evidence: report } : json;
}
