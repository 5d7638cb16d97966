/** Add or edit an actor. The change goes through applyEdit(), so the form cannot save an invalid actor. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS, actorIdFromName, applyEdit, type Actor, type Dataset, type Problem } from '../../../graph';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { actorFieldOf, invalidProps, placeProblems } from './field-errors';

interface ActorFormProps {
  dataset: Dataset;
  /** The actor edited, or null for a new one. */
  actorId: string | null;
  /** A new actor's name to start from (a name selected in a source text). */
  name?: string;
  onCommit: (dataset: Dataset, label: string) => void;
  onCancel: () => void;
}

export function ActorForm({ dataset, actorId, name: startName, onCommit, onCancel }: ActorFormProps) {
  const existing = actorId === null ? undefined : dataset.actors.find((a) => a.id === actorId);
  const [name, setName] = useState(existing?.name ?? startName ?? '');
  const [id, setId] = useState(existing?.id ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'state');
  const [aliases, setAliases] = useState((existing?.aliases ?? []).join('\n'));
  const [country, setCountry] = useState(existing?.country ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [tries, setTries] = useState(0);
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const placed = useMemo(() => placeProblems(problems, actorFieldOf), [problems]);
  useEffect(() => {
    if (tries) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tries]);
  const refuse = (found: Problem[]) => {
    setProblems(found);
    setTries((n) => n + 1);
  };
  const field = (key: string) => invalidProps(formId, placed, key);
  const error = (key: string) => <FieldError formId={formId} placed={placed} field={key} />;

  const save = () => {
    const actor: Actor = {
      id: id.trim() || actorIdFromName(dataset, name),
      name: name.trim(),
      kind: kind.trim() || 'organization',
      aliases: aliases.split('\n').map((a) => a.trim()).filter(Boolean),
    };
    if (country.trim()) actor.country = country.trim().toUpperCase();
    if (notes.trim()) actor.notes = notes.trim();
    if (existing?.attributes) actor.attributes = existing.attributes;
    if (!actor.name) {
      refuse([{ severity: 'error', path: 'name', message: 'is blank' }]);
      return;
    }
    const result = existing ? applyEdit(dataset, { op: 'updateActor', id: existing.id, actor }) : applyEdit(dataset, { op: 'addActor', actor });
    if (result.ok) onCommit(result.dataset, result.label);
    else refuse(result.problems);
  };

  return (
    <form
      ref={formRef}
      className="edit-form"
      aria-label={existing ? `Edit actor ${existing.name}` : 'New actor'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2>{existing ? `Edit ${existing.name}` : 'New actor'}</h2>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} autoFocus {...field('name')} />
        {error('name')}
      </label>
      <label>
        Id <input value={id} placeholder={name ? actorIdFromName(dataset, name) : 'made from the name'} onChange={(e) => setId(e.target.value)} {...field('id')} />
        {error('id')}
        {existing && id !== existing.id && <span className="muted"> its relations follow the new id</span>}
      </label>
      <label>
        Kind{' '}
        <input list="actor-kinds" value={kind} onChange={(e) => setKind(e.target.value)} {...field('kind')} />
        {error('kind')}
        <datalist id="actor-kinds">
          {ACTOR_KINDS.map((k) => <option key={k} value={k} />)}
        </datalist>
      </label>
      <label>
        Aliases (one per line) <textarea rows={2} value={aliases} onChange={(e) => setAliases(e.target.value)} {...field('aliases')} />
        {error('aliases')}
      </label>
      <label>
        Country code <input value={country} maxLength={2} size={3} placeholder="e.g. TJ" onChange={(e) => setCountry(e.target.value)} {...field('country')} />
        {error('country')}
      </label>
      <label>
        Notes <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <FormFooter problems={placed.rest} marked={placed.fields.size} submitLabel={existing ? 'Save' : 'Add actor'} onCancel={onCancel} />
    </form>
  );
}
