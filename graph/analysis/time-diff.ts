/**
 * What changed between two time windows: the relations that count in the
 * later window and not the earlier (added), the other way (removed), those in
 * both whose confidence or weight moved (changed), each with the claims of the
 * window that make it so; and how the actors' ranks by a metric moved. Both
 * windows are weighed with the same evidence setting (time-window.ts, then
 * evidence-setting.ts), so a change is never an artefact of the setting.
 */
import type { Claim, Dataset, Relation, RelationType } from '../model/types';
import { relationEvidence } from './evidence';
import { applyEvidence, type EvidenceSetting } from './evidence-setting';
import { computeMetrics, type MetricId } from './metrics';
import { relationWeight, windowDataset, type TimeWindow } from './time-window';

export interface DiffedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** The claims of the window the relation is in (the later one for added and changed, the earlier for removed). */
  claims: Claim[];
}

export interface RelationState {
  confidence: number;
  weight: number | null;
}

export interface RankChange {
  actor: string;
  metric: MetricId;
  before: { value: number | null; rank: number | null };
  after: { value: number | null; rank: number | null };
}

export interface WindowDiff {
  before: TimeWindow;
  after: TimeWindow;
  added: DiffedRelation[];
  removed: DiffedRelation[];
  changed: Array<DiffedRelation & { before: RelationState; after: RelationState }>;
  /** Actors whose rank moved, the largest moves first. */
  ranks: RankChange[];
}

const described = (r: Relation): DiffedRelation => ({ id: r.id, source: r.source, target: r.target, type: r.type, claims: r.claims });

function counted(dataset: Dataset, window: TimeWindow, evidence: EvidenceSetting): Dataset {
  return applyEvidence(windowDataset(dataset, window).dataset, evidence).dataset;
}

/** Competition ranks (1, 2, 2, 4), highest value first; an actor without a value has no rank. */
function ranks(values: ReadonlyMap<string, number | null>): Map<string, number | null> {
  const sorted = [...values].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1]);
  const out = new Map<string, number | null>([...values.keys()].map((k) => [k, null]));
  sorted.forEach(([id, v], i) => out.set(id, i > 0 && v === sorted[i - 1]![1] ? out.get(sorted[i - 1]![0])! : i + 1));
  return out;
}

export function diffWindows(dataset: Dataset, before: TimeWindow, after: TimeWindow, options: { evidence: EvidenceSetting; metric?: MetricId; weighted?: boolean }): WindowDiff {
  const a = counted(dataset, before, options.evidence);
  const b = counted(dataset, after, options.evidence);
  const inA = new Map(a.relations.map((r) => [r.id, r]));
  const inB = new Map(b.relations.map((r) => [r.id, r]));
  const state = (r: Relation, w: TimeWindow): RelationState => ({ confidence: relationEvidence(r).confidence, weight: relationWeight(r, w) });
  const changed: WindowDiff['changed'] = [];
  for (const r of b.relations) {
    const old = inA.get(r.id);
    if (!old) continue;
    const s0 = state(old, before);
    const s1 = state(r, after);
    if (Math.abs(s0.confidence - s1.confidence) > 1e-12 || s0.weight !== s1.weight) changed.push({ ...described(r), before: s0, after: s1 });
  }
  const metric = options.metric ?? 'degree';
  const valuesIn = (d: Dataset) => new Map(computeMetrics(d, { metrics: [metric], weighted: options.weighted ?? false }).actors.map((x) => [x.id, x[metric] ?? null]));
  const v0 = valuesIn(a);
  const v1 = valuesIn(b);
  const r0 = ranks(v0);
  const r1 = ranks(v1);
  const moved: RankChange[] = [];
  for (const actor of dataset.actors) {
    const before = { value: v0.get(actor.id) ?? null, rank: r0.get(actor.id) ?? null };
    const after = { value: v1.get(actor.id) ?? null, rank: r1.get(actor.id) ?? null };
    // An actor with nothing in either window moves only because others did: not a change of its own.
    const idle = (before.value ?? 0) === 0 && (after.value ?? 0) === 0;
    if (before.rank !== after.rank && !idle) moved.push({ actor: actor.id, metric, before, after });
  }
  // An actor that enters or leaves the ranking moves most.
  const move = (c: RankChange) => (c.before.rank === null || c.after.rank === null ? Number.MAX_SAFE_INTEGER : Math.abs(c.after.rank - c.before.rank));
  moved.sort((x, y) => move(y) - move(x) || (x.actor < y.actor ? -1 : x.actor > y.actor ? 1 : 0));
  return {
    before,
    after,
    added: b.relations.filter((r) => !inA.has(r.id)).map(described),
    removed: a.relations.filter((r) => !inB.has(r.id)).map(described),
    changed,
    ranks: moved,
  };
}
