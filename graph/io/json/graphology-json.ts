/**
 * graphology's JSON serialisation (`graph.export()` / `Graph.from()`):
 * `{attributes, options: {type, multi, allowSelfLoops}, nodes: [{key, attributes}],
 * edges: [{key?, source, target, attributes, undirected?}]}` — and Gephi Lite's
 * project file, whose graph sits at `graphDataset.fullGraph` with the node and
 * edge attributes beside it in `graphDataset.nodeData` / `edgeData` and the
 * positions in `graphDataset.layout` (merged back here; its filters and
 * appearance are not read, and the report says so).
 *
 * The mapping from attribute bags (shared with cytoscape-json.ts, which
 * imports it from here):
 *  - node: `label` (graphology, sigma, Gephi Lite) or `name` → name; `kind` → kind;
 *    every other key → an attribute. No name → the key is shown.
 *  - edge: the first of `type`, `relation`, `relationship`, `kind`, `interaction`,
 *    `label` → relation type (relation-type.ts); `directed`/`undirected`/`mutual`
 *    there says how to draw the edge, not what it means, so it stays an
 *    attribute. Unknown types → `other` + `originalType`.
 *  - nested objects and lists → JSON text, with a warning; numbers that
 *    overflow (`1e999`) → an error.
 *
 * Files Actorscope wrote carry `attributes.actorscope = {version, meta}` at the
 * graph level (cytoscape: `data.actorscope`). Their bags hold our own fields —
 * `kind`, `aliases`, `country`, `notes`, `type`, `claims` — which restore()
 * checks strictly, and user attributes whose name collides with one of ours
 * (or starts with `attr:`) are written `attr:NAME`, so everything round-trips.
 * Other tools see plain attributes (`label`, `kind`, `type`, `weight`, …).
 */
import type { Actor, Dataset, Relation } from '../../model/types';
import { ProblemList, describeValue } from '../../schema/problems';
import { finishImport, readOneJsonFile, titleFromName, type RawDataset, type SourceMap } from './actorscope-json';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import { UnknownTypeTally, mapActorKind } from '../common/relation-type';

export type Bag = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
/** A null-prototype object: keys such as `__proto__` stay data. */
export const bag = (): Bag => Object.create(null) as Bag;

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
  problems: ProblemList;
  /** Written by Actorscope: our fields are read as such, `attr:` names unescaped. */
  own: boolean;
  tally: UnknownTypeTally;
  /** Edges of other tools' files that had no type at all. */
  untyped: number;
}

export function newBagContext(problems: ProblemList, own: boolean): BagContext {
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
function attributeValue(value: unknown, path: string, problems: ProblemList): string | number | boolean | null | undefined {
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

const DIRECTION_WORDS = new Set(['directed', 'undirected', 'mutual']);
/** Gephi's edge `Type` column: how to draw an edge, not a relation type. */
export const isDirectionWord = (value: string): boolean => DIRECTION_WORDS.has(value.trim().toLowerCase());

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

// ---------------------------------------------------------------- the format

type Located<T> = { value: T; path: string };

/** An already-parsed graphology serialisation (or Gephi Lite project) → restored dataset. */
export function readGraphologyValue(value: unknown, fileName: string): FormatImportResult {
  const problems = new ProblemList();
  const fail = () => ({ ok: false as const, format: 'graphology-json' as const, problems: problems.items });
  if (!isPlainObject(value)) {
    problems.error('', `expected graphology JSON (an object with nodes and edges), found ${describeValue(value)}${Array.isArray(value) ? ': a list of elements is Cytoscape.js JSON' : ''}`);
    return fail();
  }
  let graph: Bag = value;
  let base = '';
  let gephiLite: { nodeData: Bag | null; edgeData: Bag | null; layout: Bag | null; title: string | null } | null = null;
  if (value.type === 'gephi-lite') {
    const dataset = value.graphDataset;
    if (!isPlainObject(dataset) || !isPlainObject(dataset.fullGraph)) {
      problems.error(isPlainObject(dataset) ? 'graphDataset.fullGraph' : 'graphDataset', `missing: a Gephi Lite project keeps its graph in graphDataset.fullGraph`);
      return fail();
    }
    graph = dataset.fullGraph;
    base = 'graphDataset.fullGraph';
    const keyed = (k: string) => (isPlainObject(dataset[k]) ? (dataset[k] as Bag) : null);
    const metadata = keyed('metadata');
    gephiLite = {
      nodeData: keyed('nodeData'),
      edgeData: keyed('edgeData'),
      layout: keyed('layout'),
      title: metadata && typeof metadata.title === 'string' && metadata.title.trim() !== '' ? metadata.title : null,
    };
    problems.warn(
      'graphDataset',
      `Gephi Lite project (version ${describeValue(value.version)}): the graph is read from graphDataset.fullGraph, with nodeData, edgeData and layout merged in; its filters and appearance are not imported`,
    );
  }
  const at = (p: string) => (base ? `${base}.${p}` : p);
  if (graph.edges === undefined && Array.isArray(graph.links)) {
    problems.error(at('links'), 'this is node-link JSON ({nodes, links}, D3 or networkx), not graphology JSON ({nodes, edges}): read it as node-link JSON (the node-link format; a .json file is told apart by its shape)');
    return fail();
  }
  if (!Array.isArray(graph.nodes)) {
    problems.error(at('nodes'), `${graph.nodes === undefined ? 'missing' : `expected a list, found ${describeValue(graph.nodes)}`}: graphology JSON lists its nodes as [{key, attributes}]`);
    return fail();
  }
  if (graph.edges !== undefined && !Array.isArray(graph.edges)) {
    problems.error(at('edges'), `expected a list, found ${describeValue(graph.edges)}`);
    return fail();
  }
  const nodes = graph.nodes as unknown[];
  const edges = (graph.edges ?? []) as unknown[];
  if (nodes.length === 0) {
    problems.error(at('nodes'), 'empty: the file holds no graph');
    return fail();
  }
  const marker = isPlainObject(graph.attributes) && isPlainObject(graph.attributes.actorscope) ? graph.attributes.actorscope : null;
  const own = marker !== null && gephiLite === null;
  const ctx = newBagContext(problems, own);
  const options = isPlainObject(graph.options) ? graph.options : {};

  // Nodes.
  const actors: Bag[] = [];
  const actorPaths: string[] = [];
  const nodeIndex = new Map<string, number>();
  nodes.forEach((node, i) => {
    const path = at(`nodes[${i}]`);
    if (!isPlainObject(node)) {
      problems.error(path, `expected a node {key, attributes}, found ${describeValue(node)}`);
      return;
    }
    const key = idText(node.key);
    if (key === null) {
      problems.error(`${path}.key`, `${describeValue(node.key)} is not a node key (text or a number)`);
      return;
    }
    const first = nodeIndex.get(key);
    if (first !== undefined) {
      problems.error(`${path}.key`, `${describeValue(key)} is used already by ${at(`nodes[${first}]`)}`);
      return;
    }
    nodeIndex.set(key, i);
    if (node.attributes !== undefined && !isPlainObject(node.attributes)) {
      problems.error(`${path}.attributes`, `expected an object, found ${describeValue(node.attributes)}`);
      return;
    }
    const merged = mergeBags([
      { value: (node.attributes as Bag | undefined) ?? null, path: `${path}.attributes` },
      { value: keyedEntry(gephiLite?.nodeData ?? null, key), path: keyPath('graphDataset.nodeData', key) },
      { value: keyedEntry(gephiLite?.layout ?? null, key), path: keyPath('graphDataset.layout', key) },
    ]);
    actors.push(readActorBag(key, merged.value, merged.path, ['label', 'name'], new Set(), ctx));
    actorPaths.push(path);
  });

  // Edges.
  const relations: Bag[] = [];
  const relationPaths: string[] = [];
  const edgeKeys = new Map<string, number>();
  let undirected = 0;
  edges.forEach((edge, i) => {
    const path = at(`edges[${i}]`);
    if (!isPlainObject(edge)) {
      problems.error(path, `expected an edge {source, target, attributes}, found ${describeValue(edge)}`);
      return;
    }
    let bad = false;
    const ends: string[] = [];
    for (const end of ['source', 'target'] as const) {
      const id = idText(edge[end]);
      if (id === null) {
        problems.error(`${path}.${end}`, `${describeValue(edge[end])} is not a node key`);
        bad = true;
      } else if (!nodeIndex.has(id)) {
        problems.error(`${path}.${end}`, `${describeValue(id)} is not the key of any node`);
        bad = true;
      }
      ends.push(id ?? '');
    }
    let key: string | null = null;
    if (edge.key !== undefined && edge.key !== null) {
      key = idText(edge.key);
      if (key === null) {
        problems.error(`${path}.key`, `${describeValue(edge.key)} is not an edge key (text or a number)`);
        bad = true;
      } else if (edgeKeys.has(key)) {
        problems.error(`${path}.key`, `${describeValue(key)} is used already by ${at(`edges[${edgeKeys.get(key)}]`)}`);
        bad = true;
      } else edgeKeys.set(key, i);
    }
    if (edge.attributes !== undefined && !isPlainObject(edge.attributes)) {
      problems.error(`${path}.attributes`, `expected an object, found ${describeValue(edge.attributes)}`);
      bad = true;
    }
    if (bad) return;
    if (edge.undirected === true) undirected++;
    const merged = mergeBags([
      { value: (edge.attributes as Bag | undefined) ?? null, path: `${path}.attributes` },
      { value: key === null ? null : keyedEntry(gephiLite?.edgeData ?? null, key), path: keyPath('graphDataset.edgeData', key ?? '') },
    ]);
    const relation = readRelationBag(merged.value, merged.path, new Set(), ctx);
    const raw: Bag = {};
    if (key !== null) raw.id = key;
    raw.source = ends[0];
    raw.target = ends[1];
    relations.push(Object.assign(raw, relation));
    relationPaths.push(path);
  });

  if (!own) {
    warnUntyped(ctx, at('edges'), relations.length);
    ctx.tally.finish(at('edges'), 'edges');
    if (options.type === 'undirected' || undirected > 0) {
      problems.warn(
        options.type === 'undirected' ? at('options.type') : at('edges'),
        `${options.type === 'undirected' ? 'an undirected graph' : `${undirected} undirected edges`}: each edge becomes a relation from its source to its target; only "partner" relations are mutual`,
      );
    }
  }

  const meta = own
    ? (marker as Bag).meta
    : { title: gephiLite?.title ?? graphTitle(graph.attributes) ?? titleFromName(fileName) };
  const raw: RawDataset = { version: own ? (marker as Bag).version : undefined, meta, actors, relations };
  const attributesPath = (recordPath: string) => `${recordPath}.attributes`;
  const map: SourceMap = {
    actor: (i, field) => bagFieldPath(actorPaths[i]!, attributesPath(actorPaths[i]!), field, { id: `${actorPaths[i]}.key`, name: `${actorPaths[i]}.attributes.label` }),
    relation: (i, field) => {
      const p = relationPaths[i]!;
      return bagFieldPath(p, attributesPath(p), field, { id: `${p}.key`, source: `${p}.source`, target: `${p}.target` });
    },
    other: (path) => (path.startsWith('meta') || path === 'version' ? `attributes.actorscope.${path}` : path),
  };
  return finishImport({ format: 'graphology-json', raw, problems, map, own, actorsRead: nodes.length, relationsRead: edges.length });
}

function keyedEntry(keyed: Bag | null, key: string): Bag | null {
  if (keyed === null || !hasOwn(keyed, key)) return null;
  const entry = keyed[key];
  return isPlainObject(entry) ? entry : null;
}

/** Bags merged in order (later keys win); the path is that of the last bag that gave anything. */
function mergeBags(parts: Array<Located<Bag | null>>): Located<Bag> {
  const out = bag();
  let path = parts[0]!.path;
  for (const part of parts) {
    if (part.value === null) continue;
    const entries = Object.entries(part.value);
    if (entries.length > 0 && part !== parts[0]) path = part.path;
    for (const [k, v] of entries) out[k] = v;
  }
  return { value: out, path };
}

function graphTitle(attributes: unknown): string | null {
  if (!isPlainObject(attributes)) return null;
  for (const key of ['title', 'name', 'label']) {
    const v = attributes[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

/** The serialisation `Graph.from()` accepts: a mixed multigraph with self-loops; partner relations undirected. */
export function writeGraphology(dataset: Dataset): Bag {
  return {
    attributes: { actorscope: ownMarker(dataset) },
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    nodes: dataset.actors.map((a) => ({ key: a.id, attributes: actorBag(a, 'label') })),
    edges: dataset.relations.map((r) => {
      const edge: Bag = { key: r.id, source: r.source, target: r.target, attributes: relationBag(r) };
      if (r.type === 'partner') edge.undirected = true;
      return edge;
    }),
  };
}

export const graphologyJsonFormat: FileFormat = {
  id: 'graphology-json',
  label: 'graphology JSON (also Gephi Lite projects)',
  extensions: ['json'],
  sniff(text) {
    const head = text.slice(0, 65536);
    return /"type"\s*:\s*"gephi-lite"/.test(head) || (/"nodes"\s*:\s*\[/.test(head) && /"key"\s*:/.test(head));
  },
  read: (files) => readOneJsonFile(files, 'graphology-json', 'graphology JSON', readGraphologyValue),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.graphology.json`, text: `${JSON.stringify(writeGraphology(dataset), null, 2)}\n`, mime: 'application/json' }];
  },
};
