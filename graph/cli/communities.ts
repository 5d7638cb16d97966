import { DEFAULT_COMMUNITY_TYPES, type CommunityResult } from '../analysis/communities';
import type { Dataset } from '../model/types';
import { askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS, evidenceOption, positiveNumberOption, relationTypesOption, wholeNumberOption } from './options';
import { actorNames, jsonText } from './terminal';

export const COMMUNITIES_USAGE =
  'actorscope communities FILE [--json] [--types partner,supplier] [--resolution 1] [--seed 1] [--evidence all|uncontested] [--min-confidence X]';

/** Louvain's options, shared by `communities` and `brief --blocs` (whose --types is the path question's, so it names its own). */
export const COMMUNITY_OPTIONS = { resolution: 'string', seed: 'string' } as const;

export function communityOptionsOf(values: { resolution?: string | undefined; seed?: string | undefined }, typesOption: string, types: string | undefined) {
  return {
    types: relationTypesOption(typesOption, types) ?? [...DEFAULT_COMMUNITY_TYPES],
    resolution: positiveNumberOption('resolution', values.resolution) ?? 1,
    seed: wholeNumberOption('seed', values.seed) ?? 1,
  };
}

export function runCommunities(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { types: 'string', ...COMMUNITY_OPTIONS, ...EVIDENCE_OPTIONS });
  const file = fileArgument('communities', positionals);
  const { types, resolution, seed } = communityOptionsOf(values, 'types', values.types);
  const evidence = evidenceOption(values);
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const { result, evidence: report } = askWeighed({ type: 'communities', dataset, evidence, options: { types, resolution, seed } });
  if (values.json) io.out(jsonText(withLeftOut(toJson(result), report)));
  else {
    io.out(toText(dataset, result));
    printLeftOut(io, file, report);
  }
  return 0;
}

function toJson(result: CommunityResult) {
  const { communities, modularity, unaffiliated } = result;
  return { communities, modularity, unaffiliated };
}

function toText(dataset: Dataset, result: CommunityResult): string {
  const name = actorNames(dataset.actors);
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
