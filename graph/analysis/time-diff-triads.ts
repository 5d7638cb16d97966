/**
 * Unbalanced triads that appeared or vanished between two windows, matched by
 * their three actors (balance/triads.ts, on each window as counted). An
 * appeared one was balanced in the earlier window or not a triad at all (a
 * side missing); a vanished one is balanced in the later window, or open.
 * Each comes with its three relations in the window where it is unbalanced
 * and every signed relation among the three in the other, with their claims
 * there: the side that changed is the one in one list and not the other.
 */
import type { Dataset, Relation } from '../model/types';
import { buildSignedGraph } from './balance/signed-graph';
import { triadCensus, type Triad } from './balance/triads';
import { actorNameRank } from './communities';
import { DEFAULT_SIGNS } from './signs';
import { described, type DiffedRelation } from './time-diff-relations';

export interface TriadChange {
  kind: 'appeared' | 'vanished';
  /** Sorted by name. */
  actors: [string, string, string];
  /** In the other window: every side signed and the product + (`balanced`), or a side missing (`open`). */
  other: 'balanced' | 'open';
  /** The triad's unbalanced choice of relations where it is unbalanced (balance/triads.ts), with that window's claims. */
  relations: DiffedRelation[];
  /** The signed relations among the three actors in the other window, with its claims. */
  otherRelations: DiffedRelation[];
}

export interface TriadsDiff {
  /** Unbalanced triads in each window. */
  before: number;
  after: number;
  /** Appeared first, then vanished, each sorted by the actors' names; at most `limit` of each. */
  changes: TriadChange[];
  /** How many appeared and vanished in all (more than listed when the limit cut them). */
  appeared: number;
  vanished: number;
  limit: number;
}

const keyOf = (actors: readonly string[]) => actors.join('\u0000');

function census(dataset: Dataset) {
  const rank = actorNameRank(dataset);
  const order = new Map(dataset.relations.map((r, i) => [r.id, i] as const));
  return triadCensus(buildSignedGraph(dataset), rank, order).unbalancedTriads;
}

/** Signed relations among three actors. */
function among(dataset: Dataset, actors: readonly string[]): Relation[] {
  const set = new Set(actors);
  return dataset.relations.filter((r) => r.source !== r.target && set.has(r.source) && set.has(r.target) && DEFAULT_SIGNS[r.type] !== 0);
}

function isClosed(relations: readonly Relation[], actors: readonly string[]): boolean {
  const [x, y, z] = actors;
  const joins = (u: string, v: string) => relations.some((r) => (r.source === u && r.target === v) || (r.source === v && r.target === u));
  return joins(x!, y!) && joins(y!, z!) && joins(z!, x!);
}

/** `a` and `b`: the dataset as counted in the earlier and the later window. */
export function triadChanges(a: Dataset, b: Dataset, limit = 100): TriadsDiff {
  const ua = census(a);
  const ub = census(b);
  const keysA = new Set(ua.map((t) => keyOf(t.actors)));
  const keysB = new Set(ub.map((t) => keyOf(t.actors)));
  const relationIn = (d: Dataset) => new Map(d.relations.map((r) => [r.id, r]));
  const ra = relationIn(a);
  const rb = relationIn(b);
  const change = (kind: TriadChange['kind'], t: Triad, here: ReadonlyMap<string, Relation>, there: Dataset): TriadChange => {
    const otherRelations = among(there, t.actors);
    return {
      kind,
      actors: t.actors,
      other: isClosed(otherRelations, t.actors) ? 'balanced' : 'open',
      relations: t.relations.map((s) => described(here.get(s.id)!)),
      otherRelations: otherRelations.map(described),
    };
  };
  const appeared = ub.filter((t) => !keysA.has(keyOf(t.actors)));
  const vanished = ua.filter((t) => !keysB.has(keyOf(t.actors)));
  return {
    before: ua.length,
    after: ub.length,
    changes: [...appeared.slice(0, limit).map((t) => change('appeared', t, rb, a)), ...vanished.slice(0, limit).map((t) => change('vanished', t, ra, b))],
    appeared: appeared.length,
    vanished: vanished.length,
    limit,
  };
}
