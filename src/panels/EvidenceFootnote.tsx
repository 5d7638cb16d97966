/**
 * What the evidence setting left out of an analysis, said under its result,
 * with one click to count it after all ("2 contested relations not counted —
 * include them"). Every panel shows the same report (state/use-evidence.ts).
 */
import { describeEvidence, describeLeftOut, type EvidenceReport, type EvidenceSetting } from '../../graph';

interface EvidenceFootnoteProps {
  report: EvidenceReport;
  onEvidence: (setting: EvidenceSetting) => void;
}

export function EvidenceFootnote({ report, onEvidence }: EvidenceFootnoteProps) {
  const { setting, leftOut } = report;
  const said = describeLeftOut(report);
  const without = (field: 'minGrade' | 'minConfidence'): EvidenceSetting => {
    const next = { ...setting };
    delete next[field];
    return next;
  };
  return (
    <p className="evidence-footnote" role="note">
      Counted: {describeEvidence(setting)}.
      {said && <> {said}</>}
      {leftOut.contested.length > 0 && (
        <>
          {' — '}
          <button type="button" className="link" onClick={() => onEvidence({ ...setting, contested: 'include' })}>
            include {leftOut.contested.length === 1 ? 'it' : 'them'}
          </button>
        </>
      )}
      {leftOut.belowGrade.length > 0 && (
        <>
          {' — '}
          <button type="button" className="link" onClick={() => onEvidence(without('minGrade'))}>
            any grade
          </button>
        </>
      )}
      {leftOut.belowConfidence.length > 0 && (
        <>
          {' — '}
          <button type="button" className="link" onClick={() => onEvidence(without('minConfidence'))}>
            any confidence
          </button>
        </>
      )}
    </p>
  );
}
