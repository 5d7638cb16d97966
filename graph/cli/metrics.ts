import { metricView, type MetricsResult } from '../analysis/metrics';
import { alignedTable, askWeighed, fileArgument, parseCommandArgs, UsageError, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { jsonText } from './terminal';
import { networkNote, runJson } from './network-note';
import { EVIDENCE_OPTIONS, evidenceOption, metricsOption, networkOption, weightByOption, wholeNumberOption } from './options';

export const METRICS_USAGE =
  'actorscope metrics FILE [--json] [--undirected] [--metrics betweenness,pagerank,...,pn] [--network cooperation|conflict|all|TYPE,TYPE] [--weighted [--weight-by evidence|value]] [--sample K [--seed N]] [--time] [--evidence all|uncontested] [--min-confidence X]';

/**
 * `--sample K`: betweenness estimated from K sources sampled at random
 * (seeded by `--seed`, default 1), with its error bound — printed under the
 * table, or as `estimates` in the JSON. `--time`: the time of each step on
 * stderr (so that --json's stdout stays one JSON document), from io.now.
 * `--network`: the relation types the centralities run on (cooperation =
 * partner, supplier, suspected-supporter; conflict = threat; all; or a comma
 * list); PN ignores it. `--weighted`: strengths, and weighted eigenvector,
 * PageRank, hub, authority, betweenness and closeness (length 1/w); PN
 * unweighted. `--weight-by evidence|value`: what a relation weighs, its
 * confidence or its value (claims' weights, e.g. TIV); by default value when
 * the relations carry values. Both are said under the table and in the JSON.
 */
export function runMetrics(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    undirected: 'boolean',
    metrics: 'string',
    sample: 'string',
    seed: 'string',
    time: 'boolean',
    network: 'string',
    weighted: 'boolean',
    'weight-by': 'string',
    ...EVIDENCE_OPTIONS,
  });
  const file = fileArgument('metrics', positionals);
  const evidence = evidenceOption(values);
  const metrics = metricsOption('metrics', values.metrics, true);
  const network = networkOption(values.network);
  const weightBy = weightByOption(values['weight-by'], values.weighted);
  const sample = wholeNumberOption('sample', values.sample, { min: 1, max: 2 ** 31 - 1 });
  const seed = wholeNumberOption('seed', values.seed, { min: 0, max: 2 ** 32 - 1 });
  if (seed !== undefined && sample === undefined) throw new UsageError('--seed goes with --sample (it seeds the sampled sources)');
  if (sample !== undefined && metrics && !metrics.includes('betweenness')) {
    throw new UsageError('--sample estimates betweenness, which --metrics leaves out');
  }
  const clock = values.time ? (io.now ?? (() => Date.now())) : undefined;
  const readStart = clock?.();
  const dataset = loadDataset(io, file, values);
  const readTime = clock && readStart !== undefined ? clock() - readStart : undefined;
  if (!dataset) return 1;
  const { result, evidence: report } = askWeighed({
    type: 'metrics',
    dataset,
    evidence,
    undirected: values.undirected,
    metrics,
    network,
    weighted: values.weighted,
    weightBy,
    betweennessSamples: sample,
    betweennessSeed: seed,
    clock,
  });
  if (values.json) io.out(jsonText(withLeftOut(toJson(result), report)));
  else {
    io.out(toTable(result));
    printLeftOut(io, file, report);
  }
  if (sample !== undefined && !result.estimates?.betweenness && result.graph.actors >= 2) {
    io.err(`--sample ${sample}: not fewer than the ${result.graph.actors} actors, so betweenness is exact`);
  }
  if (values.time) io.err(timeTable(file, readTime ?? 0, result));
  return 0;
}

function toJson(result: MetricsResult): Record<string, unknown> {
  const { actors, relations, directed } = result.graph;
  const rows = result.actors.map((a) => {
    const row: Record<string, unknown> = { id: a.id, name: a.name };
    for (const m of result.metrics) row[m] = a[m] ?? null;
    return row;
  });
  const json: Record<string, unknown> = { graph: { actors, relations, directed }, actors: rows };
  Object.assign(json, runJson(result));
  if (result.estimates) json.estimates = result.estimates;
  return json;
}

/** The column heading: an estimated metric is marked ≈, as in the explorer's table. */
const heading = (result: MetricsResult, m: MetricsResult['metrics'][number]) =>
  `${metricView(m, result.weightBy ?? false).label}${result.estimates?.[m] ? ' ≈' : ''}`;

function toTable(result: MetricsResult): string {
  const headers = ['id', 'name', ...result.metrics.map((m) => heading(result, m))];
  // Each metric's view once, not per cell (a weighted view is built anew at each call): 10,000 rows.
  const integer = result.metrics.map((m) => metricView(m, result.weightBy ?? false).integer);
  const rows = result.actors.map((a) => {
    const row = [a.id, a.name];
    for (let j = 0; j < result.metrics.length; j++) {
      const v = a[result.metrics[j]!];
      row.push(v === null || v === undefined ? 'n/a' : integer[j] ? String(v) : v.toFixed(4));
    }
    return row;
  });
  const g = result.graph;
  const notes = result.metrics
    .filter((m) => result.unavailable[m])
    .map((m) => `${metricView(m, result.weightBy ?? false).label}: n/a: ${result.unavailable[m]}`);
  notes.push(...networkNote(result));
  for (const m of result.metrics) {
    const e = result.estimates?.[m];
    if (!e) continue;
    notes.push(
      `${heading(result, m)} is an estimate from ${e.samples} of ${e.of} actors as sources, sampled at random (seed ${e.seed}): ${e.bound}.`,
    );
  }
  return [
    `${g.actors} actors, ${g.relations} relations (${g.ties} ties between distinct actors), ${g.directed ? 'directed: partner counted both ways' : 'undirected: every relation mutual'}`,
    '',
    alignedTable(headers, rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** Milliseconds, to 0.1 ms. */
const ms = (t: number) => t.toFixed(1);

/** --time: one line per step, aligned, with the total. */
function timeTable(file: string, readTime: number, result: MetricsResult): string {
  const timings = result.timings ?? {};
  const preparation = result.preparationTime ?? 0;
  const rows: string[][] = [
    [`read and check ${file}`, ms(readTime)],
    ['metric graph (filter, simple graph, CSR)', ms(preparation)],
  ];
  let total = readTime + preparation;
  for (const m of result.metrics) {
    const t = timings[m] ?? 0;
    total += t;
    const shared = m === 'authority' && result.metrics.includes('hub') ? ' (HITS ran for Hub)' : '';
    rows.push([`${heading(result, m)}${shared}`, ms(t)]);
  }
  rows.push(['total', ms(total)]);
  return ['', `time (ms, one run):`, alignedTable(['step', 'ms'], rows, 1)].join('\n');
}
