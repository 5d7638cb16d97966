/**
 * The one Evidence setting (graph/analysis/evidence-setting.ts) for the
 * canvas and every analysis: whether contested relations count, a minimum
 * confidence and a minimum grade. Shown in the legend, under how evidence is
 * drawn; the URL carries it (state/url-state.ts).
 */
import { leftOutCount, type EvidenceReport, type EvidenceSetting, type Grade } from '../../graph';
import { ANY_GRADE, GradeThreshold } from './controls';

/** The minimum confidences offered: named by what one witness of that grade gives alone. */
const CONFIDENCE_STEPS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 0.09, label: '0.09 (one F6 witness)' },
  { value: 0.16, label: '0.16 (one D4 witness)' },
  { value: 0.36, label: '0.36 (one C3 witness)' },
  { value: 0.5, label: '0.5' },
  { value: 0.64, label: '0.64 (one B2 witness)' },
];

interface EvidenceControlProps {
  report: EvidenceReport;
  /** Relations shown (after the filter), to say "5 of 25 not counted". */
  shown: number;
  onEvidence: (setting: EvidenceSetting) => void;
}

export function EvidenceControl({ report, shown, onEvidence }: EvidenceControlProps) {
  const { setting } = report;
  const leftOut = leftOutCount(report.leftOut);
  const set = (change: Partial<EvidenceSetting>) => {
    const next: EvidenceSetting = { ...setting, ...change };
    for (const key of ['minConfidence', 'minGrade'] as const) if (next[key] === undefined) delete next[key];
    onEvidence(next);
  };
  const steps = CONFIDENCE_STEPS.some((s) => s.value === setting.minConfidence) || setting.minConfidence === undefined
    ? CONFIDENCE_STEPS
    : [...CONFIDENCE_STEPS, { value: setting.minConfidence, label: String(setting.minConfidence) }].sort((a, b) => a.value - b.value);
  return (
    <fieldset className="evidence-control" aria-describedby="evidence-counted">
      <legend>Evidence counted</legend>
      <label>
        Relations{' '}
        <select value={setting.contested} onChange={(e) => set({ contested: e.target.value as EvidenceSetting['contested'] })}>
          <option value="exclude">Not contested</option>
          <option value="include">All, contested included</option>
        </select>
      </label>
      <label>
        Confidence at least{' '}
        <select
          value={setting.minConfidence === undefined ? '' : String(setting.minConfidence)}
          onChange={(e) => set({ minConfidence: e.target.value === '' ? undefined : Number(e.target.value) })}
        >
          <option value="">any</option>
          {steps.map((s) => (
            <option key={s.value} value={String(s.value)}>{s.label}</option>
          ))}
        </select>
      </label>
      <GradeThreshold
        legend="A supporting claim at least"
        value={setting.minGrade ?? ANY_GRADE}
        onChange={(grade: Grade) => set({ minGrade: grade === ANY_GRADE ? undefined : grade })}
      />
      <p id="evidence-counted" className="legend-note" role="status" aria-live="polite">
        {leftOut === 0 ? `All ${shown} shown relations count.` : `${leftOut} of ${shown} shown relations not counted (drawn faint and dotted).`}
      </p>
    </fieldset>
  );
}
