/**
 * What the one records-to-dataset step is told per family (the Dialect), and
 * what its actor and relation steps read while they map one import (the
 * MappingContext, which records-to-dataset.ts's RecordMapper is). Apart from
 * the steps, so that they and the mapper that runs them do not import each
 * other.
 */
import type { ProblemLog } from './problem-log';
import type { FileValue } from './records';
import type { UnknownTypeTally } from './relation-type';

/** The names that give a field in other tools' files, in order of preference. */
export interface FieldRule {
  names: readonly string[];
  /** Take only a value this accepts (the others stay attributes); without it, the first value so named is taken, whatever it holds. */
  usable?: (value: unknown) => boolean;
}

export interface Dialect {
  /** How a file's names are compared with a rule's: as written, or trimmed and lower-cased. */
  match: 'exact' | 'folded';
  actor: { kind: FieldRule; aliases: FieldRule; country: FieldRule; notes: FieldRule };
  /** The type: `type`, then the format's native kind, then `typeAfterNative`, then its native label. */
  relation: { type: FieldRule; typeAfterNative: FieldRule; notes: FieldRule };
  /** An aliases text → the list (CSV: `a; b`, JSON lists; graph files also GEXF's `[a, b]`); needed when `actor.aliases` names any. */
  parseAliases?: (text: string) => unknown;
  /** A country that is no ISO code: notes it and returns the attribute that keeps it (the `nth` such value of the file); needed when `actor.country` names any. */
  keepCountry?: (log: ProblemLog, value: FileValue, code: string, nth: number) => string;
  /** Unknown relation types: one counted warning each (graph files), or a warning at the first and a sum at the end (CSV, JSON). */
  unknownTypes: 'tally' | 'first-then-count';
  /** `originalType` among the attributes: before the file's own (which is then a repeat), or after (the file's is renamed). */
  originalType: 'first' | 'last';
  /** Our own files: fields `as-written` for restore() to check (CSV, JSON), or `lenient` (GEXF, GraphML: defaults, unknown types kept as other). */
  ownFields: 'as-written' | 'lenient';
  /** Attribute names escaped in our own files start with this. */
  ownPrefix: string;
  /** Other tools' values as attributes hold them (JSON: lists and objects as text); undefined drops one. */
  attributeValue?: (value: FileValue, log: ProblemLog) => unknown;
  /** A second value of one attribute on a record: noted and dropped; without it, the last value wins. */
  repeatedAttribute?: (log: ProblemLog, owner: 'node' | 'edge', name: string, at: string) => void;
}

/** What the actor and relation steps read and count while mapping one import's records. */
export interface MappingContext {
  readonly dialect: Dialect;
  readonly log: ProblemLog;
  readonly own: { actors: boolean; relations: boolean };
  readonly typeTally: UnknownTypeTally;
  /** Countries that are no code, so far: the next one is the `badCountries + 1`-th. */
  badCountries: number;
}
