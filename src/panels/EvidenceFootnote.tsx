/**
 * What the evidence setting left out of an analysis, said under its result,
 * with one click to count it after all ("2 contested relations not counted —
 * include them"), and the time window it ran in. Every panel shows the same
 * report (state/use-evidence.ts, state/use-time-window.ts).
 */
import { useRef } from 'react';
import { describeEvidence, describeLeftOut, describeWindowReport, type EvidenceReport, type EvidenceSetting } from '../../graph';
import { useTimeWindowReport } from './time-window-context';

interface EvidenceFootnoteProps {
  report: EvidenceReport;
  onEvidence: (setting: EvidenceSetting) => void;
}

export function EvidenceFootnote({ report, onEvidence }: EvidenceFootnoteProps) {
  const { setting, leftOut } = report;
  const said = describeLeftOut(report);
  const time = useTimeWindowReport();
  // The button goes once its relations count: keep the keyboard focus on the footnote, which stays and says so.
  const note = useRef<HTMLParagraphElement>(null);
  const choose = (next: EvidenceSetting) => {
    note.current?.focus();
    onEvidence(next);
  };
  const without = (field: 'minGrade' | 'minConfidence'): EvidenceSetting => {
    const next = { ...setting };
    delete next[field];
    return next;
  };
  // One way back per test that left something out, in the order describeLeftOut names them.
  const undo = [
    { count: leftOut.contested.length, label: leftOut.contested.length === 1 ? 'include it' : 'include them', next: { ...setting, contested: 'include' as const } },
    { count: leftOut.belowGrade.length, label: 'any grade', next: without('minGrade') },
    { count: leftOut.belowConfidence.length, label: 'any confidence', next: without('minConfidence') },
  ].filter((u) => u.count > 0);
  return (
    <p className="evidence-footnote" role="note" tabIndex={-1} ref={note}>
      Counted: {describeEvidence(setting)}.
      {said && <> {said}</>}
      {undo.map((u) => (
        <span key={u.label}>
          {' — '}
          <button type="button" className="link" onClick={() => choose(u.next)}>
            {u.label}
          </button>
        </span>
      ))}
      {time && <> {describeWindowReport(time.report, time.relations)}.</>}
    </p>
  );
}
