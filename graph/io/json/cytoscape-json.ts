/**
 * Cytoscape.js JSON: what `cy.json()` writes and `cy.json(obj)` / `cy.add()`
 * accept — `{elements: {nodes: [{data: {id, …}, position}], edges: [{data: {id?, source, target, …}}]}}`,
 * `elements` as one flat list whose items say `group: "nodes" | "edges"` (or
 * are told apart by having a source and target), or a bare list of elements.
 * Cytoscape desktop's `.cyjs` export is the first shape (`name`, `interaction`,
 * `SUID`, `selected` in data).
 *
 * The mapping is that of the attribute bags (bags.ts): `data.name`/`data.label` →
 * name, `data.type`/`relation`/`kind`/`interaction`/`label` → relation type,
 * other data → attributes, nested values → JSON text (warned), `position` →
 * attributes `x`, `y`. Errors name the element: `elements.edges[3].data.target:
 * "x" is not the id of any node`.
 *
 * Written files hold `data.actorscope = {version, meta}` and our fields in each
 * element's data (kind, aliases, country, notes, type, claims), so they
 * round-trip. Cytoscape keeps node and edge ids in one namespace: a relation
 * whose id is also an actor's is written with another element id and its own
 * in `data.relationId`.
 */
import type { Dataset } from '../../model/types';
import { describeValue, type Problem } from '../../schema/problems';
import { titleFromName, type SourceMap } from '../common/finish';
import { recordsToDataset } from '../common/records-to-dataset';
import { ProblemLog } from '../common/problem-log';
import { bag, hasOwn, isPlainObject, type Bag } from '../common/records';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import { actorBag, bagFieldPath, idText, newBagContext, markerSources, ownMarker, readActorBag, readRelationBag, relationBag, warnUntyped, type BagContext } from './bags';
import { logParseWarnings, readOneJsonFile } from './json-text';

interface Element {
  value: Bag;
  path: string;
}

/** The file's elements, told apart into nodes and edges; `listPath` is where the edges are, for the warnings. */
interface Elements {
  nodes: Element[];
  edges: Element[];
  edgesPath: string;
}

/** `{elements: {nodes, edges}}`: each group a list of element objects. */
function groupedElements(grouped: { nodes: unknown; edges: unknown }, log: ProblemLog): Elements | null {
  const out: Elements = { nodes: [], edges: [], edgesPath: 'elements.edges' };
  let bad = false;
  for (const group of ['nodes', 'edges'] as const) {
    const items = grouped[group];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      log.error(`elements.${group}`, `expected a list, found ${describeValue(items)}`);
      bad = true;
      continue;
    }
    const into = group === 'nodes' ? out.nodes : out.edges;
    items.forEach((item, i) => {
      const path = `elements.${group}[${i}]`;
      if (isPlainObject(item)) into.push({ value: item, path });
      else {
        log.error(path, `expected an element {data: {…}}, found ${describeValue(item)}`);
        bad = true;
      }
    });
  }
  if (bad) return null;
  if (out.nodes.length === 0) {
    log.error('elements.nodes', 'no nodes: the file holds no graph');
    return null;
  }
  return out;
}

/** One list of elements (`elements: [...]` or the file itself): `group`, or a source and a target, tells edges. */
function listedElements(list: unknown[], listPath: string, log: ProblemLog): Elements | null {
  const out: Elements = { nodes: [], edges: [], edgesPath: listPath };
  let bad = false;
  list.forEach((item, i) => {
    const path = `${listPath}[${i}]`;
    if (!isPlainObject(item)) {
      log.error(path, `expected an element {group, data: {…}}, found ${describeValue(item)}`);
      bad = true;
      return;
    }
    const data = isPlainObject(item.data) ? item.data : null;
    const group = item.group ?? (data && data.source !== undefined && data.target !== undefined ? 'edges' : 'nodes');
    if (group === 'nodes') out.nodes.push({ value: item, path });
    else if (group === 'edges') out.edges.push({ value: item, path });
    else {
      log.error(`${path}.group`, `${describeValue(group)} is not "nodes" or "edges"`);
      bad = true;
    }
  });
  if (bad) return null;
  if (out.nodes.length === 0) {
    log.error(listPath, 'no nodes: the file holds no graph');
    return null;
  }
  return out;
}

/** The elements, in whichever of the three shapes. */
function findElements(value: unknown, log: ProblemLog): Elements | null {
  if (Array.isArray(value)) return listedElements(value, '', log);
  if (!isPlainObject(value)) {
    log.error('', `expected Cytoscape.js JSON ({elements: {nodes, edges}} or a list of elements), found ${describeValue(value)}`);
    return null;
  }
  const elements = value.elements;
  if (Array.isArray(elements)) return listedElements(elements, 'elements', log);
  if (isPlainObject(elements)) return groupedElements({ nodes: elements.nodes, edges: elements.edges }, log);
  log.error(
    'elements',
    `${elements === undefined ? 'missing' : `expected {nodes, edges} or a list, found ${describeValue(elements)}`}: Cytoscape.js JSON keeps its graph in elements${
      Array.isArray(value.nodes) ? ' (a top-level nodes list is graphology or node-link JSON)' : ''
    }`,
  );
  return null;
}

/** Records read from the elements, with the path of each element. */
interface Read {
  records: Bag[];
  paths: string[];
}

const NODE_SKIP = new Set(['id']);
const EDGE_SKIP = new Set(['id', 'source', 'target', 'relationId']);

function readNodes(nodes: readonly Element[], ctx: BagContext): Read & { index: Map<string, string> } {
  const log = ctx.problems;
  const out = { records: [] as Bag[], paths: [] as string[], index: new Map<string, string>() };
  for (const { value: element, path } of nodes) {
    const data = element.data;
    if (!isPlainObject(data)) {
      log.error(`${path}.data`, `${data === undefined ? 'missing' : `expected an object, found ${describeValue(data)}`}: a node needs data with an id`);
      continue;
    }
    const id = idText(data.id);
    if (id === null) {
      log.error(`${path}.data.id`, `${describeValue(data.id)} is not a node id (text or a number)`);
      continue;
    }
    const first = out.index.get(id);
    if (first !== undefined) {
      log.error(`${path}.data.id`, `${describeValue(id)} is used already by ${first}`);
      continue;
    }
    out.index.set(id, path);
    const source = withPosition(data, element.position, path, log);
    out.records.push(readActorBag(id, source, `${path}.data`, ['name', 'label'], NODE_SKIP, ctx));
    out.paths.push(path);
  }
  return out;
}

/** An edge's ends and id, checked; null when any is wrong (the errors logged). */
function edgeIdentity(data: Bag, path: string, nodeIndex: Map<string, string>, edgeIds: Map<string, string>, own: boolean, log: ProblemLog) {
  let broken = false;
  const ends: string[] = [];
  for (const end of ['source', 'target'] as const) {
    const id = idText(data[end]);
    if (id === null) {
      log.error(`${path}.data.${end}`, `${describeValue(data[end])} is not a node id`);
      broken = true;
    } else if (!nodeIndex.has(id)) {
      log.error(`${path}.data.${end}`, `${describeValue(id)} is not the id of any node`);
      broken = true;
    }
    ends.push(id ?? '');
  }
  // Our files keep the relation id in relationId when the element id had to differ.
  const idKey = own && hasOwn(data, 'relationId') ? 'relationId' : 'id';
  let id: string | null = null;
  if (data[idKey] !== undefined && data[idKey] !== null) {
    id = idText(data[idKey]);
    if (id === null) {
      log.error(`${path}.data.${idKey}`, `${describeValue(data[idKey])} is not an edge id (text or a number)`);
      broken = true;
    } else if (edgeIds.has(id)) {
      log.error(`${path}.data.${idKey}`, `${describeValue(id)} is used already by ${edgeIds.get(id)}`);
      broken = true;
    } else edgeIds.set(id, path);
  }
  return broken ? null : { id, source: ends[0]!, target: ends[1]! };
}

function readEdges(edges: readonly Element[], nodeIndex: Map<string, string>, ctx: BagContext): Read {
  const log = ctx.problems;
  const out: Read = { records: [], paths: [] };
  const edgeIds = new Map<string, string>();
  for (const { value: element, path } of edges) {
    const data = element.data;
    if (!isPlainObject(data)) {
      log.error(`${path}.data`, `${data === undefined ? 'missing' : `expected an object, found ${describeValue(data)}`}: an edge needs data with a source and a target`);
      continue;
    }
    const identity = edgeIdentity(data, path, nodeIndex, edgeIds, ctx.own, log);
    if (!identity) continue;
    out.records.push(readRelationBag(identity, data, `${path}.data`, EDGE_SKIP, ctx));
    out.paths.push(path);
  }
  return out;
}

/** An already-parsed Cytoscape.js JSON value → restored dataset. */
export function readCytoscapeValue(value: unknown, fileName: string, parseWarnings: readonly Problem[] = []): FormatImportResult {
  const log = new ProblemLog();
  logParseWarnings(parseWarnings, log);
  const elements = findElements(value, log);
  if (!elements) return { ok: false, format: 'cytoscape-json', problems: log.items };
  const graphData = isPlainObject(value) && isPlainObject(value.data) ? value.data : null;
  const marker = graphData && isPlainObject(graphData.actorscope) ? graphData.actorscope : null;
  const own = marker !== null;
  const ctx = newBagContext(log, own);
  const actors = readNodes(elements.nodes, ctx);
  const relations = readEdges(elements.edges, actors.index, ctx);
  if (!own) {
    warnUntyped(ctx, elements.edgesPath, relations.records.length);
    ctx.mapper.typeTally.finish(elements.edgesPath, 'edges');
  }

  const foreignTitle = graphData && typeof graphData.name === 'string' && graphData.name.trim() !== '' ? graphData.name : null;
  const map: SourceMap = {
    actor: (i, field) => {
      const p = actors.paths[i]!;
      return bagFieldPath(p, `${p}.data`, field, { id: `${p}.data.id` });
    },
    relation: (i, field) => {
      const p = relations.paths[i]!;
      return bagFieldPath(p, `${p}.data`, field, {});
    },
    other: (path) => (path.startsWith('meta') || path.startsWith('sources') || path === 'version' ? `data.actorscope.${path}` : path),
  };
  return recordsToDataset({
    format: 'cytoscape-json',
    log,
    version: marker?.version,
    meta: marker ? marker.meta : { title: foreignTitle ?? titleFromName(fileName) },
    sources: markerSources(marker),
    actors: actors.records,
    relations: relations.records,
    placement: { by: 'field', map, own },
    actorsRead: elements.nodes.length,
    relationsRead: elements.edges.length,
  });
}

/** A node's position → attributes x and y (renamed position_x / position_y if data has an x or y already). */
function withPosition(data: Bag, position: unknown, path: string, problems: ProblemLog): Bag {
  if (position === undefined) return data;
  if (!isPlainObject(position) || typeof position.x !== 'number' || typeof position.y !== 'number' || !Number.isFinite(position.x) || !Number.isFinite(position.y)) {
    problems.warn(`${path}.position`, `${describeValue(position)} is not a position {x, y}; ignored`);
    return data;
  }
  const out = bag();
  for (const [k, v] of Object.entries(data)) out[k] = v;
  for (const axis of ['x', 'y'] as const) {
    if (hasOwn(out, axis)) {
      out[`position_${axis}`] = position[axis];
      problems.warn(`${path}.position.${axis}`, `kept as attribute position_${axis}: data has an ${axis} of its own`);
    } else out[axis] = position[axis];
  }
  return out;
}

/** What `cy.json(obj)` accepts, plus our fields in data. */
export function writeCytoscape(dataset: Dataset): Bag {
  const nodeIds = new Set(dataset.actors.map((a) => a.id));
  const edgeIds = new Set(dataset.relations.map((r) => r.id));
  const used = new Set<string>();
  const nodes = dataset.actors.map((a) => {
    const data = bag();
    data.id = a.id;
    Object.assign(data, actorBag(a, 'name'));
    return { data };
  });
  const edges = dataset.relations.map((r) => {
    const data = bag();
    let elementId = r.id;
    if (nodeIds.has(elementId)) {
      let n = 1;
      elementId = `edge:${r.id}`;
      while (nodeIds.has(elementId) || edgeIds.has(elementId) || used.has(elementId)) elementId = `edge:${r.id}:${++n}`;
    }
    used.add(elementId);
    data.id = elementId;
    if (elementId !== r.id) data.relationId = r.id;
    data.source = r.source;
    data.target = r.target;
    Object.assign(data, relationBag(r));
    return { data };
  });
  return {
    format_version: '1.0',
    generated_by: 'Actorscope',
    target_cytoscapejs_version: '~3.34',
    data: { name: dataset.meta.title, actorscope: ownMarker(dataset) },
    elements: { nodes, edges },
  };
}

export const cytoscapeJsonFormat: FileFormat = {
  id: 'cytoscape-json',
  label: 'Cytoscape.js JSON',
  extensions: ['cyjs', 'json'],
  sniff(text) {
    const head = text.slice(0, 65536);
    return /"elements"\s*:/.test(head) || (/^\s*\[/.test(head) && /"data"\s*:\s*\{/.test(head));
  },
  read: (files) => readOneJsonFile(files, 'cytoscape-json', 'Cytoscape.js JSON', readCytoscapeValue),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.cyjs`, text: `${JSON.stringify(writeCytoscape(dataset), null, 2)}\n`, mime: 'application/json' }];
  },
};
