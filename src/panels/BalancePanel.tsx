/**
 * Structural balance: with partner/supplier/supporter as + and threat as −,
 * which triads contradict themselves ("my partner's partner is my threat"),
 * the frustration index, and the two-faction split that attains it.
 */
import { memo, useEffect, useState } from 'react';
import { DEFAULT_SIGNS, RELATION_TYPES, type SignMap, type SignedRelation } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import { FACTION_COLORS } from '../look/palette';
import { usePublishAnalysis } from '../state/open-analyses';
import { useCore } from '../state/use-core';
import type { AnalysisContext, PanelVisibility } from './analysis-context';
import { signSymbol } from './controls';
import { EvidenceFootnote } from './EvidenceFootnote';
import { RelationClaims } from './RelationClaims';
import { RelationEnds } from './RelationEnds';
import { onGraph } from '../state/on-graph';

/** Memoised: App re-renders on every metrics step; a panel re-renders only when its own props change. */
export const BalancePanel = memo(function BalancePanel({ ctx, view }: { ctx: AnalysisContext; view: PanelVisibility }) {
  const [signs, setSigns] = useState<SignMap>(DEFAULT_SIGNS);
  const [show, setShow] = useState(true);
  const options = { signs };
  const status = useCore(view.opened ? { type: 'balance', ...onGraph(ctx), options } : null);
  // Export → Briefing offers the unbalanced triads under these signs.
  usePublishAnalysis('balance', view.opened ? options : null);
  const result = status.state === 'ready' ? status.result : null;

  useEffect(() => {
    if (!view.active) return;
    if (result && show) ctx.setOverlay({ kind: 'factions', factions: result.factions, frustrated: result.frustratedRelations.map((r) => r.id) });
    else if (!show && ctx.overlay?.kind === 'factions') ctx.setOverlay(null);
  }, [result, show, view.active]);

  return (
    <section className="analysis balance-panel" aria-label="Structural balance">
      <h2>Structural balance</h2>
      <fieldset className="signs">
        <legend>Signs</legend>
        {RELATION_TYPES.map((t) => (
          <label key={t} style={{ color: RELATION_STYLES[t].color }}>
            {RELATION_STYLES[t].label}{' '}
            <select value={signs[t]} onChange={(e) => setSigns({ ...signs, [t]: Number(e.target.value) as 1 | -1 | 0 })}>
              <option value={1}>+</option>
              <option value={-1}>−</option>
              <option value={0}>ignore</option>
            </select>
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show factions on the graph
      </label>
      <p className="status" role="status" aria-live="polite">
        {status.state === 'computing' ? 'Computing…' : status.state === 'failed' ? `Failed: ${status.error}` : ''}
      </p>
      {result && (
        <>
          <dl className="balance-figures">
            <div><dt>Balanced triads</dt><dd>{result.triads.balanced}</dd></div>
            <div><dt>Unbalanced triads</dt><dd>{result.triads.unbalanced}</dd></div>
            <div>
              <dt>Frustration index</dt>
              <dd>
                {result.frustration}
                {!result.exact && <> (≥ {result.lowerBound})</>}
              </dd>
            </div>
          </dl>
          <p className="muted">{result.method}</p>
          <div className="factions">
            {result.factions.map((members, i) => (
              <div key={i}>
                <h3 style={{ borderColor: FACTION_COLORS[i] }}>Faction {i === 0 ? 'A' : 'B'} ({members.length})</h3>
                <p>{members.map((id) => ctx.actorName(id)).join(', ') || '—'}</p>
              </div>
            ))}
          </div>
          {result.frustratedRelations.length > 0 && (
            <>
              <h3>Relations against the split ({result.frustratedRelations.length})</h3>
              <ul className="frustrated">
                {result.frustratedRelations.map((r) => (
                  <li key={r.id}><RelationLine ctx={ctx} r={r} withClaims /></li>
                ))}
              </ul>
            </>
          )}
          <h3>Unbalanced triads ({result.unbalancedTriads.length})</h3>
          {result.unbalancedTriads.length === 0 && <p className="muted">None: every triad is balanced.</p>}
          <ol className="triads">
            {result.unbalancedTriads.map((t, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="link"
                  onClick={() => ctx.setOverlay({ kind: 'focus', label: 'Triad', actors: t.actors, relations: t.relations.map((r) => r.id) })}
                >
                  {t.actors.map((a) => ctx.actorName(a)).join(' · ')}
                </button>
                <ul>
                  {t.relations.map((r) => (
                    <li key={r.id}>
                      <RelationLine ctx={ctx} r={r} withClaims />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {result.ambivalentPairs.length > 0 && (
            <>
              <h3>Ambivalent pairs ({result.ambivalentPairs.length})</h3>
              <ul>
                {result.ambivalentPairs.map((p, i) => (
                  <li key={i}>
                    {ctx.actorName(p.actors[0])} and {ctx.actorName(p.actors[1])}: {p.relations.map((r) => `${RELATION_STYLES[r.type].label.toLowerCase()} (${signSymbol(r.sign)})`).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {view.opened && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
    </section>
  );
});

function RelationLine({ ctx, r, withClaims }: { ctx: AnalysisContext; r: SignedRelation; withClaims?: boolean }) {
  return (
    <>
      <RelationEnds ctx={ctx} source={r.source} target={r.target} type={r.type} sign={r.sign} />
      {withClaims && <RelationClaims relation={ctx.relation(r.id)} />}
    </>
  );
}
