/**
 * The relations that changed between two windows, each counted as its window
 * stands (time-window.ts, then the evidence setting): added (in the later
 * window only), removed (in the earlier only), and changed — either the same
 * relation with another confidence or weight (`evidence`), or a pair of actors
 * whose relation changed its type (`type`: partner in the earlier window,
 * threat between the same two actors in the later one, matched by the
 * unordered pair, whatever the direction). A type change is listed once, as
 * changed, not also as removed and added.
 */
import type { Claim, Dataset, Relation, RelationType } from '../model/types';
import { relationConfidence } from './evidence';
import { signOf, type Sign } from './signs';
import { relationWeight, type TimeWindow } from './time-window';

export interface DiffedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** The claims of the window the relation is in (the later one for added, the earlier for removed). */
  claims: Claim[];
}

/** A relation as it stands in one window. */
export interface RelationState {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  sign: Sign;
  confidence: number;
  /** The sum of its supporting claims' weights in the window; null when none carries one. */
  weight: number | null;
  /** Its claims in the window: the evidence for this side of the change. */
  claims: Claim[];
}

export interface ChangedRelation {
  /** The later relation's id (for `evidence`, the one relation's). */
  id: string;
  /** `type`: another relation type between the same two actors; `evidence`: the same relation, another confidence or weight. */
  kind: 'type' | 'evidence';
  /** The pair's sign moved (cooperation + to threat −, or back). */
  signChanged: boolean;
  before: RelationState;
  after: RelationState;
}

export interface RelationChanges {
  added: DiffedRelation[];
  removed: DiffedRelation[];
  /** Type changes first, then evidence changes, each in the later window's relation order. */
  changed: ChangedRelation[];
}

export const described = (r: Relation): DiffedRelation => ({ id: r.id, source: r.source, target: r.target, type: r.type, claims: r.claims });

function stateOf(r: Relation, window: TimeWindow): Omit<RelationState, 'claims'> {
  return { id: r.id, source: r.source, target: r.target, type: r.type, sign: signOf(r.type), confidence: relationConfidence(r), weight: relationWeight(r, window) };
}

const pairKey = (r: Relation) => (r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`);

/** `a` and `b`: the dataset as counted in the earlier and the later window. */
export function relationChanges(a: Dataset, b: Dataset, before: TimeWindow, after: TimeWindow): RelationChanges {
  const inA = new Map(a.relations.map((r) => [r.id, r]));
  const inB = new Map(b.relations.map((r) => [r.id, r]));
  const gone = a.relations.filter((r) => !inB.has(r.id));
  const come = b.relations.filter((r) => !inA.has(r.id));

  // A pair's vanished relation matched to one of its new relations of another type: a sign change first.
  const comeByPair = new Map<string, Relation[]>();
  for (const r of come) comeByPair.set(pairKey(r), [...(comeByPair.get(pairKey(r)) ?? []), r]);
  const matched = new Set<Relation>();
  const typeChanges: Array<{ old: Relation; now: Relation }> = [];
  for (const old of gone) {
    const candidates = (comeByPair.get(pairKey(old)) ?? []).filter((r) => !matched.has(r) && r.type !== old.type);
    const now = candidates.find((r) => signOf(r.type) !== signOf(old.type)) ?? candidates[0];
    if (!now) continue;
    matched.add(old).add(now);
    typeChanges.push({ old, now });
  }
  const order = new Map(b.relations.map((r, i) => [r.id, i]));
  typeChanges.sort((x, y) => order.get(x.now.id)! - order.get(y.now.id)!);

  const changed: ChangedRelation[] = typeChanges.map(({ old, now }) => ({
    id: now.id,
    kind: 'type',
    signChanged: signOf(old.type) !== signOf(now.type),
    before: { ...stateOf(old, before), claims: old.claims },
    after: { ...stateOf(now, after), claims: now.claims },
  }));
  for (const r of b.relations) {
    const old = inA.get(r.id);
    if (!old) continue;
    const s0 = stateOf(old, before);
    const s1 = stateOf(r, after);
    if (Math.abs(s0.confidence - s1.confidence) > 1e-12 || s0.weight !== s1.weight) {
      changed.push({ id: r.id, kind: 'evidence', signChanged: false, before: { ...s0, claims: old.claims }, after: { ...s1, claims: r.claims } });
    }
  }
  return {
    added: come.filter((r) => !matched.has(r)).map(described),
    removed: gone.filter((r) => !matched.has(r)).map(described),
    changed,
  };
}
