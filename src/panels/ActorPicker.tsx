/**
 * Choose one actor: type to search by name or alias (keyboard as in the
 * search box), or arm "pick on graph" and click an actor on the canvas.
 */
import type { Actor } from '../../graph';
import { SearchBox } from './SearchBox';

interface ActorPickerProps {
  label: string;
  actors: readonly Actor[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Arms picking on the canvas; the next actor clicked there becomes the value. */
  onPickOnGraph?: () => void;
  picking?: boolean;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

export function ActorPicker({ label, actors, value, onChange, onPickOnGraph, picking, invalid }: ActorPickerProps) {
  const current = actors.find((a) => a.id === value);
  return (
    <div className="actor-picker">
      <span className="picker-label">{label}</span>
      <SearchBox
        actors={actors}
        label={label}
        placeholder="name or alias…"
        text={current?.name ?? ''}
        onPick={(id) => onChange(id)}
        {...(invalid ? { invalid } : {})}
      />
      {onPickOnGraph && (
        <button
          type="button"
          className={picking ? 'pick armed' : 'pick'}
          aria-pressed={picking ?? false}
          title="Click an actor on the graph to choose it"
          aria-label={`Pick ${label} on the graph`}
          onClick={onPickOnGraph}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M7 0v4M7 10v4M0 7h4M10 7h4" stroke="currentColor" strokeWidth="1.4" />
          </svg>
        </button>
      )}
      {value && (
        <button type="button" className="clear" aria-label={`Clear ${label}`} onClick={() => onChange(null)}>
          ×
        </button>
      )}
    </div>
  );
}
