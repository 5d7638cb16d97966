/**
 * Find an actor by name or alias. A combobox (WAI-ARIA 1.2): arrow keys move
 * through the matches, Enter selects, Escape closes.
 */
import { useId, useMemo, useState } from 'react';
import type { Actor } from '../../graph';
import { findActors, type Match } from '../state/find-actors';

interface SearchBoxProps {
  actors: readonly Actor[];
  onPick: (id: string) => void;
  /** Accessible name of the box. */
  label?: string;
  placeholder?: string;
  /** Text shown when the value changes from outside (e.g. picked on the graph). */
  text?: string;
  /** A form's mark on the box when its value was refused (aria-invalid, aria-describedby). */
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

export function SearchBox({ actors, onPick, label = 'Find actor', placeholder = 'Find actor or alias…', text, invalid = {} }: SearchBoxProps) {
  const [query, setQuery] = useState(text ?? '');
  const [shownText, setShownText] = useState(text);
  if (text !== shownText) {
    // The value was set from outside: show it (React's "adjust state on prop change").
    setShownText(text);
    setQuery(text ?? '');
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => findActors(actors, query), [actors, query]);
  const expanded = open && matches.length > 0;

  const pick = (m: Match | undefined) => {
    if (!m) return;
    onPick(m.actor.id);
    setQuery(m.actor.name);
    setOpen(false);
  };

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        {...invalid}
        value={query}
        title={query || undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(matches[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {query.trim() !== '' && open && matches.length === 0 && <div className="search-empty">No actor matches</div>}
      <ul id={listId} role="listbox" aria-label={`Matching actors: ${label}`} hidden={!expanded}>
        {matches.map((m, i) => (
          <li
            key={m.actor.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(m);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {m.actor.name}
            {m.via && <span className="via"> (alias “{m.via}”)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
