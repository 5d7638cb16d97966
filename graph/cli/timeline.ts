/**
 * `actorscope timeline FILE --actors A,B --metric M`: the metric per year per
 * actor (graph/analysis/timeline.ts) — each year of the dated span a window,
 * the metric run on it as `metrics --window YEAR` would. `--from`/`--to` (or
 * `--window FROM..TO`, or `--at`) keep to a range of it, `--span N` slides a
 * window of N years. Printed as a table, one row a year and one column an
 * actor; `--json`: {metric, years, windows, span, series: [{actor, name,
 * values}], conventions, unavailable, weighted, network, undated,
 * undatedRelations, evidence?}.
 */
import { metricView } from '../analysis/metrics';
import type { TimelineResult } from '../analysis/timeline';
import { alignedTable, askWeighed, fileArgument, parseCommandArgs, UsageError, type Io } from './common';
import { printLeftOut, withLeftOut } from './left-out';
import { loadDataset } from './load-dataset';
import { EVIDENCE_OPTIONS, actorIdsOption, evidenceOption, metricsOption, networkOption, requireOption, weightByOption, wholeNumberOption, windowOption, windowText } from './options';
import { clean, jsonText } from './terminal';

export const TIMELINE_USAGE =
  'actorscope timeline FILE --actors A,B --metric M [--from DATE] [--to DATE] [--span N] [--dated-only] [--network cooperation|conflict|all|TYPE,TYPE] [--weighted [--weight-by evidence|value]] [--undirected] [--evidence all|uncontested] [--min-confidence X] [--min-grade G] [--json]';

export function runTimeline(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    actors: 'string',
    metric: 'string',
    span: 'string',
    network: 'string',
    weighted: 'boolean',
    'weight-by': 'string',
    undirected: 'boolean',
    'min-grade': 'string',
    ...EVIDENCE_OPTIONS,
  });
  const file = fileArgument('timeline', positionals);
  requireOption('actors', values.actors);
  const metrics = metricsOption('metric', requireOption('metric', values.metric), true)!;
  if (metrics.length > 1) throw new UsageError('--metric takes one metric');
  const metric = metrics[0]!;
  const span = wholeNumberOption('span', values.span, { min: 1, max: 1000 });
  const network = networkOption(values.network);
  const weightBy = weightByOption(values['weight-by'], values.weighted);
  const evidence = evidenceOption(values);
  // The range chooses the years (and cuts the first and last at its dates); each year is then its own window.
  const range = windowOption(values);
  const dataset = loadDataset(io, file, { format: values.format });
  if (!dataset) return 1;
  const actors = actorIdsOption(dataset, 'actors', values.actors);
  const { result, evidence: report } = askWeighed({
    type: 'timeline',
    dataset,
    evidence,
    options: { actors, metric, from: range?.from, to: range?.to, datedOnly: range?.datedOnly, span, network, undirected: values.undirected, weighted: values.weighted, ...(weightBy ? { weightBy } : {}) },
  });
  // As every command's JSON: `evidence` last, and only when something was left out.
  const { evidence: _evidence, ...json } = result;
  if (values.json) io.out(jsonText(withLeftOut(json, report)));
  else {
    io.out(toTable(result, range ? windowText(range) : undefined));
    printLeftOut(io, file, report);
  }
  return 0;
}

function toTable(t: TimelineResult, range: string | undefined): string {
  const view = metricView(t.metric, t.weighted);
  const value = (v: number | null) => (v === null ? 'n/a' : view.integer ? String(v) : v.toFixed(4));
  const span = t.span > 1 ? `, each year with the ${t.span - 1} before it` : '';
  const head = `${view.label} per year${span}${range ? ` (${range})` : ''}: ${t.years.length ? `${t.years[0]}–${t.years[t.years.length - 1]}` : 'no dated claim in range'}`;
  const rows = t.years.map((y, i) => [String(y), ...t.series.map((s) => value(s.values[i]!))]);
  const notes: string[] = [];
  if (t.undated || t.undatedRelations) {
    const parts = [t.undated ? `${t.undated} undated claim${t.undated === 1 ? '' : 's'}` : '', t.undatedRelations ? `${t.undatedRelations} relation${t.undatedRelations === 1 ? '' : 's'} without claims` : ''].filter(Boolean);
    notes.push(`${parts.join(' and ')} count in every year (--dated-only leaves them out).`);
  }
  for (const [year, why] of Object.entries(t.unavailable)) notes.push(`${year}: n/a: ${why}`);
  if (t.network.network !== 'all') notes.push(`Network: ${t.network.description}.`);
  notes.push(`${view.label}: ${t.conventions[t.metric] ?? ''}`);
  return [clean(head), '', alignedTable(['year', ...t.series.map((s) => s.name)], rows, 1), '', ...notes].join('\n');
}
