/**
 * `actorscope diff FILE --before FROM..TO --after FROM..TO`: what changed
 * between two time windows (graph/analysis/time-diff.ts): relations added,
 * removed and changed, each with a claim of its window, and the actors whose
 * rank by `--metric` (degree unless given; `--weighted` by evidence) moved.
 * `--json`: {before, after, added, removed, changed, ranks}.
 */
import { diffWindows } from '../analysis/time-diff';
import type { MetricId } from '../analysis/metrics';
import { UsageError, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { EVIDENCE_OPTIONS, evidenceOption, metricsOption, requireOption, windowOption, windowText } from './options';
import { clean, jsonText } from './terminal';

export const DIFF_USAGE = 'actorscope diff FILE --before FROM..TO --after FROM..TO [--metric M] [--weighted] [--dated-only] [--evidence …] [--json]';

export function runDiff(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { before: 'string', after: 'string', metric: 'string', weighted: 'boolean', 'min-grade': 'string', ...EVIDENCE_OPTIONS });
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError('diff needs FILE');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.window !== undefined || values.at !== undefined || values.from !== undefined || values.to !== undefined) {
    throw new UsageError('diff compares --before and --after; it takes no --window, --from, --to or --at');
  }
  const datedOnly = values['dated-only'];
  const before = windowOption({ window: requireOption('before', values.before), 'dated-only': datedOnly })!;
  const after = windowOption({ window: requireOption('after', values.after), 'dated-only': datedOnly })!;
  const metric: MetricId = metricsOption('metric', values.metric)?.[0] ?? 'degree';
  const evidence = evidenceOption(values);
  const dataset = loadDataset(io, file, { format: values.format });
  if (!dataset) return 1;
  const diff = diffWindows(dataset, before, after, { evidence, metric, weighted: values.weighted });
  if (values.json) {
    io.out(jsonText(diff));
    return 0;
  }
  const name = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const who = (id: string) => clean(name.get(id) ?? id);
  const line = (r: { id: string; source: string; target: string; type: string; claims: Array<{ quote: string; date?: string }> }) => {
    const c = r.claims.find((x) => x.date) ?? r.claims[0];
    return `  ${clean(r.id)}  ${who(r.source)} ${r.type} ${who(r.target)}${c ? `  — “${clean(c.quote.length > 80 ? `${c.quote.slice(0, 79)}…` : c.quote)}”${c.date ? ` (${c.date})` : ''}` : ''}`;
  };
  io.out(`${clean(file)}: ${windowText(before)} → ${windowText(after)}`);
  io.out(`Added (${diff.added.length}):`);
  for (const r of diff.added) io.out(line(r));
  io.out(`Removed (${diff.removed.length}):`);
  for (const r of diff.removed) io.out(line(r));
  io.out(`Changed (${diff.changed.length}):`);
  for (const r of diff.changed) {
    const w = (x: number | null) => (x === null ? '–' : String(x));
    io.out(`${line(r)}\n      confidence ${r.before.confidence.toFixed(3)} → ${r.after.confidence.toFixed(3)}, weight ${w(r.before.weight)} → ${w(r.after.weight)}`);
  }
  io.out(`Ranks by ${metric}${values.weighted ? ' (weighted)' : ''} that moved (${diff.ranks.length}):`);
  for (const c of diff.ranks) io.out(`  ${who(c.actor)}: ${c.before.rank ?? '–'} → ${c.after.rank ?? '–'}`);
  return 0;
}
