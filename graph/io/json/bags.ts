/**
 * Attribute bags, the JSON formats' records (graphology's `attributes`,
 * Cytoscape.js's `data`, node-link's nodes and links), both ways. Reading
 * makes each bag a record for the one records-to-dataset step
 * (common/records-to-dataset.ts), with the bags' dialect below:
 *
 *  - node: `label` (graphology, sigma, Gephi Lite) or `name` → name; `kind` → kind;
 *    every other key → an attribute. No name → the key is shown.
 *  - edge: the first of `type`, `relation`, `relationship`, `kind`, `interaction`,
 *    `label` → relation type (common/relation-type.ts); `directed`/`undirected`/`mutual`
 *    there says how to draw the edge, not what it means, so it stays an
 *    attribute. Unknown types → `other` + `originalType`.
 *  - nested objects and lists → JSON text, with a warning; numbers that
 *    overflow (`1e999`) → an error.
 *
 * Files Actorscope wrote carry `{version, meta}` at the graph level. Their
 * bags hold our own fields — `kind`, `aliases`, `country`, `notes`, `type`,
 * `claims` — which restore() checks strictly, and user attributes whose name
 * collides with one of ours (or starts with `attr:`) are written `attr:NAME`,
 * so everything round-trips. Other tools see plain attributes (`label`,
 * `kind`, `type`, `weight`, …).
 */
import type { Actor, Dataset, Relation } from '../../model/types';
import type { ProblemLog } from '../common/problem-log';
import type { Dialect } from '../common/dialect';
import { DERIVED_NAMES } from '../common/own-names';
import { RecordMapper } from '../common/records-to-dataset';
import { bag, hasOwn, type Bag, type Field, type FileValue } from '../common/records';
import { isDirectionWord } from '../common/relation-type';

/** `nodes[3].attributes` + `weight` → `nodes[3].attributes.weight`; odd keys in brackets. */
export function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

// ---------------------------------------------------------------- writing

/**
 * Names our writers use in bags, and `parent` (Cytoscape's compound parent).
 * A user attribute with one of these names is written `attr:NAME`; so is
 * `__proto__`, which graphology and Cytoscape would drop (their attribute
 * copies use plain objects).
 */
const RESERVED = new Set([
  'id', 'key', 'name', 'label', 'kind', 'aliases', 'country', 'notes', 'type', 'claims',
  'source', 'target', 'parent', 'relationId', 'position', 'x', 'y', 'undirected', '__proto__',
  // The flat evidence values node-link links carry, which its reader drops.
  ...DERIVED_NAMES,
]);
const ESCAPE = 'attr:';
export const escapeAttributeKey = (key: string): string => (RESERVED.has(key) || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key);

/** An actor as an attribute bag: the name under `nameKey`, then kind, aliases, country, notes, attributes. */
export function actorBag(actor: Actor, nameKey: 'name' | 'label'): Bag {
  const out = bag();
  out[nameKey] = actor.name;
  out.kind = actor.kind;
  if (actor.aliases.length > 0) out.aliases = [...actor.aliases];
  if (actor.country !== undefined) out.country = actor.country;
  if (actor.notes !== undefined) out.notes = actor.notes;
  for (const [k, v] of Object.entries(actor.attributes ?? {})) out[escapeAttributeKey(k)] = v;
  return out;
}

/** A relation as an attribute bag: type, claims, notes, attributes (source/target/id are the caller's). */
export function relationBag(relation: Relation): Bag {
  const out = bag();
  out.type = relation.type;
  // A copy: the written object must not share the dataset's claims.
  out.claims = JSON.parse(JSON.stringify(relation.claims)) as unknown;
  if (relation.notes !== undefined) out.notes = relation.notes;
  for (const [k, v] of Object.entries(relation.attributes ?? {})) out[escapeAttributeKey(k)] = v;
  return out;
}

/** The graph-level record that marks a file as ours and carries the dataset's meta. */
/** What our JSON exports keep beside the graph: the format version, the meta and the sources (texts included). */
export const ownMarker = (dataset: Dataset) => ({ version: dataset.version, meta: JSON.parse(JSON.stringify(dataset.meta)) as unknown, sources: JSON.parse(JSON.stringify(dataset.sources)) as unknown });

/** The sources a marker read back holds (a list, or nothing for a file written before sources). */
export const markerSources = (marker: unknown): unknown[] | undefined => {
  const sources = typeof marker === 'object' && marker !== null ? (marker as { sources?: unknown }).sources : undefined;
  return Array.isArray(sources) ? sources : undefined;
};

// ---------------------------------------------------------------- reading

export interface BagContext {
  problems: ProblemLog;
  /** Written by Actorscope: our fields are read as such, `attr:` names unescaped. */
  own: boolean;
  mapper: RecordMapper;
}

/**
 * A JSON value from another tool's file → what an attribute can hold: scalars
 * as they are, lists and objects as JSON text (`nested`: the caller warns),
 * or `tooLarge` for a number JSON.parse made infinite (the caller's error).
 * Shared with node-link-json.ts, which reports the same cases its own way.
 */
export type JsonAttribute = { value: string | number | boolean | null; nested: boolean } | { tooLarge: true };
export const TOO_LARGE = 'is not a finite number (the file writes a number too large to hold)';

export function jsonAttribute(value: unknown): JsonAttribute {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { value, nested: false };
  if (typeof value === 'number') return Number.isFinite(value) ? { value, nested: false } : { tooLarge: true };
  return { value: JSON.stringify(value) ?? String(value), nested: true };
}

/** Text or a finite number, as text: an id, a name, a type. */
export function idText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

const TYPE_KEYS = ['type', 'relation', 'relationship', 'kind', 'interaction', 'label'];

/**
 * The bags' dialect: keys as written; a name, kind or type is taken only when
 * it is usable (else the key stays an attribute); each nested value is
 * warned where it is, each unknown type at its first edge and summed up at the end.
 */
const BAG_DIALECT: Dialect = {
  match: 'exact',
  actor: { kind: { names: ['kind'], usable: (v) => typeof v === 'string' && v.trim() !== '' }, aliases: { names: [] }, country: { names: [] }, notes: { names: [] } },
  relation: {
    type: { names: TYPE_KEYS, usable: (v) => { const text = idText(v); return text !== null && text.trim() !== '' && !isDirectionWord(text); } },
    typeAfterNative: { names: [] },
    notes: { names: [] },
  },
  unknownTypes: 'first-then-count',
  originalType: 'last',
  ownFields: 'as-written',
  ownPrefix: ESCAPE,
  attributeValue({ value, at }, log) {
    const a = jsonAttribute(value);
    if ('tooLarge' in a) {
      log.error(at, `${String(value)} ${TOO_LARGE}`);
      return undefined;
    }
    if (a.nested) log.warn(at, `${Array.isArray(value) ? 'a list' : 'an object'}; kept as JSON text`);
    return a.value;
  },
};

export function newBagContext(problems: ProblemLog, own: boolean): BagContext {
  return { problems, own, mapper: new RecordMapper(BAG_DIALECT, problems, { actors: own, relations: own }) };
}

/** A bag's keys as values, located at `where.key`; in our files, those in `ours` tagged as the field they give. */
function bagValues(source: Bag, where: string, skip: ReadonlySet<string>, ours: ReadonlyMap<string, Field> | null): FileValue[] {
  const out: FileValue[] = [];
  for (const [name, value] of Object.entries(source)) {
    if (skip.has(name)) continue;
    const field = ours?.get(name);
    out.push(field ? { name, value, at: keyPath(where, name), field } : { name, value, at: keyPath(where, name) });
  }
  return out;
}

/**
 * An attribute bag → a raw actor for restore(). `where` is the bag's path,
 * `nameKeys` the keys that may hold the name, in order (our files: the
 * first); `skip` keys are the caller's (the id).
 */
export function readActorBag(id: string, source: Bag, where: string, nameKeys: readonly string[], skip: ReadonlySet<string>, ctx: BagContext): Bag {
  const ours = ctx.own ? new Map<string, Field>([[nameKeys[0]!, 'name'], ['kind', 'kind'], ['aliases', 'aliases'], ['country', 'country'], ['notes', 'notes']]) : null;
  const names = ctx.own ? [] : nameKeys.map((value) => ({ value, exact: true, asWritten: true, numbers: true }));
  return ctx.mapper.actor({ id, at: where, names, values: bagValues(source, where, skip, ours) });
}

const OUR_RELATION_KEYS: ReadonlyMap<string, Field> = new Map([['type', 'type'], ['claims', 'claims'], ['notes', 'notes']]);

/** An attribute bag → a raw relation with the ends and id the caller read. */
export function readRelationBag(ends: { id: string | null; source: string; target: string }, source: Bag, where: string, skip: ReadonlySet<string>, ctx: BagContext): Bag {
  return ctx.mapper.relation({ ...ends, at: where, directed: true, values: bagValues(source, where, skip, ctx.own ? OUR_RELATION_KEYS : null) });
}

/** The one warning for edges without a type (other tools' files). */
export function warnUntyped(ctx: BagContext, where: string, total: number): void {
  const untyped = ctx.mapper.untyped.count;
  if (untyped === 0) return;
  const all = untyped === total;
  ctx.problems.warn(
    where,
    `${all ? (total === 1 ? 'the edge has' : `all ${total} edges have`) : `${untyped} of ${total} edges have`} no type (type, relation, kind, interaction or label): typed "other"`,
  );
}

/** Where restore()'s field of a record lands in a bag-based file. */
export function bagFieldPath(recordPath: string, bagPath: string, field: string, fixed: Readonly<Record<string, string>>): string {
  if (field === '') return recordPath;
  const head = /^[^.[]+/.exec(field)?.[0] ?? field;
  const rest = field.slice(head.length);
  if (head === 'attributes') {
    const key = /^\.(.*)$/.exec(rest)?.[1];
    return key === undefined ? bagPath : keyPath(bagPath, escapeAttributeKey(key));
  }
  if (hasOwn(fixed, head)) return `${fixed[head]}${rest}`;
  return `${bagPath}.${head}${rest}`;
}
