/**
 * Alliance blocs (Louvain on the chosen relation types, modularity reported)
 * and ego focus (an actor and its neighbourhood to depth 1–3).
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { blocTies, type Relation, type RelationType } from '../../graph';
import { blocColor } from '../look/palette';
import { usePublishAnalysis } from '../state/open-analyses';
import { useCore } from '../state/use-core';
import { ActorPicker } from './ActorPicker';
import type { AnalysisContext, PanelVisibility } from './analysis-context';
import { TypeChecklist } from './controls';
import { EvidenceFootnote } from './EvidenceFootnote';
import { RelationClaims } from './RelationClaims';
import { RelationEnds } from './RelationEnds';
import { onGraph } from '../state/on-graph';

/** A bloc lists at most this many of its ties; the rest are counted. */
const TIES_SHOWN = 40;

/** Memoised: App re-renders on every metrics step; a panel re-renders only when its own props change. */
export const BlocsPanel = memo(function BlocsPanel({ ctx, view }: { ctx: AnalysisContext; view: PanelVisibility }) {
  const [types, setTypes] = useState<RelationType[]>(['partner', 'supplier']);
  const [resolution, setResolution] = useState(1);
  const [show, setShow] = useState(true);
  const options = { types, resolution };
  const run = view.opened && types.length > 0;
  const status = useCore(run ? { type: 'communities', ...onGraph(ctx), options } : null);
  // Export → Briefing offers the blocs as asked here.
  usePublishAnalysis('blocs', run ? options : null);
  const result = status.state === 'ready' ? status.result : null;
  // The relations that hold each bloc together, as the briefing lists them (graph/briefing/blocs-brief.ts).
  const ties = useMemo(
    () => (result ? blocTies(ctx.counted, result.communities, result.types).map((ids) => ids.map((id) => ctx.relation(id)).filter((r): r is Relation => r !== undefined)) : []),
    [result, ctx.counted],
  );

  // The overlay follows this panel only while its tab is shown.
  useEffect(() => {
    if (!view.active) return;
    if (result && show) ctx.setOverlay({ kind: 'blocs', communities: result.communities });
    else if (!show && ctx.overlay?.kind === 'blocs') ctx.setOverlay(null);
  }, [result, show, view.active]);

  return (
    <section className="analysis blocs-panel" aria-label="Alliance blocs">
      <h2>Alliance blocs</h2>
      <TypeChecklist legend="Blocs form along" value={types} onChange={setTypes} />
      <div className="form-row">
        <label title="Higher: more, smaller blocs">
          Resolution{' '}
          <input type="number" step={0.1} min={0.1} max={5} value={resolution} onChange={(e) => setResolution(Number(e.target.value) || 1)} style={{ width: '4.5em' }} />
        </label>
        <label>
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Colour actors by bloc
        </label>
      </div>
      <p className="status" role="status" aria-live="polite">
        {types.length === 0 ? 'Choose at least one relation type.' : status.state === 'computing' ? 'Detecting blocs…' : status.state === 'failed' ? `Failed: ${status.error}` : ''}
      </p>
      {result && (
        <>
          <p>
            {result.communities.length} bloc{result.communities.length === 1 ? '' : 's'}, modularity{' '}
            <strong>{result.modularity === null ? 'n/a' : result.modularity.toFixed(3)}</strong>{' '}
            <span className="muted">(Louvain on {result.types.join(' + ')} relations, undirected, unweighted)</span>
          </p>
          <ol className="bloc-list">
            {result.communities.map((members, i) => (
              <li key={i}>
                <span className="swatch" style={{ background: blocColor(i) }} aria-hidden="true" /> <strong>Bloc {i + 1}</strong>{' '}
                <span className="muted">({members.length})</span>:{' '}
                {members.map((id, j) => (
                  <span key={id}>
                    {j > 0 && ', '}
                    <button type="button" className="link" onClick={() => ctx.select({ kind: 'actor', id })}>{ctx.actorName(id)}</button>
                  </span>
                ))}
                <BlocTies ctx={ctx} ties={ties[i] ?? []} />
              </li>
            ))}
          </ol>
          {result.unaffiliated.length > 0 && (
            <p className="muted">
              No {result.types.join('/')} relation: {result.unaffiliated.map((id) => ctx.actorName(id)).join(', ')}
            </p>
          )}
        </>
      )}
      {run && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
      <EgoSection ctx={ctx} view={view} />
    </section>
  );
});

function EgoSection({ ctx, view }: { ctx: AnalysisContext; view: PanelVisibility }) {
  const [actor, setActor] = useState<string | null>(null);
  const [depth, setDepth] = useState<1 | 2 | 3>(1);
  const [direction, setDirection] = useState<'both' | 'out' | 'in'>('both');
  const [types, setTypes] = useState<RelationType[]>(['partner', 'threat', 'supplier', 'suspected-supporter', 'other']);
  const [hideRest, setHideRest] = useState(false);
  const query = { actor: actor ?? '', depth, direction, types };
  const status = useCore(actor ? { type: 'ego', ...onGraph(ctx), query } : null);
  const result = status.state === 'ready' ? status.result : null;

  useEffect(() => {
    if (view.active && result && actor) {
      ctx.setOverlay({
        kind: 'focus',
        label: `${ctx.actorName(actor)}, depth ${depth}`,
        actors: result.actors.map((a) => a.id),
        relations: result.relations,
        hideRest,
      });
    }
  }, [result, hideRest]);

  return (
    <section className="ego" aria-label="Ego focus">
      <h2>Ego focus</h2>
      <ActorPicker label="Focus on" actors={ctx.visible.actors} value={actor} onChange={setActor} picking={ctx.picking === 'Focus on'} onPickOnGraph={() => ctx.armPick('Focus on', setActor)} />
      <div className="form-row">
        <label>
          Depth{' '}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value) as 1 | 2 | 3)}>
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
        <label>
          Direction{' '}
          <select value={direction} onChange={(e) => setDirection(e.target.value as 'both' | 'out' | 'in')}>
            <option value="both">both ways</option>
            <option value="out">outgoing (what it does)</option>
            <option value="in">incoming (what is done to it)</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={hideRest} onChange={(e) => setHideRest(e.target.checked)} /> Hide the rest
        </label>
      </div>
      <TypeChecklist legend="Through" value={types} onChange={setTypes} />
      {result && actor && (
        <p className="muted">
          {result.actors.length - 1} actor{result.actors.length === 2 ? '' : 's'} within {depth} step{depth > 1 ? 's' : ''} of {ctx.actorName(actor)}; {result.relations.length} relations.
        </p>
      )}
      {actor && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
    </section>
  );
}

function BlocTies({ ctx, ties }: { ctx: AnalysisContext; ties: readonly Relation[] }) {
  if (!ties.length) return null;
  return (
    <details className="bloc-ties">
      <summary>
        {ties.length} {ties.length === 1 ? 'tie' : 'ties'} within the bloc, with their claims
      </summary>
      <ul>
        {ties.slice(0, TIES_SHOWN).map((r) => (
          <li key={r.id}>
            <RelationEnds ctx={ctx} source={r.source} target={r.target} type={r.type} />
            <RelationClaims relation={r} />
          </li>
        ))}
      </ul>
      {ties.length > TIES_SHOWN && <p className="muted">and {ties.length - TIES_SHOWN} more.</p>}
    </details>
  );
}
