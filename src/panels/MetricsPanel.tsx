/**
 * The centrality table: one row per actor of the filtered graph, sortable by
 * any column (click or keyboard); a row selects its actor.
 */
import { METRICS, type MetricId, type MetricsResult } from '../../graph';
import { sortRows } from '../state/sort-rows';
import type { SortState } from '../state/app-state';
import type { MetricsStatus } from '../state/use-metrics';
import { formatMetric } from './format';

interface MetricsPanelProps {
  status: MetricsStatus;
  sort: SortState;
  sizeBy: MetricId;
  undirected: boolean;
  selectedActorId: string | null;
  onSort: (column: SortState['column']) => void;
  onSizeBy: (metric: MetricId) => void;
  onUndirected: (undirected: boolean) => void;
  onSelectActor: (id: string) => void;
}

export function MetricsPanel(props: MetricsPanelProps) {
  const { status, sort } = props;
  const result = status.result;
  const rows = result ? sortRows(result, sort) : [];
  const ariaSort = (column: SortState['column']) =>
    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const arrow = (column: SortState['column']) => (sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : '');

  return (
    <section className="metrics-panel" aria-label="Centrality metrics">
      <div className="metrics-controls">
        <label>
          Size actors by{' '}
          <select value={props.sizeBy} onChange={(e) => props.onSizeBy(e.target.value as MetricId)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>{m.label}</option>
            ))}
          </select>
        </label>
        <label title="Treat every relation as mutual when computing metrics">
          <input type="checkbox" checked={props.undirected} onChange={(e) => props.onUndirected(e.target.checked)} />{' '}
          Undirected
        </label>
        <span className="status" role="status" aria-live="polite">
          {status.state === 'computing' ? 'Computing…' : status.state === 'failed' ? `Metrics failed: ${status.error}` : ''}
        </span>
      </div>
      <div className="table-scroll">
        <table className="metrics" aria-busy={status.state === 'computing'}>
          <caption>
            Centrality of {result ? result.graph.actors : '…'} actors{result && result.graph.filter !== 'all actors and relations' ? ' (filtered)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                <button type="button" onClick={() => props.onSort('name')}>Actor{arrow('name')}</button>
              </th>
              {METRICS.map((m) => (
                <th scope="col" key={m.id} aria-sort={ariaSort(m.id)} className="num">
                  <button type="button" title={`${m.label}: ${m.description} Sort by this column.`} onClick={() => props.onSort(m.id)}>
                    {m.short}{arrow(m.id)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                tabIndex={0}
                className={row.id === props.selectedActorId ? 'selected' : undefined}
                aria-current={row.id === props.selectedActorId ? 'true' : undefined}
                onClick={() => props.onSelectActor(row.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    props.onSelectActor(row.id);
                  }
                }}
              >
                <th scope="row">{row.name}</th>
                {METRICS.map((m) => (
                  <td key={m.id} className="num" title={row[m.id] == null ? result?.unavailable[m.id] ?? 'not defined' : undefined}>
                    {formatMetric(m.id, row[m.id])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result && <Footnote result={result} />}
    </section>
  );
}

function Footnote({ result }: { result: MetricsResult }) {
  const g = result.graph;
  return (
    <footer className="footnote">
      <p>
        Computed on the {g.directed ? 'directed' : 'undirected'} graph of {g.actors} actors and {g.relations} relations
        ({g.ties} ties between distinct actors; {g.filter}).{' '}
        {g.directed
          ? 'A partner relation counts both ways; the other types run source → target.'
          : 'Every relation is treated as mutual.'}{' '}
        Path metrics count parallel relations between two actors as one tie and ignore self-relations; no weights.
      </p>
      <details>
        <summary>Conventions (networkx defaults)</summary>
        <ul>
        {METRICS.filter((m) => result.conventions[m.id]).map((m) => (
          <li key={m.id}>
            <strong>{m.label}</strong>: {result.conventions[m.id]}
            {result.unavailable[m.id] && <> — n/a here: {result.unavailable[m.id]}</>}
          </li>
        ))}
        </ul>
      </details>
    </footer>
  );
}
