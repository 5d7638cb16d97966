/**
 * Threat paths that appeared or vanished between two windows. The scope, kept
 * bounded on purpose: ordered pairs of actors (from, to) such that `from`
 * reaches `to` by a threat chain (the paths preset: threat and
 * suspected-supporter hops, each in its own direction) within `maxHops` (3)
 * in one window and not in the other. A pair reachable in both, by whatever
 * path, is no change. Each comes with its best path (paths/best-path.ts: the
 * fewest hops, then the most confident) in the window where it exists, and
 * that path's relations with their claims there. One search per target,
 * bounded by the hops; at most `limit` pairs of each kind are listed, the
 * shortest first, and the totals say how many there were.
 */
import type { Dataset } from '../model/types';
import { toActorPath, type ActorPath } from './paths/actor-path';
import { bestPathsTo, pathFrom } from './paths/best-path';
import { buildPathGraph, type PathGraph } from './paths/path-graph';
import { presetQuery } from './paths/presets';
import { described, type DiffedRelation } from './time-diff-relations';

export const PATH_DIFF_PRESET = 'threat-chains';
export const PATH_DIFF_MAX_HOPS = 3;
export const PATH_DIFF_LIMIT = 100;

export interface PathChange {
  kind: 'appeared' | 'vanished';
  from: string;
  to: string;
  /** The best path in the window where `from` reaches `to`. */
  path: ActorPath;
  /** Its relations, hop by hop, with their claims in that window. */
  relations: DiffedRelation[];
}

export interface PathsDiff {
  preset: typeof PATH_DIFF_PRESET;
  maxHops: number;
  /** Appeared first, then vanished; each by hops, then the target's name, then the first actor's. */
  changes: PathChange[];
  appeared: number;
  vanished: number;
  limit: number;
}

/** `a` and `b`: the dataset as counted in the earlier and the later window (the same actors in the same order). */
export function pathChanges(a: Dataset, b: Dataset, options: { maxHops?: number; limit?: number } = {}): PathsDiff {
  const maxHops = options.maxHops ?? PATH_DIFF_MAX_HOPS;
  const limit = options.limit ?? PATH_DIFF_LIMIT;
  const { types, directed } = presetQuery(PATH_DIFF_PRESET);
  const ga = buildPathGraph(a, { types, directed });
  const gb = buildPathGraph(b, { types, directed });
  const n = ga.ids.length;
  // Targets and sources in name order; changes bucketed by hops, each bucket capped, so the
  // listed ones are exactly the first `limit` by (hops, target, from) with memory O(n + limit).
  const byName = Array.from({ length: n }, (_, i) => i).sort((x, y) => ga.order[x]! - ga.order[y]!);
  const hopsBuckets = () => Array.from({ length: maxHops + 1 }, (): Array<[number, number]> => []);
  const buckets = { appeared: hopsBuckets(), vanished: hopsBuckets() };
  const totals = { appeared: 0, vanished: 0 };
  const none = new Int32Array(n).fill(-1);
  for (const t of byName) {
    if (ga.inArcs[t]!.length === 0 && gb.inArcs[t]!.length === 0) continue;
    const ha = ga.inArcs[t]!.length ? bestPathsTo(ga, t, { maxHops }).hops : none;
    const hb = gb.inArcs[t]!.length ? bestPathsTo(gb, t, { maxHops }).hops : none;
    for (const v of byName) {
      if (v === t) continue;
      const kind = hb[v]! > 0 && ha[v]! < 0 ? 'appeared' : ha[v]! > 0 && hb[v]! < 0 ? 'vanished' : null;
      if (!kind) continue;
      totals[kind]++;
      const bucket = buckets[kind][kind === 'appeared' ? hb[v]! : ha[v]!]!;
      if (bucket.length < limit) bucket.push([v, t]);
    }
  }
  const change = (kind: PathChange['kind'], g: PathGraph) => {
    const relationOf = new Map(g.dataset.relations.map((r) => [r.id, r]));
    return ([v, t]: [number, number]): PathChange => {
      const path = toActorPath(g, pathFrom(g, bestPathsTo(g, t, { maxHops, stopAt: v }), v)!);
      return { kind, from: g.ids[v]!, to: g.ids[t]!, path, relations: path.hops.map((hop) => described(relationOf.get(hop.relationId)!)) };
    };
  };
  return {
    preset: PATH_DIFF_PRESET,
    maxHops,
    changes: [
      ...buckets.appeared.flat().slice(0, limit).map(change('appeared', gb)),
      ...buckets.vanished.flat().slice(0, limit).map(change('vanished', ga)),
    ],
    appeared: totals.appeared,
    vanished: totals.vanished,
    limit,
  };
}
