import type { Problem } from '../../../graph';
import { restWords } from './field-errors';

interface FormFooterProps {
  /** The problems that belong to no field (those on a field are said beside it). */
  problems: readonly Problem[];
  /** How many fields are marked as needing attention. */
  marked?: number;
  submitLabel: string;
  onCancel: () => void;
  /** A second way to save, beside the main one. */
  also?: { label: string; onClick: () => void } | undefined;
}

/** The end of an edit form: why the last try was not saved (one alert), then submit and Cancel. */
export function FormFooter({ problems, marked = 0, submitLabel, onCancel, also }: FormFooterProps) {
  const shown = marked > 0 || problems.length > 0;
  return (
    <>
      {shown && (
        <div className="problems" role="alert">
          <strong>Not saved:</strong>
          {marked > 0 && ` ${marked === 1 ? 'one field needs' : `${marked} fields need`} attention (marked above).`}
          {problems.length > 0 && (
            <ul>
              {problems.map((p, i) => (
                <li key={i} className={p.severity}>{p.severity === 'warning' ? 'Note: ' : ''}{restWords(p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-row">
        <button type="submit" className="primary">{submitLabel}</button>
        {also && <button type="button" onClick={also.onClick}>{also.label}</button>}
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </>
  );
}
