/**
 * The explorer for one opened dataset: its state (one reducer,
 * src/state/app-state.ts), what every part reads from it (the graph, the
 * filter, the metrics, the sizes), and the composition of the top bar, the
 * legend, the canvas and the side panels. Root remounts it per workspace.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties } from 'react';
import { applyEdit, applyFilter, buildActorGraph, claimSpan, claimsPerYear, sourceLookup, type ActorGraph, type Dataset, type EvidenceSetting, type TimeWindow } from '../graph';
import { CanvasProvider } from './canvas/CanvasProvider';
import { GraphCanvas } from './canvas/GraphCanvas';
import { isLarge } from './canvas/scale';
import type { AnalysisContext } from './panels/analysis-context';
import { ImportDialog } from './panels/ImportDialog';
import { SourcesContext } from './panels/sources-context';
import { TimeWindowContext } from './panels/time-window-context';
import { ReaderContext, type ReaderOpener } from './reader/reader-context';
import { Legend } from './panels/Legend';
import { RelationsTable } from './panels/RelationsTable';
import { graphFilter, initialState, reduce, type Overlay, type Selection } from './state/app-state';
import { useEvidence } from './state/use-evidence';
import { useTimeWindow } from './state/use-time-window';
import { TimeBar } from './time/TimeBar';
import { yearSpan } from './time/time-scale';
import { useMetrics } from './state/use-metrics';
import { applyUrlView } from './state/url-state';
import { useAutosave } from './storage/use-autosave';
import { explainSaveFailure } from './storage/save-failure';
import { describeStorageError, newWorkspaceId, saveLayout, saveWorkspace } from './storage/workspace-store';
import type { Opened } from './app/opened';
import { RelationTooltip } from './app/RelationTooltip';
import { SideDivider } from './app/SideDivider';
import { SidePanels } from './app/SidePanels';
import { OvertakenBanner } from './app/OvertakenBanner';
import { StageBanners } from './app/StageBanners';
import { TopBar } from './app/TopBar';
import { useDatasetCounts } from './app/use-dataset-counts';
import { useFileDrop } from './app/use-file-drop';
import { useMetricSizes } from './app/use-metric-sizes';
import { usePickOnGraph } from './app/use-pick-on-graph';
import { useUndoKeys } from './app/use-undo-keys';
import { useSideWidth } from './app/use-side-width';
import { useUrlSync } from './app/use-url-sync';

interface AppProps {
  opened: Opened;
  onOpenWorkspace: (id: string) => void;
  /** A new workspace from an embedded dataset (its id in src/data/embedded-datasets.ts). */
  onNewFromEmbedded: (id: string) => void;
}

export function App({ opened, onOpenWorkspace, onNewFromEmbedded }: AppProps) {
  const [state, dispatch] = useReducer(reduce, opened, (o) => applyUrlView(initialState(o.dataset, o.history), o.view));
  const [workspace, setWorkspace] = useState(opened.workspace);
  const saveStatus = useAutosave(workspace, { name: workspace.name, dataset: state.dataset, past: state.past, future: state.future }, opened);
  useUrlSync(state, workspace.id, opened.dataUrl);
  useUndoKeys(dispatch);

  // Built from the graph before it, so that an edit keeps every other element's key and the canvas updates in place.
  const lastGraph = useRef<ActorGraph | undefined>(undefined);
  const actorGraph = useMemo(() => (lastGraph.current = buildActorGraph(state.dataset, lastGraph.current)), [state.dataset]);
  const filter = useMemo(() => graphFilter(state), [state.dataset, state.hiddenRelationTypes, state.hiddenActorKinds]);
  const timed = useTimeWindow(state.dataset, state.timeWindow);
  const perYear = useMemo(() => claimsPerYear(state.dataset), [state.dataset]);
  const span = useMemo(() => yearSpan(perYear), [perYear]);
  const undated = useMemo(() => state.dataset.relations.reduce((n, r) => n + r.claims.filter((c) => !claimSpan(c)).length, 0), [state.dataset]);
  const windowNote = useMemo(() => (timed.report ? { report: timed.report, relations: state.dataset.relations.length } : null), [timed.report, state.dataset]);
  const setTimeWindow = useCallback((window: TimeWindow | null) => dispatch({ type: 'timeWindow', window }), []);
  const visible = useMemo(() => applyFilter(timed.dataset, filter), [timed.dataset, filter]);
  const evidence = useEvidence(visible, state.evidence);
  // A large graph's metrics start once it is drawn: on two cores, drawing and layout come first.
  const [drawn, setDrawn] = useState(false);
  const metrics = useMetrics(state.dataset, filter, state.evidence, state.timeWindow, state.undirected, isLarge(actorGraph) && !drawn);
  const metricsResult = metrics.status.result;
  const { kinds, kindCounts, relationCounts } = useDatasetCounts(timed.dataset);
  const sizes = useMetricSizes(metricsResult, state.sizeBy);
  const { picking, armPick, cancelPick, select } = usePickOnGraph(dispatch);

  const [notice, setNotice] = useState<string | null>(opened.notice ?? null);
  // A failed save is said where it can be read in full (the bar has one line for it).
  const failure = saveStatus.state === 'failed' ? saveStatus.error : null;
  useEffect(() => {
    if (failure) setNotice(`Not saved: ${failure}`);
  }, [failure]);
  const sideWidth = useSideWidth();
  const [asTable, setAsTable] = useState(false);
  const tableToggle = useRef<HTMLButtonElement>(null);
  const [drawMode, setDrawMode] = useState(false);
  const [layoutAgain, setLayoutAgain] = useState(0);
  // Import: the dialog, and files dropped anywhere on the window.
  const [importing, setImporting] = useState<{ dropped: File[] | null } | null>(null);
  useFileDrop(useCallback((dropped: File[]) => setImporting({ dropped }), []));

  const setOverlay = useCallback((overlay: Overlay | null) => dispatch({ type: 'overlay', overlay }), []);
  const setEvidence = useCallback((setting: EvidenceSetting) => dispatch({ type: 'evidence', evidence: setting }), []);
  const commit = useCallback((dataset: Dataset, label: string) => dispatch({ type: 'commit', dataset, label }), []);
  const drawRelation = useCallback((source: string, target: string) => dispatch({ type: 'edit', editing: { kind: 'relation', id: null, source, target } }), []);
  const onDrawn = useCallback(() => setDrawn(true), []);
  // The arrangement is saved with the workspace (not in the dataset: positions are the view's), so a reload
  // shows the actors where they were left. A failure to save it is said, like any storage failure. A file
  // opened by `?data=` is reopened from its URL, and laid out afresh, until it is edited (then it is a workspace).
  const saveArrangement = useCallback(
    (positions: ReadonlyMap<string, { x: number; y: number }>) => {
      saveLayout(opened.workspace.id, positions).catch((err) => setNotice(`The arrangement was not saved: ${describeStorageError(err)}`));
    },
    [opened.workspace.id],
  );
  // Saved by the autosave, like any change (and refused like one when another tab has saved since).
  const rename = (name: string) => setWorkspace({ ...workspace, name });
  const keepAsNewWorkspace = async () => {
    const kept = { id: newWorkspaceId(), name: `${workspace.name} (this tab’s version)`, dataset: state.dataset };
    try {
      await saveWorkspace(kept, { base: 0, change: 'kept from a tab overtaken by another', history: { past: state.past, future: state.future } });
    } catch (err) {
      setNotice(`Not kept: ${await explainSaveFailure(err, state.dataset)}. Export your work to a file.`);
      return;
    }
    onOpenWorkspace(kept.id);
  };
  const remove = (target: NonNullable<Selection>) => {
    const result = applyEdit(state.dataset, target.kind === 'actor' ? { op: 'deleteActor', id: target.id } : { op: 'deleteRelation', id: target.id });
    if (result.ok) {
      commit(result.dataset, result.label);
      setNotice(`Done: ${result.label}. Undo with Ctrl+Z.`);
    } else setNotice(`Not deleted: ${result.problems[0]?.message ?? 'refused'}`);
  };

  const selectedActorId = state.selection?.kind === 'actor' ? state.selection.id : null;
  const selectedMetrics = metricsResult?.actors.find((a) => a.id === selectedActorId);
  const names = useMemo(() => new Map(state.dataset.actors.map((a) => [a.id, a.name])), [state.dataset]);
  const relations = useMemo(() => new Map(state.dataset.relations.map((r) => [r.id, r])), [state.dataset]);
  // Hovering a relation tells its evidence in the time window (its claims there).
  const relationsInWindow = useMemo(() => (timed.dataset === state.dataset ? relations : new Map(timed.dataset.relations.map((r) => [r.id, r]))), [timed.dataset, state.dataset, relations]);
  const sourceOf = useMemo(() => sourceLookup(state.dataset), [state.dataset]);
  const reader: ReaderOpener = useMemo(() => ({ openPassage: (sourceId, chars) => dispatch({ type: 'read', sourceId, focus: chars ? [chars[0], chars[1]] : null }) }), []);
  // Stable, so that the memoised analysis panels skip the renders that do not concern them.
  const ctx: AnalysisContext = useMemo(
    () => ({
      dataset: state.dataset,
      visible,
      filter,
      evidence: state.evidence,
      window: state.timeWindow,
      evidenceReport: evidence.report,
      counted: evidence.counted,
      setEvidence,
      actorName: (id) => names.get(id) ?? id,
      relation: (id) => relations.get(id),
      setOverlay,
      overlay: state.overlay,
      select,
      armPick,
      picking,
      selectedActorId,
    }),
    [state.dataset, visible, filter, state.evidence, state.timeWindow, evidence, setEvidence, names, relations, setOverlay, state.overlay, select, armPick, picking, selectedActorId],
  );

  return (
    <CanvasProvider>
      <SourcesContext.Provider value={sourceOf}>
      <ReaderContext.Provider value={reader}>
      <TimeWindowContext.Provider value={windowNote}>
      <div className="app" style={{ '--side-width': `${sideWidth.width}px` } as CSSProperties}>
        <TopBar
          state={state}
          dispatch={dispatch}
          workspace={workspace}
          saveStatus={saveStatus}
          onOpenWorkspace={onOpenWorkspace}
          onNewFromEmbedded={onNewFromEmbedded}
          onRename={rename}
          visibleActors={visible.actors}
          onPickActor={(id) => select({ kind: 'actor', id })}
          onLayoutAgain={() => setLayoutAgain((n) => n + 1)}
          onImport={() => setImporting({ dropped: null })}
          filter={filter}
          metrics={metricsResult}
          kinds={kinds}
          relationCounts={relationCounts}
          drawMode={drawMode}
          onDrawMode={setDrawMode}
          evidenceReport={evidence.report}
        />
        {importing && (
          <ImportDialog
            dropped={importing.dropped}
            current={state.dataset}
            onImported={commit}
            onUndo={() => dispatch({ type: 'undo' })}
            onClose={() => setImporting(null)}
          />
        )}
        <Legend
          kinds={kinds}
          kindCounts={kindCounts}
          relationCounts={relationCounts}
          hiddenRelationTypes={state.hiddenRelationTypes}
          hiddenActorKinds={state.hiddenActorKinds}
          onToggleRelationType={(relationType) => dispatch({ type: 'toggleRelationType', relationType })}
          onToggleActorKind={(kind) => dispatch({ type: 'toggleActorKind', kind })}
          evidenceReport={evidence.report}
          shownRelations={visible.relations.length}
          onEvidence={setEvidence}
        />
        <main className={span ? 'stage with-time' : 'stage'}>
          <GraphCanvas
            graph={actorGraph}
            filter={filter}
            leftOut={evidence.leftOut}
            windowed={state.timeWindow ? timed.dataset : null}
            outsideWindow={timed.outside}
            selection={state.selection}
            sizes={sizes}
            layout={state.layout}
            overlay={state.overlay}
            onSelect={select}
            onDrawn={onDrawn}
            drawMode={drawMode}
            onDrawRelation={drawRelation}
            layoutAgain={layoutAgain}
            savedPositions={opened.positions}
            onArranged={opened.dataUrl && saveStatus.state === 'unchanged' ? undefined : saveArrangement}
          />
          {span && (
            <TimeBar
              perYear={perYear}
              span={span}
              window={state.timeWindow}
              onWindow={setTimeWindow}
              report={timed.report}
              relations={state.dataset.relations.length}
              undated={undated}
            />
          )}
          <RelationTooltip relations={relationsInWindow} names={names} evidenceReport={evidence.report} />
          <button type="button" ref={tableToggle} className="stage-toggle" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            Relations as a table
          </button>
          {asTable && (
            <RelationsTable
              visible={visible}
              evidenceReport={evidence.report}
              actorName={ctx.actorName}
              onSelect={select}
              onClose={() => {
                setAsTable(false);
                tableToggle.current?.focus();
              }}
            />
          )}
          {saveStatus.state === 'overtaken' && (
            <OvertakenBanner
              status={saveStatus}
              onKeepAsNew={() => void keepAsNewWorkspace()}
              onOpenLatest={() => onOpenWorkspace(workspace.id)}
            />
          )}
          <StageBanners
            notice={notice}
            onDismissNotice={() => setNotice(null)}
            picking={picking}
            onCancelPick={cancelPick}
            overlay={state.overlay}
            onClearOverlay={() => setOverlay(null)}
          />
        </main>
        <SideDivider width={sideWidth.width} max={sideWidth.max} onWidth={sideWidth.setWidth} />
        <SidePanels
          state={state}
          dispatch={dispatch}
          ctx={ctx}
          metrics={metrics}
          selectedMetrics={selectedMetrics}
          selectedActorId={selectedActorId}
          select={select}
          commit={commit}
          remove={remove}
        />
      </div>
      </TimeWindowContext.Provider>
      </ReaderContext.Provider>
      </SourcesContext.Provider>
    </CanvasProvider>
  );
}
