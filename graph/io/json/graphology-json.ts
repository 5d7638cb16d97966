/**
 * graphology's JSON serialisation (`graph.export()` / `Graph.from()`):
 * `{attributes, options: {type, multi, allowSelfLoops}, nodes: [{key, attributes}],
 * edges: [{key?, source, target, attributes, undirected?}]}` — and Gephi Lite's
 * project file, whose graph sits at `graphDataset.fullGraph` with the node and
 * edge attributes beside it in `graphDataset.nodeData` / `edgeData` and the
 * positions in `graphDataset.layout` (merged back here; its filters and
 * appearance are not read, and the report says so).
 *
 * The attributes are bags (bags.ts). Files Actorscope wrote carry
 * `attributes.actorscope = {version, meta}` at the graph level.
 */
import type { Dataset } from '../../model/types';
import { describeValue, type Problem } from '../../schema/problems';
import { titleFromName, type SourceMap } from '../common/finish';
import { recordsToDataset } from '../common/records-to-dataset';
import { ProblemLog } from '../common/problem-log';
import { bag, hasOwn, isPlainObject, type Bag } from '../common/records';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import {
  actorBag,
  bagFieldPath,
  idText,
  keyPath,
  newBagContext,
  markerSources, ownMarker,
  readActorBag,
  readRelationBag,
  relationBag,
  warnUntyped,
  type BagContext,
} from './bags';
import { logParseWarnings, readOneJsonFile } from './json-text';

type Located<T> = { value: T; path: string };

interface GephiLite {
  nodeData: Bag | null;
  edgeData: Bag | null;
  layout: Bag | null;
  title: string | null;
}

/** The graph of the file: the value itself, or a Gephi Lite project's fullGraph; its nodes and edges checked to be lists. */
interface FoundGraph {
  graph: Bag;
  /** `p` → its path in the file (under `graphDataset.fullGraph` in a Gephi Lite project). */
  at: (p: string) => string;
  gephiLite: GephiLite | null;
  nodes: unknown[];
  edges: unknown[];
}

function findGraph(value: unknown, log: ProblemLog): FoundGraph | null {
  if (!isPlainObject(value)) {
    log.error('', `expected graphology JSON (an object with nodes and edges), found ${describeValue(value)}${Array.isArray(value) ? ': a list of elements is Cytoscape.js JSON' : ''}`);
    return null;
  }
  let graph: Bag = value;
  let base = '';
  let gephiLite: GephiLite | null = null;
  if (value.type === 'gephi-lite') {
    const dataset = value.graphDataset;
    if (!isPlainObject(dataset) || !isPlainObject(dataset.fullGraph)) {
      log.error(isPlainObject(dataset) ? 'graphDataset.fullGraph' : 'graphDataset', `missing: a Gephi Lite project keeps its graph in graphDataset.fullGraph`);
      return null;
    }
    graph = dataset.fullGraph;
    base = 'graphDataset.fullGraph';
    gephiLite = gephiLiteParts(dataset);
    log.warn(
      'graphDataset',
      `Gephi Lite project (version ${describeValue(value.version)}): the graph is read from graphDataset.fullGraph, with nodeData, edgeData and layout merged in; its filters and appearance are not imported`,
    );
  }
  const at = (p: string) => (base ? `${base}.${p}` : p);
  if (graph.edges === undefined && Array.isArray(graph.links)) {
    log.error(at('links'), 'this is node-link JSON ({nodes, links}, D3 or networkx), not graphology JSON ({nodes, edges}): read it as node-link JSON (the node-link format; a .json file is told apart by its shape)');
    return null;
  }
  if (!Array.isArray(graph.nodes)) {
    log.error(at('nodes'), `${graph.nodes === undefined ? 'missing' : `expected a list, found ${describeValue(graph.nodes)}`}: graphology JSON lists its nodes as [{key, attributes}]`);
    return null;
  }
  if (graph.edges !== undefined && !Array.isArray(graph.edges)) {
    log.error(at('edges'), `expected a list, found ${describeValue(graph.edges)}`);
    return null;
  }
  const nodes = graph.nodes as unknown[];
  if (nodes.length === 0) {
    log.error(at('nodes'), 'empty: the file holds no graph');
    return null;
  }
  return { graph, at, gephiLite, nodes, edges: (graph.edges ?? []) as unknown[] };
}

function gephiLiteParts(dataset: Bag): GephiLite {
  const keyed = (k: string) => (isPlainObject(dataset[k]) ? (dataset[k] as Bag) : null);
  const metadata = keyed('metadata');
  return {
    nodeData: keyed('nodeData'),
    edgeData: keyed('edgeData'),
    layout: keyed('layout'),
    title: metadata && typeof metadata.title === 'string' && metadata.title.trim() !== '' ? metadata.title : null,
  };
}

/** Records read from a list, with the path of each in the file. */
interface Read {
  records: Bag[];
  paths: string[];
}

function readNodes(found: FoundGraph, ctx: BagContext): Read & { index: Map<string, number> } {
  const { at, gephiLite } = found;
  const log = ctx.problems;
  const out = { records: [] as Bag[], paths: [] as string[], index: new Map<string, number>() };
  found.nodes.forEach((node, i) => {
    const path = at(`nodes[${i}]`);
    if (!isPlainObject(node)) {
      log.error(path, `expected a node {key, attributes}, found ${describeValue(node)}`);
      return;
    }
    const key = idText(node.key);
    if (key === null) {
      log.error(`${path}.key`, `${describeValue(node.key)} is not a node key (text or a number)`);
      return;
    }
    const first = out.index.get(key);
    if (first !== undefined) {
      log.error(`${path}.key`, `${describeValue(key)} is used already by ${at(`nodes[${first}]`)}`);
      return;
    }
    out.index.set(key, i);
    if (node.attributes !== undefined && !isPlainObject(node.attributes)) {
      log.error(`${path}.attributes`, `expected an object, found ${describeValue(node.attributes)}`);
      return;
    }
    const merged = mergeBags([
      { value: (node.attributes as Bag | undefined) ?? null, path: `${path}.attributes` },
      { value: keyedEntry(gephiLite?.nodeData ?? null, key), path: keyPath('graphDataset.nodeData', key) },
      { value: keyedEntry(gephiLite?.layout ?? null, key), path: keyPath('graphDataset.layout', key) },
    ]);
    out.records.push(readActorBag(key, merged.value, merged.path, ['label', 'name'], new Set(), ctx));
    out.paths.push(path);
  });
  return out;
}

/** An edge's source, target and key, checked; null when any is wrong (the errors logged). */
function edgeEnds(edge: Bag, path: string, found: FoundGraph, nodeIndex: Map<string, number>, edgeKeys: Map<string, number>, i: number, log: ProblemLog) {
  let bad = false;
  const ends: string[] = [];
  for (const end of ['source', 'target'] as const) {
    const id = idText(edge[end]);
    if (id === null) {
      log.error(`${path}.${end}`, `${describeValue(edge[end])} is not a node key`);
      bad = true;
    } else if (!nodeIndex.has(id)) {
      log.error(`${path}.${end}`, `${describeValue(id)} is not the key of any node`);
      bad = true;
    }
    ends.push(id ?? '');
  }
  let key: string | null = null;
  if (edge.key !== undefined && edge.key !== null) {
    key = idText(edge.key);
    if (key === null) {
      log.error(`${path}.key`, `${describeValue(edge.key)} is not an edge key (text or a number)`);
      bad = true;
    } else if (edgeKeys.has(key)) {
      log.error(`${path}.key`, `${describeValue(key)} is used already by ${found.at(`edges[${edgeKeys.get(key)}]`)}`);
      bad = true;
    } else edgeKeys.set(key, i);
  }
  if (edge.attributes !== undefined && !isPlainObject(edge.attributes)) {
    log.error(`${path}.attributes`, `expected an object, found ${describeValue(edge.attributes)}`);
    bad = true;
  }
  return bad ? null : { source: ends[0]!, target: ends[1]!, key };
}

function readEdges(found: FoundGraph, nodeIndex: Map<string, number>, ctx: BagContext): Read & { undirected: number } {
  const log = ctx.problems;
  const out = { records: [] as Bag[], paths: [] as string[], undirected: 0 };
  const edgeKeys = new Map<string, number>();
  found.edges.forEach((edge, i) => {
    const path = found.at(`edges[${i}]`);
    if (!isPlainObject(edge)) {
      log.error(path, `expected an edge {source, target, attributes}, found ${describeValue(edge)}`);
      return;
    }
    const ends = edgeEnds(edge, path, found, nodeIndex, edgeKeys, i, log);
    if (!ends) return;
    const { key } = ends;
    if (edge.undirected === true) out.undirected++;
    const merged = mergeBags([
      { value: (edge.attributes as Bag | undefined) ?? null, path: `${path}.attributes` },
      { value: key === null ? null : keyedEntry(found.gephiLite?.edgeData ?? null, key), path: keyPath('graphDataset.edgeData', key ?? '') },
    ]);
    out.records.push(readRelationBag({ id: key, source: ends.source, target: ends.target }, merged.value, merged.path, new Set(), ctx));
    out.paths.push(path);
  });
  return out;
}

/** The warnings about other tools' edges: untyped, unknown types, undirected. */
function warnForeignEdges(found: FoundGraph, edges: Read & { undirected: number }, ctx: BagContext): void {
  const { at } = found;
  const options = isPlainObject(found.graph.options) ? found.graph.options : {};
  warnUntyped(ctx, at('edges'), edges.records.length);
  ctx.mapper.typeTally.finish(at('edges'), 'edges');
  if (options.type === 'undirected' || edges.undirected > 0) {
    ctx.problems.warn(
      options.type === 'undirected' ? at('options.type') : at('edges'),
      `${options.type === 'undirected' ? 'an undirected graph' : `${edges.undirected} undirected edges`}: each edge becomes a relation from its source to its target; only "partner" relations are mutual`,
    );
  }
}

/** An already-parsed graphology serialisation (or Gephi Lite project) → restored dataset. */
export function readGraphologyValue(value: unknown, fileName: string, parseWarnings: readonly Problem[] = []): FormatImportResult {
  const log = new ProblemLog();
  logParseWarnings(parseWarnings, log);
  const found = findGraph(value, log);
  if (!found) return { ok: false, format: 'graphology-json', problems: log.items };
  const { graph, gephiLite } = found;
  const marker = isPlainObject(graph.attributes) && isPlainObject(graph.attributes.actorscope) ? graph.attributes.actorscope : null;
  const own = marker !== null && gephiLite === null;
  const ctx = newBagContext(log, own);
  const actors = readNodes(found, ctx);
  const relations = readEdges(found, actors.index, ctx);
  if (!own) warnForeignEdges(found, relations, ctx);

  const meta = own ? (marker as Bag).meta : { title: gephiLite?.title ?? graphTitle(graph.attributes) ?? titleFromName(fileName) };
  const map: SourceMap = {
    actor: (i, field) => {
      const p = actors.paths[i]!;
      return bagFieldPath(p, `${p}.attributes`, field, { id: `${p}.key`, name: `${p}.attributes.label` });
    },
    relation: (i, field) => {
      const p = relations.paths[i]!;
      return bagFieldPath(p, `${p}.attributes`, field, { id: `${p}.key`, source: `${p}.source`, target: `${p}.target` });
    },
    other: (path) => (path.startsWith('meta') || path.startsWith('sources') || path === 'version' ? `attributes.actorscope.${path}` : path),
  };
  return recordsToDataset({
    format: 'graphology-json',
    log,
    version: own ? (marker as Bag).version : undefined,
    meta,
    sources: own ? markerSources(marker) : undefined,
    actors: actors.records,
    relations: relations.records,
    placement: { by: 'field', map, own },
    actorsRead: found.nodes.length,
    relationsRead: found.edges.length,
  });
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
