/**
 * The command-line face of the core, and the one file in graph/ that may use
 * Node: it reads files, calls handle() and prints. Exit codes: 0 success,
 * 1 bad input (with a located message), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { METRIC_IDS, metricById, type MetricId, type MetricsResult } from './analysis/metrics';
import { readDataset, type DatasetFormat } from './io/read-dataset';
import { handle } from './protocol';
import { formatProblem, type Problem } from './schema/problems';

const USAGE = `Usage:
  actorscope metrics FILE [--json] [--undirected] [--metrics betweenness,pagerank,...]
  actorscope validate FILE
FILE is an Actorscope dataset (.json) or a CSV edge list (.csv, header source,target,type).
Metrics: ${METRIC_IDS.join(', ')}.
Options: --format json|csv  read FILE as this format whatever its extension.`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  readFile: (path: string) => string;
}

const nodeIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
};

export function main(argv: string[], io: Io = nodeIo): number {
  try {
    return run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`actorscope: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    // Anything else is our bug or the system's; say it in one line, no stack.
    io.err(`actorscope: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function run(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        undirected: { type: 'boolean', default: false },
        metrics: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!command) throw new UsageError('no command given');
  if (command !== 'metrics' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  if (!file) throw new UsageError(`${command} needs a FILE`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'csv') {
    throw new UsageError(`--format must be json or csv, not "${values.format}"`);
  }

  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
    return 1;
  }
  const read = readDataset(text, file, values.format as DatasetFormat | undefined);
  const printProblems = (problems: Problem[]) => problems.forEach((p) => io.err(`${file}: ${formatProblem(p)}`));

  if (command === 'validate') {
    if (!read.ok) {
      printProblems(read.problems);
      const errors = read.problems.filter((p) => p.severity === 'error').length;
      io.err(`${file}: invalid: ${errors} error${errors === 1 ? '' : 's'}, ${read.problems.length - errors} warning${read.problems.length - errors === 1 ? '' : 's'}`);
      return 1;
    }
    printProblems(read.warnings);
    const { actors, relations } = read.dataset;
    const claims = relations.reduce((n, r) => n + r.claims.length, 0);
    if (read.warnings.length) {
      io.err(`${file}: ${read.warnings.length} warning${read.warnings.length === 1 ? '' : 's'}`);
      return 1;
    }
    io.out(`${file}: valid: ${actors.length} actors, ${relations.length} relations, ${claims} claims`);
    return 0;
  }

  // metrics
  const metrics = parseMetricList(values.metrics);
  if (!read.ok) {
    printProblems(read.problems);
    return 1;
  }
  printProblems(read.warnings);
  const response = handle({ type: 'metrics', dataset: read.dataset, undirected: values.undirected, metrics });
  if (!response.ok) {
    io.err(`actorscope: ${response.error}`);
    return 1;
  }
  io.out(values.json ? toJson(response.result) : toTable(response.result));
  return 0;
}

function parseMetricList(value: string | undefined): MetricId[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!(METRIC_IDS as readonly string[]).includes(id)) {
      throw new UsageError(`unknown metric "${id}" (known: ${METRIC_IDS.join(', ')})`);
    }
  }
  if (!ids.length) throw new UsageError('--metrics needs at least one metric');
  return ids as MetricId[];
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
  const numeric = headers.map((_, i) => i >= 2);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const g = result.graph;
  return [
    `${g.actors} actors, ${g.relations} relations (${g.ties} ties between distinct actors), ${g.directed ? 'directed: partner counted both ways' : 'undirected: every relation mutual'}`,
    '',
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

// Run when executed, not when imported by the tests.
if (process.argv[1] && /[\\/]cli\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
