/**
 * The records every reader hands to the shared mapping
 * (records-to-dataset.ts): one per actor and one per relation, each located
 * in the file's own terms, its values named as the file names them.
 *
 * A CSV row, a JSON attribute bag and a GEXF/GraphML element all become the
 * same record; what differs per family is data: where a value is (`at`:
 * `line 3, column kind`, `nodes[2].attributes.kind`, `line 14:5`), and, for
 * values whose meaning the reader already knows (a CSV column the user mapped
 * to `kind`, our own fields in a file Actorscope wrote), the `field` it gives.
 */

export type Bag = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
/** A null-prototype object: keys such as `__proto__` stay data. */
export const bag = (): Bag => Object.create(null) as Bag;

/** Our fields, which a value the reader tagged gives directly. `nulls`: the attributes our file says are null. */
export type Field = 'name' | 'kind' | 'aliases' | 'country' | 'notes' | 'type' | 'claims' | 'nulls';

/** One value of a record, located. Graph files type it already (value-typing.ts); JSON files give it as parsed. */
export interface FileValue {
  name: string;
  value: unknown;
  at: string;
  field?: Field;
}

/**
 * Where an actor's name may come from, in order of preference: a value (by
 * name: as the family matches names unless `exact`; text values only unless
 * `numbers`; trimmed unless `asWritten` or the file is ours), or a text the
 * reader found (a CSV name cell, a GEXF label, a yEd label, `<desc>`). A text
 * that is not used as the name is kept as the attribute `keepAs`, if given.
 */
export type NameSource = { value: string; exact?: boolean; asWritten?: boolean; numbers?: boolean } | { text: string | null; keepAs?: string };

export interface ActorRecord {
  id: string;
  at: string;
  names: NameSource[];
  values: FileValue[];
}

export interface RelationRecord {
  /** null: the file gives none (restore() generates one). */
  id: string | null;
  source: string;
  target: string;
  at: string;
  directed: boolean;
  /** What the format says natively beside its attributes: GEXF 1.3 edge `kind`, GEXF edge `label`, yEd edge label. */
  nativeKind?: string | null;
  nativeLabel?: string | null;
  values: FileValue[];
  /** Claims the reader made from the file's own terms (a dynamic GEXF edge's spells: xml/gexf-edge-claims.ts); other tools' files only. */
  claims?: Bag[];
}
