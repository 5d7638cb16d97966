/**
 * Threats to partners: the k best loop-free paths from A to T whose last two
 * hops are a threat X → P and a partnership P — T. Read: A threatens (or, by
 * the chain before it, reaches with a threat) P, one of T's partners; the
 * partner hop names the partnership that makes it T's concern. The hops before
 * the threat follow the query's types and direction; the threat is always
 * followed source → target, as the point is who threatens the partner.
 *
 * One Yen search per partner P of T (P ≠ A), each on a view of one graph: the
 * query's arcs except those touching T (a loop-free path visits T only at its
 * end), where the arcs entering P are the threats into P only. The searches
 * walk backwards from their target through `inArcs` alone, and P is only ever
 * a target there (a loop-free path that ends at P does not pass it before), so
 * a view differs from the graph in inArcs[P] and nothing else. Every path
 * found ends at P through a threat and never passes P or T before; appending
 * P — T gives exactly the paths asked for, each once (P tells the groups
 * apart). A fixed last hop adds the same hops and cost to every path of a
 * group, and path-order.ts compares actor sequences position by position, so
 * each group's k best extend to its k best full paths; the k best of their
 * union are the answer.
 *
 * Not every partner needs its search: one search forwards from A over the
 * same arcs gives, for each partner, a lower bound on its group's best path
 * (the best (hops, cost) to any X with a threat into P, plus those two hops).
 * The partners are taken in the order of their bounds, and the search stops
 * once k paths are in hand that all rank before the next bound (ties on the
 * bound still searched, as names may decide them).
 */
import type { Dataset, Grade, RelationType } from '../../model/types';
import { joinPaths, toActorPath, type ActorPath } from './actor-path';
import { bestPathsTo } from './best-path';
import { actorIndex, buildPathGraph, withArcs, type Arc, type PathGraph } from './path-graph';
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

interface Found {
  nodes: number[];
  hops: number;
  cost: number;
  path: ActorPath;
}

/** A group's bound: hops and cost no path of it can beat. */
interface Bound {
  partner: number;
  /** The partnership arc P → T in `partners`. */
  partnerArc: number;
  hops: number;
  cost: number;
}

export function threatToPartnerPaths(dataset: Dataset, query: ThreatToPartnerQuery): ActorPath[] {
  const { minGrade, k } = query;
  const chain = buildPathGraph(dataset, { types: query.types, directed: query.directed ?? true, minGrade });
  const threats = buildPathGraph(dataset, { types: ['threat'], directed: true, minGrade });
  const partners = buildPathGraph(dataset, { types: ['partner'], minGrade });
  const from = actorIndex(chain, query.from, 'from');
  const to = actorIndex(chain, query.to, 'to');
  if (from === to) return [];

  // The shared arcs: the chain without T, then the threats into T's partners (not from T).
  const isPartner = new Uint8Array(chain.ids.length);
  for (const a of partners.inArcs[to]!) isPartner[partners.arcs[a]!.from] = 1;
  const arcs: Arc[] = chain.arcs.filter((arc) => arc.from !== to && arc.to !== to);
  const chainCount = arcs.length;
  for (const arc of threats.arcs) if (isPartner[arc.to] && arc.from !== to) arcs.push(arc);
  const base = withArcs(chain, arcs);
  const chainIn = base.inArcs.map((list) => list.filter((a) => a < chainCount));
  const threatIn = base.inArcs.map((list) => list.filter((a) => a >= chainCount));
  const view = (partner: number): PathGraph => {
    const inArcs = chainIn.slice();
    inArcs[partner] = threatIn[partner]!;
    return { ...base, inArcs };
  };

  // Forwards from A: the best (hops, cost) to every actor over the chain, for the bounds.
  const reversed = withArcs(chain, arcs.slice(0, chainCount).map((arc) => ({ ...arc, from: arc.to, to: arc.from })));
  const reach = bestPathsTo(reversed, from);
  const bounds: Bound[] = [];
  for (const a of partners.inArcs[to]!) {
    const partnerArc = partners.arcs[a]!;
    const partner = partnerArc.from;
    if (partner === from) continue; // a path from a partner cannot end there too
    let best: Bound | null = null;
    for (const t of threatIn[partner]!) {
      const x = arcs[t]!.from;
      if (reach.hops[x]! < 0) continue;
      const hops = reach.hops[x]! + 2;
      const cost = reach.cost[x]! + arcs[t]!.cost + partnerArc.cost;
      if (!best || hops < best.hops || (hops === best.hops && cost < best.cost)) best = { partner, partnerArc: a, hops, cost };
    }
    if (best) bounds.push(best);
  }
  bounds.sort((x, y) => x.hops - y.hops || x.cost - y.cost);

  const found: Found[] = [];
  const rank = (x: Found, y: Found) => x.hops - y.hops || (sameCost(x.cost, y.cost) ? 0 : x.cost - y.cost) || compareSequences(chain, x.nodes, y.nodes);
  for (const bound of bounds) {
    if (found.length >= k) {
      const kth = found[k - 1]!;
      if (kth.hops < bound.hops || (kth.hops === bound.hops && kth.cost < bound.cost && !sameCost(kth.cost, bound.cost))) break;
    }
    const { partner, partnerArc } = bound;
    const graph = view(partner);
    const tail = toActorPath(partners, { nodes: [partner, to], arcs: [partnerArc], cost: partners.arcs[partnerArc]!.cost });
    for (const head of yenKShortestPaths(graph, from, partner, k)) {
      found.push({
        nodes: [...head.nodes, to],
        hops: head.arcs.length + 1,
        cost: pathCost(graph, head.arcs) + partners.arcs[partnerArc]!.cost,
        path: joinPaths(toActorPath(graph, head), tail),
      });
    }
    found.sort(rank);
    found.length = Math.min(found.length, k);
  }
  return found.map((f) => f.path);
}
