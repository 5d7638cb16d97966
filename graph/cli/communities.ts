import { DEFAULT_COMMUNITY_TYPES, detectCommunities, type CommunityResult } from '../analysis/communities';
import type { Dataset, RelationType } from '../model/types';
import { RELATION_TYPES } from '../model/types';
import { UsageError, fileArgument, loadDataset, parseCommandArgs, type Io } from './common';

export const COMMUNITIES_USAGE =
  'actorscope communities FILE [--json] [--types partner,supplier] [--resolution 1] [--seed 1]';

export function runCommunities(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { types: 'string', resolution: 'string', seed: 'string' });
  const file = fileArgument('communities', positionals);
  const types = values.types === undefined ? DEFAULT_COMMUNITY_TYPES : parseTypes(values.types);
  const resolution = numberOption('resolution', values.resolution, 1, (x) => x > 0, 'a positive number');
  const seed = numberOption('seed', values.seed, 1, Number.isInteger, 'a whole number');
  const dataset = loadDataset(io, file, values.format);
  if (!dataset) return 1;
  const result = detectCommunities(dataset, { types, resolution, seed });
  io.out(values.json ? toJson(result) : toText(dataset, result));
  return 0;
}

/** A comma-separated list of relation types (shared with other commands that take --types). */
export function parseTypes(value: string): RelationType[] {
  const types = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!types.length) throw new UsageError('--types needs at least one relation type');
  for (const t of types) {
    if (!(RELATION_TYPES as readonly string[]).includes(t)) {
      throw new UsageError(`unknown relation type "${t}" (known: ${RELATION_TYPES.join(', ')})`);
    }
  }
  return types as RelationType[];
}

function numberOption(
  name: string,
  value: string | undefined,
  fallback: number,
  valid: (x: number) => boolean,
  what: string,
): number {
  if (value === undefined) return fallback;
  const x = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(x) || !valid(x)) throw new UsageError(`--${name} must be ${what}, not "${value}"`);
  return x;
}

function toJson(result: CommunityResult): string {
  const { communities, modularity, unaffiliated } = result;
  return JSON.stringify({ communities, modularity, unaffiliated }, null, 2);
}

function toText(dataset: Dataset, result: CommunityResult): string {
  const names = new Map(dataset.actors.map((a) => [a.id, a.name] as const));
  const name = (id: string) => names.get(id) ?? id;
  const types = result.types.join(', ');
  const lines = [
    `Alliance blocs by Louvain (seed ${result.seed}, resolution ${result.resolution}) on ${types} relations: ` +
      `${result.graph.actors} actors, ${result.graph.ties} ties (undirected, parallel relations merged, unweighted).`,
    '',
  ];
  if (!result.communities.length) {
    lines.push(`No ${types} relation between two actors: no blocs, modularity n/a.`);
  } else {
    const width = String(result.communities.length).length;
    result.communities.forEach((members, i) => {
      lines.push(`${String(i + 1).padStart(width)}. ${members.map(name).join(', ')} (${members.length})`);
    });
    lines.push('', `Modularity: ${result.modularity === null ? 'n/a' : result.modularity.toFixed(4)}`);
  }
  lines.push(
    `Unaffiliated (no ${result.types.join(' or ')} relation): ${result.unaffiliated.length ? result.unaffiliated.map(name).join(', ') : 'none'}`,
  );
  return lines.join('\n');
}
