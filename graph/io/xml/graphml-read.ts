/**
 * Reading GraphML (Gephi, yEd / yFiles, networkx, igraph, graph-tool,
 * Cytoscape) into records (common/records.ts) for common/elements.ts.
 *
 * - Keys: graphml-keys.ts. Node names: a key named label, then name (text keys
 *   only: igraph's boolean `label` stays an attribute), then yEd's label
 *   (`<y:NodeLabel>` in nodegraphics, `<y:Label.Text>` in yFiles for HTML's
 *   NodeLabels; graphml-yed.ts), then `<desc>`. An edge's yEd label is a
 *   relation-type candidate; an edge `<desc>` becomes attributes.description.
 * - `edgedefault` and per-edge `directed` give mixed graphs. Ports are
 *   ignored (an edge joins its nodes), with one warning.
 * - Nested graphs (yEd groups): their nodes and edges are read as ordinary
 *   actors and relations, and a warning says the grouping is not kept.
 *   Hyperedges cannot be represented: they are skipped with a warning (the
 *   rest of the file is read). Only the first top-level `<graph>` is read.
 */
import { buildImport, type FileGraph } from '../common/elements';
import type { ActorRecord, FileValue, NameSource, RelationRecord } from '../common/records';
import { OWN, declaresOwn } from '../common/own-names';
import { ProblemLog } from '../common/problem-log';
import { typeOrKeep } from '../common/value-typing';
import type { FormatImportResult } from '../format';
import { KeyTable, plural, type IsGraphml } from './graphml-keys';
import { readGraphics, type Graphics } from './graphml-yed';
import { parseGraphRoot } from './parse';
import { attr, childElements, hasElementChildren, locate, sameNamespace, textOf, type XmlElement } from './tree';

/** What the readers of the graph's parts share. */
interface GraphmlContext {
  isG: IsGraphml;
  keys: KeyTable;
  log: ProblemLog;
  ownNodes: boolean;
  nodes: ActorRecord[];
  edges: RelationRecord[];
}

const fail = (path: string, message: string): FormatImportResult => ({ ok: false, format: 'graphml', problems: [{ severity: 'error', path, message }] });

/** The data of one element, typed, plus what yEd graphics say; defaults added. */
function readData(el: XmlElement, domain: 'node' | 'edge', ctx: GraphmlContext): { values: FileValue[]; graphics: Graphics; desc: string | null } {
  const { isG, keys, log } = ctx;
  const values: FileValue[] = [];
  const graphics: Graphics = { label: null, geometry: null, color: null };
  const given = new Set<string>();
  let desc: string | null = null;
  for (const d of childElements(el)) {
    if (isG(d, 'desc')) {
      desc ??= textOf(d);
      continue;
    }
    if (isG(d, 'port')) {
      log.tally('ports', locate(d), (n) => `${plural(n, 'port')} ignored: relations join nodes, not ports`);
      continue;
    }
    if (!isG(d, 'data')) continue;
    const at = locate(d);
    const id = attr(d, 'key');
    if (id === null) {
      log.tally(`data-without-key`, at, (n) => `${plural(n, '<data> element')} without a key ignored`);
      continue;
    }
    const key = keys.lookup(domain, id, at);
    given.add(key.id);
    if (!key.typed && hasElementChildren(d)) {
      readGraphics(d, key, domain, graphics, log);
      continue;
    }
    values.push({ name: key.name, value: typeOrKeep(log, textOf(d), key.type, key.declared, { at, owner: domain, name: key.name }), at });
  }
  const at = locate(el);
  for (const key of keys.withDefaults(domain)) {
    if (given.has(key.id)) continue;
    given.add(key.id);
    values.push({ name: key.name, value: key.default!, at });
  }
  return { values, graphics, desc };
}

/** Graph-level data: the title, the description, our meta and sources; the rest is noted. */
function readGraphData(graph: XmlElement, ctx: GraphmlContext): Pick<FileGraph, 'title' | 'description' | 'ownMeta' | 'ownSources'> {
  const { isG, keys } = ctx;
  const out: Pick<FileGraph, 'title' | 'description' | 'ownMeta' | 'ownSources'> = { title: null, description: null, ownMeta: null, ownSources: null };
  const ignored: string[] = [];
  let ignoredAt = '';
  for (const c of childElements(graph)) {
    if (isG(c, 'desc')) out.description ??= textOf(c);
    if (!isG(c, 'data')) continue;
    const id = attr(c, 'key');
    if (id === null) continue;
    const key = keys.find('graph', id);
    const name = key?.name ?? id;
    if (key && !key.typed && hasElementChildren(c)) continue; // yFiles resources, user tags
    if (name === OWN.meta) out.ownMeta = { text: textOf(c), at: locate(c) };
    else if (name === OWN.sources) out.ownSources = { text: textOf(c), at: locate(c) };
    else if (out.title === null && ['title', 'name', 'label'].includes(name.toLowerCase()) && textOf(c).trim() !== '') out.title = textOf(c).trim();
    else {
      if (ignored.length === 0) ignoredAt = locate(c);
      ignored.push(`${name} = ${JSON.stringify(textOf(c).trim().slice(0, 40))}`);
    }
  }
  if (ignored.length > 0) ctx.log.warn(ignoredAt, `graph attributes have no place in a dataset and are not imported: ${ignored.join(', ')}`);
  return out;
}

function readNode(c: XmlElement, at: string, nested: boolean, ctx: GraphmlContext): void {
  const { isG, log } = ctx;
  const id = attr(c, 'id');
  if (id === null || id === '') {
    log.error(at, 'a <node> needs a non-empty id');
    return;
  }
  if (nested) log.tally('nested', at, (n) => `nested graphs (yEd groups): ${plural(n, 'node')} inside other nodes are read as ordinary actors; the grouping is not kept`);
  const { values, graphics, desc } = readData(c, 'node', ctx);
  if (graphics.geometry) {
    const { x, y, width, height } = graphics.geometry;
    for (const [name, value] of [['x', x + width / 2], ['y', y + height / 2], ['width', width], ['height', height]] as const) {
      if (!values.some((v) => v.name === name)) values.push({ name, value, at });
    }
  }
  if (graphics.color && !values.some((v) => v.name === 'color')) values.push({ name: 'color', value: graphics.color, at });
  const names: NameSource[] = ctx.ownNodes
    ? [{ value: 'label', exact: true }, { text: graphics.label, keepAs: 'yedLabel' }, { text: desc, keepAs: 'description' }]
    : [{ value: 'label' }, { value: 'name' }, { text: graphics.label, keepAs: 'yedLabel' }, { text: desc, keepAs: 'description' }];
  ctx.nodes.push({ id, at, names, values });
  for (const inner of childElements(c)) if (isG(inner, 'graph')) readGraph(inner, true, ctx);
}

function readEdge(c: XmlElement, at: string, directedDefault: boolean, ctx: GraphmlContext): void {
  const { isG, log } = ctx;
  const source = attr(c, 'source');
  const target = attr(c, 'target');
  if (source === null || target === null) {
    log.error(at, `an <edge> needs a source and a target${source === null ? ' (no source)' : ' (no target)'}`);
    return;
  }
  const directedAttr = attr(c, 'directed');
  let directed = directedDefault;
  if (directedAttr !== null) {
    const t = directedAttr.trim().toLowerCase();
    if (t === 'true' || t === '1') directed = true;
    else if (t === 'false' || t === '0') directed = false;
    else log.tally('directed', at, (n) => `directed=${JSON.stringify(directedAttr)} is not true or false: ${plural(n, 'edge')} read with the graph's default`);
  }
  const { values, graphics, desc } = readData(c, 'edge', ctx);
  if (desc !== null && desc.trim() !== '' && !values.some((v) => v.name === 'description')) values.push({ name: 'description', value: desc, at });
  ctx.edges.push({ id: attr(c, 'id'), source, target, at, directed, nativeLabel: graphics.label, values });
  for (const inner of childElements(c)) if (isG(inner, 'graph')) log.warn(locate(inner), 'a graph nested in an edge is not imported');
}

/** The nodes and edges of a graph, nested graphs flattened into the same lists. */
function readGraph(g: XmlElement, nested: boolean, ctx: GraphmlContext): void {
  const { isG, log } = ctx;
  const at = locate(g);
  const edgedefault = attr(g, 'edgedefault');
  let directedDefault = true;
  if (edgedefault === 'undirected') directedDefault = false;
  else if (edgedefault === null) {
    if (!nested) log.warn(at, 'the graph has no edgedefault: edges are read as directed unless they say directed="false"');
  } else if (edgedefault !== 'directed') {
    log.warn(at, `edgedefault ${JSON.stringify(edgedefault)} is not directed or undirected: read as directed`);
  }
  for (const c of childElements(g)) {
    const cat = locate(c);
    if (isG(c, 'node')) readNode(c, cat, nested, ctx);
    else if (isG(c, 'edge')) readEdge(c, cat, directedDefault, ctx);
    else if (isG(c, 'hyperedge')) {
      log.tally('hyperedge', cat, (n) => `${plural(n, 'hyperedge')} (one edge joining several nodes) cannot be represented and ${n === 1 ? 'is' : 'are'} skipped`);
    } else if (isG(c, 'locator')) {
      log.warn(cat, 'a <locator> (a graph in another file) is not followed');
    }
  }
}

/** Reads GraphML text. `fileName` gives the title when the file has none. */
export function readGraphml(text: string, fileName = 'graph.graphml'): FormatImportResult {
  const parsed = parseGraphRoot(text, 'graphml', 'GraphML');
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const ns = root.ns;
  const isG: IsGraphml = (el, name) => el.localName === name && sameNamespace(el, ns);
  const graphs = childElements(root).filter((c) => isG(c, 'graph'));
  const graph = graphs[0];
  if (!graph) return fail(locate(root), 'the GraphML file has no <graph> element');

  const log = new ProblemLog();
  for (const other of graphs.slice(1)) log.warn(locate(other), 'only the first <graph> of the file is read; this one is not imported');
  const keys = new KeyTable(root, isG, log);
  const ownNodes = declaresOwn(keys.namesFor('node'));
  const ownEdges = declaresOwn(keys.namesFor('edge'));
  // A U+FFFD in a file we wrote is data, not a sign of a wrong encoding.
  if (!ownNodes && !ownEdges) for (const w of parsed.warnings) log.warn(w.path, w.message);

  const ctx: GraphmlContext = { isG, keys, log, ownNodes, nodes: [], edges: [] };
  const graphData = readGraphData(graph, ctx);
  readGraph(graph, false, ctx);
  if (ctx.nodes.length === 0 && !log.hasErrors) log.warn(locate(graph), 'the graph has no nodes');
  return buildImport({ format: 'graphml', fileName, ...graphData, ownNodes, ownEdges, nodes: ctx.nodes, edges: ctx.edges }, log);
}
