/**
 * The Source tab: a source's text with every claim's passage marked (coloured
 * by its relation's type, contested ones struck through), the paragraph
 * numbers in the margin, the known actors' names underlined, and what is not
 * coded yet. A mark opens its relation; a selection becomes a claim or an
 * actor. The text is drawn as React text nodes, never as markup.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyEdit,
  contextAt,
  findCandidates,
  findMentions,
  pageAt,
  paragraphAt,
  paragraphsOf,
  relationEvidence,
  type Dataset,
  type Source,
} from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import type { ClaimSeed, Editing, Reading, Selection } from '../state/app-state';
import { AddDocumentDialog } from './AddDocumentDialog';
import { paragraphViews, type Passage, type Segment } from './segments';
import { selectionOffsets } from './selection-offsets';

interface SourceReaderProps {
  dataset: Dataset;
  reading: Reading | null;
  onRead: (sourceId: string, focus?: [number, number]) => void;
  onSelect: (selection: Selection) => void;
  onEdit: (editing: Editing) => void;
  onCommit: (dataset: Dataset, label: string) => void;
}

/** "Dina Malysheva (Head of …)" → "Dina Malysheva": the name to offer as who asserts. */
const speakerName = (speaker: string | undefined) => speaker?.replace(/\s*\(.*\)\s*$/, '').trim() || undefined;

export const SourceReader = memo(function SourceReader({ dataset, reading, onRead, onSelect, onEdit, onCommit }: SourceReaderProps) {
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const withText = dataset.sources.filter((s) => s.text !== undefined);
  const source = dataset.sources.find((s) => s.id === reading?.sourceId && s.text !== undefined) ?? withText[0];
  const add = (
    <>
      <button type="button" ref={addButton} className="add-document-button" onClick={() => setAdding(true)}>
        Add a document…
      </button>
      {adding && (
        <AddDocumentDialog
          dataset={dataset}
          onAdded={(next, label, sourceId) => {
            setAdding(false);
            onCommit(next, label);
            onRead(sourceId);
          }}
          onClose={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
        />
      )}
    </>
  );
  if (!source) {
    return (
      <section className="reader empty" aria-label="Source text">
        <p>No source in this dataset holds its text. A document’s text, once added to the dataset, is read here with every claim marked in it.</p>
        {add}
      </section>
    );
  }
  return (
    <>
      {add}
      <SourceText key={source.id} dataset={dataset} source={source} reading={reading?.sourceId === source.id ? reading : null} onRead={onRead} onSelect={onSelect} onEdit={onEdit} onCommit={onCommit} />
    </>
  );
});

function SourceText({ dataset, source, reading, onRead, onSelect, onEdit, onCommit }: SourceReaderProps & { source: Source }) {
  const text = source.text!;
  const textRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<[number, number] | null>(null);
  const [aliasFor, setAliasFor] = useState<string | null>(null);
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const mentions = useMemo(() => findMentions(text, dataset.actors), [text, dataset.actors]);
  const candidates = useMemo(() => findCandidates(text, mentions), [text, mentions]);
  const relations = useMemo(() => new Map(dataset.relations.map((r) => [r.id, r])), [dataset.relations]);
  const contested = useMemo(() => new Set(dataset.relations.filter((r) => relationEvidence(r).contested).map((r) => r.id)), [dataset.relations]);
  const passages = useMemo(() => {
    const out: Passage[] = [];
    for (const r of dataset.relations) {
      r.claims.forEach((c, i) => {
        if (c.sourceId === source.id && c.locator.chars) out.push({ relationId: r.id, claim: i, start: c.locator.chars[0], end: c.locator.chars[1] });
      });
    }
    return out;
  }, [dataset.relations, source.id]);
  const views = useMemo(() => paragraphViews(paragraphs, passages, mentions), [paragraphs, passages, mentions]);
  const coded = views.filter((p) => p.claims > 0).length;
  const uncoded = views.filter((p) => p.claims === 0);
  const names = useMemo(() => new Map(dataset.actors.map((a) => [a.id, a.name])), [dataset.actors]);
  const focus = reading?.focus ?? null;

  // A passage asked for from elsewhere: scrolled to, and its first mark takes the focus (so the keyboard goes on from it).
  useEffect(() => {
    if (!reading?.focus) return;
    const first = textRef.current?.querySelector<HTMLElement>('.in-focus');
    first?.scrollIntoView({ block: 'center' });
    (first?.closest('mark') ?? first)?.focus({ preventScroll: true });
  }, [reading?.seq, reading?.focus]);

  useEffect(() => {
    const onChange = () => textRef.current && setSelected(selectionOffsets(textRef.current, document.getSelection(), text));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text]);

  const mentionedIn = (at: number): string[] => {
    const p = paragraphAt(paragraphs, at);
    return p ? [...new Set(mentions.filter((m) => m.start >= p.start && m.end <= p.end).map((m) => m.actor))] : [];
  };
  const claimFromSelection = () => {
    if (!selected) return;
    const [start, end] = selected;
    const paragraph = paragraphAt(paragraphs, start)?.n;
    const seed: ClaimSeed = {
      quote: text.slice(start, end),
      sourceId: source.id,
      locator: { chars: [start, end], ...(paragraph !== undefined ? { paragraph } : {}), ...(source.pages ? { page: pageAt(source.pages, start) } : {}) },
      context: contextAt(text, start, end),
      speaker: speakerName(source.speaker),
      mentioned: mentionedIn(start),
    };
    onEdit({ kind: 'relation', id: null, seed });
  };
  const selectedText = selected ? text.slice(...selected) : '';
  const addAlias = (actorId: string) => {
    const actor = dataset.actors.find((a) => a.id === actorId);
    if (!actor || !selectedText) return;
    const result = applyEdit(dataset, { op: 'updateActor', id: actor.id, actor: { ...actor, aliases: [...actor.aliases, selectedText] } });
    if (result.ok) onCommit(result.dataset, `add alias “${selectedText}” to ${actor.name}`);
    setAliasFor(null);
  };

  return (
    <section
      className="reader"
      aria-label="Source text"
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
        if (e.key.toLowerCase() === 'c' && selected) {
          e.preventDefault();
          claimFromSelection();
        } else if (e.key.toLowerCase() === 'a' && selected) {
          e.preventDefault();
          setAliasFor('');
        }
      }}
    >
      <header className="reader-head">
        <label>
          Document{' '}
          <select value={source.id} onChange={(e) => onRead(e.target.value)}>
            {dataset.sources.map((s) => (
              <option key={s.id} value={s.id} disabled={s.text === undefined}>
                {s.title}
                {s.text === undefined ? ' (no text)' : ''}
              </option>
            ))}
          </select>
        </label>
        <p className="reader-citation">
          {[source.kind, source.publisher, source.date, source.speaker && `speaker: ${source.speaker}`].filter(Boolean).join(' · ')}
        </p>
        <p className="reader-coverage" aria-live="polite">
          <strong>
            {coded} of {paragraphs.length} paragraphs coded
          </strong>{' '}
          · {passages.length} claims
          {uncoded.length > 0 && (
            <>
              {' '}· not coded:{' '}
              {uncoded.map((p) => (
                <button key={p.n} type="button" className="link small" onClick={() => onRead(source.id, [p.start, p.end])} aria-label={`Paragraph ${p.n}, not coded`}>
                  ¶{p.n}
                </button>
              ))}
            </>
          )}
        </p>
      </header>
      <div className="reader-actions" role="toolbar" aria-label="From the selected text">
        <button type="button" disabled={!selected} aria-keyshortcuts="C" onClick={claimFromSelection}>
          Claim from selection
        </button>
        <button type="button" disabled={!selected} aria-keyshortcuts="A" onClick={() => setAliasFor('')}>
          Actor from selection
        </button>
        <span className="muted reader-selected" aria-live="polite">
          {selected ? `“${clip(selectedText, 60)}” · ¶${paragraphAt(paragraphs, selected[0])?.n ?? '–'} · characters ${selected[0]}–${selected[1]}` : 'Select a passage of the text (C: claim, A: actor).'}
        </span>
      </div>
      {aliasFor !== null && selected && (
        <div className="reader-actor" role="group" aria-label="Actor from the selected text">
          <span>“{clip(selectedText, 60)}”:</span>{' '}
          <button type="button" onClick={() => (setAliasFor(null), onEdit({ kind: 'actor', id: null, name: selectedText }))}>
            A new actor…
          </button>{' '}
          or an alias of{' '}
          <select aria-label="Actor to add the alias to" value={aliasFor} onChange={(e) => setAliasFor(e.target.value)}>
            <option value="">choose an actor</option>
            {dataset.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={!aliasFor} onClick={() => addAlias(aliasFor)}>
            Add alias
          </button>{' '}
          <button type="button" className="link small" onClick={() => setAliasFor(null)}>
            cancel
          </button>
        </div>
      )}
      <div className="reader-text" ref={textRef}>
        {views.map((p) => (
          <p key={p.n} className={p.claims ? 'reader-paragraph' : 'reader-paragraph uncoded'} data-start={p.start} data-paragraph={p.n}>
            <span className="para-n" aria-hidden="true">
              {p.n}
            </span>
            {p.segments.map((s) => (
              <Piece key={s.start} segment={s} text={text} focus={focus} relations={relations} contested={contested} names={names} onSelect={onSelect} />
            ))}
          </p>
        ))}
      </div>
      <aside className="reader-names" aria-label="Names in this text">
        <h3>Actors named ({new Set(mentions.map((m) => m.actor)).size})</h3>
        <p>
          {[...count(mentions.map((m) => m.actor))].map(([id, n]) => (
            <span key={id} className="named">
              {names.get(id) ?? id} <span className="muted">×{n}</span>
            </span>
          ))}
        </p>
        {candidates.length > 0 && (
          <>
            <h3>Names that are not actors yet ({new Set(candidates.map((c) => c.text)).size})</h3>
            <p className="muted">Suggestions only: nothing is added without you.</p>
            <ul className="candidates">
              {[...count(candidates.map((c) => c.text))].map(([name, n]) => (
                <li key={name}>
                  {name} <span className="muted">×{n}</span>{' '}
                  <button type="button" className="link small" onClick={() => onEdit({ kind: 'actor', id: null, name })} aria-label={`add as actor: ${name}`}>
                    add as actor
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </section>
  );
}

function Piece({ segment, text, focus, relations, contested, names, onSelect }: {
  segment: Segment;
  text: string;
  focus: [number, number] | null;
  relations: ReadonlyMap<string, Dataset['relations'][number]>;
  contested: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  onSelect: (selection: Selection) => void;
}) {
  const words = text.slice(segment.start, segment.end);
  const inFocus = focus !== null && segment.start >= focus[0] && segment.end <= focus[1];
  const mention = segment.actor ? names.get(segment.actor) ?? segment.actor : null;
  const classes = [mention && 'mention', inFocus && 'in-focus'].filter(Boolean);
  const outer = segment.passages[0];
  if (!outer) {
    return (
      <span data-start={segment.start} className={classes.join(' ') || undefined} title={mention ? `Names ${mention}` : undefined}>
        {words}
      </span>
    );
  }
  // A passage starting here is this piece's stop (the widest of those starting here); elsewhere the piece belongs to the outermost.
  const own = segment.passages.find((p) => p.start === segment.start) ?? outer;
  const stop = own.start === segment.start;
  const relation = relations.get(own.relationId);
  const type = relation?.type ?? 'other';
  const about = segment.passages
    .map((p) => {
      const r = relations.get(p.relationId);
      const c = r?.claims[p.claim];
      return r && c ? `${r.id}: ${names.get(r.source) ?? r.source} ${RELATION_STYLES[r.type].label.toLowerCase()} ${names.get(r.target) ?? r.target} (claim ${p.claim + 1}, ${c.stance}, ${c.grade}${contested.has(r.id) ? ', contested' : ''})` : p.relationId;
    })
    .join('\n');
  return (
    <mark
      data-start={segment.start}
      data-relation={own.relationId}
      className={['claim-mark', `type-${type}`, contested.has(own.relationId) && 'contested', segment.passages.length > 1 && 'overlap', ...classes].filter(Boolean).join(' ')}
      style={{ ['--mark' as string]: RELATION_STYLES[type].color }}
      title={about}
      // One stop per passage (its first piece), however many names cut it into pieces.
      tabIndex={stop ? 0 : -1}
      aria-label={stop ? `${words} — ${about.split('\n')[0]}` : undefined}
      onClick={(e) => {
        // A click that ends a selection is a selection, not a request to open the relation.
        if (!document.getSelection()?.isCollapsed) return;
        e.preventDefault();
        onSelect({ kind: 'relation', id: own.relationId });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onSelect({ kind: 'relation', id: own.relationId });
        }
      }}
    >
      {words}
    </mark>
  );
}

function count(items: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(x, (out.get(x) ?? 0) + 1);
  return new Map([...out].sort((a, b) => b[1] - a[1]));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
