/**
 * The lists of the Changes tab, one section per kind of change, each entry
 * unfolding to the claims that make it so (ChangeClaims). Long lists show
 * their first SHOWN entries and count the rest.
 */
import type { ReactNode } from 'react';
import { metricView, type ChangedRelation, type WindowDiff } from '../../../graph';
import type { ChangeKind } from '../../look/change-styles';
import type { AnalysisContext } from '../analysis-context';
import { signSymbol } from '../controls';
import { formatMetric } from '../format';
import { ChangeClaims } from './ChangeClaims';
import { ChangeLine } from './ChangeLine';

const SHOWN = 50;

function Section({ title, count, kind, note, children }: { title: string; count: number; kind?: ChangeKind; note?: string; children: ReactNode }) {
  return (
    <section className="change-section" aria-label={title}>
      <h3>
        {kind && <ChangeLine kind={kind} />} {title} <span className="muted">({count})</span>
      </h3>
      {note && <p className="muted small">{note}</p>}
      {count === 0 ? <p className="muted">None.</p> : children}
    </section>
  );
}

function Capped<T>({ items, render }: { items: readonly T[]; render: (item: T, i: number) => ReactNode }) {
  return (
    <>
      <ul className="change-list">{items.slice(0, SHOWN).map((item, i) => <li key={i}>{render(item, i)}</li>)}</ul>
      {items.length > SHOWN && <p className="muted">and {items.length - SHOWN} more.</p>}
    </>
  );
}

export function RelationLists({ ctx, diff }: { ctx: AnalysisContext; diff: WindowDiff }) {
  return (
    <>
      <Section title="Added" count={diff.added.length} kind="added" note="In the later window, not the earlier; with the claims of the later window.">
        <Capped items={diff.added} render={(r) => <ChangeClaims ctx={ctx} relation={r} />} />
      </Section>
      <Section title="Removed" count={diff.removed.length} kind="removed" note="In the earlier window, not the later; with the claims of the earlier window.">
        <Capped items={diff.removed} render={(r) => <ChangeClaims ctx={ctx} relation={r} />} />
      </Section>
      <Section title="Changed" count={diff.changed.length} kind="changed" note="Another type (or sign) between the same two actors, or the same relation with another confidence or weight.">
        <Capped items={diff.changed} render={(c) => <Changed ctx={ctx} change={c} />} />
      </Section>
    </>
  );
}

function Changed({ ctx, change }: { ctx: AnalysisContext; change: ChangedRelation }) {
  const { before: b, after: a } = change;
  const num = (x: number | null) => (x === null ? '–' : String(x));
  return (
    <>
      <p className="change-what">
        {change.kind === 'type' ? (
          <>
            {ctx.actorName(a.source)} – {ctx.actorName(a.target)}: <strong>{b.type} ({signSymbol(b.sign)}) → {a.type} ({signSymbol(a.sign)})</strong>
            {change.signChanged && <span className="sign-badge"> sign changed</span>}
          </>
        ) : (
          <>
            confidence {Math.round(b.confidence * 100)}% → {Math.round(a.confidence * 100)}%, weight {num(b.weight)} → {num(a.weight)}
          </>
        )}
      </p>
      <ChangeClaims ctx={ctx} relation={b} label="before:" />
      <ChangeClaims ctx={ctx} relation={a} label="after:" />
    </>
  );
}

export function RankList({ ctx, diff }: { ctx: AnalysisContext; diff: WindowDiff }) {
  const metric = diff.ranks[0]?.metric;
  const relationOf = new Map([...diff.added, ...diff.removed].map((r) => [r.id, r] as const));
  const changedOf = new Map(diff.changed.map((c) => [c.id, c] as const));
  const addedIds = new Set(diff.added.map((r) => r.id));
  return (
    <Section title={`Rank moves${metric ? ` by ${metricView(metric).label.toLowerCase()}` : ''}`} count={diff.ranks.length} note="Competition ranks (1 = highest). An actor's own relations that changed are listed; it may also move because others did.">
      <Capped
        items={diff.ranks}
        render={(c) => {
          const b = c.before.rank;
          const a = c.after.rank;
          const move = b !== null && a !== null ? b - a : null;
          return (
            <>
              <span className={`rank-move ${move === null ? '' : move > 0 ? 'rose' : 'fell'}`} aria-label={move === null ? undefined : move > 0 ? `rose ${move}` : `fell ${-move}`}>
                {move === null ? '•' : move > 0 ? `▲ ${move}` : `▼ ${-move}`}
              </span>{' '}
              <button type="button" className="link" onClick={() => ctx.select({ kind: 'actor', id: c.actor })}>{ctx.actorName(c.actor)}</button>{' '}
              <span className="muted">
                rank {b ?? '–'} → {a ?? '–'} ({formatMetric(c.metric, c.before.value)} → {formatMetric(c.metric, c.after.value)})
              </span>
              {c.relations.length > 0 && (
                <details className="change-claims">
                  <summary>{c.relations.length} of its relations changed</summary>
                  {c.relations.map((id) => {
                    const r = relationOf.get(id);
                    const ch = changedOf.get(id);
                    return r ? <ChangeClaims key={id} ctx={ctx} relation={r} label={addedIds.has(id) ? 'added:' : 'removed:'} /> : ch ? <ChangeClaims key={id} ctx={ctx} relation={ch.after} label="changed:" /> : null;
                  })}
                </details>
              )}
            </>
          );
        }}
      />
    </Section>
  );
}

export function BlocList({ ctx, diff }: { ctx: AnalysisContext; diff: WindowDiff }) {
  const { blocs } = diff;
  const names = (ids: readonly string[]) => ids.map((id) => ctx.actorName(id)).join(', ');
  return (
    <Section
      title="Blocs split or merged"
      count={blocs.changes.length}
      note={`Louvain on ${blocs.types.join(' + ')} in each window: ${blocs.before.communities.length} bloc${blocs.before.communities.length === 1 ? '' : 's'} → ${blocs.after.communities.length}, matched by their members.`}
    >
      <Capped
        items={blocs.changes}
        render={(b) => (
          <>
            <p className="change-what">
              <strong>{b.kind === 'split' ? 'Split' : 'Merged'}</strong>: {names(b.bloc)} {b.kind === 'split' ? 'into' : 'from'} {b.parts.map((p) => `{${names(p)}}`).join(' + ')}
              {b.unaffiliated.length > 0 && <span className="muted"> · in no bloc {b.kind === 'split' ? 'after' : 'before'}: {names(b.unaffiliated)}</span>}
            </p>
            <p className="muted small">
              Ties between the parts: {b.vanished.length} vanished, {b.appeared.length} appeared, {b.kept} held
              {b.kept > 0 && b.kind === 'split' && ' (Louvain redrew the blocs as other ties changed)'}.
            </p>
            {b.vanished.map((r) => <ChangeClaims key={r.id} ctx={ctx} relation={r} label="vanished:" />)}
            {b.appeared.map((r) => <ChangeClaims key={r.id} ctx={ctx} relation={r} label="appeared:" />)}
          </>
        )}
      />
    </Section>
  );
}

export function TriadList({ ctx, diff }: { ctx: AnalysisContext; diff: WindowDiff }) {
  const t = diff.triads;
  const cut = t.appeared > t.limit || t.vanished > t.limit ? ` At most ${t.limit} of each listed.` : '';
  return (
    <Section title="Unbalanced triads appeared or vanished" count={t.appeared + t.vanished} note={`${t.before} unbalanced triads → ${t.after} (“my partner's partner is my threat”).${cut}`}>
      <Capped
        items={t.changes}
        render={(c) => (
          <>
            <p className="change-what">
              <strong>{c.kind === 'appeared' ? 'Appeared' : 'Vanished'}</strong>: {c.actors.map((id) => ctx.actorName(id)).join(', ')}{' '}
              <span className="muted">({c.kind === 'appeared' ? 'before' : 'after'}: {c.other === 'open' ? 'not a triad' : 'balanced'})</span>
            </p>
            {c.relations.map((r) => <ChangeClaims key={r.id} ctx={ctx} relation={r} label={c.kind === 'appeared' ? 'after:' : 'before:'} />)}
            {c.otherRelations.map((r) => <ChangeClaims key={`o${r.id}`} ctx={ctx} relation={r} label={c.kind === 'appeared' ? 'before:' : 'after:'} />)}
          </>
        )}
      />
    </Section>
  );
}

export function PathList({ ctx, diff }: { ctx: AnalysisContext; diff: WindowDiff }) {
  const p = diff.paths;
  const cut = p.appeared > p.limit || p.vanished > p.limit ? ` At most ${p.limit} of each listed, the shortest first.` : '';
  return (
    <Section
      title="Threat paths appeared or vanished"
      count={p.appeared + p.vanished}
      note={`Pairs joined by a threat chain (threat and suspected-supporter hops, in their direction) within ${p.maxHops} hops in one window and not the other.${cut}`}
    >
      <Capped
        items={p.changes}
        render={(c) => (
          <>
            <p className="change-what">
              <strong>{c.kind === 'appeared' ? 'Appeared' : 'Vanished'}</strong>: {c.path.actors.map((id) => ctx.actorName(id)).join(' → ')}
            </p>
            {c.relations.map((r, i) => <ChangeClaims key={i} ctx={ctx} relation={r} />)}
          </>
        )}
      />
    </Section>
  );
}
