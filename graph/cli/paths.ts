/**
 * `actorscope paths`: the k best loop-free paths between two actors, and the
 * path printing that `reach` shares.
 */
import type { ActorPath } from '../analysis/paths';
import { DEFAULT_K, MAX_K } from '../analysis/paths';
import type { EvidenceSetting } from '../analysis/evidence-setting';
import type { Dataset, RelationType } from '../model/types';
import { askWeighed, fileArgument, loadDataset, parseCommandArgs, type Io } from './common';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS, actorIdOption, evidenceOption, relationTypesOption, requireOption, wholeNumberOption } from './options';
import { clean } from './terminal';

export const PATHS_USAGE =
  'actorscope paths FILE --from A --to B [--types threat,suspected-supporter] [--k 5] [--undirected] [--evidence all|uncontested] [--min-confidence X] [--min-grade C3] [--json]';

export function runPaths(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    from: 'string',
    to: 'string',
    types: 'string',
    k: 'string',
    undirected: 'boolean',
    'min-grade': 'string',
    ...EVIDENCE_OPTIONS,
  });
  const file = fileArgument('paths', positionals);
  const types = relationTypesOption('types', values.types);
  const k = wholeNumberOption('k', values.k, { min: 1, max: MAX_K }) ?? DEFAULT_K;
  const evidence = evidenceOption(values);
  requireOption('from', values.from);
  requireOption('to', values.to);
  const dataset = loadDataset(io, file, values.format);
  if (!dataset) return 1;
  const from = actorIdOption(dataset, 'from', values.from);
  const to = actorIdOption(dataset, 'to', values.to);
  const directed = !values.undirected;
  const { result: paths, evidence: report } = askWeighed({ type: 'paths', dataset, evidence, query: { from, to, k, types, directed } });

  if (values.json) {
    io.out(JSON.stringify(withLeftOut({ paths: paths.map(pathJson) }, report), null, 2));
    return 0;
  }
  const settings = describeSettings({ directed, types, evidence });
  io.out(
    paths.length === 0
      ? `No path from ${clean(from)} to ${clean(to)} (${settings}).`
      : [
          `${paths.length} ${paths.length === 1 ? 'path' : 'paths'} from ${actorLabel(dataset, from)} to ${actorLabel(dataset, to)} (${settings}):`,
          ...paths.map((p, i) => `\n${pathBlock(dataset, p, i + 1)}`),
        ].join('\n'),
  );
  printLeftOut(io, file, report);
  return 0;
}

/** A path in the CLI's JSON: actor ids, the hop relations (id, own endpoints, type, confidence), hops, sign, confidence. */
export function pathJson(path: ActorPath) {
  return {
    actors: path.actors,
    relations: path.hops.map((h) => ({ id: h.relationId, source: h.source, target: h.target, type: h.type, confidence: h.confidence })),
    length: path.length,
    sign: path.sign,
    confidence: path.confidence,
  };
}

/** `1. A → B → C  (2 hops, sign −, confidence 0.412)`, then one line per hop with its type and first supporting quote. */
export function pathBlock(dataset: Dataset, path: ActorPath, rank: number): string {
  const lines = [
    `${rank}. ${path.actors.map(clean).join(' → ')}  (${path.length} ${path.length === 1 ? 'hop' : 'hops'}, sign ${signText(path.sign)}, confidence ${path.confidence.toFixed(3)})`,
  ];
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  for (const hop of path.hops) {
    const arrow = hop.type === 'partner' ? '—' : '→';
    const also = hop.alternatives.length ? `; also ${hop.alternatives.map((id) => `${clean(id)} ${relationById.get(id)?.type ?? '?'}`).join(', ')}` : '';
    const against = hop.type !== 'partner' && hop.from !== hop.source ? ', walked against its direction' : '';
    lines.push(
      `   ${hop.type}: ${clean(hop.source)} ${arrow} ${clean(hop.target)}  (${clean(hop.relationId)}, confidence ${hop.confidence.toFixed(3)}${against}${also})`,
    );
    const claim = relationById.get(hop.relationId)?.claims.find((c) => c.stance === 'supports');
    const where = claim?.locator.paragraph !== undefined ? ` ¶${claim.locator.paragraph}` : '';
    lines.push(claim ? `      “${truncate(clean(claim.quote), 100)}” — ${clean(claim.source.title)}${where}, ${claim.grade}` : '      (no supporting claim)');
  }
  return lines.join('\n');
}

/** `directed; types threat; grade C3 or better`: the contested test is the default and said on stderr when it leaves anything out. */
export function describeSettings(s: { directed: boolean; types?: readonly RelationType[]; evidence: EvidenceSetting }): string {
  const parts = [s.directed ? 'directed' : 'undirected'];
  parts.push(s.types ? `types ${s.types.join(', ')}` : 'all relation types');
  if (s.evidence.minGrade) parts.push(`grade ${s.evidence.minGrade} or better`);
  if (s.evidence.minConfidence !== undefined) parts.push(`confidence at least ${s.evidence.minConfidence}`);
  return parts.join('; ');
}

export function actorLabel(dataset: Dataset, id: string): string {
  const actor = dataset.actors.find((a) => a.id === id);
  return actor && actor.name !== id ? `${clean(actor.name)} (${clean(id)})` : clean(id);
}

function signText(sign: number): string {
  return sign > 0 ? '+' : sign < 0 ? '−' : '0';
}

function truncate(s: string, max: number): string {
  const t = s.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
