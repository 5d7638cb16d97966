/**
 * The Admiralty grade as its two parts, each with the scale's words: the
 * source's reliability (A completely reliable … F cannot be judged) and the
 * information's credibility (1 confirmed … 6 cannot be judged). A new claim
 * starts with neither chosen: nothing is graded by default.
 */
import { CREDIBILITY, RELIABILITY, describeGrade, isGrade } from '../../../graph';

interface GradePickerProps {
  /** Two characters, one, or none: what has been chosen so far. */
  value: string;
  onChange: (value: string) => void;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

const RELIABILITIES = Object.entries(RELIABILITY) as Array<[keyof typeof RELIABILITY, string]>;
const CREDIBILITIES = Object.entries(CREDIBILITY) as Array<[string, string]>;

export function GradePicker({ value, onChange, invalid = {} }: GradePickerProps) {
  const upper = value.trim().toUpperCase();
  const reliability = /^[A-F]/.test(upper) ? upper[0]! : '';
  const credibility = /^[A-F]?([1-6])$/.exec(upper)?.[1] ?? '';
  return (
    <fieldset className="grade-picker">
      <legend>Grade</legend>
      <div className="form-row">
        <label>
          Reliability of the source{' '}
          <select value={reliability} onChange={(e) => onChange(`${e.target.value}${credibility}`)} {...invalid}>
            <option value="">— choose —</option>
            {RELIABILITIES.map(([r, words]) => <option key={r} value={r}>{r} — {words}</option>)}
          </select>
        </label>
        <label>
          Credibility of the information{' '}
          <select value={credibility} onChange={(e) => onChange(`${reliability}${e.target.value}`)} {...invalid}>
            <option value="">— choose —</option>
            {CREDIBILITIES.map(([c, words]) => <option key={c} value={c}>{c} — {words}</option>)}
          </select>
        </label>
      </div>
      <span className="muted grade-meaning" aria-live="polite">{isGrade(upper) ? `${upper}: ${describeGrade(upper)}` : 'Not graded yet: choose both parts.'}</span>
    </fieldset>
  );
}
