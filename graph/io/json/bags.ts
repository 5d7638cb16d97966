/**
 * Attribute bags, the JSON formats' records (graphology's `attributes`,
 * Cytoscape.js's `data`, node-link's nodes and links), both ways.
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
import { bag, hasOwn, type Bag } from '../common/records';
import { UnknownTypeTally, isDirectionWord, mapActorKind } from '../common/relation-type';

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
]);
const ESCAPE = 'attr:';
export const escapeAttributeKey = (key: string): string => (RESERVED.has(key) || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key);
export const unescapeAttributeKey = (key: string): string => (key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key);

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
export const ownMarker = (dataset: Dataset) => ({ version: dataset.version, meta: JSON.parse(JSON.stringify(dataset.meta)) as unknown });

// ---------------------------------------------------------------- reading

export interface BagContext {
  problems: ProblemLog;
  /** Written by Actorscope: our fields are read as such, `attr:` names unescaped. */
  own: boolean;
  tally: UnknownTypeTally;
  /** Edges of other tools' files that had no type at all. */
  untyped: number;
}

export function newBagContext(problems: ProblemLog, own: boolean): BagContext {
  return { problems, own, tally: new UnknownTypeTally(problems), untyped: 0 };
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

/** A value from another tool's bag → an attribute value; nested values become JSON text (warned). */
function attributeValue(value: unknown, path: string, problems: ProblemLog): string | number | boolean | null | undefined {
  const a = jsonAttribute(value);
  if ('tooLarge' in a) {
    problems.error(path, `${value} ${TOO_LARGE}`);
    return undefined;
  }
  if (a.nested) problems.warn(path, `${Array.isArray(value) ? 'a list' : 'an object'}; kept as JSON text`);
  return a.value;
}

/** Text or a finite number, as text: an id, a name, a type. */
export function idText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * An attribute bag → a raw actor for restore(). `where` is the bag's path,
 * `nameKeys` the keys that may hold the name, in order; `skip` keys are the
 * caller's (the id).
 */
export function readActorBag(id: string, source: Bag, where: string, nameKeys: readonly string[], skip: ReadonlySet<string>, ctx: BagContext): Bag {
  const actor: Bag = { id };
  const attributes = bag();
  if (ctx.own) {
    const ours = new Set([nameKeys[0]!, 'kind', 'aliases', 'country', 'notes']);
    for (const [k, v] of Object.entries(source)) {
      if (skip.has(k)) continue;
      if (ours.has(k)) actor[k === nameKeys[0] ? 'name' : k] = v;
      else attributes[unescapeAttributeKey(k)] = v;
    }
  } else {
    const nameKey = nameKeys.find((k) => hasOwn(source, k) && typeof source[k] !== 'object' && idText(source[k]) !== null && String(source[k]).trim() !== '');
    actor.name = nameKey === undefined ? id : String(source[nameKey]);
    const kind = hasOwn(source, 'kind') && typeof source.kind === 'string' && source.kind.trim() !== '' ? mapActorKind(source.kind) : null;
    actor.kind = kind ?? 'organization';
    for (const [k, v] of Object.entries(source)) {
      if (skip.has(k) || k === nameKey || (k === 'kind' && kind !== null)) continue;
      const value = attributeValue(v, keyPath(where, k), ctx.problems);
      if (value !== undefined) attributes[k] = value;
    }
  }
  if (Object.keys(attributes).length > 0) actor.attributes = attributes;
  return actor;
}

const TYPE_KEYS = ['type', 'relation', 'relationship', 'kind', 'interaction', 'label'];

/** An attribute bag → the type, claims, notes and attributes of a raw relation (the caller adds id, source, target). */
export function readRelationBag(source: Bag, where: string, skip: ReadonlySet<string>, ctx: BagContext): Bag {
  const relation: Bag = {};
  const attributes = bag();
  if (ctx.own) {
    for (const [k, v] of Object.entries(source)) {
      if (skip.has(k)) continue;
      if (k === 'type' || k === 'claims' || k === 'notes') relation[k] = v;
      else attributes[unescapeAttributeKey(k)] = v;
    }
    if (!hasOwn(source, 'claims')) relation.claims = [];
  } else {
    const typeKey = TYPE_KEYS.find((k) => {
      if (!hasOwn(source, k)) return false;
      const text = idText(source[k]);
      return text !== null && text.trim() !== '' && !isDirectionWord(text);
    });
    let originalType: string | null = null;
    if (typeKey === undefined) {
      relation.type = 'other';
      ctx.untyped++;
    } else {
      const mapped = ctx.tally.map(idText(source[typeKey])!, keyPath(where, typeKey));
      relation.type = mapped.type;
      if (!mapped.known) originalType = mapped.originalType;
    }
    relation.claims = [];
    for (const [k, v] of Object.entries(source)) {
      if (skip.has(k) || k === typeKey) continue;
      const value = attributeValue(v, keyPath(where, k), ctx.problems);
      if (value !== undefined) attributes[k] = value;
    }
    if (originalType !== null) {
      if (hasOwn(attributes, 'originalType')) {
        let n = 2;
        while (hasOwn(attributes, `originalType_${n}`)) n++;
        attributes[`originalType_${n}`] = attributes.originalType;
        ctx.problems.warn(keyPath(where, 'originalType'), `renamed originalType_${n}: originalType holds the unknown relation type`);
      }
      attributes.originalType = originalType;
    }
  }
  if (Object.keys(attributes).length > 0) relation.attributes = attributes;
  return relation;
}

/** The one warning for edges without a type (other tools' files). */
export function warnUntyped(ctx: BagContext, where: string, total: number): void {
  if (ctx.untyped === 0) return;
  const all = ctx.untyped === total;
  ctx.problems.warn(
    where,
    `${all ? (total === 1 ? 'the edge has' : `all ${total} edges have`) : `${ctx.untyped} of ${total} edges have`} no type (type, relation, kind, interaction or label): typed "other"`,
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
