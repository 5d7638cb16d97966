/**
 * `actorscope diff FILE --before FROM..TO --after FROM..TO`: what changed
 * between two time windows (graph/analysis/time-diff.ts, through handle()):
 * relations added, removed and changed (in type and sign, or in confidence
 * and weight), the actors whose rank by `--metric` (degree unless given;
 * `--weighted` by evidence) moved, blocs that split or merged (Louvain on
 * `--bloc-types`), unbalanced triads and threat paths (within 3 hops) that
 * appeared or vanished — each with its claims (quote, date, where in the
 * source). `--limit N` caps the triads and paths listed (100).
 * `--json`: {before, after, added, removed, changed, ranks, blocs, triads, paths}.
 */
import type { Claim } from '../model/types';
import { locatorText } from '../look/locator-text';
import { UsageError, ask, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { EVIDENCE_OPTIONS, evidenceOption, metricsOption, relationTypesOption, requireOption, wholeNumberOption, windowOption, windowText } from './options';
import { clean, jsonText } from './terminal';

export const DIFF_USAGE =
  'actorscope diff FILE --before FROM..TO --after FROM..TO [--metric M] [--weighted] [--bloc-types partner,supplier] [--limit 100] [--dated-only] [--evidence …] [--json]';

/** Claims listed per relation in the text output; the rest are counted. */
const CLAIMS_SHOWN = 3;

export function runDiff(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    before: 'string',
    after: 'string',
    metric: 'string',
    weighted: 'boolean',
    'bloc-types': 'string',
    limit: 'string',
    'min-grade': 'string',
    ...EVIDENCE_OPTIONS,
  });
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError('diff needs FILE');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.window !== undefined || values.at !== undefined || values.from !== undefined || values.to !== undefined) {
    throw new UsageError('diff compares --before and --after; it takes no --window, --from, --to or --at');
  }
  const datedOnly = values['dated-only'];
  const before = windowOption({ window: requireOption('before', values.before), 'dated-only': datedOnly })!;
  const after = windowOption({ window: requireOption('after', values.after), 'dated-only': datedOnly })!;
  const metric = metricsOption('metric', values.metric)?.[0] ?? 'degree';
  const blocTypes = relationTypesOption('bloc-types', values['bloc-types']);
  const limit = wholeNumberOption('limit', values.limit, { min: 1, max: 100000 });
  const evidence = evidenceOption(values);
  const dataset = loadDataset(io, file, { format: values.format });
  if (!dataset) return 1;
  const diff = ask({ type: 'diff', dataset, evidence, options: { before, after, metric, weighted: values.weighted, ...(blocTypes ? { blocTypes } : {}), ...(limit !== undefined ? { limit } : {}) } });
  if (values.json) {
    io.out(jsonText(diff));
    return 0;
  }
  const name = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const who = (id: string) => clean(name.get(id) ?? id);
  const whom = (ids: readonly string[]) => ids.map(who).join(', ');
  const out = (text: string) => io.out(text);
  const claims = (list: readonly Claim[], indent: string) => {
    for (const c of list.slice(0, CLAIMS_SHOWN)) {
      const where = [c.date ?? (c.period ? `${c.period.from ?? '…'}–${c.period.to ?? '…'}` : ''), locatorText(c.locator)].filter(Boolean).join(', ');
      const quote = c.quote.length > 100 ? `${c.quote.slice(0, 99)}…` : c.quote;
      out(`${indent}${c.stance === 'supports' ? '+' : '−'} “${clean(quote)}” — ${clean(c.assertedBy || 'unattributed')}, ${c.grade}${where ? ` (${clean(where)})` : ''}`);
    }
    if (list.length > CLAIMS_SHOWN) out(`${indent}and ${list.length - CLAIMS_SHOWN} more claims`);
  };
  const relation = (r: { id: string; source: string; target: string; type: string; claims: readonly Claim[] }, indent = '  ') => {
    out(`${indent}${clean(r.id)}  ${who(r.source)} ${r.type} ${who(r.target)}`);
    claims(r.claims, `${indent}    `);
  };
  const sign = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '0');
  const num = (x: number | null) => (x === null ? '–' : String(x));

  out(`${clean(file)}: ${windowText(before)} → ${windowText(after)}`);
  out(`Added (${diff.added.length}):`);
  for (const r of diff.added) relation(r);
  out(`Removed (${diff.removed.length}):`);
  for (const r of diff.removed) relation(r);
  out(`Changed (${diff.changed.length}):`);
  for (const c of diff.changed) {
    if (c.kind === 'type') {
      out(`  ${who(c.after.source)} – ${who(c.after.target)}: ${c.before.type} (${sign(c.before.sign)}) → ${c.after.type} (${sign(c.after.sign)})${c.signChanged ? ', sign changed' : ''}`);
      out(`    before: ${clean(c.before.id)}  ${who(c.before.source)} ${c.before.type} ${who(c.before.target)}`);
      claims(c.before.claims, '      ');
      out(`    after: ${clean(c.after.id)}  ${who(c.after.source)} ${c.after.type} ${who(c.after.target)}`);
      claims(c.after.claims, '      ');
    } else {
      out(`  ${clean(c.id)}  ${who(c.after.source)} ${c.after.type} ${who(c.after.target)}: confidence ${c.before.confidence.toFixed(3)} → ${c.after.confidence.toFixed(3)}, weight ${num(c.before.weight)} → ${num(c.after.weight)}`);
      out('    before:');
      claims(c.before.claims, '      ');
      out('    after:');
      claims(c.after.claims, '      ');
    }
  }
  out(`Ranks by ${metric}${values.weighted ? ' (weighted)' : ''} that moved (${diff.ranks.length}):`);
  for (const c of diff.ranks) {
    const by = c.before.rank !== null && c.after.rank !== null ? (c.after.rank < c.before.rank ? `  ↑ ${c.before.rank - c.after.rank}` : `  ↓ ${c.after.rank - c.before.rank}`) : '';
    out(`  ${who(c.actor)}: ${c.before.rank ?? '–'} → ${c.after.rank ?? '–'}${by}${c.relations.length ? `  (its relations: ${c.relations.map(clean).join(', ')})` : ''}`);
  }
  const blocs = diff.blocs;
  out(`Blocs (${blocs.types.join(' + ')}): ${blocs.before.communities.length} → ${blocs.after.communities.length}; split or merged (${blocs.changes.length}):`);
  for (const b of blocs.changes) {
    out(`  ${b.kind === 'split' ? 'Split' : 'Merged'}: ${whom(b.bloc)} ${b.kind === 'split' ? 'into' : 'from'} ${b.parts.map((p) => `{${whom(p)}}`).join(' ')}${b.unaffiliated.length ? `; in no bloc ${b.kind === 'split' ? 'after' : 'before'}: ${whom(b.unaffiliated)}` : ''}`);
    out(`    ties between the parts: ${b.vanished.length} vanished, ${b.appeared.length} appeared, ${b.kept} held${b.kept && b.kind === 'split' ? ' (Louvain redrew the blocs as other ties changed)' : ''}`);
    for (const r of b.vanished) relation(r, '    vanished ');
    for (const r of b.appeared) relation(r, '    appeared ');
  }
  const triads = diff.triads;
  out(`Unbalanced triads: ${triads.before} → ${triads.after}; appeared ${triads.appeared}, vanished ${triads.vanished}${triads.appeared > triads.limit || triads.vanished > triads.limit ? ` (at most ${triads.limit} of each listed: --limit)` : ''}:`);
  for (const t of triads.changes) {
    out(`  ${t.kind === 'appeared' ? 'Appeared' : 'Vanished'}: ${whom(t.actors)} (${t.kind === 'appeared' ? 'before' : 'after'}: ${t.other === 'open' ? 'not a triad' : 'balanced'})`);
    for (const r of t.relations) relation(r, '    ');
    for (const r of t.otherRelations) relation(r, `    ${t.kind === 'appeared' ? 'before' : 'after'}: `);
  }
  const paths = diff.paths;
  out(`Threat paths (threat chains within ${paths.maxHops} hops): appeared ${paths.appeared}, vanished ${paths.vanished}${paths.appeared > paths.limit || paths.vanished > paths.limit ? ` (at most ${paths.limit} of each listed: --limit)` : ''}:`);
  for (const p of paths.changes) {
    out(`  ${p.kind === 'appeared' ? 'Appeared' : 'Vanished'}: ${p.path.actors.map(who).join(' → ')}`);
    for (const r of p.relations) relation(r, '    ');
  }
  return 0;
}
