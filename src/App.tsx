import { useCallback, useMemo, useReducer } from 'react';
import {
  applyFilter,
  buildActorGraph,
  type Dataset,
  type RelationType,
} from '../graph';
import { GraphCanvas } from './canvas/GraphCanvas';
import { LAYOUT_LABELS } from './canvas/layouts';
import { DetailsPanel } from './panels/DetailsPanel';
import { Legend } from './panels/Legend';
import { MetricsPanel } from './panels/MetricsPanel';
import { SearchBox } from './panels/SearchBox';
import { LAYOUTS, graphFilter, initialState, reduce, type LayoutName, type Selection } from './state/app-state';
import { useMetrics } from './state/use-metrics';

export function App({ dataset }: { dataset: Dataset }) {
  const [state, dispatch] = useReducer(reduce, dataset, initialState);
  const actorGraph = useMemo(() => buildActorGraph(state.dataset), [state.dataset]);
  const filter = useMemo(() => graphFilter(state), [state.dataset, state.hiddenRelationTypes, state.hiddenActorKinds]);
  const visible = useMemo(() => applyFilter(state.dataset, filter), [state.dataset, filter]);
  const metrics = useMetrics(state.dataset, filter, state.undirected);

  const kinds = useMemo(() => [...new Set(state.dataset.actors.map((a) => a.kind))], [state.dataset]);
  const kindCounts = useMemo(() => countBy(state.dataset.actors, (a) => a.kind), [state.dataset]);
  const relationCounts = useMemo(() => countBy(state.dataset.relations, (r) => r.type as RelationType), [state.dataset]);

  // The chosen metric, scaled 0–1 by its maximum, sizes the actors.
  const sizes = useMemo(() => {
    const out = new Map<string, number | null>();
    const rows = metrics.result?.actors ?? [];
    const max = Math.max(0, ...rows.map((r) => r[state.sizeBy] ?? 0));
    for (const r of rows) {
      const v = r[state.sizeBy];
      out.set(r.id, v == null || max === 0 ? null : v / max);
    }
    return out;
  }, [metrics.result, state.sizeBy]);

  const select = useCallback((selection: Selection) => dispatch({ type: 'select', selection }), []);
  const selectedActorId = state.selection?.kind === 'actor' ? state.selection.id : null;
  const selectedMetrics = metrics.result?.actors.find((a) => a.id === selectedActorId);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Actorscope</h1>
        <span className="dataset-title" title={state.dataset.meta.description}>
          {state.dataset.meta.title}
        </span>
        <SearchBox actors={visible.actors} onPick={(id) => select({ kind: 'actor', id })} />
        <label>
          Layout{' '}
          <select value={state.layout} onChange={(e) => dispatch({ type: 'layout', layout: e.target.value as LayoutName })}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => window.__actorscope?.cy.fit(undefined, 40)}>Fit</button>
      </header>
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
          onSelect={select}
        />
      </main>
      <aside className="sidebar">
        <DetailsPanel
          dataset={state.dataset}
          visibleRelations={visible.relations}
          selection={state.selection}
          metrics={selectedMetrics}
          onSelect={select}
        />
        <MetricsPanel
          status={metrics}
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

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

