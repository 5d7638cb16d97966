/**
 * Blocs that split or merged between two windows. Louvain (communities.ts)
 * runs on each window with the same types, resolution and seed; blocs are
 * matched by their members, since Louvain's numbering means nothing across
 * runs. A bloc of the earlier window whose members sit in two or more blocs
 * of the later one has split; a later bloc holding members of two or more
 * earlier blocs is a merger. Members that belong to no bloc in the other
 * window (no tie of those types there) are named apart and make no part.
 *
 * What causes it: the ties of those types between the parts — those that
 * vanished (in the earlier window only), appeared (the later only), and how
 * many held in both. A split with ties between its parts still standing is
 * Louvain redrawing the lines as ties elsewhere changed, and says so by
 * `kept` > 0.
 */
import type { Dataset, Relation, RelationType } from '../model/types';
import { detectCommunities, type CommunityOptions } from './communities';
import { described, type DiffedRelation } from './time-diff-relations';

export interface BlocChange {
  kind: 'split' | 'merged';
  /** split: the earlier bloc; merged: the later bloc (members sorted by name). */
  bloc: string[];
  /** Its members grouped by the bloc they are in in the other window, largest first. */
  parts: string[][];
  /** Its members in no bloc in the other window. */
  unaffiliated: string[];
  /** Ties between the parts in the earlier window only (with their claims there). */
  vanished: DiffedRelation[];
  /** Ties between the parts in the later window only (with their claims there). */
  appeared: DiffedRelation[];
  /** Ties between the parts counted in both windows. */
  kept: number;
}

export interface BlocsDiff {
  types: RelationType[];
  before: { communities: string[][]; modularity: number | null };
  after: { communities: string[][]; modularity: number | null };
  /** Splits first, then mergers, each in its bloc's order (largest first). */
  changes: BlocChange[];
}

/** Members grouped by their bloc in `other` (largest group first, ties by the earlier position), and those in none. */
function groupBy(members: readonly string[], blocOf: ReadonlyMap<string, number>): { parts: string[][]; unaffiliated: string[] } {
  const groups = new Map<number, string[]>();
  const unaffiliated: string[] = [];
  for (const id of members) {
    const b = blocOf.get(id);
    if (b === undefined) unaffiliated.push(id);
    else groups.set(b, [...(groups.get(b) ?? []), id]);
  }
  return { parts: [...groups.values()].sort((x, y) => y.length - x.length), unaffiliated };
}

function indexOf(communities: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  communities.forEach((members, i) => members.forEach((id) => m.set(id, i)));
  return m;
}

/** `a` and `b`: the dataset as counted in the earlier and the later window. */
export function blocChanges(a: Dataset, b: Dataset, options: CommunityOptions = {}): BlocsDiff {
  const ca = detectCommunities(a, options);
  const cb = detectCommunities(b, options);
  const types = new Set(ca.types);
  const inA = indexOf(ca.communities);
  const inB = indexOf(cb.communities);
  const tiesA = a.relations.filter((r) => types.has(r.type) && r.source !== r.target);
  const tiesB = b.relations.filter((r) => types.has(r.type) && r.source !== r.target);
  const idsA = new Set(tiesA.map((r) => r.id));
  const idsB = new Set(tiesB.map((r) => r.id));

  const change = (kind: BlocChange['kind'], bloc: string[], other: ReadonlyMap<string, number>): BlocChange | null => {
    const { parts, unaffiliated } = groupBy(bloc, other);
    if (parts.length < 2) return null;
    const partOf = new Map<string, number>();
    parts.forEach((p, i) => p.forEach((id) => partOf.set(id, i)));
    const across = (r: Relation) => partOf.has(r.source) && partOf.has(r.target) && partOf.get(r.source) !== partOf.get(r.target);
    const vanished = tiesA.filter((r) => across(r) && !idsB.has(r.id)).map(described);
    const appeared = tiesB.filter((r) => across(r) && !idsA.has(r.id)).map(described);
    const kept = tiesB.filter((r) => across(r) && idsA.has(r.id)).length;
    return { kind, bloc, parts, unaffiliated, vanished, appeared, kept };
  };
  const changes: BlocChange[] = [];
  for (const bloc of ca.communities) {
    const c = change('split', bloc, inB);
    if (c) changes.push(c);
  }
  for (const bloc of cb.communities) {
    const c = change('merged', bloc, inA);
    if (c) changes.push(c);
  }
  return {
    types: ca.types,
    before: { communities: ca.communities, modularity: ca.modularity },
    after: { communities: cb.communities, modularity: cb.modularity },
    changes,
  };
}
