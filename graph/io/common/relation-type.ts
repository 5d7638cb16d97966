/**
 * Relation types from other tools' files. A type string is normalised —
 * trimmed, lower-cased, runs of spaces, underscores and hyphens made one
 * hyphen — and matched against our five names (`partner`, `threat`,
 * `supplier`, `suspected-supporter`, `other`). Anything else becomes `other`
 * and keeps its original spelling in `attributes.originalType`; the importers
 * warn once per distinct unknown type, then once more with its count.
 *
 * There are deliberately no synonyms ("ally", "arms"): guessing meaning from a
 * word is the user's call, and `originalType` keeps what the file said so a
 * filter or a later edit can map it.
 */
import { ACTOR_KINDS, RELATION_TYPES, type ActorKind, type RelationType } from '../../model/types';
import type { ProblemLog } from './problem-log';

/** `" Suspected_Supporter "` → `"suspected-supporter"`. */
export function normaliseTypeName(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

export type MappedType =
  | { type: RelationType; known: true }
  | { type: 'other'; known: false; originalType: string };

/**
 * The type strings mapped so far: a file repeats a handful of them on every row (an edge list
 * of 50,000 rows at 10k/50k normalised each with a regular expression). Frozen: callers only
 * read them. Bounded, for a file whose every row has a type of its own.
 */
const MAPPED = new Map<string, MappedType>();
const MAPPED_MAX = 1000;

/** A type value from a file (text or number) → one of our types, or `other` with the original. */
export function mapRelationType(raw: string | number | boolean): MappedType {
  const text = String(raw);
  const cached = MAPPED.get(text);
  if (cached) return cached;
  const normalised = normaliseTypeName(text);
  const mapped: MappedType = (RELATION_TYPES as readonly string[]).includes(normalised)
    ? { type: normalised as RelationType, known: true }
    : { type: 'other', known: false, originalType: text.trim() };
  if (MAPPED.size < MAPPED_MAX) MAPPED.set(text, Object.freeze(mapped));
  return mapped;
}

/** Actor kinds: `"Armed group"` → `armed-group` when it is one of ours; otherwise kept as written (trimmed). */
export function mapActorKind(raw: string): ActorKind {
  const normalised = normaliseTypeName(raw);
  return (ACTOR_KINDS as readonly string[]).includes(normalised) ? normalised : raw.trim();
}

const DIRECTION_WORDS = new Set(['directed', 'undirected', 'mutual']);
/** Gephi's edge `Type` column: how to draw an edge, not a relation type. */
export const isDirectionWord = (value: string): boolean => DIRECTION_WORDS.has(value.trim().toLowerCase());

/**
 * Counts unknown types while a file is read: the first row of each unknown
 * type gets a located warning at once, and `finish()` adds one summary per
 * type seen on several rows. Messages are the same in every format.
 */
export class UnknownTypeTally {
  private readonly counts = new Map<string, number>();
  constructor(private readonly problems: ProblemLog) {}

  /** Counts an unknown type (its original spelling, trimmed); the first of each is warned at `where`. */
  note(originalType: string, where: string): void {
    const n = (this.counts.get(originalType) ?? 0) + 1;
    this.counts.set(originalType, n);
    if (n === 1) this.problems.warn(where, `${JSON.stringify(originalType)} is not a relation type; kept as "other"`);
  }

  /** One warning per unknown type seen on more than one row/element; `where` names the column or list. */
  finish(where: string, unit = 'rows'): void {
    for (const [raw, n] of this.counts) {
      if (n > 1) this.problems.warn(where, `${JSON.stringify(raw)} appears on ${n} ${unit}, all kept as "other"`);
    }
  }
}
