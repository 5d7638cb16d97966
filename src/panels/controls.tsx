/** Small form controls shared by the analysis panels. */
import { RELATION_TYPES, type Grade, type RelationType } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';

export function TypeChecklist(props: {
  legend: string;
  value: readonly RelationType[];
  onChange: (types: RelationType[]) => void;
  types?: readonly RelationType[];
}) {
  const types = props.types ?? RELATION_TYPES;
  return (
    <fieldset className="type-checklist">
      <legend>{props.legend}</legend>
      {types.map((t) => (
        <label key={t} style={{ color: RELATION_STYLES[t].color }}>
          <input
            type="checkbox"
            checked={props.value.includes(t)}
            onChange={(e) =>
              props.onChange(e.target.checked ? RELATION_TYPES.filter((x) => x === t || props.value.includes(x)) : props.value.filter((x) => x !== t))
            }
          />{' '}
          {RELATION_STYLES[t].label}
        </label>
      ))}
    </fieldset>
  );
}

const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'] as const;

/**
 * A minimum Admiralty grade as two choices. F and 6 ("cannot be judged") are
 * the lowest, so F6 means "any evidence".
 */
export function GradeThreshold({ value, onChange, legend = 'Evidence at least' }: { value: Grade; onChange: (g: Grade) => void; legend?: string }) {
  const [r, c] = [value[0] as (typeof RELIABILITIES)[number], value[1] as (typeof CREDIBILITIES)[number]];
  return (
    <fieldset className="grade-threshold">
      <legend>{legend}</legend>
      <label>
        reliability{' '}
        <select value={r} onChange={(e) => onChange(`${e.target.value}${c}` as Grade)}>
          {RELIABILITIES.map((x) => (
            <option key={x} value={x}>{x === 'F' ? 'any' : x}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        credibility{' '}
        <select value={c} onChange={(e) => onChange(`${r}${e.target.value}` as Grade)}>
          {CREDIBILITIES.map((x) => (
            <option key={x} value={x}>{x === '6' ? 'any' : x}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

export const ANY_GRADE: Grade = 'F6';

export function signSymbol(sign: number): string {
  return sign > 0 ? '+' : sign < 0 ? '−' : '?';
}
