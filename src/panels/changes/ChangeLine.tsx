import { CHANGE_STYLES, type ChangeKind } from '../../look/change-styles';

/** One kind's line as a small picture (the legend's and the Changes panel's). */
export function ChangeLine({ kind }: { kind: ChangeKind }) {
  const s = CHANGE_STYLES[kind];
  const dash = s.line === 'dashed' ? '6 4' : s.line === 'dotted' ? '1.5 3' : undefined;
  return (
    <svg className="change-line" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      {s.outline && <line x1="1" y1="5" x2="27" y2="5" stroke="#3e2723" strokeWidth={s.width + 3} />}
      <line x1="1" y1="5" x2="27" y2="5" stroke={s.color} strokeWidth={s.width} strokeDasharray={dash} strokeLinecap={s.line === 'dotted' ? 'round' : 'butt'} />
    </svg>
  );
}
