import { metricById, type MetricsResult } from '../analysis/metrics';
import { handle } from '../protocol';
import { alignedTable, fileArgument, loadDataset, parseCommandArgs, type Io } from './common';
import { metricsOption } from './options';

export const METRICS_USAGE = 'actorscope metrics FILE [--json] [--undirected] [--metrics betweenness,pagerank,...]';

export function runMetrics(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { undirected: 'boolean', metrics: 'string' });
  const file = fileArgument('metrics', positionals);
  const metrics = metricsOption('metrics', values.metrics);
  const dataset = loadDataset(io, file, values.format);
  if (!dataset) return 1;
  const response = handle({ type: 'metrics', dataset, undirected: values.undirected, metrics });
  if (!response.ok) {
    io.err(`actorscope: ${response.error}`);
    return 1;
  }
  io.out(values.json ? toJson(response.result) : toTable(response.result));
  return 0;
}

function toJson(result: MetricsResult): string {
  const { actors, relations, directed } = result.graph;
  const rows = result.actors.map((a) => {
    const row: Record<string, unknown> = { id: a.id, name: a.name };
    for (const m of result.metrics) row[m] = a[m] ?? null;
    return row;
  });
  return JSON.stringify({ graph: { actors, relations, directed }, actors: rows }, null, 2);
}

function toTable(result: MetricsResult): string {
  const headers = ['id', 'name', ...result.metrics.map((m) => metricById(m).label)];
  const rows = result.actors.map((a) => [
    a.id,
    a.name,
    ...result.metrics.map((m) => {
      const v = a[m];
      if (v === null || v === undefined) return 'n/a';
      return metricById(m).integer ? String(v) : v.toFixed(4);
    }),
  ]);
  const g = result.graph;
  const notes = result.metrics
    .filter((m) => result.unavailable[m])
    .map((m) => `${metricById(m).label}: n/a: ${result.unavailable[m]}`);
  return [
    `${g.actors} actors, ${g.relations} relations (${g.ties} ties between distinct actors), ${g.directed ? 'directed: partner counted both ways' : 'undirected: every relation mutual'}`,
    '',
    alignedTable(headers, rows),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}
