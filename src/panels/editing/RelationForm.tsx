/**
 * Add or edit a relation with its claims. The change goes through applyEdit(),
 * so whatever the form holds is checked exactly as a file would be.
 */
import { useState } from 'react';
import { RELATION_TYPES, applyEdit, isGrade, type Claim, type Dataset, type Problem, type Relation, type RelationType } from '../../../graph';
import { RELATION_STYLES } from '../../look/encoding';
import { ActorPicker } from '../ActorPicker';
import { FormFooter } from './FormFooter';

interface RelationFormProps {
  dataset: Dataset;
  relationId: string | null;
  source?: string;
  target?: string;
  onCommit: (dataset: Dataset, label: string) => void;
  onCancel: () => void;
}

/** A claim as the form edits it: every field as text. */
interface ClaimDraft {
  quote: string;
  title: string;
  publisher: string;
  sourceDate: string;
  url: string;
  paragraph: string;
  charStart: string;
  charEnd: string;
  assertedBy: string;
  date: string;
  stance: Claim['stance'];
  grade: string;
  notes: string;
}

const toDraft = (c: Claim): ClaimDraft => ({
  quote: c.quote,
  title: c.source.title,
  publisher: c.source.publisher ?? '',
  sourceDate: c.source.date ?? '',
  url: c.source.url ?? '',
  paragraph: c.locator.paragraph?.toString() ?? '',
  charStart: c.locator.chars?.[0].toString() ?? '',
  charEnd: c.locator.chars?.[1].toString() ?? '',
  assertedBy: c.assertedBy,
  date: c.date ?? '',
  stance: c.stance,
  grade: c.grade,
  notes: c.notes ?? '',
});

const emptyDraft = (): ClaimDraft => ({
  quote: '', title: '', publisher: '', sourceDate: '', url: '', paragraph: '', charStart: '', charEnd: '',
  assertedBy: '', date: '', stance: 'supports', grade: 'F6', notes: '',
});

/** Back to a claim; restore() (through applyEdit) judges the values, so numbers are passed as typed. */
function fromDraft(d: ClaimDraft, original: Claim | undefined): Claim {
  const claim: Claim = {
    quote: d.quote.trim(),
    source: { title: d.title.trim() },
    locator: {},
    assertedBy: d.assertedBy.trim(),
    stance: d.stance,
    grade: (isGrade(d.grade.trim().toUpperCase()) ? d.grade.trim().toUpperCase() : d.grade) as Claim['grade'],
  };
  if (d.publisher.trim()) claim.source.publisher = d.publisher.trim();
  if (d.sourceDate.trim()) claim.source.date = d.sourceDate.trim();
  if (d.url.trim()) claim.source.url = d.url.trim();
  if (d.paragraph.trim()) claim.locator.paragraph = Number(d.paragraph);
  if (d.charStart.trim() || d.charEnd.trim()) claim.locator.chars = [Number(d.charStart), Number(d.charEnd)];
  if (d.date.trim()) claim.date = d.date.trim();
  if (original?.period) claim.period = original.period;
  if (d.notes.trim()) claim.notes = d.notes.trim();
  return claim;
}

export function RelationForm({ dataset, relationId, source: initialSource, target: initialTarget, onCommit, onCancel }: RelationFormProps) {
  const existing = relationId === null ? undefined : dataset.relations.find((r) => r.id === relationId);
  const [source, setSource] = useState<string | null>(existing?.source ?? initialSource ?? null);
  const [target, setTarget] = useState<string | null>(existing?.target ?? initialTarget ?? null);
  const [type, setType] = useState<RelationType>(existing?.type ?? 'partner');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [claims, setClaims] = useState<ClaimDraft[]>(existing ? existing.claims.map(toDraft) : [emptyDraft()]);
  const [problems, setProblems] = useState<Problem[]>([]);

  const updateClaim = (i: number, patch: Partial<ClaimDraft>) => setClaims(claims.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const save = () => {
    if (!source || !target) {
      setProblems([{ severity: 'error', path: source ? 'target' : 'source', message: 'choose both actors' }]);
      return;
    }
    const relation: Omit<Relation, 'id'> = {
      source,
      target,
      type,
      claims: claims.map((d, i) => fromDraft(d, existing?.claims[i])),
    };
    if (notes.trim()) relation.notes = notes.trim();
    if (existing?.attributes) relation.attributes = existing.attributes;
    const result = existing
      ? applyEdit(dataset, { op: 'updateRelation', id: existing.id, relation: { ...relation, id: existing.id } })
      : applyEdit(dataset, { op: 'addRelation', relation });
    if (result.ok) onCommit(result.dataset, result.label);
    else setProblems(result.problems);
  };

  return (
    <form
      className="edit-form"
      aria-label={existing ? 'Edit relation' : 'New relation'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2>{existing ? 'Edit relation' : 'New relation'}</h2>
      <ActorPicker label="Source" actors={dataset.actors} value={source} onChange={setSource} />
      <label>
        Type{' '}
        <select value={type} onChange={(e) => setType(e.target.value as RelationType)}>
          {RELATION_TYPES.map((t) => <option key={t} value={t}>{RELATION_STYLES[t].label}: {RELATION_STYLES[t].description}</option>)}
        </select>
      </label>
      <ActorPicker label="Target" actors={dataset.actors} value={target} onChange={setTarget} />
      <label>
        Notes <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <h3>Claims</h3>
      {claims.map((c, i) => (
        <fieldset key={i} className="claim-editor">
          <legend>Claim {i + 1}</legend>
          <label>Quote (verbatim) <textarea rows={2} value={c.quote} onChange={(e) => updateClaim(i, { quote: e.target.value })} /></label>
          <label>Asserted by <input value={c.assertedBy} placeholder='speaker, "reported", "alleged by X"' onChange={(e) => updateClaim(i, { assertedBy: e.target.value })} /></label>
          <div className="form-row">
            <label>Grade <input value={c.grade} size={3} maxLength={2} title="Admiralty grade: reliability A–F then credibility 1–6, e.g. B2" onChange={(e) => updateClaim(i, { grade: e.target.value })} /></label>
            <label>
              Stance{' '}
              <select value={c.stance} onChange={(e) => updateClaim(i, { stance: e.target.value as Claim['stance'] })}>
                <option value="supports">supports</option>
                <option value="disputes">disputes</option>
              </select>
            </label>
            <label>Date <input value={c.date} size={10} placeholder="YYYY[-MM[-DD]]" onChange={(e) => updateClaim(i, { date: e.target.value })} /></label>
          </div>
          <label>Source title <input value={c.title} onChange={(e) => updateClaim(i, { title: e.target.value })} /></label>
          <div className="form-row">
            <label>Publisher <input value={c.publisher} onChange={(e) => updateClaim(i, { publisher: e.target.value })} /></label>
            <label>Published <input value={c.sourceDate} size={10} placeholder="YYYY-MM-DD" onChange={(e) => updateClaim(i, { sourceDate: e.target.value })} /></label>
          </div>
          <label>URL <input value={c.url} placeholder="https://…" onChange={(e) => updateClaim(i, { url: e.target.value })} /></label>
          <div className="form-row">
            <label>¶ <input value={c.paragraph} size={4} inputMode="numeric" onChange={(e) => updateClaim(i, { paragraph: e.target.value })} /></label>
            <label>chars <input value={c.charStart} size={5} inputMode="numeric" onChange={(e) => updateClaim(i, { charStart: e.target.value })} /></label>
            <label>to <input value={c.charEnd} size={5} inputMode="numeric" onChange={(e) => updateClaim(i, { charEnd: e.target.value })} /></label>
          </div>
          <label>Notes <input value={c.notes} onChange={(e) => updateClaim(i, { notes: e.target.value })} /></label>
          <button type="button" onClick={() => setClaims(claims.filter((_, j) => j !== i))}>Remove claim {i + 1}</button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setClaims([...claims, emptyDraft()])}>+ Add claim</button>
      <FormFooter problems={problems} submitLabel={existing ? 'Save' : 'Add relation'} onCancel={onCancel} />
    </form>
  );
}
