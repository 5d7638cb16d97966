import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { RELATION_TYPES, applyEdit, applyFilter, buildActorGraph, type ActorGraph, type Dataset, type RelationType } from '../graph';
import { GraphCanvas } from './canvas/GraphCanvas';
import { LAYOUT_LABELS } from './canvas/layouts';
import { isLarge } from './canvas/scale';
import type { AnalysisContext } from './panels/analysis-context';
import { BalancePanel } from './panels/BalancePanel';
import { BlocsPanel } from './panels/BlocsPanel';
import { ComparePanel } from './panels/ComparePanel';
import { DetailsPanel } from './panels/DetailsPanel';
import { ExportMenu } from './panels/ExportMenu';
import { ImportDialog } from './panels/ImportDialog';
import { ActorForm } from './panels/editing/ActorForm';
import { RelationForm } from './panels/editing/RelationForm';
import { Legend } from './panels/Legend';
import { MetricsPanel } from './panels/MetricsPanel';
import { PathsPanel } from './panels/PathsPanel';
import { SearchBox } from './panels/SearchBox';
import {
  LAYOUTS,
  SIDE_TABS,
  graphFilter,
  initialState,
  reduce,
  type LayoutName,
  type Overlay,
  type PathQueryState,
  type Selection,
  type SideTab,
} from './state/app-state';
import { useMetrics } from './state/use-metrics';
import { applyUrlView, writeUrlView } from './state/url-state';
import { useAutosave } from './storage/use-autosave';
import { describeStorageError, saveLayout, saveWorkspace } from './storage/workspace-store';
import { WorkspaceMenu } from './panels/WorkspaceMenu';
import type { Opened } from './Root';

interface AppProps {
  opened: Opened;
  onOpenWorkspace: (id: string) => void;
  onNewFromEmbedded: () => void;
}

export function App({ opened, onOpenWorkspace, onNewFromEmbedded }: AppProps) {
  const [state, dispatch] = useReducer(reduce, opened, (o) => applyUrlView(initialState(o.dataset), o.view));
  const [workspace, setWorkspace] = useState(opened.workspace);
  const saveStatus = useAutosave(workspace, state.dataset, opened.dataset);

  // The URL follows the view, so a link reopens it; `data=` only while the fetched dataset is unchanged.
  useEffect(() => {
    const data = opened.dataUrl && state.past.length === 0 ? opened.dataUrl : undefined;
    const search = writeUrlView(state, { ws: workspace.id, data });
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }, [state, workspace.id, opened.dataUrl]);
  // Built from the graph before it, so that an edit keeps every other element's key and the canvas updates in place.
  const lastGraph = useRef<ActorGraph | undefined>(undefined);
  const actorGraph = useMemo(() => (lastGraph.current = buildActorGraph(state.dataset, lastGraph.current)), [state.dataset]);
  const filter = useMemo(() => graphFilter(state), [state.dataset, state.hiddenRelationTypes, state.hiddenActorKinds]);
  const visible = useMemo(() => applyFilter(state.dataset, filter), [state.dataset, filter]);
  // A large graph's metrics start once it is drawn: on two cores, drawing and layout come first.
  const [drawn, setDrawn] = useState(false);
  const metrics = useMetrics(state.dataset, filter, state.undirected, isLarge(actorGraph) && !drawn);
  const metricsResult = metrics.status.result;

  const kinds = useMemo(() => [...new Set(state.dataset.actors.map((a) => a.kind))], [state.dataset]);
  const kindCounts = useMemo(() => countBy(state.dataset.actors, (a) => a.kind), [state.dataset]);
  const relationCounts = useMemo(() => countBy(state.dataset.relations, (r) => r.type as RelationType), [state.dataset]);

  // The chosen metric, scaled 0–1 by its maximum, sizes the actors. Sizes go in steps of 1/64 (under a
  // pixel at the largest node size), so a refined result (exact betweenness after the estimate) restyles
  // only the actors whose size visibly changes: at 10k actors, restyling all of them is seconds of UI thread.
  const sizes = useMemo(() => {
    const out = new Map<string, number | null>();
    const rows = metricsResult?.actors ?? [];
    let max = 0;
    for (const r of rows) max = Math.max(max, r[state.sizeBy] ?? 0);
    for (const r of rows) {
      const v = r[state.sizeBy];
      out.set(r.id, v == null || max === 0 ? null : Math.round((64 * v) / max) / 64);
    }
    return out;
  }, [metricsResult, state.sizeBy]);

  // "Pick on graph": the next actor clicked on the canvas goes to the armed field.
  const [picking, setPicking] = useState<string | null>(null);
  const pickTarget = useRef<((id: string) => void) | null>(null);
  const armPick = useCallback((field: string, onPick: (id: string) => void) => {
    pickTarget.current = onPick;
    setPicking(field);
  }, []);

  const select = useCallback((selection: Selection) => {
    if (pickTarget.current) {
      if (selection?.kind === 'actor') {
        pickTarget.current(selection.id);
        pickTarget.current = null;
        setPicking(null);
      }
      return;
    }
    dispatch({ type: 'select', selection });
  }, []);
  const setOverlay = useCallback((overlay: Overlay | null) => dispatch({ type: 'overlay', overlay }), []);
  // The arrangement is saved with the workspace (not in the dataset: positions are the view's), so a reload
  // shows the actors where they were left. A failure to save it is said, like any storage failure. A file
  // opened by `?data=` is reopened from its URL, and laid out afresh, until it is edited (then it is a workspace).
  const saveArrangement = useCallback(
    (positions: ReadonlyMap<string, { x: number; y: number }>) => {
      saveLayout(opened.workspace.id, positions).catch((err) => setNotice(`The arrangement was not saved: ${describeStorageError(err)}`));
    },
    [opened.workspace.id],
  );
  const commit = useCallback((dataset: Dataset, label: string) => dispatch({ type: 'commit', dataset, label }), []);
  const [drawMode, setDrawMode] = useState(false);
  const [layoutAgain, setLayoutAgain] = useState(0);
  const [notice, setNotice] = useState<string | null>(opened.notice ?? null);
  // Import: the dialog, and files dropped anywhere on the window.
  const [importing, setImporting] = useState<{ dropped: File[] | null } | null>(null);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setImporting({ dropped: [...e.dataTransfer.files] });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const remove = (target: NonNullable<Selection>) => {
    const result = applyEdit(state.dataset, target.kind === 'actor' ? { op: 'deleteActor', id: target.id } : { op: 'deleteRelation', id: target.id });
    if (result.ok) {
      commit(result.dataset, result.label);
      setNotice(`Done: ${result.label}. Undo with Ctrl+Z.`);
    } else setNotice(`Not deleted: ${result.problems[0]?.message ?? 'refused'}`);
  };

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes — except in a text field, where they edit the text.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && e.shiftKey) || key === 'y') dispatch({ type: 'redo' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const selectedActorId = state.selection?.kind === 'actor' ? state.selection.id : null;
  const selectedMetrics = metricsResult?.actors.find((a) => a.id === selectedActorId);

  // Tabs opened at least once: their panels compute; the others wait.
  const [openedTabs, setOpenedTabs] = useState<ReadonlySet<SideTab>>(() => new Set([state.tab]));
  if (!openedTabs.has(state.tab)) setOpenedTabs(new Set([...openedTabs, state.tab]));
  // Stable props (the views, ctx, callbacks) let the memoised panels skip the renders that do not concern them:
  // every metrics step and progress event re-renders App, and the panels' actor pickers list every actor.
  // (bench:browser, with those tabs closed, measured no change in the metrics phase's long tasks.)
  const views = useMemo(
    () => new Map(SIDE_TABS.map((t) => [t.id, { active: state.tab === t.id, opened: openedTabs.has(t.id) }])),
    [state.tab, openedTabs],
  );
  const view = (tab: SideTab) => views.get(tab)!;
  const onPathQuery = useCallback((query: Partial<PathQueryState>) => dispatch({ type: 'pathQuery', query }), []);

  const names = useMemo(() => new Map(state.dataset.actors.map((a) => [a.id, a.name])), [state.dataset]);
  const relations = useMemo(() => new Map(state.dataset.relations.map((r) => [r.id, r])), [state.dataset]);
  const ctx: AnalysisContext = useMemo(
    () => ({
      dataset: state.dataset,
      visible,
      filter,
      actorName: (id) => names.get(id) ?? id,
      relation: (id) => relations.get(id),
      setOverlay,
      overlay: state.overlay,
      select,
      armPick,
      picking,
      selectedActorId,
    }),
    [state.dataset, visible, filter, names, relations, setOverlay, state.overlay, select, armPick, picking, selectedActorId],
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>Actorscope</h1>
        <WorkspaceMenu
          workspace={workspace}
          status={saveStatus}
          onOpen={onOpenWorkspace}
          onNewFromEmbedded={onNewFromEmbedded}
          datasetTitle={state.dataset.meta.title}
          onRename={(name) => {
            setWorkspace({ ...workspace, name });
            saveWorkspace({ id: workspace.id, name, dataset: state.dataset }).catch((err) => setNotice(`Not renamed: ${describeStorageError(err)}`));
          }}
        />
        <SearchBox actors={visible.actors} onPick={(id) => select({ kind: 'actor', id })} />
        <label>
          Layout{' '}
          <select value={state.layout} onChange={(e) => dispatch({ type: 'layout', layout: e.target.value as LayoutName })}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>
            ))}
          </select>
        </label>
        <button type="button" aria-label="Lay out again" title="Lay out again: run the chosen layout anew (the saved arrangement is replaced)" onClick={() => setLayoutAgain((n) => n + 1)}>
          ↻
        </button>
        <button type="button" onClick={() => window.__actorscope?.cy.fit(undefined, 40)}>Fit</button>
        <button type="button" onClick={() => setImporting({ dropped: null })}>Import…</button>
        <ExportMenu
          dataset={state.dataset}
          filter={filter}
          metrics={metricsResult}
          visibleTypes={RELATION_TYPES.filter((t) => !state.hiddenRelationTypes.includes(t) && (relationCounts.get(t) ?? 0) > 0)}
          visibleKinds={kinds.filter((k) => !state.hiddenActorKinds.includes(k))}
          sizeLabel={state.sizeBy}
        />
        <div className="edit-toolbar" role="toolbar" aria-label="Editing">
          <button type="button" onClick={() => dispatch({ type: 'edit', editing: { kind: 'actor', id: null } })}>+ Actor</button>
          <button type="button" onClick={() => dispatch({ type: 'edit', editing: { kind: 'relation', id: null } })}>+ Relation</button>
          <button type="button" aria-pressed={drawMode} title="Drag from one actor to another to create a relation" onClick={() => setDrawMode(!drawMode)}>
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
      {importing && (
        <ImportDialog
          dropped={importing.dropped}
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
      />
      <main className="stage">
        <GraphCanvas
          graph={actorGraph}
          hiddenRelationTypes={state.hiddenRelationTypes}
          hiddenActorKinds={state.hiddenActorKinds}
          selection={state.selection}
          sizes={sizes}
          layout={state.layout}
          overlay={state.overlay}
          onSelect={select}
          onDrawn={() => setDrawn(true)}
          drawMode={drawMode}
          onDrawRelation={(source, target) => dispatch({ type: 'edit', editing: { kind: 'relation', id: null, source, target } })}
          layoutAgain={layoutAgain}
          savedPositions={opened.positions}
          onArranged={opened.dataUrl && saveStatus.state === 'unchanged' ? undefined : saveArrangement}
        />
        {notice && (
          <div className="notice" role="status">
            {notice} <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>×</button>
          </div>
        )}
        {picking && (
          <div className="banner" role="status">
            Click an actor on the graph for “{picking}”{' '}
            <button type="button" onClick={() => { pickTarget.current = null; setPicking(null); }}>Cancel</button>
          </div>
        )}
        {state.overlay && (
          <div className="overlay-bar">
            <span>{overlayLabel(state.overlay)}</span>{' '}
            <button type="button" onClick={() => setOverlay(null)}>Clear highlight</button>
          </div>
        )}
      </main>
      <aside className="sidebar">
        <div className="tabs" role="tablist" aria-label="Side panels">
          {SIDE_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={state.tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={state.tab === t.id ? 0 : -1}
              onClick={() => dispatch({ type: 'tab', tab: t.id })}
              onKeyDown={(e) => {
                const i = SIDE_TABS.findIndex((x) => x.id === state.tab);
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step) {
                  const next: SideTab = SIDE_TABS[(i + step + SIDE_TABS.length) % SIDE_TABS.length]!.id;
                  dispatch({ type: 'tab', tab: next });
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        {/* Every panel stays mounted, so its form keeps its state while another tab is shown. */}
        <TabPanel tab="details" current={state.tab}>
          {state.editing?.kind === 'actor' ? (
            <ActorForm key={`a:${state.editing.id}`} dataset={state.dataset} actorId={state.editing.id} onCommit={commit} onCancel={() => dispatch({ type: 'edit', editing: null })} />
          ) : state.editing?.kind === 'relation' ? (
            <RelationForm
              key={`r:${state.editing.id}:${state.editing.source}:${state.editing.target}`}
              dataset={state.dataset}
              relationId={state.editing.id}
              source={state.editing.source}
              target={state.editing.target}
              onCommit={commit}
              onCancel={() => dispatch({ type: 'edit', editing: null })}
            />
          ) : (
            <DetailsPanel
              dataset={state.dataset}
              visibleRelations={visible.relations}
              selection={state.selection}
              metrics={selectedMetrics}
              onSelect={select}
              onEdit={(editing) => dispatch({ type: 'edit', editing })}
              onDelete={remove}
            />
          )}
        </TabPanel>
        <TabPanel tab="paths" current={state.tab}>
          <PathsPanel ctx={ctx} view={view('paths')} query={state.pathQuery} onQuery={onPathQuery} />
        </TabPanel>
        <TabPanel tab="blocs" current={state.tab}><BlocsPanel ctx={ctx} view={view('blocs')} /></TabPanel>
        <TabPanel tab="balance" current={state.tab}><BalancePanel ctx={ctx} view={view('balance')} /></TabPanel>
        <TabPanel tab="compare" current={state.tab}><ComparePanel ctx={ctx} undirected={state.undirected} view={view('compare')} /></TabPanel>
        <MetricsPanel
          metrics={metrics}
          sort={state.sort}
          sizeBy={state.sizeBy}
          undirected={state.undirected}
          selectedActorId={selectedActorId}
          onSort={(column) => dispatch({ type: 'sort', column })}
          onSizeBy={(metric) => dispatch({ type: 'sizeBy', metric })}
          onUndirected={(undirected) => dispatch({ type: 'undirected', undirected })}
          onSelectActor={(id) => select({ kind: 'actor', id })}
        />
      </aside>
    </div>
  );
}

function TabPanel({ tab, current, children }: { tab: SideTab; current: SideTab; children: React.ReactNode }) {
  return (
    <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} hidden={tab !== current}>
      {children}
    </div>
  );
}

function overlayLabel(overlay: Overlay): string {
  switch (overlay.kind) {
    case 'focus':
      return `Showing: ${overlay.label}`;
    case 'blocs':
      return `Actors coloured by bloc (${overlay.communities.length})`;
    case 'factions':
      return `Factions: blue A, red B; ${overlay.frustrated.length} relation${overlay.frustrated.length === 1 ? '' : 's'} against the split`;
  }
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
