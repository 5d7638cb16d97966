/** The top bar: workspace, search, layout, fit, import and export, and the editing tools. */
import { useMemo } from 'react';
import { RELATION_TYPES, describeEvidence, type Actor, type EvidenceReport, type GraphFilter, type MetricsResult, type RelationType } from '../../graph';
import { LAYOUT_LABELS } from '../canvas/layouts';
import { ExportMenu } from '../panels/ExportMenu';
import { SearchBox } from '../panels/SearchBox';
import { WorkspaceMenu } from '../panels/WorkspaceMenu';
import { LAYOUTS, type Action, type AppState, type LayoutName } from '../state/app-state';
import type { SaveStatus } from '../storage/use-autosave';
import { useCanvasHandle } from './canvas-handle';

interface TopBarProps {
  state: AppState;
  dispatch: (action: Action) => void;
  workspace: { id: string; name: string };
  saveStatus: SaveStatus;
  onOpenWorkspace: (id: string) => void;
  /** A new workspace from an embedded dataset (its id in src/data/embedded-datasets.ts). */
  onNewFromEmbedded: (id: string) => void;
  onRename: (name: string) => void;
  /** The actors the search box finds (those shown). */
  visibleActors: readonly Actor[];
  onPickActor: (id: string) => void;
  onLayoutAgain: () => void;
  onImport: () => void;
  filter: GraphFilter;
  metrics: MetricsResult | null;
  kinds: readonly string[];
  relationCounts: ReadonlyMap<RelationType, number>;
  drawMode: boolean;
  onDrawMode: (on: boolean) => void;
  /** What the evidence setting leaves out of the shown graph, for the briefing. */
  evidenceReport: EvidenceReport;
}

export function TopBar({ state, dispatch, workspace, saveStatus, filter, metrics, kinds, relationCounts, drawMode, evidenceReport, ...on }: TopBarProps) {
  const visibleActorIds = useMemo(() => new Set(on.visibleActors.map((a) => a.id)), [on.visibleActors]);
  const canvas = useCanvasHandle();
  return (
    <header className="topbar">
      <h1>Actorscope</h1>
      <WorkspaceMenu
        workspace={workspace}
        status={saveStatus}
        onOpen={on.onOpenWorkspace}
        onNewFromEmbedded={on.onNewFromEmbedded}
        datasetTitle={state.dataset.meta.title}
        onRename={on.onRename}
      />
      <SearchBox actors={on.visibleActors} onPick={on.onPickActor} />
      <label>
        Layout{' '}
        <select value={state.layout} onChange={(e) => dispatch({ type: 'layout', layout: e.target.value as LayoutName })}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>
          ))}
        </select>
      </label>
      <button type="button" aria-label="Lay out again" title="Lay out again: run the chosen layout anew (the saved arrangement is replaced)" onClick={on.onLayoutAgain}>
        ↻
      </button>
      <button type="button" onClick={() => canvas.fit()}>Fit</button>
      <button type="button" onClick={on.onImport}>Import…</button>
      <ExportMenu
        dataset={state.dataset}
        filter={filter}
        metrics={metrics}
        visibleTypes={RELATION_TYPES.filter((t) => !state.hiddenRelationTypes.includes(t) && (relationCounts.get(t) ?? 0) > 0)}
        visibleKinds={kinds.filter((k) => !state.hiddenActorKinds.includes(k))}
        sizeLabel={state.sizeBy}
        evidenceNote={`Counted: ${describeEvidence(state.evidence)}; the others faint and dotted`}
        pathQuery={state.pathQuery}
        evidence={state.evidence}
        evidenceReport={evidenceReport}
        visibleActorIds={visibleActorIds}
        timeWindow={state.timeWindow}
      />
      <div className="edit-toolbar" role="toolbar" aria-label="Editing">
        <button type="button" onClick={() => dispatch({ type: 'edit', editing: { kind: 'actor', id: null } })}>+ Actor</button>
        <button type="button" onClick={() => dispatch({ type: 'edit', editing: { kind: 'relation', id: null } })}>+ Relation</button>
        <button type="button" aria-pressed={drawMode} title="Drag from one actor to another to create a relation" onClick={() => on.onDrawMode(!drawMode)}>
          Draw relations
        </button>
        <button type="button" disabled={!state.past.length} title={state.past.length ? `Undo ${state.past.at(-1)!.label} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => dispatch({ type: 'undo' })}>
          ↶ Undo
        </button>
        <button type="button" disabled={!state.future.length} title={state.future.length ? `Redo ${state.future.at(-1)!.label} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => dispatch({ type: 'redo' })}>
          ↷ Redo
        </button>
      </div>
    </header>
  );
}
