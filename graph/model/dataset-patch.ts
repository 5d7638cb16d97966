/**
 * The difference between two datasets, small enough to keep a hundred of: an
 * edit changes one actor or relation, so each list is written as runs of the
 * other dataset's records kept in order (`[from, count]`) and the records that
 * are new or changed. The saved undo history (src/storage/saved-history.ts) is
 * one of these per step instead of a whole dataset per step.
 */
import type { Actor, Dataset, Relation } from './types';

/** A list rebuilt from another: a run of its records `[from, count]`, or a record of its own. */
export type ListPatch<T> = Array<[from: number, count: number] | { record: T }>;

export interface DatasetPatch {
  /** Everything but the two lists, when it differs. */
  head?: Omit<Dataset, 'actors' | 'relations'>;
  actors: ListPatch<Actor>;
  relations: ListPatch<Relation>;
}

/** What turns `from` into `to`: `applyPatch(from, diffDatasets(from, to))` equals `to`. */
export function diffDatasets(from: Dataset, to: Dataset): DatasetPatch {
  const { actors: _a, relations: _r, ...fromHead } = from;
  const { actors: _b, relations: _s, ...toHead } = to;
  const patch: DatasetPatch = { actors: diffList(from.actors, to.actors), relations: diffList(from.relations, to.relations) };
  if (!sameValue(fromHead, toHead)) patch.head = toHead;
  return patch;
}

export function applyPatch(from: Dataset, patch: DatasetPatch): Dataset {
  const { actors: _a, relations: _r, ...head } = from;
  return { ...(patch.head ?? head), actors: applyList(from.actors, patch.actors), relations: applyList(from.relations, patch.relations) };
}

function diffList<T extends { id: string }>(from: readonly T[], to: readonly T[]): ListPatch<T> {
  const at = new Map<string, number>();
  from.forEach((x, i) => at.set(x.id, i));
  const out: ListPatch<T> = [];
  for (const record of to) {
    const i = at.get(record.id);
    if (i === undefined || !sameValue(from[i], record)) {
      out.push({ record });
      continue;
    }
    const last = out.at(-1);
    if (Array.isArray(last) && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

function applyList<T>(from: readonly T[], patch: ListPatch<T>): T[] {
  const out: T[] = [];
  for (const step of patch) {
    if (!Array.isArray(step)) {
      out.push(step.record);
      continue;
    }
    const [start, count] = step;
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 1 || start + count > from.length) {
      throw new Error(`a history step refers to records ${start}–${start + count - 1} of a list of ${from.length}`);
    }
    for (let i = start; i < start + count; i++) out.push(from[i]!);
  }
  return out;
}

/** Records as JSON values: the same when they serialise alike (a different key order only costs a copy). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
