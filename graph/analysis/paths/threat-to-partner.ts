/**
 * Threats to partners: the k best loop-free paths from A to T whose last two
 * hops are a threat X → P and a partnership P — T. Read: A threatens (or, by
 * the chain before it, reaches with a threat) P, one of T's partners; the
 * partner hop names the partnership that makes it T's concern. The hops before
 * the threat follow the query's types and direction; the threat is always
 * followed source → target, as the point is who threatens the partner.
 *
 * One Yen search per partner P of T (P ≠ A), on a graph made for it: the
 * query's arcs except those touching T (a loop-free path visits T only at its
 * end) and those entering P, plus the threat arcs into P. So every path found
 * ends at P through a threat and never passes P or T before; appending P — T
 * gives exactly the paths asked for, each once (P tells the groups apart). A
 * fixed last hop adds the same hops and cost to every path of a group, and
 * path-order.ts compares actor sequences position by position, so each
 * group's k best extend to its k best full paths; the k best of their union
 * are the answer.
 */
import type { Dataset, Grade, RelationType } from '../../model/types';
import { joinPaths, toActorPath, type ActorPath } from './actor-path';
import { actorIndex, buildPathGraph, withArcs } from './path-graph';
import { compareSequences, pathCost, sameCost } from './path-order';
import { yenKShortestPaths } from './yen';

export interface ThreatToPartnerQuery {
  from: string;
  to: string;
  k: number;
  /** Of the hops before the threat into the partner; all types when absent. */
  types?: readonly RelationType[];
  directed?: boolean;
  minGrade?: Grade;
}

export function threatToPartnerPaths(dataset: Dataset, query: ThreatToPartnerQuery): ActorPath[] {
  const { minGrade, k } = query;
  const chain = buildPathGraph(dataset, { types: query.types, directed: query.directed ?? true, minGrade });
  const threats = buildPathGraph(dataset, { types: ['threat'], directed: true, minGrade });
  const partners = buildPathGraph(dataset, { types: ['partner'], minGrade });
  const from = actorIndex(chain, query.from, 'from');
  const to = actorIndex(chain, query.to, 'to');
  if (from === to) return [];

  const found: Array<{ nodes: number[]; cost: number; path: ActorPath }> = [];
  for (const a of partners.inArcs[to]!) {
    const partnerArc = partners.arcs[a]!;
    const partner = partnerArc.from;
    // Starting at a partner, a path cannot end there too (Yen would find none): skip building its graph.
    if (partner === from) continue;
    const arcs = chain.arcs
      .filter((arc) => arc.from !== to && arc.to !== to && arc.to !== partner)
      .concat(threats.arcs.filter((arc) => arc.to === partner && arc.from !== to));
    const graph = withArcs(chain, arcs);
    const partnerHop = toActorPath(partners, { nodes: [partner, to], arcs: [a], cost: partnerArc.cost });
    for (const head of yenKShortestPaths(graph, from, partner, k)) {
      found.push({
        nodes: [...head.nodes, to],
        cost: pathCost(graph, head.arcs) + partnerArc.cost,
        path: joinPaths(toActorPath(graph, head), partnerHop),
      });
    }
  }
  found.sort((x, y) => x.nodes.length - y.nodes.length || (sameCost(x.cost, y.cost) ? 0 : x.cost - y.cost) || compareSequences(chain, x.nodes, y.nodes));
  return found.slice(0, k).map((f) => f.path);
}
