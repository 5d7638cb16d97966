/**
 * Paths: the k best loop-free paths from A to B for a named question (a
 * preset: threat chains, threats to partners, cooperation, any tie) or for
 * chosen types and direction; and who can reach an actor within n hops.
 * Every hop shows its relation's claims for and against, marked when weak or
 * contested, and the sign and confidence rules are a click away. The chosen
 * path is highlighted on the canvas; the list steps with the keyboard or the
 * Previous/Next buttons.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import {
  PATH_CONFIDENCE_RULE,
  PATH_PRESETS,
  PATH_PRESET_IDS,
  PATH_SIGN_RULE,
  WEAK_HOP_RULE,
  presetQuery,
  type ActorPath,
  type PathPresetId,
  type RelationType,
} from '../../graph';
import type { PathQueryState } from '../state/app-state';
import { pathsRequest } from '../state/path-request';
import { versionedRequestKey } from '../state/request-key';
import { useCore } from '../state/use-core';
import { ActorPicker } from './ActorPicker';
import type { AnalysisContext, PanelVisibility } from './analysis-context';
import { TypeChecklist, signSymbol } from './controls';
import { EvidenceFootnote } from './EvidenceFootnote';
import { RelationClaims } from './RelationClaims';
import { RelationEnds } from './RelationEnds';
import { onGraph } from '../state/on-graph';

type PresetChoice = PathPresetId | 'custom';

interface PathsPanelProps {
  ctx: AnalysisContext;
  view: PanelVisibility;
  /** The query lives in the app state so that a link can carry it. */
  query: PathQueryState;
  onQuery: (patch: Partial<PathQueryState>) => void;
}

/** Memoised: App re-renders on every metrics step; a panel re-renders only when its own props change. */
export const PathsPanel = memo(function PathsPanel({ ctx, view, query: q, onQuery }: PathsPanelProps) {
  const { from, to, preset, types, directed, k } = q;
  const setFrom = (from: string | null) => onQuery({ from });
  const setTo = (to: string | null) => onQuery({ to });
  const setTypes = (types: RelationType[]) => onQuery({ types });
  const setDirected = (directed: boolean) => onQuery({ directed });
  const setK = (k: number) => onQuery({ k });
  // "Chosen types" starts from the question being looked at, so that it can be varied.
  const setPreset = (next: PresetChoice) =>
    onQuery(next === 'custom' && preset !== 'custom' ? { preset: next, types: PATH_PRESETS[preset].types, directed: PATH_PRESETS[preset].directed } : { preset: next });
  const [active, setActive] = useState(0);

  const visibleIds = useMemo(() => new Set(ctx.visible.actors.map((a) => a.id)), [ctx.visible]);
  const request = pathsRequest(q, { ...onGraph(ctx), visibleActorIds: visibleIds });
  const ready = request !== null;
  const status = useCore(request);
  const paths = status.state === 'ready' ? status.result : null;

  // A new question starts at its first path.
  const question = request ? versionedRequestKey(request) : null;
  useEffect(() => setActive(0), [question]);
  const activePath = paths?.[active];
  useEffect(() => {
    if (view.active && activePath) ctx.setOverlay(pathOverlay(activePath, `Path ${active + 1}`));
    // Only the path (and the tab being shown) drives the overlay; ctx is rebuilt each render.
  }, [activePath, view.active]);

  const actors = ctx.visible.actors;
  return (
    <section className="analysis paths-panel" aria-label="Threat paths">
      <h2>Paths between two actors</h2>
      <div className="form-grid">
        <ActorPicker label="From" actors={actors} value={from} onChange={setFrom} picking={ctx.picking === 'From'} onPickOnGraph={() => ctx.armPick('From', setFrom)} />
        <ActorPicker label="To" actors={actors} value={to} onChange={setTo} picking={ctx.picking === 'To'} onPickOnGraph={() => ctx.armPick('To', setTo)} />
        <button type="button" className="swap" disabled={!from && !to} onClick={() => onQuery({ from: to, to: from })}>
          ⇅ Swap
        </button>
      </div>
      <PresetSelect label="Question" value={preset} onChange={setPreset} choices={PATH_PRESET_IDS} />
      {preset === 'custom' && (
        <>
          <TypeChecklist legend="Hops may use" value={types} onChange={setTypes} />
          <div className="form-row">
            <label>
              <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} /> Follow direction
            </label>
          </div>
        </>
      )}
      <div className="form-row">
        <label>
          Paths{' '}
          <input type="number" min={1} max={50} value={k} onChange={(e) => setK(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} style={{ width: '4em' }} />
        </label>
      </div>
      <p className="status" role="status" aria-live="polite">
        {!ready ? 'Choose two different actors.' : status.state === 'computing' ? 'Searching…' : status.state === 'failed' ? `Failed: ${status.error}` : paths ? `${paths.length} path${paths.length === 1 ? '' : 's'} found` : ''}
      </p>
      {paths && paths.length === 0 && ready && (
        <p className="empty">
          No path from {ctx.actorName(from!)} to {ctx.actorName(to!)} with these settings.{' '}
          {preset === 'any' ? 'They are not connected in what is counted.' : 'Try another question, or “Any tie”.'}
        </p>
      )}
      {paths && paths.length > 0 && (
        <PathList ctx={ctx} paths={paths} active={active} onActive={setActive} />
      )}
      {ready && <PathRules />}
      {ready && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
      <ReachSection ctx={ctx} />
    </section>
  );
});

/** A preset select with the chosen one's meaning under it (and as its description); "Chosen types" last. */
function PresetSelect({ label, value, onChange, choices }: { label: string; value: PresetChoice; onChange: (p: PresetChoice) => void; choices: readonly PathPresetId[] }) {
  const id = useId();
  return (
    <div className="path-preset">
      <label>
        {label}{' '}
        <select value={value} aria-describedby={`${id}-meaning`} onChange={(e) => onChange(e.target.value as PresetChoice)}>
          {choices.map((p) => (
            <option key={p} value={p}>
              {PATH_PRESETS[p].label}
            </option>
          ))}
          <option value="custom">Chosen types</option>
        </select>
      </label>
      <p className="preset-meaning" id={`${id}-meaning`}>
        {value === 'custom' ? 'The relation types ticked below, in their direction or either way.' : PATH_PRESETS[value].meaning}
      </p>
    </div>
  );
}

/** What sign, confidence, weak and contested mean: the sentences the CLI prints (graph/analysis/paths/path-rules.ts). */
function PathRules() {
  return (
    <details className="path-rules">
      <summary>What sign and confidence mean</summary>
      <p>{PATH_SIGN_RULE}</p>
      <p>{PATH_CONFIDENCE_RULE}</p>
      <p>{WEAK_HOP_RULE}</p>
    </details>
  );
}

/** "· 1 weak hop · 2 contested hops", in words (not colour alone); nothing when every hop is sound. */
function HopMarks({ path }: { path: ActorPath }) {
  const weak = path.hops.filter((h) => h.weak).length;
  const contested = path.hops.filter((h) => h.contested).length;
  return (
    <>
      {weak > 0 && <> · <span className="path-mark weak">{weak} weak hop{weak === 1 ? '' : 's'}</span></>}
      {contested > 0 && <> · <span className="path-mark contested">{contested} contested hop{contested === 1 ? '' : 's'}</span></>}
    </>
  );
}

/** The facts of a path, with the rules as tooltips on "sign" and "confidence". */
function PathFacts({ path }: { path: ActorPath }) {
  return (
    <>
      {path.length} hop{path.length === 1 ? '' : 's'} · <span title={PATH_SIGN_RULE}>sign</span> <strong>{signSymbol(path.sign)}</strong> ·{' '}
      <span title={PATH_CONFIDENCE_RULE}>confidence</span> {path.confidence.toFixed(3)}
      <HopMarks path={path} />
    </>
  );
}

export function pathOverlay(path: ActorPath, label: string) {
  return { kind: 'focus' as const, label, actors: path.actors, relations: path.hops.map((h) => h.relationId) };
}

function PathList({ ctx, paths, active, onActive }: { ctx: AnalysisContext; paths: ActorPath[]; active: number; onActive: (i: number) => void }) {
  return (
    <>
      <div className="form-row">
        <button type="button" disabled={active === 0} onClick={() => onActive(active - 1)}>◀ Previous</button>
        <span>Path {active + 1} of {paths.length}</span>
        <button type="button" disabled={active === paths.length - 1} onClick={() => onActive(active + 1)}>Next ▶</button>
      </div>
      <ol
        className="path-list"
        role="listbox"
        aria-label="Paths, best first"
        tabIndex={0}
        aria-activedescendant={`path-${active}`}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onActive(Math.min(active + 1, paths.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            onActive(Math.max(active - 1, 0));
          }
        }}
      >
        {paths.map((p, i) => (
          <li key={i} id={`path-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onClick={() => onActive(i)}>
            <div className="path-summary">
              {p.actors.map((a) => ctx.actorName(a)).join(' → ')}
            </div>
            <div className="path-facts">
              <PathFacts path={p} />
            </div>
          </li>
        ))}
      </ol>
      {/* The chosen path's hops, after the list: an option holds no controls (the claims unfold), so a screen reader reads the list as a list. */}
      <section className="path-hops" aria-label={`Hops of path ${active + 1}`}>
        <h3>Path {active + 1}, hop by hop</h3>
        <PathHops ctx={ctx} path={paths[Math.min(active, paths.length - 1)]!} />
      </section>
    </>
  );
}

export function PathHops({ ctx, path }: { ctx: AnalysisContext; path: ActorPath }) {
  return (
    <ol className="hops">
      {path.hops.map((h, i) => {
        const mark = h.contested ? 'contested' : h.weak ? 'weak' : null;
        return (
          <li key={i} className={mark ? `hop ${mark}` : 'hop'}>
            <div>
              <RelationEnds ctx={ctx} source={h.source} target={h.target} type={h.type} />
              {h.from !== h.source && <span className="muted"> (walked against its direction)</span>}
              {h.alternatives.length > 0 && <span className="muted"> (+{h.alternatives.length} other relation{h.alternatives.length === 1 ? '' : 's'})</span>}
            </div>
            <RelationClaims relation={ctx.relation(h.relationId)} />
          </li>
        );
      })}
    </ol>
  );
}

/** Reach has no "threats to partners": whoCanReach asks about the target itself. */
const REACH_PRESETS: readonly PathPresetId[] = ['threat-chains', 'cooperation', 'any'];

function ReachSection({ ctx }: { ctx: AnalysisContext }) {
  const [target, setTarget] = useState<string | null>(null);
  const [hops, setHops] = useState(3);
  const [preset, setPreset] = useState<PresetChoice>('threat-chains');
  const [types, setTypes] = useState<RelationType[]>(['threat', 'suspected-supporter']);
  const [directed, setDirected] = useState(true);
  const choosePreset = (next: PresetChoice) => {
    if (next === 'custom' && preset !== 'custom') {
      setTypes([...PATH_PRESETS[preset].types]);
      setDirected(PATH_PRESETS[preset].directed);
    }
    setPreset(next);
  };
  const query = useMemo(() => {
    const asked = preset === 'custom' ? { types, directed } : presetQuery(preset);
    return { target: target ?? '', maxHops: hops, types: asked.types, directed: asked.directed };
  }, [target, hops, preset, types, directed]);
  const status = useCore(target ? { type: 'reach', ...onGraph(ctx), query } : null);
  const reachers = status.state === 'ready' ? status.result : null;
  return (
    <section className="reach" aria-label="Who can reach an actor">
      <h2>Who can reach…</h2>
      <ActorPicker label="Target" actors={ctx.visible.actors} value={target} onChange={setTarget} picking={ctx.picking === 'Target'} onPickOnGraph={() => ctx.armPick('Target', setTarget)} />
      <PresetSelect label="Along" value={preset} onChange={choosePreset} choices={REACH_PRESETS} />
      {preset === 'custom' && <TypeChecklist legend="Hops may use" value={types} onChange={setTypes} />}
      <div className="form-row">
        <label>
          within{' '}
          <select value={hops} onChange={(e) => setHops(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} hop{n > 1 ? 's' : ''}</option>)}
          </select>
        </label>
        {preset === 'custom' && (
          <label>
            <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} /> Follow direction
          </label>
        )}
      </div>
      {status.state === 'failed' && <p className="status">Failed: {status.error}</p>}
      {reachers && reachers.length === 0 && <p className="empty">Nobody reaches {ctx.actorName(target!)} this way.</p>}
      {target && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
      {reachers && reachers.length > 0 && (
        <ul className="reachers">
          {reachers.map((r) => (
            <li key={r.actor}>
              <button type="button" className="link" onClick={() => ctx.setOverlay(pathOverlay(r.path, `${ctx.actorName(r.actor)} → ${ctx.actorName(target!)}`))}>
                {ctx.actorName(r.actor)}
              </button>{' '}
              <span className="muted">{r.path.actors.map((a) => ctx.actorName(a)).join(' → ')}</span>
              <details className="reach-hops">
                <summary>
                  <PathFacts path={r.path} />
                </summary>
                <PathHops ctx={ctx} path={r.path} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {reachers && reachers.length > 0 && <PathRules />}
    </section>
  );
}
