/**
 * `actorscope paths`: the k best loop-free paths between two actors, and the
 * path printing that `reach` shares.
 */
import type { ActorPath, PathHop, PathPresetId } from '../analysis/paths';
import { DEFAULT_K, DEFAULT_PATH_PRESET, MAX_K, PATH_CONFIDENCE_RULE, PATH_PRESETS, PATH_PRESET_IDS, PATH_SIGN_RULE, WEAK_HOP_RULE, isPathPreset } from '../analysis/paths';
import type { EvidenceSetting } from '../analysis/evidence-setting';
import type { Claim, Dataset, RelationType, SourceRef } from '../model/types';
import { sourceLookup } from '../model/source-lookup';
import { RELATION_TYPES } from '../model/types';
import { UsageError, askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS_ACTOR_ENDS, actorIdOption, evidenceOption, relationTypesOption, requireOption, wholeNumberOption, withoutActorEnds } from './options';
import { clean, jsonText } from './terminal';

export const PATHS_USAGE =
  `actorscope paths FILE --from A --to B [--preset ${PATH_PRESET_IDS.join('|')}] [--types threat,suspected-supporter] [--k 5] [--undirected] [--evidence all|uncontested] [--min-confidence X] [--min-grade C3] [--window FROM..TO | --at DATE] [--dated-only] [--json]   (--from/--to are actors: time is --window)`;

/** `--preset NAME`: one of PATH_PRESET_IDS; DEFAULT_PATH_PRESET when absent. */
function presetOption(value: string | undefined): PathPresetId {
  if (value === undefined) return DEFAULT_PATH_PRESET;
  const id = value.trim().toLowerCase();
  if (!isPathPreset(id)) throw new UsageError(`--preset: "${value}" is not one of ${PATH_PRESET_IDS.join(', ')}`);
  return id;
}

/** The options of a path question, shared by `paths` and `brief`. */
export const PATH_QUESTION_OPTIONS = {
  from: 'string',
  to: 'string',
  preset: 'string',
  types: 'string',
  k: 'string',
  undirected: 'boolean',
  'min-grade': 'string',
  // --from/--to are the actors here: time is --window or --at.
  ...EVIDENCE_OPTIONS_ACTOR_ENDS,
} as const;

type PathQuestionValues = { [K in keyof typeof PATH_QUESTION_OPTIONS]: (typeof PATH_QUESTION_OPTIONS)[K] extends 'boolean' ? boolean : string | undefined };

/** The options that only a path question takes (brief refuses them without --from and --to). */
export const PATH_ONLY_OPTIONS = ['preset', 'types', 'k', 'undirected'] as const;

/** A path question read from the options: the preset, whether it was named, the query and the evidence setting. */
export function pathQuestionOf(values: PathQuestionValues) {
  const preset = PATH_PRESETS[presetOption(values.preset)];
  // --types replaces the preset's hop types (for threats to partners, those before the threat),
  // --undirected its direction; --types without --preset is a query of its own, as before presets.
  const named = values.preset !== undefined || values.types === undefined;
  const types = relationTypesOption('types', values.types) ?? [...preset.types];
  const k = wholeNumberOption('k', values.k, { min: 1, max: MAX_K }) ?? DEFAULT_K;
  const evidence = evidenceOption(values);
  const from = requireOption('from', values.from);
  const to = requireOption('to', values.to);
  const directed = preset.directed && !values.undirected;
  return { preset, named, types, k, evidence, directed, from, to };
}

export function runPaths(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, PATH_QUESTION_OPTIONS);
  const file = fileArgument('paths', positionals);
  const { preset, named, types, k, evidence, directed, ...ends } = pathQuestionOf(values);
  const dataset = loadDataset(io, file, withoutActorEnds(values));
  if (!dataset) return 1;
  const from = actorIdOption(dataset, 'from', ends.from);
  const to = actorIdOption(dataset, 'to', ends.to);
  const query = { from, to, k, types, directed, end: preset.end };
  const { result: paths, evidence: report } = askWeighed({ type: 'paths', dataset, evidence, query });

  if (values.json) {
    io.out(jsonText(withLeftOut({ paths: paths.map(pathJson) }, report)));
    return 0;
  }
  const chosen = !named ? '' : values.types === undefined ? `${preset.label}; ` : `${preset.label}, types chosen; `;
  const settings = `${chosen}${describeSettings({ directed, types, evidence })}`;
  io.out(
    paths.length === 0
      ? `No path from ${clean(from)} to ${clean(to)} (${settings}).`
      : [
          `${paths.length} ${paths.length === 1 ? 'path' : 'paths'} from ${actorLabel(dataset, from)} to ${actorLabel(dataset, to)} (${settings}):`,
          ...(named ? [`${preset.label}: ${preset.meaning}`] : []),
          ...paths.map((p, i) => `\n${pathBlock(dataset, p, i + 1)}`),
          `\n${PATH_RULES}`,
        ].join('\n'),
  );
  printLeftOut(io, file, report);
  return 0;
}

/** The sign, confidence and weak-hop rules, one per line, under every listing of paths. */
export const PATH_RULES = [PATH_SIGN_RULE, PATH_CONFIDENCE_RULE, WEAK_HOP_RULE].join('\n');

/**
 * A path in the CLI's JSON: actor ids, the hop relations (id, own endpoints, type, confidence,
 * weak, contested, claims for and against: path-rules.ts), hops, sign, confidence.
 */
export function pathJson(path: ActorPath) {
  return {
    actors: path.actors,
    relations: path.hops.map((h) => ({
      id: h.relationId,
      source: h.source,
      target: h.target,
      type: h.type,
      confidence: h.confidence,
      weak: h.weak,
      contested: h.contested,
      supports: h.supports,
      disputes: h.disputes,
    })),
    length: path.length,
    sign: path.sign,
    confidence: path.confidence,
  };
}

/**
 * `1. A → B → C  (2 hops, sign −, confidence 0.412)`, then per hop a line with its type, marks
 * (weak, contested) and claim counts, its first supporting quote and its first disputing one.
 */
export function pathBlock(dataset: Dataset, path: ActorPath, rank: number): string {
  const lines = [
    `${rank}. ${path.actors.map(clean).join(' → ')}  (${path.length} ${path.length === 1 ? 'hop' : 'hops'}, sign ${signText(path.sign)}, confidence ${path.confidence.toFixed(3)})`,
  ];
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  const sourceOf = sourceLookup(dataset);
  for (const hop of path.hops) {
    const arrow = hop.type === 'partner' ? '—' : '→';
    const also = hop.alternatives.length ? `; also ${hop.alternatives.map((id) => `${clean(id)} ${relationById.get(id)?.type ?? '?'}`).join(', ')}` : '';
    const against = hop.type !== 'partner' && hop.from !== hop.source ? ', walked against its direction' : '';
    const claims = `claims ${hop.supports} for, ${hop.disputes} against`;
    lines.push(
      `   ${hop.type}: ${clean(hop.source)} ${arrow} ${clean(hop.target)}${hopMarks(hop)}  (${clean(hop.relationId)}, confidence ${hop.confidence.toFixed(3)}, ${claims}${against}${also})`,
    );
    const relation = relationById.get(hop.relationId);
    const support = relation?.claims.find((c) => c.stance === 'supports');
    const dispute = relation?.claims.find((c) => c.stance === 'disputes');
    lines.push(support ? `      for: ${claimLine(support, sourceOf)}` : '      (no supporting claim)');
    if (dispute) lines.push(`      against: ${claimLine(dispute, sourceOf)}`);
  }
  return lines.join('\n');
}

/** `  [weak, contested]`, or nothing for a sound hop. */
function hopMarks(hop: PathHop): string {
  const marks = [hop.weak && 'weak', hop.contested && 'contested'].filter(Boolean);
  return marks.length ? `  [${marks.join(', ')}]` : '';
}

function claimLine(claim: Claim, sourceOf: (id: string) => SourceRef): string {
  const where = claim.locator.paragraph !== undefined ? ` ¶${claim.locator.paragraph}` : '';
  return `“${truncate(clean(claim.quote), 100)}” — ${clean(sourceOf(claim.sourceId).title)}${where}, ${claim.grade}`;
}

/** `directed; types threat; grade C3 or better`: the contested test is the default and said on stderr when it leaves anything out. */
export function describeSettings(s: { directed: boolean; types?: readonly RelationType[]; evidence: EvidenceSetting }): string {
  const parts = [s.directed ? 'directed' : 'undirected'];
  const all = !s.types || RELATION_TYPES.every((t) => s.types!.includes(t));
  parts.push(all ? 'all relation types' : `types ${s.types!.join(', ')}`);
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
