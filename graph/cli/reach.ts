/** `actorscope reach`: every actor with a path to the target within n hops, nearest and best-evidenced first. */
import { DEFAULT_MAX_HOPS, DEFAULT_REACH_TYPES, MAX_MAX_HOPS } from '../analysis/paths';
import { askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS_ACTOR_ENDS, actorIdOption, evidenceOption, relationTypesOption, requireOption, wholeNumberOption, withoutActorEnds } from './options';
import { actorLabel, describeSettings, pathBlock, pathJson } from './paths';
import { clean, jsonText } from './terminal';

export const REACH_USAGE =
  'actorscope reach FILE --to X [--hops 3] [--types threat,suspected-supporter] [--undirected] [--evidence all|uncontested] [--min-confidence X] [--min-grade C3] [--window FROM..TO | --at DATE] [--dated-only] [--json]';

export function runReach(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    to: 'string',
    hops: 'string',
    types: 'string',
    undirected: 'boolean',
    'min-grade': 'string',
    // --to is the actor here: time is --window or --at.
    ...EVIDENCE_OPTIONS_ACTOR_ENDS,
  });
  const file = fileArgument('reach', positionals);
  const types = relationTypesOption('types', values.types) ?? [...DEFAULT_REACH_TYPES];
  const maxHops = wholeNumberOption('hops', values.hops, { min: 1, max: MAX_MAX_HOPS }) ?? DEFAULT_MAX_HOPS;
  const evidence = evidenceOption(values);
  requireOption('to', values.to);
  const dataset = loadDataset(io, file, withoutActorEnds(values));
  if (!dataset) return 1;
  const target = actorIdOption(dataset, 'to', values.to);
  const directed = !values.undirected;
  const { result: reachers, evidence: report } = askWeighed({ type: 'reach', dataset, evidence, query: { target, maxHops, types, directed } });

  if (values.json) {
    const json = { target, reachers: reachers.map((r) => ({ actor: r.actor, distance: r.distance, path: pathJson(r.path) })) };
    io.out(jsonText(withLeftOut(json, report)));
    return 0;
  }
  const settings = `within ${maxHops} ${maxHops === 1 ? 'hop' : 'hops'}; ${describeSettings({ directed, types, evidence })}`;
  io.out(
    reachers.length === 0
      ? `No actor can reach ${clean(target)} (${settings}).`
      : [
          `${reachers.length} ${reachers.length === 1 ? 'actor' : 'actors'} can reach ${actorLabel(dataset, target)} (${settings}):`,
          ...reachers.map((r, i) => `\n${pathBlock(dataset, r.path, i + 1)}`),
        ].join('\n'),
  );
  printLeftOut(io, file, report);
  return 0;
}
