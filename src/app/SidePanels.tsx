/**
 * The side panels behind their tabs. Every panel stays mounted, so its form
 * keeps its state while another tab is shown; tabs opened at least once
 * compute, the others wait.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ActorMetrics, Dataset } from '../../graph';
import type { AnalysisContext } from '../panels/analysis-context';
import { BalancePanel } from '../panels/BalancePanel';
import { BlocsPanel } from '../panels/BlocsPanel';
import { ChangesPanel } from '../panels/ChangesPanel';
import { ComparePanel } from '../panels/ComparePanel';
import { DetailsPanel } from '../panels/DetailsPanel';
import { ActorForm } from '../panels/editing/ActorForm';
import { RelationForm } from '../panels/editing/RelationForm';
import { MetricsPanel } from '../panels/MetricsPanel';
import { PathsPanel } from '../panels/PathsPanel';
import { SourceReader } from '../reader/SourceReader';
import { SIDE_TABS, type Action, type AppState, type Editing, type PathQueryState, type Selection, type SideTab } from '../state/app-state';
import type { Metrics } from '../state/use-metrics';
import { useRememberedFlag } from './use-remembered-flag';

interface SidePanelsProps {
  state: AppState;
  dispatch: (action: Action) => void;
  ctx: AnalysisContext;
  metrics: Metrics;
  /** The selected actor's row of the centrality table. */
  selectedMetrics: ActorMetrics | undefined;
  selectedActorId: string | null;
  select: (selection: Selection) => void;
  commit: (dataset: Dataset, label: string) => void;
  remove: (target: NonNullable<Selection>) => void;
}

export function SidePanels({ state, dispatch, ctx, metrics, selectedMetrics, selectedActorId, select, commit, remove }: SidePanelsProps) {
  const [tableShown, showTable] = useRememberedFlag('actorscope:table-shown', true);
  const [openedTabs, setOpenedTabs] = useState<ReadonlySet<SideTab>>(() => new Set([state.tab]));
  if (!openedTabs.has(state.tab)) setOpenedTabs(new Set([...openedTabs, state.tab]));
  // Stable props (the views, ctx, callbacks) let the memoised panels skip the renders that do not concern them:
  // every metrics step and progress event re-renders the app, and the panels' actor pickers list every actor.
  const views = useMemo(
    () => new Map(SIDE_TABS.map((t) => [t.id, { active: state.tab === t.id, opened: openedTabs.has(t.id) }])),
    [state.tab, openedTabs],
  );
  const view = (tab: SideTab) => views.get(tab)!;
  const onPathQuery = useCallback((query: Partial<PathQueryState>) => dispatch({ type: 'pathQuery', query }), [dispatch]);
  const stopEditing = () => dispatch({ type: 'edit', editing: null });
  const onRead = useCallback((sourceId: string, focus?: [number, number]) => dispatch({ type: 'read', sourceId, focus }), [dispatch]);
  const onEdit = useCallback((editing: Editing) => dispatch({ type: 'edit', editing }), [dispatch]);

  return (
    <aside className="sidebar" id="side-panel">
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
      <TabPanel tab="details" current={state.tab}>
        {state.editing?.kind === 'actor' ? (
          <ActorForm key={`a:${state.editing.id}:${state.editing.name ?? ''}`} dataset={state.dataset} actorId={state.editing.id} name={state.editing.name} onCommit={commit} onCancel={stopEditing} />
        ) : state.editing?.kind === 'relation' ? (
          <RelationForm
            key={`r:${state.editing.id}:${state.editing.source}:${state.editing.target}:${state.editing.seed?.locator.chars?.join('-') ?? ''}`}
            dataset={state.dataset}
            relationId={state.editing.id}
            source={state.editing.source}
            target={state.editing.target}
            seed={state.editing.seed}
            onCommit={(next, label, relationId) => {
              commit(next, label);
              select({ kind: 'relation', id: relationId });
            }}
            onCancel={stopEditing}
          />
        ) : (
          <DetailsPanel
            dataset={state.dataset}
            visibleRelations={ctx.visible.relations}
            timeWindow={state.timeWindow}
            evidenceReport={ctx.evidenceReport}
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
      <TabPanel tab="changes" current={state.tab}><ChangesPanel ctx={ctx} view={view('changes')} /></TabPanel>
      <TabPanel tab="source" current={state.tab}>
        {openedTabs.has('source') && (
          <SourceReader
            dataset={state.dataset}
            reading={state.reading}
            onRead={onRead}
            onSelect={select}
            onEdit={onEdit}
            onCommit={commit}
          />
        )}
      </TabPanel>
      <div className={tableShown ? 'table-drawer open' : 'table-drawer'}>
        <button type="button" className="drawer-toggle" aria-expanded={tableShown} aria-controls="centrality-table" onClick={() => showTable(!tableShown)}>
          {tableShown ? '▾ Hide the centrality table' : '▸ Show the centrality table'}
        </button>
        {tableShown && (
          <div id="centrality-table" className="drawer-body">
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
              onEvidence={ctx.setEvidence}
            />
          </div>
        )}
      </div>
    </aside>
  );
}

function TabPanel({ tab, current, children }: { tab: SideTab; current: SideTab; children: React.ReactNode }) {
  return (
    <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} hidden={tab !== current}>
      {children}
    </div>
  );
}
