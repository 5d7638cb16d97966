/**
 * How the attributes of graph files (GEXF, GraphML) map to our model, both
 * ways; shared by graph/io/gexf.ts and graph/io/graphml.ts. The reading half
 * (buildImport) also maps other tools' node-link JSON (node-link-json.ts).
 *
 * Reading. A format reader turns its file into `FileNode`s and `FileEdge`s
 * whose values are already typed (`typeValue`), then `buildImport` makes the
 * dataset, runs it through restore() and reports. Two modes, per element class:
 *
 * - Files from other tools ("foreign"): the node label → actor name (else the
 *   id); a node attribute named kind / type / category → kind; aliases,
 *   country, notes; every other attribute → `actor.attributes`. An edge
 *   attribute named type / relation / kind / label → relation type, normalised
 *   (lower case, spaces and underscores → hyphens) and matched against our five
 *   names only; anything else → `other`, with `attributes.originalType`.
 *   An undirected edge is kept as written (source → target) with
 *   `attributes.undirected = true` unless it is a partnership.
 * - Files Actorscope wrote ("own", recognised by attributes declared with the
 *   `actorscope:` prefix): what GEXF/GraphML cannot say natively is stored in
 *   declared attributes — `actorscope:kind`, `actorscope:aliases` (JSON),
 *   `actorscope:country`, `actorscope:notes`, `actorscope:type`,
 *   `actorscope:claims` (JSON), `actorscope:nulls` (JSON list of attributes
 *   whose value is null) — and a user attribute whose name the format reserves
 *   (`label` in GraphML, anything starting `actorscope:`) is written as
 *   `actorscope:attr:<name>`. So `read(write(d))` gives `d` back exactly.
 *
 * Values: declared types are honoured (integer/long/float/double/boolean/
 * string; GEXF liststring and other types stay text as written). Booleans are
 * trimmed and case-insensitive (`"  true  "`, `fAlSe`, `1`, `0`). Our
 * attributes hold finite numbers only, so `INF`/`-INF` keep their text, with a
 * warning; any value that cannot be typed keeps its text, with a located
 * warning. Never NaN.
 */
import { normaliseTypeName } from './relation-type';
import { ACTOR_KINDS, RELATION_TYPES, type Actor, type AttributeValue, type Attributes, type Relation, type RelationType } from '../../model/types';
import { describeValue, type Problem } from '../../schema/problems';
import { restore } from '../../schema/restore';
import type { FormatId, FormatImportResult } from '../format';

// ------------------------------------------------------------ names we own

export const OWN_PREFIX = 'actorscope:';
export const OWN = {
  kind: 'actorscope:kind',
  aliases: 'actorscope:aliases',
  country: 'actorscope:country',
  notes: 'actorscope:notes',
  type: 'actorscope:type',
  claims: 'actorscope:claims',
  nulls: 'actorscope:nulls',
  meta: 'actorscope:meta',
  /** Prefix for a user attribute whose own name is reserved in the file. */
  attr: 'actorscope:attr:',
} as const;

// ------------------------------------------------------------ value typing

/** What a declared file type means to us. */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean';

const INTEGER_TYPES = new Set(['int', 'integer', 'long', 'short', 'byte', 'biginteger']);
const NUMBER_TYPES = new Set(['float', 'double', 'bigdecimal']);

/** GEXF and GraphML type names → ours; unknown types (liststring, anyURI, date, vector_float …) are text. */
export function valueTypeOf(declared: string | null | undefined): ValueType {
  const t = (declared ?? 'string').trim().toLowerCase();
  if (INTEGER_TYPES.has(t)) return 'integer';
  if (NUMBER_TYPES.has(t)) return 'number';
  if (t === 'boolean') return 'boolean';
  return 'string';
}

export type TypedValue = { ok: true; value: AttributeValue } | { ok: false; infinite: boolean };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?(?:INF|inf|Infinity|infinity)$/;

/** A numeric text → finite number, or null. Leading and trailing whitespace is allowed (igraph writes `"  2.0"`). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function typeValue(text: string, type: ValueType): TypedValue {
  if (type === 'string') return { ok: true, value: text };
  const t = text.trim();
  if (type === 'boolean') {
    const lower = t.toLowerCase();
    if (lower === 'true' || lower === '1') return { ok: true, value: true };
    if (lower === 'false' || lower === '0') return { ok: true, value: false };
    return { ok: false, infinite: false };
  }
  if (INFINITE.test(t)) return { ok: false, infinite: true };
  if (!DECIMAL.test(t)) return { ok: false, infinite: false };
  const n = Number(t);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, infinite: true };
}

const TYPE_WORDS: Record<ValueType, [string, string]> = {
  string: ['text', 'text'],
  integer: ['an integer', 'integers'],
  number: ['a number', 'numbers'],
  boolean: ['true or false', 'true or false'],
};

/**
 * Types a value and, when it cannot be typed, keeps its text and records one
 * warning per attribute (located at the first such value, with a count).
 */
export function typeOrKeep(
  log: ImportLog,
  text: string,
  type: ValueType,
  declared: string,
  where: { at: string; owner: 'node' | 'edge'; name: string },
): AttributeValue {
  const typed = typeValue(text, type);
  if (typed.ok) return typed.value;
  const label = `${where.owner} attribute ${JSON.stringify(where.name)} (${declared})`;
  if (typed.infinite) {
    log.tally(`infinite:${where.owner}:${where.name}`, where.at, (n, firstText) =>
      `${label}: ${firstText} is infinite; attributes hold finite numbers, so the text is kept${n > 1 ? ` (${n} values)` : ''}`, describeValue(text));
  } else {
    log.tally(`untyped:${where.owner}:${where.name}`, where.at, (n, firstText) =>
      `${label}: ${n === 1 ? `${firstText} is not ${TYPE_WORDS[type][0]}` : `${n} values (the first ${firstText}) are not ${TYPE_WORDS[type][1]}`}; kept as text`, describeValue(text));
  }
  return text;
}

// ------------------------------------------------------------ problems

interface Tally {
  at: string;
  count: number;
  first: string;
  message: (count: number, first: string) => string;
}

/**
 * Problems of one import. Repeated warnings are tallied: one problem, located
 * at the first occurrence, with the count. Errors repeated on many elements
 * (edges to missing nodes) are listed up to a cap, then summed up.
 */
export class ImportLog {
  private readonly errorList: Problem[] = [];
  private readonly cappedErrors = new Map<string, { count: number; at: string; summary: (more: number) => string }>();
  private readonly warningTallies = new Map<string, Tally>();
  private readonly cappedWarnings = new Map<string, number>();
  private unique = 0;
  static readonly CAP = 20;

  error(at: string, message: string): void {
    this.errorList.push({ severity: 'error', path: at, message });
  }

  /** An error listed at most CAP times; the rest are counted in one more error. */
  errorCapped(key: string, at: string, message: string, summary: (more: number) => string): void {
    const entry = this.cappedErrors.get(key) ?? { count: 0, at, summary };
    entry.count++;
    this.cappedErrors.set(key, entry);
    if (entry.count <= ImportLog.CAP) this.error(at, message);
    else if (entry.count === ImportLog.CAP + 1) entry.at = at;
  }

  warn(at: string, message: string): void {
    this.warningTallies.set(`#${this.unique++}`, { at, count: 1, first: '', message: () => message });
  }

  /** A warning listed at most CAP times, then one more that counts the rest. */
  warnCapped(key: string, at: string, message: string, summary: (more: number) => string): void {
    const n = (this.cappedWarnings.get(key) ?? 0) + 1;
    this.cappedWarnings.set(key, n);
    if (n <= ImportLog.CAP) this.warn(at, message);
    else this.tally(`${key}#more`, at, (more) => summary(more));
  }

  /** One warning for many occurrences: located at the first, worded with the count. */
  tally(key: string, at: string, message: (count: number, first: string) => string, first = ''): void {
    const t = this.warningTallies.get(key);
    if (t) t.count++;
    else this.warningTallies.set(key, { at, count: 1, first, message });
  }

  get hasErrors(): boolean {
    return this.errorList.length > 0;
  }

  get errors(): Problem[] {
    const out = [...this.errorList];
    for (const c of this.cappedErrors.values()) {
      if (c.count > ImportLog.CAP) out.push({ severity: 'error', path: c.at, message: c.summary(c.count - ImportLog.CAP) });
    }
    return out;
  }

  get warnings(): Problem[] {
    return [...this.warningTallies.values()].map((t) => ({ severity: 'warning' as const, path: t.at, message: t.message(t.count, t.first) }));
  }
}

// ------------------------------------------------------------ reading

/** A typed attribute value from a file, located. */
export interface FileValue {
  name: string;
  value: AttributeValue;
  at: string;
}

/**
 * Where a node's name may come from, in order of preference: a value (by
 * name: case-insensitive unless `exact`; text values only), or a text the
 * format found natively (GEXF label, yEd label, `<desc>`). A text that is not
 * used as the name is kept as the attribute `keepAs`, if given.
 */
export type NameSource = { value: string; exact?: boolean } | { text: string | null; keepAs?: string };

export interface FileNode {
  id: string;
  at: string;
  names: NameSource[];
  values: FileValue[];
}

export interface FileEdge {
  /** null: the file gives none (a relation id is generated). */
  id: string | null;
  source: string;
  target: string;
  at: string;
  directed: boolean;
  /** GEXF 1.3 edge `kind`. */
  nativeKind?: string | null;
  /** GEXF edge `label`, yEd edge label. */
  nativeLabel?: string | null;
  values: FileValue[];
}

export interface FileGraph {
  format: Extract<FormatId, 'gexf' | 'graphml' | 'node-link'>;
  /** File name, for the title when the file has none. */
  fileName: string;
  title: string | null;
  description: string | null;
  /** The `actorscope:meta` JSON text, if Actorscope wrote the file. */
  ownMeta: { text: string; at: string } | null;
  /** Node (edge) attributes declared with the `actorscope:` prefix: read as our own. */
  ownNodes: boolean;
  ownEdges: boolean;
  nodes: FileNode[];
  edges: FileEdge[];
}

const FORMAT_LABEL = { gexf: 'GEXF', graphml: 'GraphML', 'node-link': 'node-link JSON' } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// One normaliser for every format's type names (relation-type.ts).
export { normaliseTypeName };

/** Takes out the first value whose name is one of `names` (lower case), in the order of `names`. */
function takeValue(values: FileValue[], names: readonly string[], exact = false): FileValue | undefined {
  for (const wanted of names) {
    const i = values.findIndex((v) => (exact ? v.name === wanted : v.name.trim().toLowerCase() === wanted));
    if (i >= 0) return values.splice(i, 1)[0];
  }
  return undefined;
}

function textOfValue(v: AttributeValue): string {
  return v === null ? '' : String(v);
}

function parseJsonField(log: ImportLog, v: FileValue, expect: 'list' | 'object', what: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOfValue(v.value));
  } catch (err) {
    log.error(v.at, `${v.name} (${what}) is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (expect === 'list' ? !Array.isArray(parsed) : !isObject(parsed)) {
    log.error(v.at, `${v.name} (${what}) must hold a JSON ${expect === 'list' ? 'list' : 'object'}, found ${describeValue(parsed)}`);
    return undefined;
  }
  return parsed;
}

function newAttributes(): Attributes {
  // A null-prototype object, so that an attribute named __proto__ stays data.
  return Object.create(null) as Attributes;
}

/** Puts the remaining values into attributes; a second value of the same name is dropped with a warning. */
function fillAttributes(log: ImportLog, attributes: Attributes, values: FileValue[], owner: 'node' | 'edge', own: boolean): void {
  for (const v of values) {
    let name = v.name;
    if (own && name.startsWith(OWN.attr)) name = name.slice(OWN.attr.length);
    if (Object.prototype.hasOwnProperty.call(attributes, name)) {
      log.tally(`twice:${owner}:${name}`, v.at, (n) =>
        `${owner} attribute ${JSON.stringify(name)} is given twice on ${n === 1 ? 'one element' : `${n} elements`}; the first value is kept`);
      continue;
    }
    attributes[name] = v.value;
  }
}

function applyNulls(log: ImportLog, attributes: Attributes, v: FileValue | undefined): void {
  if (!v) return;
  const list = parseJsonField(log, v, 'list', 'names of null attributes');
  if (!Array.isArray(list)) return;
  for (const name of list) if (typeof name === 'string') attributes[name] = null;
}

const KIND_NAMES = ['kind', 'type', 'category'];
const TYPE_NAMES_BEFORE_KIND = ['type', 'relation', 'kind'];

function knownKind(raw: string): string {
  const normalised = normaliseTypeName(raw);
  return (ACTOR_KINDS as readonly string[]).includes(normalised) ? normalised : raw.trim();
}

/** `"[a, b]"`, `"a|b"`, `"a; b"`, a JSON list, or one alias. */
function parseAliases(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed.map((a) => a.trim()).filter((a) => a !== '');
    } catch {
      // not JSON: GEXF liststring "[a, b]"
    }
    return t.slice(1, t.endsWith(']') ? -1 : undefined).split(',').map((a) => a.trim()).filter((a) => a !== '');
  }
  return t.split(/[|;]/).map((a) => a.trim()).filter((a) => a !== '');
}

/**
 * Restore's per-element paths (`relations[4].claims[0].grade`) → the element's
 * line, and the element named by its id (`relation "e5" claims[0].grade: …`).
 */
function locateRestoreProblem(p: Problem, where: { actors: string[]; relations: string[] }, names: { actors: string[]; relations: string[] }): Problem {
  const m = /^(actors|relations)\[(\d+)\]\.?/.exec(p.path);
  if (!m) return p;
  const list = m[1] === 'actors' ? 'actors' : 'relations';
  const at = where[list][Number(m[2])];
  const name = names[list][Number(m[2])];
  if (at === undefined || name === undefined) return p;
  const rest = p.path.slice(m[0].length);
  return { severity: p.severity, path: at, message: `${name}${rest ? ` ${rest}` : ''}: ${p.message}` };
}

/**
 * File nodes and edges → a restored dataset and the report. Errors (an edge to
 * a missing node, a broken `actorscope:` JSON field, anything restore()
 * refuses) refuse the whole file: no partial import.
 */
export function buildImport(file: FileGraph, log: ImportLog): FormatImportResult {
  const formatLabel = FORMAT_LABEL[file.format];

  // ---- actors
  const actors: Actor[] = [];
  const actorsAt: string[] = [];
  const firstAt = new Map<string, string>();
  let withoutKind = 0;
  let withoutKindAt = '';
  for (const node of file.nodes) {
    const seen = firstAt.get(node.id);
    if (seen !== undefined) {
      log.warnCapped('duplicate-node', node.at, `node id ${describeValue(node.id)} is used already at ${seen}; this node is dropped, the first is kept`,
        (more) => `${more} more nodes repeat an id used before; dropped`);
      continue;
    }
    firstAt.set(node.id, node.at);
    const values = node.values.slice();
    const own = file.ownNodes;

    // Name: the first usable source. Foreign labels are trimmed; ours are exact.
    let name: string | null = null;
    const keep: Array<[string, string]> = [];
    for (const source of node.names) {
      if ('value' in source) {
        if (name !== null) continue;
        const i = values.findIndex((v) =>
          typeof v.value === 'string' && (source.exact ? v.name === source.value : v.name.trim().toLowerCase() === source.value));
        if (i < 0) continue;
        const text = values[i]!.value as string;
        if (text.trim() === '') continue;
        name = own ? text : text.trim();
        values.splice(i, 1);
      } else if (source.text !== null && source.text.trim() !== '') {
        if (name === null) name = own ? source.text : source.text.trim();
        else if (source.keepAs) keep.push([source.keepAs, source.text]);
      }
    }

    const actor: Actor = { id: node.id, name: name ?? node.id, kind: 'organization', aliases: [] };
    const attributes = newAttributes();
    if (own) {
      const kind = takeValue(values, [OWN.kind], true);
      if (kind && textOfValue(kind.value) !== '') actor.kind = textOfValue(kind.value);
      else if (withoutKind++ === 0) withoutKindAt = node.at;
      const aliases = takeValue(values, [OWN.aliases], true);
      if (aliases) {
        const list = parseJsonField(log, aliases, 'list', 'aliases');
        if (Array.isArray(list)) {
          if (list.every((a) => typeof a === 'string')) actor.aliases = list as string[];
          else log.error(aliases.at, `${OWN.aliases} must be a JSON list of names`);
        }
      }
      const country = takeValue(values, [OWN.country], true);
      if (country) actor.country = textOfValue(country.value);
      const notes = takeValue(values, [OWN.notes], true);
      if (notes) actor.notes = textOfValue(notes.value);
      applyNulls(log, attributes, takeValue(values, [OWN.nulls], true));
    } else {
      const kind = takeValue(values, KIND_NAMES);
      if (kind && textOfValue(kind.value).trim() !== '') actor.kind = knownKind(textOfValue(kind.value));
      else if (withoutKind++ === 0) withoutKindAt = node.at;
      const aliases = takeValue(values, ['aliases', 'alias']);
      if (aliases) actor.aliases = parseAliases(textOfValue(aliases.value));
      const country = takeValue(values, ['country']);
      if (country) {
        const code = textOfValue(country.value).trim();
        if (/^[A-Za-z]{2}$/.test(code)) actor.country = code.toUpperCase();
        else if (code !== '') {
          attributes.country = country.value;
          log.tally('country', country.at, (n, first) =>
            `${n === 1 ? `country ${first} is not an ISO 3166-1 alpha-2 code` : `${n} country values (the first ${first}) are not ISO 3166-1 alpha-2 codes`}; kept as the attribute "country"`, describeValue(code));
        }
      }
      const notes = takeValue(values, ['notes']);
      if (notes && textOfValue(notes.value) !== '') actor.notes = textOfValue(notes.value);
    }
    fillAttributes(log, attributes, values, 'node', own);
    for (const [key, text] of keep) if (!Object.prototype.hasOwnProperty.call(attributes, key)) attributes[key] = text;
    if (Object.keys(attributes).length > 0) actor.attributes = attributes;
    actors.push(actor);
    actorsAt.push(node.at);
  }
  if (withoutKind > 0 && actors.length > 0) {
    const names = file.ownNodes ? `"${OWN.kind}"` : 'kind, type or category';
    log.warn(withoutKindAt, withoutKind === actors.length
      ? `no node attribute gives the actor kind (${names}): ${actors.length === 1 ? 'the actor is' : `all ${actors.length} actors are`} read as "organization"`
      : `${withoutKind} of ${actors.length} actors ${withoutKind === 1 ? 'has' : 'have'} no kind (${names}): read as "organization"`);
  }

  // ---- relations
  const relations: Array<Omit<Relation, 'id'> & { id?: string }> = [];
  const relationsAt: string[] = [];
  const edgeIds = new Map<string, number>();
  for (const edge of file.edges) if (edge.id !== null) edgeIds.set(edge.id, (edgeIds.get(edge.id) ?? 0) + 1);
  const firstEdgeAt = new Map<string, string>();
  let untyped = 0;
  let untypedAt = '';
  let undirected = 0;
  let undirectedAt = '';
  for (const edge of file.edges) {
    for (const end of ['source', 'target'] as const) {
      if (!firstAt.has(edge[end])) {
        log.errorCapped('missing-node', edge.at, `edge ${edge.id !== null ? `${describeValue(edge.id)} ` : ''}points at the ${end} node ${describeValue(edge[end])}, which the file does not define`,
          (more) => `${more} more edge ends point at nodes the file does not define`);
      }
    }
    const values = edge.values.slice();
    const own = file.ownEdges;
    const relation: Omit<Relation, 'id'> & { id?: string } = { source: edge.source, target: edge.target, type: 'other', claims: [] };
    if (edge.id !== null) {
      if (edgeIds.get(edge.id) === 1) relation.id = edge.id;
      else {
        const first = firstEdgeAt.get(edge.id);
        if (first === undefined) firstEdgeAt.set(edge.id, edge.at);
        log.warnCapped('duplicate-edge', edge.at, `edge id ${describeValue(edge.id)} is used by ${edgeIds.get(edge.id)} edges${first ? ` (first at ${first})` : ''}; this relation gets a generated id`,
          (more) => `${more} more edges share an id; they get generated ids`);
      }
    }
    const attributes = newAttributes();
    let rawType: FileValue | { value: string; at: string } | undefined;
    if (own) {
      rawType = takeValue(values, [OWN.type], true);
      const notes = takeValue(values, [OWN.notes], true);
      if (notes) relation.notes = textOfValue(notes.value);
      const claims = takeValue(values, [OWN.claims], true);
      if (claims) {
        const list = parseJsonField(log, claims, 'list', 'claims');
        if (Array.isArray(list)) relation.claims = list as Relation['claims'];
      }
      applyNulls(log, attributes, takeValue(values, [OWN.nulls], true));
      if (edge.nativeKind) values.push({ name: 'kind', value: edge.nativeKind, at: edge.at });
      if (edge.nativeLabel) values.push({ name: 'label', value: edge.nativeLabel, at: edge.at });
    } else {
      // type > relation > kind (attribute, then GEXF's native kind) > label (attribute, then native).
      let usedKind = false;
      let usedLabel = false;
      rawType = takeValue(values, TYPE_NAMES_BEFORE_KIND);
      if (!rawType && edge.nativeKind) [rawType, usedKind] = [{ value: edge.nativeKind, at: edge.at }, true];
      if (!rawType) rawType = takeValue(values, ['label']);
      if (!rawType && edge.nativeLabel) [rawType, usedLabel] = [{ value: edge.nativeLabel, at: edge.at }, true];
      if (edge.nativeKind && !usedKind && !values.some((v) => v.name === 'kind')) values.push({ name: 'kind', value: edge.nativeKind, at: edge.at });
      if (edge.nativeLabel && !usedLabel && !values.some((v) => v.name === 'label')) values.push({ name: 'label', value: edge.nativeLabel, at: edge.at });
      const notes = takeValue(values, ['notes']);
      if (notes && textOfValue(notes.value) !== '') relation.notes = textOfValue(notes.value);
    }
    let type: RelationType = 'other';
    if (rawType && textOfValue(rawType.value).trim() !== '') {
      const raw = own ? textOfValue(rawType.value) : textOfValue(rawType.value).trim();
      const normalised = own ? raw : normaliseTypeName(raw);
      if ((RELATION_TYPES as readonly string[]).includes(normalised)) type = normalised as RelationType;
      else {
        attributes.originalType = raw;
        log.tally(`type:${raw}`, rawType.at, (n) =>
          `${describeValue(raw)} is not a relation type (${RELATION_TYPES.join(', ')}): ${n === 1 ? 'one relation' : `${n} relations`} kept as "other" with attributes.originalType`);
      }
    } else if (untyped++ === 0) {
      untypedAt = edge.at;
    }
    relation.type = type;
    fillAttributes(log, attributes, values, 'edge', own);
    if (!edge.directed && type !== 'partner' && !Object.prototype.hasOwnProperty.call(attributes, 'undirected')) {
      attributes.undirected = true;
      if (!own) {
        if (undirected === 0) undirectedAt = edge.at;
        undirected++;
      }
    }
    if (Object.keys(attributes).length > 0) relation.attributes = attributes;
    relations.push(relation);
    relationsAt.push(edge.at);
  }
  if (untyped > 0) {
    const names = file.ownEdges ? `"${OWN.type}"` : 'type, relation, kind or label';
    log.warn(untypedAt, untyped === relations.length
      ? `no edge attribute gives the relation type (${names}): ${relations.length === 1 ? 'the relation is' : `all ${relations.length} relations are`} read as "other"`
      : `${untyped} of ${relations.length} relations ${untyped === 1 ? 'has' : 'have'} no type (${names}): read as "other"`);
  }
  if (undirected > 0) {
    log.warn(undirectedAt, `${undirected === 1 ? 'one relation is' : `${undirected} relations are`} undirected in the file, which does not say which way ${undirected === 1 ? 'it points' : 'they point'}: kept as written (source → target), marked attributes.undirected = true`);
  }
  // Said of files from other tools (igraph's text weights), not of our own data coming back.
  const textWeights = file.ownEdges ? [] : relations.filter((r) => typeof r.attributes?.weight === 'string' && parseNumber(r.attributes.weight as string) === null);
  if (textWeights.length > 0) {
    const i = relations.indexOf(textWeights[0]!);
    log.warn(relationsAt[i]!, `the edge attribute "weight" holds text (${describeValue(textWeights[0]!.attributes!.weight)}${textWeights.length > 1 ? ` and ${textWeights.length - 1} more` : ''}), not numbers: kept as text; it cannot weight metrics`);
  }

  // ---- meta
  let meta: unknown = { title: file.title?.trim() ? file.title : (file.fileName.replace(/^.*[\\/]/, '') || 'Untitled') };
  if (file.description !== null && file.description.trim() !== '') (meta as Record<string, unknown>).description = file.description;
  if (file.ownMeta) {
    const parsed = parseJsonField(log, { name: OWN.meta, value: file.ownMeta.text, at: file.ownMeta.at }, 'object', 'dataset description');
    if (parsed !== undefined) meta = parsed;
  }

  if (log.hasErrors) return { ok: false, format: file.format, problems: log.errors };

  const restored = restore({ format: 'actorscope', version: 1, meta, actors, relations });
  const where = { actors: actorsAt, relations: relationsAt };
  const names = {
    actors: actors.map((a) => `actor ${describeValue(a.id)}`),
    relations: relations.map((r, i) => (r.id !== undefined ? `relation ${describeValue(r.id)}` : `the relation from ${describeValue(r.source)} to ${describeValue(r.target)} (edge ${i + 1})`)),
  };
  if (!restored.ok) {
    return { ok: false, format: file.format, problems: restored.problems.map((p) => locateRestoreProblem(p, where, names)) };
  }
  // restore() warns per element; some of its warnings say the same thing for every element of a file from
  // another tool, so they are summed up here instead.
  const restoreWarnings: Problem[] = [];
  let noClaims = 0;
  let noClaimsAt = '';
  const unknownKinds = new Map<string, { at: string; count: number }>();
  for (const w of restored.warnings) {
    const claims = /^relations\[(\d+)\]\.claims$/.exec(w.path);
    if (claims) {
      if (noClaims++ === 0) noClaimsAt = relationsAt[Number(claims[1])] ?? '';
      continue;
    }
    const kind = /^actors\[(\d+)\]\.kind$/.exec(w.path);
    if (kind && w.message.includes('not a known kind')) {
      const i = Number(kind[1]);
      const k = restored.dataset.actors[i]!.kind;
      const entry = unknownKinds.get(k) ?? { at: actorsAt[i] ?? '', count: 0 };
      entry.count++;
      unknownKinds.set(k, entry);
      continue;
    }
    restoreWarnings.push(locateRestoreProblem(w, where, names));
  }
  for (const [k, { at, count }] of unknownKinds) {
    log.warn(at, `${describeValue(k)} is not a known kind (${ACTOR_KINDS.join(', ')}): kept as written on ${count === 1 ? 'one actor' : `${count} actors`}`);
  }
  if (noClaims > 0) {
    log.warn(noClaimsAt, `${noClaims === 1 ? 'one relation has' : `${noClaims} relations have`} no claims (no evidence)${file.ownEdges ? '' : `: ${formatLabel} files from other tools carry none`}`);
  }
  return {
    ok: true,
    dataset: restored.dataset,
    report: {
      format: file.format,
      actorsRead: file.nodes.length,
      relationsRead: file.edges.length,
      warnings: [...log.warnings, ...restoreWarnings],
    },
  };
}

/** The one file a GEXF or GraphML import reads, or the error when given none or several. */
// ------------------------------------------------------------ writing

/** One value to write: its name in the file, its kind and its text. */
export interface OutField {
  name: string;
  kind: 'string' | 'number' | 'boolean';
  text: string;
  /** A number that is a safe integer (for the column type). */
  integer: boolean;
  /** For the writer's error message: which attribute this is. */
  label: string;
}

/** Shortest text that reads back as the same number (`-0` kept). */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

const text = (name: string, value: string, label = name): OutField => ({ name, kind: 'string', text: value, integer: false, label });

function attributeFields(attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  if (!attributes) return [];
  const out: OutField[] = [];
  const nulls: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const name = reserved(key) || key.startsWith(OWN_PREFIX) ? `${OWN.attr}${key}` : key;
    const label = `attribute ${JSON.stringify(key)}`;
    if (value === null) nulls.push(key);
    else if (typeof value === 'string') out.push(text(name, value, label));
    else if (typeof value === 'boolean') out.push({ name, kind: 'boolean', text: String(value), integer: false, label });
    else out.push({ name, kind: 'number', text: formatNumber(value), integer: Number.isSafeInteger(value) && !Object.is(value, -0), label });
  }
  if (nulls.length > 0) out.push(text(OWN.nulls, JSON.stringify(nulls)));
  return out;
}

/**
 * The declared values for one actor: our fields the format cannot hold
 * natively, then its attributes (`attributes` is what is left after the
 * writer took out what it writes natively, such as GEXF viz data).
 */
export function actorFields(actor: Actor, attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  const out: OutField[] = [text(OWN.kind, actor.kind, 'kind')];
  if (actor.aliases.length > 0) out.push(text(OWN.aliases, JSON.stringify(actor.aliases), 'aliases'));
  if (actor.country !== undefined) out.push(text(OWN.country, actor.country, 'country'));
  if (actor.notes !== undefined) out.push(text(OWN.notes, actor.notes, 'notes'));
  return out.concat(attributeFields(attributes, reserved));
}

export function relationFields(relation: Relation, attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  const out: OutField[] = [text(OWN.type, relation.type, 'type')];
  if (relation.notes !== undefined) out.push(text(OWN.notes, relation.notes, 'notes'));
  if (relation.claims.length > 0) out.push(text(OWN.claims, JSON.stringify(relation.claims), 'claims'));
  return out.concat(attributeFields(attributes, reserved));
}

export type ColumnType = 'string' | 'integer' | 'double' | 'boolean';

export interface Column {
  id: string;
  name: string;
  type: ColumnType;
}

/**
 * Declared attributes (GEXF `<attribute>`, GraphML `<key>`) for a set of rows,
 * in order of first use. A name whose values have different kinds (text on one
 * actor, a number on another) gets one column per kind, so each value reads
 * back with its own type. Numbers are `integer` when every value is one.
 */
export function planColumns(rows: OutField[][], idPrefix: string): { columns: Column[]; columnOf: (f: OutField) => Column } {
  const byKey = new Map<string, Column>();
  for (const row of rows) {
    for (const f of row) {
      const key = `${f.kind}\u0000${f.name}`;
      let column = byKey.get(key);
      if (!column) {
        column = { id: `${idPrefix}${byKey.size}`, name: f.name, type: f.kind === 'number' ? 'integer' : f.kind };
        byKey.set(key, column);
      }
      if (f.kind === 'number' && !f.integer) column.type = 'double';
    }
  }
  return { columns: [...byKey.values()], columnOf: (f) => byKey.get(`${f.kind}\u0000${f.name}`)! };
}

/** Whether a class of declared attributes (by their names) comes from Actorscope. */
export function declaresOwn(names: Iterable<string>): boolean {
  for (const n of names) if (n.startsWith(OWN_PREFIX)) return true;
  return false;
}
