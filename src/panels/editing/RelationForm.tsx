/**
 * Add or edit a relation with its claims. The change goes through applyEdit(),
 * so whatever the form holds is checked exactly as a file would be.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { RELATION_TYPES, applyEdit, citeSource, findSameRelation, isGrade, type Claim, type Dataset, type Problem, type QuoteContext, type Relation, type RelationType, type Source, type SourceRef } from '../../../graph';
import type { ClaimSeed } from '../../state/app-state';
import { RELATION_STYLES } from '../../look/encoding';
import { ActorPicker } from '../ActorPicker';
import { FieldError } from './FieldError';
import { FormFooter } from './FormFooter';
import { GradePicker } from './GradePicker';
import { WrappingField } from './WrappingField';
import { invalidProps, placeProblems, relationFieldOf } from './field-errors';

interface RelationFormProps {
  dataset: Dataset;
  relationId: string | null;
  source?: string;
  target?: string;
  /** A claim begun from a passage of a source text: its quote, place, context and source filled in. */
  seed?: ClaimSeed;
  /** `relationId`: the relation added or changed, to be selected and shown. */
  onCommit: (dataset: Dataset, label: string, relationId: string) => void;
  onCancel: () => void;
}

/** A claim as the form edits it: every field as text. */
interface ClaimDraft {
  quote: string;
  /** One of the dataset's sources, or '' for a new one given by the citation fields below. */
  sourceId: string;
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
  page: string;
  /** Carried with the quote it was taken for (a text-quote selector's prefix and suffix). */
  context?: QuoteContext;
}

const toDraft = (c: Claim): ClaimDraft => ({
  quote: c.quote,
  sourceId: c.sourceId,
  title: '',
  publisher: '',
  sourceDate: '',
  url: '',
  paragraph: c.locator.paragraph?.toString() ?? '',
  charStart: c.locator.chars?.[0].toString() ?? '',
  charEnd: c.locator.chars?.[1].toString() ?? '',
  assertedBy: c.assertedBy,
  date: c.date ?? '',
  stance: c.stance,
  grade: c.grade,
  notes: c.notes ?? '',
  page: c.locator.page?.toString() ?? '',
  ...(c.context ? { context: c.context } : {}),
});

/** A claim begun from a selected passage: the grade and stance are the analyst's to choose. */
const seedDraft = (s: ClaimSeed): ClaimDraft => ({
  ...emptyDraft(s.sourceId),
  quote: s.quote,
  paragraph: s.locator.paragraph?.toString() ?? '',
  charStart: s.locator.chars?.[0].toString() ?? '',
  charEnd: s.locator.chars?.[1].toString() ?? '',
  page: s.locator.page?.toString() ?? '',
  ...(s.context ? { context: s.context } : {}),
});

/** A new claim cites the source of the claim before it (the usual case: several quotes from one document), or a new one. */
const emptyDraft = (sourceId = ''): ClaimDraft => ({
  quote: '', sourceId, title: '', publisher: '', sourceDate: '', url: '', paragraph: '', charStart: '', charEnd: '',
  assertedBy: '', date: '', stance: 'supports', grade: '', notes: '', page: '',
});

/** Back to a claim, citing `sourceId`; restore() (through applyEdit) judges the values, so numbers are passed as typed. */
function fromDraft(d: ClaimDraft, original: Claim | undefined, sourceId: string): Claim {
  const claim: Claim = {
    quote: d.quote.trim(),
    sourceId,
    locator: {},
    assertedBy: d.assertedBy.trim(),
    stance: d.stance,
    grade: (isGrade(d.grade.trim().toUpperCase()) ? d.grade.trim().toUpperCase() : d.grade) as Claim['grade'],
  };
  if (d.paragraph.trim()) claim.locator.paragraph = Number(d.paragraph);
  if (d.charStart.trim() || d.charEnd.trim()) claim.locator.chars = [Number(d.charStart), Number(d.charEnd)];
  if (d.page.trim()) claim.locator.page = Number(d.page);
  if (d.date.trim()) claim.date = d.date.trim();
  if (original?.period) claim.period = original.period;
  // The context found the quote in its text; it goes with the quote it was taken for.
  if (d.context && (original ? original.quote === claim.quote : true)) claim.context = d.context;
  if (d.notes.trim()) claim.notes = d.notes.trim();
  return claim;
}

export function RelationForm({ dataset, relationId, source: initialSource, target: initialTarget, seed, onCommit, onCancel }: RelationFormProps) {
  const existing = relationId === null ? undefined : dataset.relations.find((r) => r.id === relationId);
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [source, setSource] = useState<string | null>(existing?.source ?? initialSource ?? null);
  const [target, setTarget] = useState<string | null>(existing?.target ?? initialTarget ?? null);
  const [type, setType] = useState<RelationType>(existing?.type ?? 'partner');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [claims, setClaims] = useState<ClaimDraft[]>(existing ? existing.claims.map(toDraft) : [seed ? seedDraft(seed) : emptyDraft()]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [tries, setTries] = useState(0);
  const placed = useMemo(() => placeProblems(problems, relationFieldOf), [problems]);
  const same = source && target ? findSameRelation(dataset.relations, { source, target, type }, existing?.id) : undefined;
  const nameOf = (id: string) => dataset.actors.find((a) => a.id === id)?.name ?? id;

  // After a refused save, the first marked field takes the focus, so the words beside it are read out.
  useEffect(() => {
    if (tries) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tries]);

  const updateClaim = (i: number, patch: Partial<ClaimDraft>) => setClaims(claims.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const save = (into: 'same' | 'separate') => {
    const refuse = (found: Problem[]) => {
      setProblems(found);
      setTries((n) => n + 1);
    };
    if (!source || !target) {
      refuse([{ severity: 'error', path: source ? 'target' : 'source', message: 'not the id of any actor' }]);
      return;
    }
    // New sources first: each claim that cites one by its fields gets its id (an existing source with that citation, or a new one).
    let base = dataset;
    const sourceIds: string[] = [];
    const citing: Problem[] = [];
    claims.forEach((d, i) => {
      if (d.sourceId) return void sourceIds.push(d.sourceId);
      const citation: SourceRef = { title: d.title.trim() };
      if (d.publisher.trim()) citation.publisher = d.publisher.trim();
      if (d.sourceDate.trim()) citation.date = d.sourceDate.trim();
      if (d.url.trim()) citation.url = d.url.trim();
      const cited = citeSource(base, citation, `claims[${i}].source`);
      if (!cited.ok) {
        citing.push(...cited.problems);
        return void sourceIds.push('');
      }
      base = cited.dataset;
      sourceIds.push(cited.sourceId);
    });
    // A document not yet cited well is said at its fields, together with whatever else the claims lack (not its missing id).
    const withCiting = (found: Problem[]) => [...citing, ...found.filter((p) => !(citing.length && /claims\[\d+\]\.sourceId$/.test(p.path)))];
    const drafted = claims.map((d, i) => fromDraft(d, existing?.claims[i], sourceIds[i]!));
    if (same && into === 'same') {
      // The claims join the relation that says this already; its own notes and attributes stay.
      const result = applyEdit(base, { op: 'updateRelation', id: same.id, relation: { ...same, claims: [...same.claims, ...drafted] } });
      if (result.ok && !citing.length) onCommit(result.dataset, `Add ${drafted.length === 1 ? 'a claim' : `${drafted.length} claims`} to ${nameOf(same.source)} → ${nameOf(same.target)}`, same.id);
      else refuse(withCiting(result.ok ? [] : result.problems.map((p) => ({ ...p, path: p.path.replace(/claims\[(\d+)\]/, (_m, n: string) => `claims[${Number(n) - same.claims.length}]`) }))));
      return;
    }
    const relation: Omit<Relation, 'id'> = { source, target, type, claims: drafted };
    if (notes.trim()) relation.notes = notes.trim();
    if (existing?.attributes) relation.attributes = existing.attributes;
    const result = existing
      ? applyEdit(base, { op: 'updateRelation', id: existing.id, relation: { ...relation, id: existing.id } })
      : applyEdit(base, { op: 'addRelation', relation });
    if (!result.ok || citing.length) {
      refuse(withCiting(result.ok ? [] : result.problems));
      return;
    }
    const before = new Set(dataset.relations.map((r) => r.id));
    const id = existing?.id ?? result.dataset.relations.find((r) => !before.has(r.id))!.id;
    onCommit(result.dataset, result.label, id);
  };

  const field = (key: string) => invalidProps(formId, placed, key);
  const error = (key: string) => <FieldError formId={formId} placed={placed} field={key} />;

  return (
    <form
      ref={formRef}
      className="edit-form"
      aria-label={existing ? 'Edit relation' : 'New relation'}
      onSubmit={(e) => {
        e.preventDefault();
        save('same');
      }}
    >
      <h2>{existing ? 'Edit relation' : 'New relation'}</h2>
      {seed && (
        <p className="seed-note">
          A claim from the selected passage of “{dataset.sources.find((s) => s.id === seed.sourceId)?.title ?? seed.sourceId}”{seed.locator.paragraph !== undefined ? `, ¶${seed.locator.paragraph}` : ''}. Choose the relation it is evidence for: if it exists already, the claim is added to it.
        </p>
      )}
      <ActorPicker label="From actor" actors={dataset.actors} value={source} onChange={setSource} invalid={field('source')} />
      {seed && <MentionedActors label="From actor" ids={seed.mentioned} nameOf={nameOf} onPick={setSource} />}
      {error('source')}
      <label>
        Type{' '}
        <select value={type} onChange={(e) => setType(e.target.value as RelationType)} {...field('type')}>
          {RELATION_TYPES.map((t) => <option key={t} value={t}>{RELATION_STYLES[t].label}: {RELATION_STYLES[t].description}</option>)}
        </select>
        {error('type')}
      </label>
      <ActorPicker label="To actor" actors={dataset.actors} value={target} onChange={setTarget} invalid={field('target')} />
      {seed && <MentionedActors label="To actor" ids={seed.mentioned} nameOf={nameOf} onPick={setTarget} />}
      {error('target')}
      {same && (
        <p className="same-relation" role="status">
          {nameOf(same.source)} {same.type === 'partner' ? '—' : '→'} {nameOf(same.target)} ({RELATION_STYLES[same.type].label.toLowerCase()}) exists already, with{' '}
          {same.claims.length === 1 ? '1 claim' : `${same.claims.length} claims`}. {existing ? 'Saving keeps this one as a separate, parallel relation.' : 'Your claims are added to it, as more evidence for it; a separate relation would be a second, parallel arrow.'}
        </p>
      )}
      <label>
        Notes <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} {...field('notes')} />
        {error('notes')}
      </label>
      <h3>Claims</h3>
      {claims.map((c, i) => {
        const k = (name: string) => `claims.${i}.${name}`;
        return (
          <fieldset key={i} className="claim-editor">
            <legend>Claim {i + 1}</legend>
            <label>Quote (verbatim) <textarea rows={2} value={c.quote} onChange={(e) => updateClaim(i, { quote: e.target.value })} {...field(k('quote'))} />{error(k('quote'))}</label>
            <label>Asserted by <WrappingField value={c.assertedBy} placeholder='speaker, "reported", "alleged by X"' onValue={(assertedBy) => updateClaim(i, { assertedBy })} {...field(k('assertedBy'))} />{error(k('assertedBy'))}</label>
            {seed?.speaker && c.assertedBy !== seed.speaker && (
              <p className="offer">
                <button type="button" className="link small" onClick={() => updateClaim(i, { assertedBy: seed.speaker! })}>
                  {seed.speaker}
                </button>{' '}
                <span className="muted">speaks in this source</span>
              </p>
            )}
            <GradePicker value={c.grade} onChange={(grade) => updateClaim(i, { grade })} invalid={field(k('grade'))} />
            {error(k('grade'))}
            <div className="form-row">
              <label>
                Stance{' '}
                <select value={c.stance} onChange={(e) => updateClaim(i, { stance: e.target.value as Claim['stance'] })}>
                  <option value="supports">supports</option>
                  <option value="disputes">disputes</option>
                </select>
              </label>
              <label>Holds on <input value={c.date} size={13} placeholder="YYYY[-MM[-DD]]" onChange={(e) => updateClaim(i, { date: e.target.value })} {...field(k('date'))} /></label>
            </div>
            {error(k('date'))}
            <fieldset className="source-document">
              <legend>Source document</legend>
              {dataset.sources.length > 0 && (
                <label>
                  Document{' '}
                  <select value={c.sourceId} onChange={(e) => updateClaim(i, { sourceId: e.target.value })}>
                    {dataset.sources.map((s) => (
                      <option key={s.id} value={s.id}>
                        {sourceLabel(s)}
                      </option>
                    ))}
                    <option value="">A new document…</option>
                  </select>
                </label>
              )}
              {c.sourceId === '' && (
                <>
                  <label>Title <WrappingField value={c.title} onValue={(title) => updateClaim(i, { title })} {...field(k('title'))} />{error(k('title'))}</label>
                  <div className="form-row">
                    <label>Publisher <WrappingField value={c.publisher} onValue={(publisher) => updateClaim(i, { publisher })} {...field(k('publisher'))} /></label>
                    <label>Published <input value={c.sourceDate} size={10} placeholder="YYYY-MM-DD" onChange={(e) => updateClaim(i, { sourceDate: e.target.value })} {...field(k('sourceDate'))} /></label>
                  </div>
                  {error(k('publisher'))}
                  {error(k('sourceDate'))}
                  <label>URL <WrappingField value={c.url} placeholder="https://…" onValue={(url) => updateClaim(i, { url })} {...field(k('url'))} />{error(k('url'))}</label>
                </>
              )}
              <div className="form-row">
                <label>¶ <input value={c.paragraph} size={4} inputMode="numeric" aria-label="Paragraph" onChange={(e) => updateClaim(i, { paragraph: e.target.value })} {...field(k('paragraph'))} /></label>
                <label>chars <input value={c.charStart} size={5} inputMode="numeric" aria-label="First character" onChange={(e) => updateClaim(i, { charStart: e.target.value })} {...field(k('chars'))} /></label>
                <label>to <input value={c.charEnd} size={5} inputMode="numeric" aria-label="End character" onChange={(e) => updateClaim(i, { charEnd: e.target.value })} {...field(k('chars'))} /></label>
              </div>
              {error(k('paragraph'))}
              {error(k('chars'))}
            </fieldset>
            <label>Notes <WrappingField value={c.notes} onValue={(notes) => updateClaim(i, { notes })} {...field(k('notes'))} />{error(k('notes'))}</label>
            <button type="button" className="remove-claim" onClick={() => setClaims(claims.filter((_, j) => j !== i))}>Remove claim {i + 1}</button>
          </fieldset>
        );
      })}
      <button type="button" className="add-claim" onClick={() => setClaims([...claims, emptyDraft(claims.at(-1)?.sourceId ?? '')])}>+ Add claim</button>
      <FormFooter
        problems={placed.rest}
        marked={placed.fields.size}
        submitLabel={existing ? 'Save' : same ? 'Add the claims to it' : 'Add relation'}
        onCancel={onCancel}
        also={same && !existing ? { label: 'Add a separate relation anyway', onClick: () => save('separate') } : undefined}
      />
    </form>
  );
}

/** "Title — publisher, date", as the document list shows a source. */
function sourceLabel(s: Source): string {
  const rest = [s.publisher, s.date].filter(Boolean).join(', ');
  return rest ? `${s.title} — ${rest}` : s.title;
}

/** The actors the passage's paragraph names, offered first as an end of the relation. */
function MentionedActors({ label, ids, nameOf, onPick }: { label: string; ids: readonly string[]; nameOf: (id: string) => string; onPick: (id: string) => void }) {
  if (ids.length === 0) return null;
  return (
    <p className="offer" role="group" aria-label={`${label}: actors named in this paragraph`}>
      <span className="muted">Named in this paragraph:</span>{' '}
      {ids.map((id) => (
        <button key={id} type="button" className="chip" onClick={() => onPick(id)} aria-label={`${label}: ${nameOf(id)}`}>
          {nameOf(id)}
        </button>
      ))}
    </p>
  );
}
