/**
 * Compare's "Over time": the compared actors' metric per year (the `timeline`
 * request, graph/analysis/timeline.ts), one line per actor drawn by Observable
 * Plot, the same values as a table for screen readers and for reading, and
 * exports as SVG, PNG and CSV. Under it, what counts in every year (undated
 * claims) and what the evidence setting left out in some year.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import { METRICS, describeLeftOut, metricView, timelineToCsv, type MetricId, type TimelineResult } from '../../../graph';
import { svgFileText, svgSize, svgToPng } from '../../export/chart-files';
import { downloadBlob, downloadText, fileBaseName } from '../../export/download';
import { networkOptions, type NetworkSetting } from '../../state/network-setting';
import { useCore } from '../../state/use-core';
import type { AnalysisContext } from '../analysis-context';
import { EvidenceFootnote } from '../EvidenceFootnote';
import { formatMetric } from '../format';

/** Sliding windows offered: each year alone, or with the years before it. */
const SPANS = [1, 3, 5] as const;
const CHART_WIDTH = 420;
const CHART_HEIGHT = 240;
/** Device pixels per CSS pixel in the PNG: sharp on a high-density screen and in print. */
const PNG_SCALE = 2;

interface Props {
  ctx: AnalysisContext;
  actors: string[];
  undirected: boolean;
  network: NetworkSetting;
  colour: (id: string) => string;
}

export function OverTimeChart({ ctx, actors, undirected, network, colour }: Props) {
  // Out-degree by default: who supplies (threatens, backs) how many others each year; out-strength when weighted.
  const [metric, setMetric] = useState<MetricId>('outDegree');
  const [span, setSpan] = useState<number>(1);
  const options = { actors, metric, undirected, ...(span > 1 ? { span } : {}), ...networkOptions(network) };
  const status = useCore({ type: 'timeline', dataset: ctx.dataset, filter: ctx.filter, evidence: ctx.evidence, options });
  // While a new question computes, the last answer stays (its own metric named), so the chart does not flicker.
  const result = status.result;

  return (
    <section aria-label="Over time" className="over-time" aria-busy={status.state === 'computing'}>
      <h3>Over time</h3>
      <div className="form-row">
        <label>
          Metric{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricId)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>{metricView(m.id, network.weighted).label}</option>
            ))}
          </select>
        </label>
        <label>
          Window{' '}
          <select value={span} onChange={(e) => setSpan(Number(e.target.value))}>
            {SPANS.map((n) => (
              <option key={n} value={n}>{n === 1 ? 'each year' : `${n} years to each year`}</option>
            ))}
          </select>
        </label>
      </div>
      {status.state === 'failed' && <p className="status">Failed: {status.error}</p>}
      {result && result.years.length === 0 && <p className="muted">No claim in this dataset carries a date: there is nothing to follow over time.</p>}
      {result && result.years.length > 0 && <Chart ctx={ctx} result={result} colours={result.series.map((s) => colour(s.actor))} />}
    </section>
  );
}

function Chart({ ctx, result, colours }: { ctx: AnalysisContext; result: TimelineResult; colours: string[] }) {
  const label = metricView(result.metric, result.weighted).label;
  const holder = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const first = result.years[0]!;
  const last = result.years[result.years.length - 1]!;
  const title = `${label} per year, ${first}–${last}`;
  const spanNote = result.span > 1 ? ` Each year counts the ${result.span} years up to it.` : '';
  const value = (v: number | null) => formatMetric(result.metric, v, result.weighted);
  const description = `${title}.${spanNote} ${result.series.map((s) => `${s.name}: ${s.values.map(value).join(', ')}`).join('; ')}.`;

  useEffect(() => {
    const points = result.series.flatMap((s) => s.values.map((v, i) => ({ actor: s.actor, name: s.name, year: result.years[i]!, value: v })));
    const ends = result.series.flatMap((s) => {
      let i = s.values.length - 1;
      while (i >= 0 && s.values[i] === null) i--;
      return i < 0 ? [] : [{ actor: s.actor, name: s.name, year: result.years[i]!, value: s.values[i]! }];
    });
    const chart = Plot.plot({
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      marginRight: 80,
      style: { fontSize: '11px', background: 'white' },
      ariaLabel: title,
      ariaDescription: description,
      x: { label: 'Year', tickFormat: 'd', ticks: result.years.length <= 8 ? result.years : undefined },
      y: { label, grid: true, zero: true, ...countTicks(result) },
      color: { domain: result.series.map((s) => s.actor), range: colours },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points, { x: 'year', y: 'value', z: 'actor', stroke: 'actor', strokeWidth: 2 }),
        Plot.dot(points, { x: 'year', y: 'value', fill: 'actor', r: 2.5, title: (d: (typeof points)[number]) => `${d.name}, ${d.year}: ${value(d.value)}` }),
        // The names at the lines' ends, so the chart needs no colour key (and the SVG carries them).
        Plot.text(ends, { x: 'year', y: 'value', text: 'name', fill: 'actor', dx: 6, textAnchor: 'start', lineWidth: 10 }),
      ],
    });
    // Plot gives an <svg> (no figure: no title or legend options), with its own text nodes only.
    const element = chart as unknown as SVGSVGElement;
    const heading = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    heading.textContent = title;
    element.prepend(heading);
    svg.current = element;
    holder.current?.replaceChildren(element);
    return () => element.remove();
    // The colours as text: a new array each render, the same colours.
  }, [result, title, description, label, colours.join()]);

  const base = `${fileBaseName(ctx.dataset.meta.title)}-${result.metric}-over-time`;
  const exportSvg = () => svg.current && downloadText(`${base}.svg`, svgFileText(svg.current), 'image/svg+xml');
  const exportPng = async () => {
    if (!svg.current) return;
    try {
      const { width, height } = svgSize(svg.current);
      downloadBlob(`${base}.png`, await svgToPng(svgFileText(svg.current), width, height, PNG_SCALE));
      setProblem(null);
    } catch (err) {
      setProblem(`The PNG could not be made: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const exportCsv = () => downloadText(`${base}.csv`, timelineToCsv(result), 'text/csv');

  return (
    <figure className="over-time-chart">
      <figcaption>{title}</figcaption>
      <div ref={holder} className="over-time-plot" />
      <div className="form-row">
        <button type="button" onClick={exportSvg}>Save SVG</button>
        <button type="button" onClick={() => void exportPng()}>Save PNG</button>
        <button type="button" onClick={exportCsv}>Save CSV</button>
      </div>
      {problem && <p className="status" role="alert">{problem}</p>}
      <details>
        <summary>Values as a table</summary>
        <table className="compact" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {result.series.map((s) => <th scope="col" key={s.actor}>{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {result.years.map((y, i) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                {result.series.map((s) => <td key={s.actor} className="num">{value(s.values[i]!)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <TimeFootnote result={result} />
      {result.evidence && describeLeftOut(result.evidence) && (
        <>
          <p className="muted">Left out in at least one year:</p>
          <EvidenceFootnote report={result.evidence} onEvidence={ctx.setEvidence} />
        </>
      )}
    </figure>
  );
}

/** A count (degrees unweighted) gets whole-number ticks: no "2.5 relations". */
function countTicks(result: TimelineResult): { ticks?: number[]; tickFormat?: string } {
  if (!metricView(result.metric, result.weighted).integer) return {};
  const max = Math.max(0, ...result.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  return max <= 10 ? { ticks: Array.from({ length: max + 1 }, (_, i) => i), tickFormat: 'd' } : { tickFormat: 'd' };
}

/** What each year counts: its own dated claims, and the undated ones in every year. */
function TimeFootnote({ result }: { result: TimelineResult }) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const always = [
    result.undated ? plural(result.undated, 'undated claim', 'undated claims') : '',
    result.undatedRelations ? plural(result.undatedRelations, 'relation without claims', 'relations without claims') : '',
  ].filter(Boolean);
  const unavailable = Object.entries(result.unavailable);
  return (
    <p className="muted time-note" role="note">
      Each year: the relations with a supporting claim dated in {result.span > 1 ? `the ${result.span} years up to it` : 'it'}, with only those claims.{' '}
      {always.length > 0 ? `${always.join(' and ')} count in every year, as they hold always.` : 'Every claim counted is dated.'}
      {unavailable.length > 0 && ` n/a in ${unavailable.map(([y]) => y).join(', ')}: ${unavailable[0]![1]}.`}
    </p>
  );
}
