import { errorId, type FieldKey, type PlacedProblems } from './field-errors';

/** The words for a field's error, right under it; referenced by the field's aria-describedby. */
export function FieldError({ formId, placed, field }: { formId: string; placed: PlacedProblems; field: FieldKey }) {
  const text = placed.fields.get(field);
  return text ? <span id={errorId(formId, field)} className="field-error">{text}</span> : null;
}
