/**
 * Node-link JSON: what networkx's `node_link_data` writes (and `node_link_graph`
 * reads), also the shape of D3's force-layout examples —
 * `{directed, multigraph, graph: {…}, nodes: [{id, …attributes}],
 * links: [{source, target, key?, …attributes}]}`. networkx 3.4 added the
 * `edges=` argument and from 3.6 writes (and by default reads) `edges` instead
 * of `links`; both are read here (both in one file only when they agree).
 *
 * Telling it from graphology JSON, which also has a top-level `nodes` list and
 * may have `edges` (isNodeLinkShape): node-link JSON has a `links` list, or the
 * root keys `directed` / `multigraph` (networkx always writes both; graphology
 * writes `options.type` / `options.multi` instead), or nodes without a `key`
 * (graphology's nodes are always `{key, attributes}`). A Gephi Lite project
 * (`type: "gephi-lite"`) is graphology.
 *
 * Reading other tools' files (records for common/elements.ts, with the graph
 * files' dialect, as for GEXF and GraphML):
 *  - node `id` → actor id; numbers become text (one warning says so). A node
 *    without `id` gets its position in `nodes`, as node_link_graph does.
 *  - name: `name`, `label` or `title`, else the id; kind: `kind`, `type` or
 *    `category`; `aliases`, `country`, `notes`; every other key → attribute.
 *  - link type: `type`, `relation` or `kind`, else `label` (relation-type
 *    rules: unknown → `other` + `attributes.originalType`); other keys →
 *    attributes. Lists and objects → JSON text (one warning per attribute).
 *  - `source` / `target` are node ids (networkx ≥ 2). networkx 1.x — and D3
 *    without an id accessor — wrote positions in `nodes` instead: when some
 *    end is not a node id but every end is a whole number below the node
 *    count, all ends are read as positions, with a warning. Otherwise an end
 *    that names no node is an error at `links[3].target`.
 *  - `key` (a multigraph's edge key): the relation id when the keys are unique
 *    in the file; networkx's per-pair keys (0, 1, …) are not, so they are
 *    dropped (one warning) and ids are generated. With `multigraph: false`
 *    networkx reads `key` as an ordinary attribute, and so do we.
 *  - `directed: false`: as GEXF/GraphML undirected edges — kept as written
 *    (source → target), non-partner relations marked `attributes.undirected`.
 *    A file without `directed` (D3) is read as written, unmarked.
 *  - graph `name` (or `title`, `label`) → the title; other graph attributes
 *    are not imported (one warning names them).
 * Errors (duplicate ids, an end that names no node, a missing `nodes` list, a
 * number too large) refuse the whole file, each located by element path.
 *
 * Writing: `directed: true, multigraph: true`, the dataset in
 * `graph.actorscope = {version, meta}` (and its title in `graph.name`),
 * nodes `{id, name, kind, aliases?, country?, notes?, …attributes}`, and the
 * links as `{source, target, key: relation id, type, claims, notes?,
 * …attributes, …the flat evidence values}` under **both** `links` and `edges`,
 * the same list: `nx.node_link_graph(data)` with no arguments reads `links` in
 * networkx 2.8 (Debian's; also 3.4–3.5, with a FutureWarning) and `edges` in
 * 3.6, and each ignores the other key; no single key opens in both. D3 reads
 * `links`. It costs the links' text twice. Reading, a file with both keys is
 * accepted when the two lists are the same (key order aside), else refused at
 * the first difference. The flat values (common/derived-values.ts:
 * `actorscope:mutual`, `actorscope:confidence`, `actorscope:bestGrade`,
 * `actorscope:claimCount`, `actorscope:disputes`, `actorscope:firstDate`,
 * `actorscope:lastDate`, as in GraphML and GEXF) are dropped when our own file
 * is read back: the claims say them. Our fields are the attribute bags of
 * bags.ts, so user attributes named like ours (or `id`, `key`, `source`,
 * `target`, or a flat value's name) are written `attr:NAME` and everything
 * round-trips; files with the marker are read back as ours.
 */
import type { Dataset, Relation } from '../../model/types';
import { describeValue, type Problem } from '../../schema/problems';
import { derivedRelationValues } from '../common/derived-values';
import { buildImport } from '../common/elements';
import { DERIVED_NAMES } from '../common/own-names';
import type { SourceMap } from '../common/finish';
import { recordsToDataset } from '../common/records-to-dataset';
import { ProblemLog } from '../common/problem-log';
import { bag, hasOwn, isPlainObject, type ActorRecord, type Bag, type FileValue, type RelationRecord } from '../common/records';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import { TOO_LARGE, actorBag, bagFieldPath, idText, jsonAttribute, keyPath, newBagContext, markerSources, ownMarker, readActorBag, readRelationBag, relationBag } from './bags';
import { logParseWarnings, readOneJsonFile } from './json-text';

/** Is this parsed JSON object node-link JSON rather than graphology JSON? (See the header.) */
export function isNodeLinkShape(root: Bag): boolean {
  if (root.type === 'gephi-lite') return false;
  if (root.links !== undefined) return true;
  if (typeof root.directed === 'boolean' || typeof root.multigraph === 'boolean') return true;
  if (!Array.isArray(root.nodes)) return false;
  const first = root.nodes.find(isPlainObject);
  return first !== undefined && (!hasOwn(first, 'key') || (hasOwn(first, 'id') && !hasOwn(first, 'attributes')));
}

interface RawNode {
  id: string;
  path: string;
  data: Bag;
}
interface RawLink {
  source: string;
  target: string;
  key: string | null;
  path: string;
  data: Bag;
}

const NODE_SKIP: ReadonlySet<string> = new Set(['id']);

/** A whole number that can be a position in `nodes`. */
const isPosition = (v: unknown, count: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < count;

/** The root's lists and flags, checked; null when they are wrong (the errors logged). */
function checkRoot(value: unknown, log: ProblemLog): { root: Bag; nodes: unknown[]; links: unknown[]; listKey: string } | null {
  if (!isPlainObject(value)) {
    log.error('', `expected node-link JSON (an object with nodes and links), found ${describeValue(value)}`);
    return null;
  }
  if (!Array.isArray(value.nodes)) {
    log.error('nodes', `${value.nodes === undefined ? 'missing' : `expected a list, found ${describeValue(value.nodes)}`}: node-link JSON lists its nodes as [{id, …}]`);
    return null;
  }
  if (value.links !== undefined && value.edges !== undefined) {
    // Our export writes both, the same list, so that networkx 2.8 (links) and 3.6 (edges) both read it as it is.
    const differs = firstDifference(value.links, value.edges);
    if (differs !== null) {
      log.error(
        `edges${differs}`,
        `differs from links${differs}: a file may give its links under both links (networkx 2.8, D3) and edges (networkx 3.6) only when the two lists are the same; remove one`,
      );
      return null;
    }
  }
  const listKey = value.links !== undefined ? 'links' : 'edges';
  const rawLinks = value[listKey];
  if (rawLinks !== undefined && !Array.isArray(rawLinks)) {
    log.error(listKey, `expected a list, found ${describeValue(rawLinks)}`);
    return null;
  }
  for (const flag of ['directed', 'multigraph'] as const) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') log.error(flag, `expected true or false, found ${describeValue(value[flag])}`);
  }
  if (value.graph !== undefined && !isPlainObject(value.graph)) log.error('graph', `expected an object (the graph's attributes), found ${describeValue(value.graph)}`);
  const nodes = value.nodes as unknown[];
  if (nodes.length === 0) log.error('nodes', 'empty: the file holds no graph');
  if (log.hasErrors) return null;
  return { root: value, nodes, links: (rawLinks ?? []) as unknown[], listKey };
}

/** Where two parsed JSON values first differ (`[3].type`, `` for the values themselves), or null when they are the same (key order aside). */
function firstDifference(a: unknown, b: unknown): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `[${i}]`;
      const d = firstDifference(a[i], b[i]);
      if (d !== null) return `[${i}]${d}`;
    }
    return null;
  }
  if (isPlainObject(a) && isPlainObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return '';
    for (const k of keys) {
      if (!hasOwn(b, k)) return keyPath('', k);
      const d = firstDifference(a[k], b[k]);
      if (d !== null) return `${keyPath('', k)}${d}`;
    }
    return null;
  }
  return Object.is(a, b) ? null : '';
}

/** The nodes with their ids (a missing id is the node's position, as in node_link_graph); warns about numbered ids. */
function readNodeList(nodes: readonly unknown[], log: ProblemLog): { nodeList: RawNode[]; nodeAt: Map<string, string>; warn: () => void } {
  const nodeList: RawNode[] = [];
  const nodeAt = new Map<string, string>();
  let numericIds = 0;
  let missingIds = 0;
  nodes.forEach((node, i) => {
    const path = `nodes[${i}]`;
    if (!isPlainObject(node)) {
      log.error(path, `expected a node {id, …}, found ${describeValue(node)}`);
      return;
    }
    let id: string | null;
    if (node.id === undefined || node.id === null) {
      // node_link_graph: `d.get("id", next(count()))`, the node's position.
      id = String(i);
      missingIds++;
    } else {
      id = idText(node.id);
      if (id === null) {
        log.error(`${path}.id`, `${describeValue(node.id)} is not a node id (text or a number)`);
        return;
      }
      if (typeof node.id === 'number') numericIds++;
    }
    const first = nodeAt.get(id);
    if (first !== undefined) {
      log.error(`${path}.id`, `${describeValue(id)} is used already by ${first}`);
      return;
    }
    nodeAt.set(id, path);
    nodeList.push({ id, path, data: node });
  });
  const warn = () => {
    if (missingIds > 0) {
      log.warn('nodes', `${missingIds === nodes.length ? 'no node has an id' : `${missingIds} of ${nodes.length} nodes have no id`}: numbered by position in nodes (0, 1, …), as networkx does`);
    }
    if (numericIds > 0) log.warn('nodes', `${numericIds === 1 ? 'one node id is a number' : `${numericIds} node ids are numbers`}: read as text ("0", "1", …), as every actor id is`);
  };
  return { nodeList, nodeAt, warn };
}

interface LinkRead {
  links: readonly unknown[];
  listKey: string;
  nodeList: readonly RawNode[];
  nodeAt: ReadonlyMap<string, string>;
  /** Ends are positions in nodes (networkx 1.x, D3), not ids. */
  byPosition: boolean;
  multigraph: boolean;
}

function readLinkList(o: LinkRead, log: ProblemLog): RawLink[] {
  const linkList: RawLink[] = [];
  o.links.forEach((link, i) => {
    const path = `${o.listKey}[${i}]`;
    if (!isPlainObject(link)) {
      log.error(path, `expected a link {source, target, …}, found ${describeValue(link)}`);
      return;
    }
    let bad = false;
    const pair: string[] = [];
    for (const end of ['source', 'target'] as const) {
      const raw = link[end];
      const id = o.byPosition ? o.nodeList[raw as number]!.id : idText(raw);
      if (id === null) {
        log.error(`${path}.${end}`, `${raw === undefined ? 'missing' : `${describeValue(raw)} is not a node id`}: a link needs a source and a target`);
        bad = true;
      } else if (!o.nodeAt.has(id)) {
        log.errorCapped('dangling', `${path}.${end}`, `${describeValue(id)} is not the id of any node`, (more) => `${more} more link ends name no node`);
        bad = true;
      }
      pair.push(id ?? '');
    }
    let key: string | null = null;
    if (o.multigraph && link.key !== undefined && link.key !== null) {
      key = idText(link.key);
      if (key === null) {
        log.error(`${path}.key`, `${describeValue(link.key)} is not an edge key (text or a number)`);
        bad = true;
      }
    }
    if (!bad) linkList.push({ source: pair[0]!, target: pair[1]!, key, path, data: link });
  });
  return linkList;
}

/** An already-parsed node-link value → restored dataset. */
export function readNodeLinkValue(value: unknown, fileName: string, parseWarnings: readonly Problem[] = []): FormatImportResult {
  const log = new ProblemLog();
  logParseWarnings(parseWarnings, log);
  const fail = (): FormatImportResult => ({ ok: false, format: 'node-link', problems: log.errors });
  const checked = checkRoot(value, log);
  if (!checked) return fail();
  const { root, nodes, links, listKey } = checked;
  const graph = (root.graph as Bag | undefined) ?? bag();
  const marker = isPlainObject(graph.actorscope) ? graph.actorscope : null;

  const { nodeList, nodeAt, warn } = readNodeList(nodes, log);
  // Link ends: node ids, or (networkx 1.x, D3) positions in nodes.
  const ends = links.flatMap((link) => (isPlainObject(link) ? [link.source, link.target] : []));
  const byPosition =
    ends.some((end) => { const t = idText(end); return t === null || !nodeAt.has(t); }) &&
    ends.every((end) => isPosition(end, nodes.length)) &&
    nodeList.length === nodes.length;
  const multigraph = root.multigraph !== false;
  const linkList = readLinkList({ links, listKey, nodeList, nodeAt, byPosition, multigraph }, log);
  if (log.hasErrors) return fail();
  warn();
  if (byPosition) log.warn(listKey, 'sources and targets are positions in nodes (networkx 1.x, or D3 without an id accessor), not node ids: read as positions');

  // Keys: relation ids when unique in the file.
  const keyCount = new Map<string, number>();
  for (const l of linkList) if (l.key !== null) keyCount.set(l.key, (keyCount.get(l.key) ?? 0) + 1);
  const keysAreIds = [...keyCount.values()].every((n) => n === 1);

  return marker !== null
    ? readOwn({ nodeList, linkList, log, marker, listKey, keysAreIds, nodes: nodes.length, links: links.length })
    : readForeign({ graph, nodeList, linkList, log, listKey, keysAreIds, directed: root.directed !== false, fileName, multigraph });
}

interface ReadParts {
  nodeList: RawNode[];
  linkList: RawLink[];
  log: ProblemLog;
  listKey: string;
  keysAreIds: boolean;
}

/** A file Actorscope wrote: the bags hold our fields (bags.ts), restore() checks them. */
function readOwn(parts: ReadParts & { marker: Bag; nodes: number; links: number }): FormatImportResult {
  const { nodeList, linkList, log, marker } = parts;
  if (!parts.keysAreIds) {
    const seen = new Map<string, string>();
    for (const l of linkList) {
      if (l.key === null) continue;
      const first = seen.get(l.key);
      if (first !== undefined) log.error(`${l.path}.key`, `${describeValue(l.key)} is used already by ${first}`);
      else seen.set(l.key, l.path);
    }
  }
  const ctx = newBagContext(log, true);
  const actors = nodeList.map((n) => readActorBag(n.id, n.data, n.path, ['name'], NODE_SKIP, ctx));
  // The flat evidence values (DERIVED) are for other tools: the claims say them.
  const linkSkip = new Set(['source', 'target', 'key', ...DERIVED_NAMES]);
  const relations = linkList.map((l) => readRelationBag({ id: l.key, source: l.source, target: l.target }, l.data, l.path, linkSkip, ctx));
  const map: SourceMap = {
    actor: (i, field) => {
      const p = nodeList[i]!.path;
      return bagFieldPath(p, p, field, { id: `${p}.id` });
    },
    relation: (i, field) => {
      const p = linkList[i]!.path;
      return bagFieldPath(p, p, field, { id: `${p}.key` });
    },
    other: (path) => (path.startsWith('meta') || path.startsWith('sources') || path === 'version' ? `graph.actorscope.${path}` : path),
  };
  return recordsToDataset({
    format: 'node-link',
    log,
    version: marker.version,
    meta: marker.meta,
    sources: markerSources(marker),
    actors,
    relations,
    placement: { by: 'field', map, own: true },
    actorsRead: parts.nodes,
    relationsRead: parts.links,
  });
}

/** Another tool's file: records for common/elements.ts, as GEXF and GraphML give. */
function readForeign(parts: ReadParts & { graph: Bag; directed: boolean; fileName: string; multigraph: boolean }): FormatImportResult {
  const { nodeList, linkList, log, graph } = parts;
  const fileNodes: ActorRecord[] = nodeList.map((n) => ({
    id: n.id,
    at: n.path,
    names: [{ value: 'name' }, { value: 'label' }, { value: 'title' }],
    values: fileValues(n.data, n.path, NODE_SKIP, 'node', log),
  }));
  const edgeSkip = new Set(parts.multigraph ? ['source', 'target', 'key'] : ['source', 'target']);
  const keyed = linkList.filter((l) => l.key !== null);
  if (keyed.length > 0 && !parts.keysAreIds) {
    log.warn(keyed[0]!.path + '.key', 'link keys repeat (networkx multigraph keys count per pair of nodes: 0, 1, …): they are not kept, and the relations get ids of their own');
  }
  const fileEdges: RelationRecord[] = linkList.map((l) => ({
    id: parts.keysAreIds ? l.key : null,
    source: l.source,
    target: l.target,
    at: l.path,
    directed: parts.directed,
    values: fileValues(l.data, l.path, edgeSkip, 'edge', log),
  }));
  let title: string | null = null;
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(graph)) {
    if (title === null && ['name', 'title', 'label'].includes(k) && typeof v === 'string' && v.trim() !== '') title = v;
    else ignored.push(k);
  }
  if (ignored.length > 0) log.warn('graph', `graph attributes not imported: ${ignored.map((k) => JSON.stringify(k)).join(', ')}`);
  return buildImport(
    { format: 'node-link', fileName: parts.fileName, title, description: null, ownMeta: null,
    ownSources: null, ownNodes: false, ownEdges: false, nodes: fileNodes, edges: fileEdges },
    log,
  );
}

/** A node's or link's keys → typed values; lists and objects become JSON text (one warning per attribute), overflowing numbers are errors. */
function fileValues(data: Bag, path: string, skip: ReadonlySet<string>, owner: 'node' | 'edge', log: ProblemLog): FileValue[] {
  const out: FileValue[] = [];
  for (const [name, v] of Object.entries(data)) {
    if (skip.has(name)) continue;
    const at = keyPath(path, name);
    const a = jsonAttribute(v);
    if ('tooLarge' in a) {
      log.error(at, `${v} ${TOO_LARGE}`);
      continue;
    }
    out.push({ name, value: a.value, at });
    if (a.nested) {
      log.tally(`nested:${owner}:${name}`, at, (n) =>
        `${owner} attribute ${JSON.stringify(name)} holds ${n === 1 ? 'a list or an object' : `lists or objects on ${n} ${owner}s`}: kept as JSON text`);
    }
  }
  return out;
}

/** A relation as a link: its ends and key, our fields, then the flat evidence values other tools filter by. */
function linkOf(r: Relation): Bag {
  const link = Object.assign(Object.assign(bag(), { source: r.source, target: r.target, key: r.id }), relationBag(r));
  for (const [name, value] of derivedRelationValues(r)) link[name] = value;
  return link;
}

/**
 * What networkx's node_link_graph reads with no arguments in 2.8 (`links`)
 * and in 3.6 (`edges`), with our fields in the bags: the list under both keys
 * (see the header).
 */
export function writeNodeLink(dataset: Dataset): Bag {
  const graph = bag();
  graph.name = dataset.meta.title;
  graph.actorscope = ownMarker(dataset);
  const links = dataset.relations.map(linkOf);
  return {
    directed: true,
    multigraph: true,
    graph,
    nodes: dataset.actors.map((a) => Object.assign(Object.assign(bag(), { id: a.id }), actorBag(a, 'name'))),
    links,
    edges: links,
  };
}

export const nodeLinkJsonFormat: FileFormat = {
  id: 'node-link',
  label: 'node-link JSON (networkx, D3)',
  extensions: ['json'],
  sniff(text) {
    const head = text.slice(0, 65536);
    return /"links"\s*:\s*\[/.test(head) || (/"nodes"\s*:\s*\[/.test(head) && /"(directed|multigraph)"\s*:\s*(true|false)/.test(head));
  },
  read: (files) => readOneJsonFile(files, 'node-link', 'node-link JSON', readNodeLinkValue),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.nodelink.json`, text: `${JSON.stringify(writeNodeLink(dataset), null, 2)}\n`, mime: 'application/json' }];
  },
};
