import type { Problem } from '../../../graph';
import { ProblemList } from './ProblemList';

/** The end of an edit form: why the last try was not saved, then submit and Cancel. */
export function FormFooter({ problems, submitLabel, onCancel }: { problems: readonly Problem[]; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      <ProblemList problems={problems} title="Not saved:" />
      <div className="form-row">
        <button type="submit" className="primary">{submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </>
  );
}
