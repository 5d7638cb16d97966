/** The panel for the selected actor or relation: who it is, its ties, and the evidence for each. */
import { useEffect, useRef, useState } from 'react';
import {
  RELATION_TYPES,
  isMutual,
  type Actor,
  type ActorMetrics,
  type Dataset,
  type EvidenceReport,
  type Relation,
  type TimeWindow,
  windowText,
  METRICS,
} from '../../graph';
import { RELATION_STYLES, kindStyle } from '../look/encoding';
import { leftOutReason } from '../look/evidence-text';
import type { Editing, Selection } from '../state/app-state';
import { ClaimList, EvidenceWhy } from './ClaimList';
import { formatMetric } from './format';
import { ShapeIcon } from './Legend';
import { useFocusKept } from './use-focus-kept';

interface DetailsPanelProps {
  dataset: Dataset;
  /** Only relations that are visible under the current filters. */
  visibleRelations: readonly Relation[];
  /** The time window `visibleRelations` are in (with their claims there); null for all time. */
  timeWindow: TimeWindow | null;
  /** What the evidence setting leaves out: such relations say so. */
  evidenceReport: EvidenceReport;
  selection: Selection;
  metrics: ActorMetrics | undefined;
  onSelect: (s: Selection) => void;
  onEdit: (editing: Editing) => void;
  onDelete: (s: NonNullable<Selection>) => void;
}

/** A relation card opened from an actor's card: where "Back" goes, and which button gets the focus there. */
interface CameFrom {
  actor: string;
  relation: string;
}

export function DetailsPanel(props: DetailsPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const { selection, onSelect } = props;
  useFocusKept(box, selection ? `${selection.kind}:${selection.id}` : null);
  const [cameFrom, setCameFrom] = useState<CameFrom | null>(null);
  const returnTo = useRef<string | null>(null);
  // After useFocusKept: going back puts the focus on the relation's own button, not at the top of the card.
  useEffect(() => {
    const id = returnTo.current;
    if (!id) return;
    returnTo.current = null;
    box.current?.querySelector<HTMLElement>(`button[data-relation="${CSS.escape(id)}"]`)?.focus();
  }, [selection]);
  const back =
    cameFrom && selection?.kind === 'relation' && selection.id === cameFrom.relation
      ? {
          actor: cameFrom.actor,
          go: () => {
            returnTo.current = cameFrom.relation;
            setCameFrom(null);
            onSelect({ kind: 'actor', id: cameFrom.actor });
          },
        }
      : undefined;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="details-box"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && back && !e.defaultPrevented) {
          e.preventDefault();
          back.go();
        }
      }}
    >
      <Details {...props} back={back} openFromActor={(actor, relation) => (setCameFrom({ actor, relation }), onSelect({ kind: 'relation', id: relation }))} />
    </div>
  );
}

interface DetailsProps extends DetailsPanelProps {
  /** Back to the actor card the relation was opened from (also Escape). */
  back: { actor: string; go: () => void } | undefined;
  openFromActor: (actor: string, relation: string) => void;
}

function Details({ dataset, visibleRelations, timeWindow, evidenceReport, selection, metrics, onSelect, onEdit, onDelete, back, openFromActor }: DetailsProps) {
  if (!selection) {
    return (
      <section className="details empty" aria-label="Details">
        <p>Click an actor or a relation on the graph, a row of the table, or find an actor by name, to see its ties and the evidence for them.</p>
      </section>
    );
  }
  const byId = new Map(dataset.actors.map((a) => [a.id, a]));
  if (selection.kind === 'actor') {
    const actor = byId.get(selection.id);
    if (!actor) return null;
    return (
      <>
        <ActorDetails actor={actor} byId={byId} relations={visibleRelations} evidenceReport={evidenceReport} metrics={metrics} onSelect={onSelect} onOpenRelation={(r) => openFromActor(actor.id, r)} />
        <div className="form-row edit-actions">
          <button type="button" onClick={() => onEdit({ kind: 'actor', id: actor.id })}>Edit actor</button>
          <button type="button" onClick={() => onEdit({ kind: 'relation', id: null, source: actor.id })}>+ Relation from here</button>
          <button type="button" className="danger" aria-describedby="delete-hint" onClick={() => onDelete(selection)}>Delete actor</button>
          <DeleteHint what="the actor and its relations" />
        </div>
      </>
    );
  }
  const whole = dataset.relations.find((r) => r.id === selection.id);
  if (!whole) return null;
  // In a time window, the relation as it stands there (its claims in the window), said so.
  const inWindow = timeWindow ? visibleRelations.find((r) => r.id === whole.id) : whole;
  const relation = inWindow ?? whole;
  return (
    <>
      {back && (
        <button type="button" className="link back-to-actor" onClick={back.go} aria-keyshortcuts="Escape">
          ← Back to {byId.get(back.actor)?.name ?? back.actor}
        </button>
      )}
      {timeWindow && <WindowNote window={timeWindow} whole={whole} shown={inWindow} />}
      <RelationDetails relation={relation} byId={byId} evidenceReport={evidenceReport} onSelect={onSelect} />
      <div className="form-row edit-actions">
        <button type="button" onClick={() => onEdit({ kind: 'relation', id: relation.id })}>Edit relation and claims</button>
        <button type="button" className="danger" aria-describedby="delete-hint" onClick={() => onDelete(selection)}>Delete relation</button>
        <DeleteHint what="the relation and its claims" />
      </div>
    </>
  );
}

function ActorLink({ actor, onSelect }: { actor: Actor; onSelect: (s: Selection) => void }) {
  return (
    <button type="button" className="link" onClick={() => onSelect({ kind: 'actor', id: actor.id })}>
      {actor.name}
    </button>
  );
}

function ActorDetails(props: {
  actor: Actor;
  byId: Map<string, Actor>;
  relations: readonly Relation[];
  evidenceReport: EvidenceReport;
  metrics: ActorMetrics | undefined;
  onSelect: (s: Selection) => void;
  onOpenRelation: (relationId: string) => void;
}) {
  const { actor, byId, metrics, onSelect, onOpenRelation } = props;
  const style = kindStyle(actor.kind);
  const mine = props.relations.filter((r) => r.source === actor.id || r.target === actor.id);
  return (
    <section className="details" aria-label={`Actor: ${actor.name}`}>
      <h2>
        <ShapeIcon shape={style.shape} color={style.color} /> {actor.name}
      </h2>
      <p className="subtitle">
        {style.label}
        {actor.country && <> · {actor.country}</>}
        {actor.aliases.length > 0 && <> · also: {actor.aliases.join(', ')}</>}
      </p>
      {actor.notes && <p className="notes">{actor.notes}</p>}
      {metrics && (
        <dl className="actor-metrics">
          {METRICS.map((m) => (
            <div key={m.id}>
              <dt>{m.label}</dt>
              <dd>{formatMetric(m.id, metrics[m.id])}</dd>
            </div>
          ))}
        </dl>
      )}
      {mine.length === 0 && <p>No visible relations.</p>}
      {RELATION_TYPES.map((type) => {
        const group = mine.filter((r) => r.type === type);
        if (group.length === 0) return null;
        const s = RELATION_STYLES[type];
        return (
          <section key={type} className="relation-group" aria-label={`${s.label} relations`}>
            <h3 style={{ borderColor: s.color }}>
              {s.label} <span className="count">({group.length})</span>
            </h3>
            <ul>
              {group.map((r) => {
                const other = byId.get(r.source === actor.id ? r.target : r.source)!;
                const outgoing = r.source === actor.id;
                return (
                  <li key={r.id}>
                    <div className="relation-line">
                      {isMutual(r.type) ? '↔' : outgoing ? '→' : '←'} <ActorLink actor={other} onSelect={onSelect} />
                      <span className="direction">
                        {isMutual(r.type) ? '' : outgoing ? ` (${actor.name} ${verb(r.type)} ${other.name})` : ` (${other.name} ${verb(r.type)} ${actor.name})`}
                      </span>
                      <button type="button" className="link small" data-relation={r.id} onClick={() => onOpenRelation(r.id)}>
                        relation
                      </button>
                    </div>
                    <NotCounted report={props.evidenceReport} relationId={r.id} />
                    {r.notes && <p className="notes">{r.notes}</p>}
                    <ClaimList claims={r.claims} />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function verb(type: Relation['type']): string {
  switch (type) {
    case 'threat':
      return 'threatens';
    case 'supplier':
      return 'supplies';
    case 'suspected-supporter':
      return 'is suspected of supporting';
    case 'partner':
      return 'partners with';
    default:
      return 'relates to';
  }
}

/** Said where a relation is shown that the evidence setting leaves out of the analyses. */
function NotCounted({ report, relationId }: { report: EvidenceReport; relationId: string }) {
  const reason = leftOutReason(report, relationId);
  return reason ? <p className="not-counted">Not counted in the analyses: {reason} (Evidence counted, in the legend).</p> : null;
}

function RelationDetails(props: { relation: Relation; byId: Map<string, Actor>; evidenceReport: EvidenceReport; onSelect: (s: Selection) => void }) {
  const { relation, byId, onSelect } = props;
  const source = byId.get(relation.source)!;
  const target = byId.get(relation.target)!;
  const s = RELATION_STYLES[relation.type];
  return (
    <section className="details" aria-label={`Relation: ${source.name} ${verb(relation.type)} ${target.name}`}>
      <h2>
        <ActorLink actor={source} onSelect={onSelect} />{' '}
        <span style={{ color: s.color }}>{isMutual(relation.type) ? '↔' : '→'}</span>{' '}
        <ActorLink actor={target} onSelect={onSelect} />
      </h2>
      <p className="subtitle">
        <span style={{ color: s.color }}>{s.label}</span>: {source.name} {verb(relation.type)} {target.name}
        {typeof relation.attributes?.originalType === 'string' && <> (type in the file: “{relation.attributes.originalType}”)</>}
      </p>
      <NotCounted report={props.evidenceReport} relationId={relation.id} />
      {relation.notes && <p className="notes">{relation.notes}</p>}
      <EvidenceWhy claims={relation.claims} open />
      <h3>Claims ({relation.claims.length})</h3>
      <ClaimList claims={relation.claims} withWhy={false} />
    </section>
  );
}

/** What the time window keeps of a relation: its claims there, or none (then all its claims are listed, for reference). */
function WindowNote({ window, whole, shown }: { window: TimeWindow; whole: Relation; shown: Relation | undefined }) {
  const when = windowText(window);
  if (!shown) return <p className="not-counted">No supporting claim in the time window ({when}): faded out on the graph and left out of the analyses. All its claims, for reference:</p>;
  const outside = whole.claims.length - shown.claims.length;
  return outside ? <p className="muted">Time window {when}: its {shown.claims.length} claims there; {outside} more fall outside it.</p> : null;
}

/** Deleting asks nothing, because it can be undone: said beside the button, where it happens. */
function DeleteHint({ what }: { what: string }) {
  return <span id="delete-hint" className="muted delete-hint">Deletes {what} at once; Ctrl+Z undoes it.</span>;
}
