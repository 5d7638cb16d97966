/**
 * The centrality table: one row per actor of the filtered graph, sortable by
 * any column (click or keyboard); a row selects its actor. A large graph shows
 * the top rows by the sort column (and the selected actor's row, wherever it
 * ranks), so the table never renders thousands of rows. While metrics take
 * more than a second, the panel says so and offers Cancel; the table only
 * ever shows a whole result, labelled when it answers an earlier question.
 */
import { useEffect, useMemo, useState } from 'react';
import { ALL_METRICS, METRICS, metricView, type EvidenceSetting, type MetricDescriptor, type MetricId, type MetricsResult, type Progress } from '../../graph';
import { sortRows } from '../state/sort-rows';
import type { SortState } from '../state/app-state';
import type { Metrics } from '../state/use-metrics';
import { EvidenceFootnote } from './EvidenceFootnote';
import { formatMetric } from './format';
import { NetworkControl } from './NetworkControl';

/** Rows rendered at most (plus the selected actor's). */
export const TABLE_TOP_N = 200;
/** After this long, computing shows its progress and a Cancel button. */
const SLOW_MS = 1000;

interface MetricsPanelProps {
  metrics: Metrics;
  sort: SortState;
  sizeBy: MetricId;
  undirected: boolean;
  selectedActorId: string | null;
  onSort: (column: SortState['column']) => void;
  onSizeBy: (metric: MetricId) => void;
  onUndirected: (undirected: boolean) => void;
  onSelectActor: (id: string) => void;
  /** A footnote's "include them" changes the one evidence setting. */
  onEvidence: (setting: EvidenceSetting) => void;
}

const count = (n: number) => n.toLocaleString('en');

export function MetricsPanel(props: MetricsPanelProps) {
  const { metrics, sort } = props;
  const status = metrics.status;
  const result = status.result;
  // The columns: the table's metrics, and PN when asked for (an optional metric).
  const columns = metrics.options.pn ? ALL_METRICS : METRICS;
  const view = (id: MetricId) => metricView(id, result?.weightBy ?? false);
  const rows = useMemo(() => (result ? sortRows(result, sort) : []), [result, sort]);
  const shown = rows.length > TABLE_TOP_N ? rows.slice(0, TABLE_TOP_N) : rows;
  // The selected actor's row, when it ranks below the rows shown.
  const pinned = useMemo(() => {
    if (rows.length <= TABLE_TOP_N || props.selectedActorId === null) return null;
    const rank = rows.findIndex((r) => r.id === props.selectedActorId);
    return rank >= TABLE_TOP_N ? { row: rows[rank]!, rank: rank + 1 } : null;
  }, [rows, props.selectedActorId]);

  // Elapsed time while computing, ticking twice a second.
  const [now, setNow] = useState(() => Date.now());
  const computing = status.state === 'computing';
  useEffect(() => {
    if (!computing) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [computing]);
  const elapsed = status.state === 'computing' ? Math.max(0, now - status.since) : 0;
  const slow = status.state === 'computing' && elapsed >= SLOW_MS;
  // The table answers an earlier question (another graph, filter or direction): say so, unless it is a blink.
  const stale = result !== null && status.resultKey !== metrics.key && (status.state !== 'computing' || slow);

  const ariaSort = (column: SortState['column']) =>
    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const arrow = (column: SortState['column']) => (sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : '');
  const sortLabel = sort.column === 'name' ? 'name' : view(sort.column).label.toLowerCase();

  return (
    <section className="metrics-panel" aria-label="Centrality metrics">
      <div className="metrics-controls">
        <label>
          Size actors by{' '}
          <select value={props.sizeBy} onChange={(e) => props.onSizeBy(e.target.value as MetricId)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>{view(m.id).label}</option>
            ))}
          </select>
        </label>
        <label title="PN centrality (Everett & Borgatti 2014): ties to well-tied actors raise it, threats lower it; on the whole signed network">
          <input type="checkbox" checked={metrics.options.pn} onChange={(e) => metrics.setOptions({ ...metrics.options, pn: e.target.checked })} /> PN column
        </label>
        <label title="Treat every relation as mutual when computing metrics">
          <input type="checkbox" checked={props.undirected} onChange={(e) => props.onUndirected(e.target.checked)} />{' '}
          Undirected
        </label>
        <NetworkControl
          idPrefix="metrics"
          value={metrics.options}
          values={(result?.relationsWithValue ?? 0) > 0}
          onChange={(n) => metrics.setOptions({ ...metrics.options, ...n })}
        />
        <span className="status" role="status" aria-live="polite">
          {status.state === 'computing' && !slow && 'Computing…'}
          {status.state === 'waiting' && 'Metrics start once the graph is drawn…'}
          {status.state === 'computing' && slow && (
            <>
              {/* The button first: the text after it changes with every progress report, and a button that moves is hard to hit. */}
              <button type="button" onClick={metrics.cancel}>Cancel</button>{' '}
              Computing {status.step.label}
              {status.step.of > 1 && <> (step {status.step.index + 1} of {status.step.of})</>} for {count(status.actors)} actors…
              {status.progress && status.progress.total > 0 && <> {percent(status.progress)} ·</>} {Math.floor(elapsed / 1000)} s
            </>
          )}
          {status.state === 'cancelled' && (
            <>
              Metrics cancelled.{' '}
              <button type="button" onClick={metrics.recompute}>Compute again</button>
            </>
          )}
          {status.state === 'failed' && (
            <>
              Metrics failed: {status.error}{' '}
              <button type="button" onClick={metrics.recompute}>Try again</button>
            </>
          )}
        </span>
      </div>
      {stale && (
        <p className="table-note stale" role="note">
          The table shows the previous result, computed before your last change{status.state === 'computing' ? '' : '; it is not the current graph’s'}.
        </p>
      )}
      {result?.estimates && Object.keys(result.estimates).length > 0 && (
        <EstimateNote result={result} refining={status.state === 'computing' && status.resultKey === metrics.key} />
      )}
      {!result && status.state === 'cancelled' && (
        <p className="table-note" role="note">No metrics: the computation was cancelled before it finished.</p>
      )}
      {rows.length > TABLE_TOP_N && (
        <p className="table-note" role="note">
          Showing {TABLE_TOP_N} of {count(rows.length)} actors, the first by {sortLabel} — search or sort to see others.
        </p>
      )}
      <div className="table-scroll">
        <table className={stale ? 'metrics stale' : 'metrics'} aria-busy={status.state === 'computing'}>
          <caption>
            Centrality of {result ? count(result.graph.actors) : '…'} actors{result && result.graph.filter !== 'all actors and relations' ? ' (filtered)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                <button type="button" onClick={() => props.onSort('name')}>Actor{arrow('name')}</button>
              </th>
              {columns.map((d) => {
                const m = view(d.id);
                return (
                  <th scope="col" key={m.id} aria-sort={ariaSort(m.id)} className="num">
                    <button type="button" title={`${m.label}: ${m.description} Sort by this column.`} onClick={() => props.onSort(m.id)}>
                      {m.short}{result?.estimates?.[m.id] ? ' ≈' : ''}{arrow(m.id)}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row key={row.id} row={row} result={result!} columns={columns} selected={row.id === props.selectedActorId} computing={computing} onSelect={props.onSelectActor} />
            ))}
            {pinned && (
              <>
                <tr className="gap" aria-hidden="true">
                  <td colSpan={columns.length + 1}>⋯ rank {count(pinned.rank)} of {count(rows.length)}</td>
                </tr>
                <Row row={pinned.row} result={result!} columns={columns} selected computing={computing} onSelect={props.onSelectActor} />
              </>
            )}
          </tbody>
        </table>
      </div>
      {result && <Footnote result={result} columns={columns} onEvidence={props.onEvidence} />}
    </section>
  );
}

interface RowProps {
  row: MetricsResult['actors'][number];
  result: MetricsResult;
  columns: readonly MetricDescriptor[];
  selected: boolean;
  computing: boolean;
  onSelect: (id: string) => void;
}

function Row({ row, result, columns, selected, computing, onSelect }: RowProps) {
  return (
    <tr
      tabIndex={0}
      className={selected ? 'selected' : undefined}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(row.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(row.id);
        }
      }}
    >
      <th scope="row" title={row.name}><span className="one-line">{row.name}</span></th>
      {columns.map((m) => (
        result.metrics.includes(m.id) ? (
          <td key={m.id} className="num" title={row[m.id] == null ? result.unavailable[m.id] ?? 'not defined' : undefined}>
            {formatMetric(m.id, row[m.id], result.weighted)}
          </td>
        ) : (
          // Not computed: a later step is computing it (…), or the run was cancelled or failed first (—).
          <td key={m.id} className="num pending" title={computing ? 'being computed' : 'not computed: the computation stopped first'}>
            {computing ? '…' : '—'}
          </td>
        )
      ))}
    </tr>
  );
}

function percent(progress: Progress): string {
  return `${Math.floor((100 * progress.done) / progress.total)}%`;
}

/** Which metrics are estimates, how good, and whether the exact ones are coming. */
function EstimateNote({ result, refining }: { result: MetricsResult; refining: boolean }) {
  return (
    <p className="table-note estimate" role="note">
      {ALL_METRICS.filter((m) => result.estimates?.[m.id]).map((m) => {
        const e = result.estimates![m.id]!;
        return (
          <span key={m.id}>
            {m.label} (≈) is an estimate from {count(e.samples)} of {count(e.of)} sources, sampled at random (seed {e.seed}): {e.bound}.{' '}
          </span>
        );
      })}
      {refining ? 'The exact values are being computed.' : 'The exact computation did not finish: compute again for exact values.'}
    </p>
  );
}

function Footnote({ result, columns, onEvidence }: { result: MetricsResult; columns: readonly MetricDescriptor[]; onEvidence: (setting: EvidenceSetting) => void }) {
  const g = result.graph;
  const label = (id: MetricId) => metricView(id, result.weightBy ?? false).label;
  const byValue = result.weightBy === 'value';
  const without = result.withoutValue ?? 0;
  const ignoring = result.network.ignoredBy;
  return (
    <footer className="footnote">
      <p>
        Computed on the {g.directed ? 'directed' : 'undirected'} graph of {count(g.actors)} actors and {count(g.relations)} relations
        ({count(g.ties)} ties between distinct actors; {g.filter}).{' '}
        <span className="network-note">
          Network: {result.network.description}
          {ignoring.length > 0 && result.network.network !== 'all' && <> ({ignoring.map(label).join(', ')}: the whole signed network, as it is defined)</>}.
        </span>{' '}
        {g.directed
          ? 'A partner relation counts both ways; the other types run source → target.'
          : 'Every relation is treated as mutual.'}{' '}
        Path metrics count parallel relations between two actors as one tie and ignore self-relations
        {result.weighted ? '.' : '; no weights.'}
      </p>
      {result.weighted && (
        <p className="weighting-note">
          {byValue
            ? "Weighted by value: each relation weighs the sum of its claims' values (e.g. TIV). "
            : 'Weighted by evidence: each relation weighs its confidence. '}
          Degrees are strengths (sums of the weights; parallel relations each add theirs); eigenvector, PageRank, hub and
          authority weigh each tie by its relations&apos; summed weight; betweenness and closeness take a tie of weight w as a step
          of length 1/w.{' '}
          {byValue && without > 0 && <>{count(without)} relation{without === 1 ? ' carries' : 's carry'} no value and {without === 1 ? 'is' : 'are'} left out. </>}
          {(result.unweighted ?? []).length > 0 && <>{(result.unweighted ?? []).map(label).join(', ')} stay{(result.unweighted ?? []).length === 1 ? 's' : ''} unweighted.</>}
        </p>
      )}
      {result.evidence && <EvidenceFootnote report={result.evidence} onEvidence={onEvidence} />}
      <details>
        <summary>Conventions (networkx defaults)</summary>
        <ul>
        {columns.filter((m) => result.conventions[m.id]).map((m) => (
          <li key={m.id}>
            <strong>{label(m.id)}</strong>: {result.conventions[m.id]}
            {result.unavailable[m.id] && <> — n/a here: {result.unavailable[m.id]}</>}
          </li>
        ))}
        </ul>
      </details>
    </footer>
  );
}
