/**
 * What changed between two time windows: the relations added, removed and
 * changed (in type and sign, or in confidence and weight; time-diff-relations.ts),
 * how the actors' ranks by a metric moved, the blocs that split or merged
 * (time-diff-blocs.ts), the unbalanced triads (time-diff-triads.ts) and the
 * threat paths (time-diff-paths.ts) that appeared or vanished — each with the
 * claims of the window that make it so. Both windows are weighed with the
 * same evidence setting (time-window.ts, then evidence-setting.ts), so a
 * change is never an artefact of the setting.
 */
import type { Dataset, RelationType } from '../model/types';
import { applyEvidence, type EvidenceSetting } from './evidence-setting';
import { computeMetrics, type MetricId } from './metrics';
import { blocChanges, type BlocsDiff } from './time-diff-blocs';
import { pathChanges, type PathsDiff } from './time-diff-paths';
import { relationChanges, type ChangedRelation, type DiffedRelation } from './time-diff-relations';
import { triadChanges, type TriadsDiff } from './time-diff-triads';
import { windowDataset, type TimeWindow } from './time-window';

export type { ChangedRelation, DiffedRelation, RelationState } from './time-diff-relations';
export type { BlocChange, BlocsDiff } from './time-diff-blocs';
export type { TriadChange, TriadsDiff } from './time-diff-triads';
export type { PathChange, PathsDiff } from './time-diff-paths';
export { PATH_DIFF_MAX_HOPS, PATH_DIFF_LIMIT, PATH_DIFF_PRESET } from './time-diff-paths';

export interface RankChange {
  actor: string;
  metric: MetricId;
  before: { value: number | null; rank: number | null };
  after: { value: number | null; rank: number | null };
  /** The actor's own relations that were added, removed or changed (ids, the later one for a type change): what moved it, besides others' moves. */
  relations: string[];
}

export interface DiffOptions {
  evidence: EvidenceSetting;
  /** The metric ranks are compared by; degree when absent. */
  metric?: MetricId;
  weighted?: boolean;
  /** The relation types blocs form along; partner and supplier when absent (communities.ts). */
  blocTypes?: readonly RelationType[];
  /** At most this many triads and paths of each kind listed; 100 when absent. */
  limit?: number;
}

export interface WindowDiff {
  before: TimeWindow;
  after: TimeWindow;
  added: DiffedRelation[];
  removed: DiffedRelation[];
  changed: ChangedRelation[];
  /** Actors whose rank moved, the largest moves first. */
  ranks: RankChange[];
  blocs: BlocsDiff;
  triads: TriadsDiff;
  paths: PathsDiff;
}

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

export function diffWindows(dataset: Dataset, before: TimeWindow, after: TimeWindow, options: DiffOptions): WindowDiff {
  const a = counted(dataset, before, options.evidence);
  const b = counted(dataset, after, options.evidence);
  const { added, removed, changed } = relationChanges(a, b, before, after);

  const touching = new Map<string, string[]>();
  const touch = (actor: string, id: string) => touching.set(actor, [...(touching.get(actor) ?? []), id]);
  for (const r of [...added, ...removed]) {
    touch(r.source, r.id);
    if (r.target !== r.source) touch(r.target, r.id);
  }
  for (const c of changed) {
    touch(c.after.source, c.id);
    if (c.after.target !== c.after.source) touch(c.after.target, c.id);
  }

  const metric = options.metric ?? 'degree';
  const valuesIn = (d: Dataset) => new Map(computeMetrics(d, { metrics: [metric], weighted: options.weighted ?? false }).actors.map((x) => [x.id, x[metric] ?? null]));
  const v0 = valuesIn(a);
  const v1 = valuesIn(b);
  const r0 = ranks(v0);
  const r1 = ranks(v1);
  const moved: RankChange[] = [];
  for (const actor of dataset.actors) {
    const was = { value: v0.get(actor.id) ?? null, rank: r0.get(actor.id) ?? null };
    const now = { value: v1.get(actor.id) ?? null, rank: r1.get(actor.id) ?? null };
    // An actor with nothing in either window moves only because others did: not a change of its own.
    const idle = (was.value ?? 0) === 0 && (now.value ?? 0) === 0;
    if (was.rank !== now.rank && !idle) moved.push({ actor: actor.id, metric, before: was, after: now, relations: touching.get(actor.id) ?? [] });
  }
  // An actor that enters or leaves the ranking moves most.
  const move = (c: RankChange) => (c.before.rank === null || c.after.rank === null ? Number.MAX_SAFE_INTEGER : Math.abs(c.after.rank - c.before.rank));
  moved.sort((x, y) => move(y) - move(x) || (x.actor < y.actor ? -1 : x.actor > y.actor ? 1 : 0));

  return {
    before,
    after,
    added,
    removed,
    changed,
    ranks: moved,
    blocs: blocChanges(a, b, options.blocTypes ? { types: options.blocTypes } : {}),
    triads: triadChanges(a, b, options.limit),
    paths: pathChanges(a, b, { limit: options.limit }),
  };
}
