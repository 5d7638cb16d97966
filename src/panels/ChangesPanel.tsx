/**
 * Changes: two time windows compared (graph/analysis/time-diff.ts, in the
 * worker): relations added, removed and changed, rank moves, blocs that split
 * or merged, unbalanced triads and threat paths that appeared or vanished,
 * each unfolding to the claims behind it. The windows are years (from..to
 * each), by default the first and last thirds of the dataset's dated span.
 * While the tab is shown, the canvas draws the changed relations (the
 * `changes` overlay, with its legend in the overlay bar).
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { claimsPerYear, METRICS, metricView, type MetricId } from '../../graph';
import { countOf } from '../look/evidence-text';
import { useCore } from '../state/use-core';
import type { AnalysisContext, PanelVisibility } from './analysis-context';
import { BlocList, PathList, RankList, RelationLists, TriadList } from './changes/ChangeLists';
import { asTimeWindow, datedSpan, defaultWindows, windowProblem, type YearWindows } from './changes/default-windows';

export const ChangesPanel = memo(function ChangesPanel({ ctx, view }: { ctx: AnalysisContext; view: PanelVisibility }) {
  const span = useMemo(() => datedSpan(claimsPerYear(ctx.dataset).keys()), [ctx.dataset]);
  const spanKey = span ? span.join('..') : '';
  const [windows, setWindows] = useState<YearWindows | null>(() => (span ? defaultWindows(span) : null));
  const [shownFor, setShownFor] = useState(spanKey);
  // Another dataset (an import), another span: the windows start again from its thirds.
  if (shownFor !== spanKey) {
    setShownFor(spanKey);
    setWindows(span ? defaultWindows(span) : null);
  }
  const [datedOnly, setDatedOnly] = useState(false);
  const [metric, setMetric] = useState<MetricId>('degree');
  const [show, setShow] = useState(true);

  const problem = windows ? windowProblem('Before', windows.before) ?? windowProblem('After', windows.after) : null;
  const run = view.opened && windows !== null && problem === null;
  const before = windows ? asTimeWindow(windows.before, datedOnly) : null;
  const after = windows ? asTimeWindow(windows.after, datedOnly) : null;
  const status = useCore(run && before && after ? { type: 'diff', dataset: ctx.dataset, filter: ctx.filter, evidence: ctx.evidence, options: { before, after, metric } } : null);
  const diff = status.state === 'ready' ? status.result : null;
  const overlap = windows !== null && problem === null && windows.before[0] <= windows.after[1] && windows.after[0] <= windows.before[1];
  const label = windows ? `${windows.before.join('–')} → ${windows.after.join('–')}` : '';

  useEffect(() => {
    if (!view.active) return;
    if (diff && show) {
      const types = diff.changed.filter((c) => c.kind === 'type');
      ctx.setOverlay({
        kind: 'changes',
        label,
        added: diff.added.map((r) => r.id),
        removed: diff.removed.map((r) => r.id),
        changed: diff.changed.map((c) => c.id),
        replaced: types.map((c) => c.before.id),
      });
    } else if (ctx.overlay?.kind === 'changes') ctx.setOverlay(null);
  }, [diff, show, view.active]);

  const setYear = (side: 'before' | 'after', end: 0 | 1, value: string) => {
    if (!windows) return;
    const next: [number, number] = [...windows[side]];
    next[end] = Number(value);
    setWindows({ ...windows, [side]: next });
  };

  return (
    <section className="analysis changes-panel" aria-label="Changes between two windows">
      <h2>Changes between two windows</h2>
      {!windows || !span ? (
        <p className="muted">No claim in this dataset carries a date or period, so there is nothing to compare in time.</p>
      ) : (
        <>
          <p className="muted small">
            Dated claims cover {span[0]}–{span[1]}. A relation is in a window when one of its supporting claims holds in it; undated claims hold always unless left out.
          </p>
          <div className="change-windows">
            {(['before', 'after'] as const).map((side) => (
              <fieldset key={side}>
                <legend>{side === 'before' ? 'Earlier window' : 'Later window'}</legend>
                <label>
                  from{' '}
                  <input type="number" aria-label={`${side === 'before' ? 'Earlier' : 'Later'} window from`} min={1} max={9999} value={windows[side][0]} onChange={(e) => setYear(side, 0, e.target.value)} style={{ width: '5em' }} />
                </label>
                <label>
                  to{' '}
                  <input type="number" aria-label={`${side === 'before' ? 'Earlier' : 'Later'} window to`} min={1} max={9999} value={windows[side][1]} onChange={(e) => setYear(side, 1, e.target.value)} style={{ width: '5em' }} />
                </label>
              </fieldset>
            ))}
          </div>
          <div className="form-row">
            <label title="Leave out the claims that carry no date or period (they hold in every window)">
              <input type="checkbox" checked={datedOnly} onChange={(e) => setDatedOnly(e.target.checked)} /> Dated claims only
            </label>
            <label>
              Ranks by{' '}
              <select value={metric} onChange={(e) => setMetric(e.target.value as MetricId)}>
                {METRICS.map((m) => (
                  <option key={m.id} value={m.id}>{metricView(m.id).label}</option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show on the graph
            </label>
          </div>
          <p className="status" role="status" aria-live="polite">
            {problem ?? (overlap ? 'The windows overlap: a relation with a claim in the years they share is in both, so no change. ' : '')}
            {problem === null && (status.state === 'computing' ? 'Comparing the windows…' : status.state === 'failed' ? `Failed: ${status.error}` : '')}
          </p>
          {diff && (
            <>
              <p className="change-summary">
                {label}: <strong>{diff.added.length}</strong> added, <strong>{diff.removed.length}</strong> removed, <strong>{diff.changed.length}</strong> changed; {countOf(diff.ranks.length, 'rank move')},{' '}
                {countOf(diff.blocs.changes.length, 'bloc change')}, {countOf(diff.triads.appeared + diff.triads.vanished, 'triad')}, {countOf(diff.paths.appeared + diff.paths.vanished, 'threat path')}.
              </p>
              <p className="muted small">Both windows are weighed with the evidence setting ({ctx.evidence.contested === 'exclude' ? 'contested relations not counted' : 'every relation counted'}), each on its own claims.</p>
              <RelationLists ctx={ctx} diff={diff} />
              <RankList ctx={ctx} diff={diff} />
              <BlocList ctx={ctx} diff={diff} />
              <TriadList ctx={ctx} diff={diff} />
              <PathList ctx={ctx} diff={diff} />
            </>
          )}
        </>
      )}
    </section>
  );
});
