/**
 * GraphML in (Gephi, yEd / yFiles, networkx, igraph, graph-tool, Cytoscape)
 * and out.
 *
 * A small reader and writer of our own over graph/io/xml.ts, not
 * graphology-graphml: it crashes on yEd's `<key for="all">` / `for="port"`,
 * ignores `<desc>` and reads `"  true  "` as false (GUIDE §4, measured).
 *
 * Reading:
 * - `<key>`s are found before the graph or inside it (Gephi's cdata.graphml),
 *   looked up by element kind and id — the same id may be declared once for
 *   nodes and once for edges — then among `for="all"` keys. Values are typed
 *   by `attr.type` (see attribute-mapping.ts); `<default>`s apply, typed, where
 *   an element has no value. A key declared for another kind of element (a
 *   graph key on a node) is still read, with a warning; a key that is not
 *   declared at all is kept as text under its id, with a warning.
 * - Node names: a key named label, then name (text keys only: igraph's
 *   boolean `label` stays an attribute), then yEd's label (`<y:NodeLabel>` in
 *   nodegraphics, `<y:Label.Text>` in yFiles for HTML's NodeLabels), then
 *   `<desc>`. Labels are text: HTML markup in a yEd label is kept as written,
 *   never rendered. yEd geometry → x, y (the centre), width, height; its fill →
 *   color. An edge's yEd label is a relation-type candidate; an edge `<desc>`
 *   becomes attributes.description. Other yEd graphics and styles are not kept
 *   (one warning per key).
 * - `edgedefault` and per-edge `directed` give mixed graphs. Ports are
 *   ignored (an edge joins its nodes), with one warning.
 * - Nested graphs (yEd groups): their nodes and edges are read as ordinary
 *   actors and relations, and a warning says the grouping is not kept.
 *   Hyperedges cannot be represented: they are skipped with a warning (the
 *   rest of the file is read). Only the first top-level `<graph>` is read.
 *
 * Writing: `edgedefault="directed"`, partner relations (and those marked
 * `undirected`) with `directed="false"`; the actor name in the `label` key
 * (Gephi reads it); our other fields and every attribute in declared keys
 * (see attribute-mapping.ts); the whole `meta` as JSON in the graph key
 * `actorscope:meta`. A character XML cannot hold makes write() throw, naming
 * the actor or relation.
 */
import { oneFile } from '../json/actorscope-json';
import type { AttributeValue, Attributes, Dataset } from '../../model/types';
import type { FileFormat, FormatImportResult } from '../format';
import {
  ImportLog,
  OWN,
  actorFields,
  buildImport,
  declaresOwn,
  parseNumber,
  planColumns,
  relationFields,
  typeOrKeep,
  valueTypeOf,
  type Column,
  type FileEdge,
  type FileNode,
  type FileValue,
  type NameSource,
  type OutField,
  type ValueType,
} from '../common/attribute-mapping';
import {
  attr,
  childElements,
  describeRoot,
  hasAttr,
  hasElementChildren,
  locate,
  ownText,
  parseXml,
  sameNamespace,
  textOf,
  xmlAttr,
  xmlText,
  type XmlElement,
  startsWithRoot,
} from './xml';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

type Domain = 'node' | 'edge' | 'graph';

interface KeyDef {
  id: string;
  domain: string;
  name: string;
  declared: string;
  type: ValueType;
  /** attr.type was given: the content is a value even if it holds elements. */
  typed: boolean;
  default: AttributeValue | undefined;
}

/** What yEd / yFiles graphics data say about a node or edge. */
interface Graphics {
  label: string | null;
  geometry: { x: number; y: number; width: number; height: number } | null;
  color: string | null;
}

const fail = (path: string, message: string): FormatImportResult => ({ ok: false, format: 'graphml', problems: [{ severity: 'error', path, message }] });

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? `one ${one}` : `${n} ${many}`);

/** Reads GraphML text. `fileName` gives the title when the file has none. */
export function readGraphml(text: string, fileName = 'graph.graphml'): FormatImportResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, format: 'graphml', problems: [parsed.problem] };
  const root = parsed.root;
  const ns = root.ns;
  if (root.localName !== 'graphml' || (ns !== null && !/graphml/i.test(ns))) {
    return fail(locate(root), `this is ${describeRoot(root)}, not a GraphML file`);
  }
  const isG = (el: XmlElement, name: string) => el.localName === name && sameNamespace(el, ns);
  const graphs = childElements(root).filter((c) => isG(c, 'graph'));
  const graph = graphs[0];
  if (!graph) return fail(locate(root), 'the GraphML file has no <graph> element');

  const log = new ImportLog();
  for (const other of graphs.slice(1)) log.warn(locate(other), 'only the first <graph> of the file is read; this one is not imported');

  // ---- keys: at the top, or inside a graph (Gephi's cdata.graphml)
  const keys = new Map<string, Map<string, KeyDef>>();
  const readKey = (el: XmlElement) => {
    const at = locate(el);
    const id = attr(el, 'id');
    if (id === null) {
      log.warn(at, 'a <key> without an id is ignored');
      return;
    }
    const domain = attr(el, 'for') ?? 'all';
    const byId = keys.get(domain) ?? new Map<string, KeyDef>();
    keys.set(domain, byId);
    if (byId.has(id)) {
      log.warn(at, `key ${JSON.stringify(id)} is declared twice for ${domain}; the first declaration is used`);
      return;
    }
    const declared = attr(el, 'attr.type');
    const key: KeyDef = {
      id,
      domain,
      name: attr(el, 'attr.name') ?? id,
      declared: declared ?? 'string',
      type: valueTypeOf(declared),
      typed: declared !== null,
      default: undefined,
    };
    const def = childElements(el).find((c) => isG(c, 'default'));
    if (def && !hasElementChildren(def) && (domain === 'node' || domain === 'edge' || domain === 'all')) {
      key.default = typeOrKeep(log, textOf(def), key.type, key.declared, { at: locate(def), owner: domain === 'edge' ? 'edge' : 'node', name: key.name });
    }
    byId.set(id, key);
  };
  const collectKeys = (parent: XmlElement) => {
    for (const c of childElements(parent)) {
      if (isG(c, 'key')) readKey(c);
      else if (isG(c, 'graph')) collectKeys(c);
      else if (isG(c, 'node') || isG(c, 'edge')) for (const g of childElements(c)) if (isG(g, 'graph')) collectKeys(g);
    }
  };
  collectKeys(root);
  const namesFor = (domain: string) => [...(keys.get(domain)?.values() ?? []), ...(keys.get('all')?.values() ?? [])].map((k) => k.name);
  const ownNodes = declaresOwn(namesFor('node'));
  const ownEdges = declaresOwn(namesFor('edge'));
  // A U+FFFD in a file we wrote is data, not a sign of a wrong encoding.
  if (!ownNodes && !ownEdges) for (const w of parsed.warnings) log.warn(w.path, w.message);

  const lookup = (domain: Domain, id: string, at: string): KeyDef => {
    const key = keys.get(domain)?.get(id) ?? keys.get('all')?.get(id);
    if (key) return key;
    for (const [otherDomain, byId] of keys) {
      const other = byId.get(id);
      if (other) {
        log.tally(`wrong-domain:${domain}:${id}`, at, (n) =>
          `key ${JSON.stringify(id)} (${JSON.stringify(other.name)}) is declared for ${otherDomain} but used on ${plural(n, domain)}: the value is kept`);
        return other;
      }
    }
    log.tally(`undeclared:${domain}:${id}`, at, (n) => `key ${JSON.stringify(id)} is not declared (no <key id="${id}">): kept as text on ${plural(n, domain)}`);
    const undeclared: KeyDef = { id, domain, name: id, declared: 'string', type: 'string', typed: true, default: undefined };
    return undeclared;
  };

  /** The data of one element, typed, plus what yEd graphics say; defaults added. */
  const readData = (el: XmlElement, domain: Exclude<Domain, 'graph'>): { values: FileValue[]; graphics: Graphics; desc: string | null } => {
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
      const key = lookup(domain, id, at);
      given.add(key.id);
      if (!key.typed && hasElementChildren(d)) {
        readGraphics(d, key, domain, graphics, log);
        continue;
      }
      values.push({ name: key.name, value: typeOrKeep(log, textOf(d), key.type, key.declared, { at, owner: domain, name: key.name }), at });
    }
    const at = locate(el);
    for (const byId of [keys.get(domain), keys.get('all')]) {
      for (const key of byId?.values() ?? []) {
        if (key.default !== undefined && !given.has(key.id)) {
          given.add(key.id);
          values.push({ name: key.name, value: key.default, at });
        }
      }
    }
    return { values, graphics, desc };
  };

  // ---- graph-level data: the title, our meta; the rest is noted
  let title: string | null = null;
  let description: string | null = null;
  let ownMeta: { text: string; at: string } | null = null;
  const ignoredGraphData: string[] = [];
  let ignoredGraphAt = '';
  for (const c of childElements(graph)) {
    if (isG(c, 'desc')) description ??= textOf(c);
    if (!isG(c, 'data')) continue;
    const id = attr(c, 'key');
    if (id === null) continue;
    const key = keys.get('graph')?.get(id) ?? keys.get('all')?.get(id);
    const name = key?.name ?? id;
    if (key && !key.typed && hasElementChildren(c)) continue; // yFiles resources, user tags
    if (name === OWN.meta) ownMeta = { text: textOf(c), at: locate(c) };
    else if (title === null && ['title', 'name', 'label'].includes(name.toLowerCase()) && textOf(c).trim() !== '') title = textOf(c).trim();
    else {
      if (ignoredGraphData.length === 0) ignoredGraphAt = locate(c);
      ignoredGraphData.push(`${name} = ${JSON.stringify(textOf(c).trim().slice(0, 40))}`);
    }
  }
  if (ignoredGraphData.length > 0) {
    log.warn(ignoredGraphAt, `graph attributes have no place in a dataset and are not imported: ${ignoredGraphData.join(', ')}`);
  }

  // ---- nodes and edges, nested graphs flattened
  const nodes: FileNode[] = [];
  const edges: FileEdge[] = [];
  const readGraph = (g: XmlElement, nested: boolean) => {
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
      if (isG(c, 'node')) {
        const id = attr(c, 'id');
        if (id === null || id === '') {
          log.error(cat, 'a <node> needs a non-empty id');
          continue;
        }
        if (nested) log.tally('nested', cat, (n) => `nested graphs (yEd groups): ${plural(n, 'node')} inside other nodes are read as ordinary actors; the grouping is not kept`);
        const { values, graphics, desc } = readData(c, 'node');
        if (graphics.geometry) {
          const { x, y, width, height } = graphics.geometry;
          for (const [name, value] of [['x', x + width / 2], ['y', y + height / 2], ['width', width], ['height', height]] as const) {
            if (!values.some((v) => v.name === name)) values.push({ name, value, at: cat });
          }
        }
        if (graphics.color && !values.some((v) => v.name === 'color')) values.push({ name: 'color', value: graphics.color, at: cat });
        const names: NameSource[] = ownNodes
          ? [{ value: 'label', exact: true }, { text: graphics.label, keepAs: 'yedLabel' }, { text: desc, keepAs: 'description' }]
          : [{ value: 'label' }, { value: 'name' }, { text: graphics.label, keepAs: 'yedLabel' }, { text: desc, keepAs: 'description' }];
        nodes.push({ id, at: cat, names, values });
        for (const inner of childElements(c)) if (isG(inner, 'graph')) readGraph(inner, true);
      } else if (isG(c, 'edge')) {
        const source = attr(c, 'source');
        const target = attr(c, 'target');
        if (source === null || target === null) {
          log.error(cat, `an <edge> needs a source and a target${source === null ? ' (no source)' : ' (no target)'}`);
          continue;
        }
        const directedAttr = attr(c, 'directed');
        let directed = directedDefault;
        if (directedAttr !== null) {
          const t = directedAttr.trim().toLowerCase();
          if (t === 'true' || t === '1') directed = true;
          else if (t === 'false' || t === '0') directed = false;
          else log.tally('directed', cat, (n) => `directed=${JSON.stringify(directedAttr)} is not true or false: ${plural(n, 'edge')} read with the graph's default`);
        }
        const { values, graphics, desc } = readData(c, 'edge');
        if (desc !== null && desc.trim() !== '' && !values.some((v) => v.name === 'description')) values.push({ name: 'description', value: desc, at: cat });
        edges.push({ id: attr(c, 'id'), source, target, at: cat, directed, nativeLabel: graphics.label, values });
        for (const inner of childElements(c)) if (isG(inner, 'graph')) log.warn(locate(inner), 'a graph nested in an edge is not imported');
      } else if (isG(c, 'hyperedge')) {
        log.tally('hyperedge', cat, (n) => `${plural(n, 'hyperedge')} (one edge joining several nodes) cannot be represented and ${n === 1 ? 'is' : 'are'} skipped`);
      } else if (isG(c, 'locator')) {
        log.warn(cat, 'a <locator> (a graph in another file) is not followed');
      }
    }
  };
  readGraph(graph, false);
  if (nodes.length === 0 && !log.hasErrors) log.warn(locate(graph), 'the graph has no nodes');

  return buildImport({ format: 'graphml', fileName, title, description, ownMeta, ownNodes, ownEdges, nodes, edges }, log);
}

/** Labels, geometry and fill from yEd (`y:ShapeNode`, `y:PolyLineEdge`) or yFiles for HTML (`y:Label.Text`, `y:RectD`, style `fill`). */
function readGraphics(d: XmlElement, key: KeyDef, domain: 'node' | 'edge', into: Graphics, log: ImportLog): void {
  let found = false;
  const walk = (n: XmlElement) => {
    for (const c of childElements(n)) {
      const name = c.localName;
      if (into.label === null && (name === 'NodeLabel' || name === 'EdgeLabel' || name === 'Label.Text')) {
        const t = name === 'Label.Text' ? textOf(c) : ownText(c);
        if (t.trim() !== '') {
          into.label = t;
          found = true;
        }
      } else if (domain === 'node' && into.geometry === null && (name === 'Geometry' || name === 'RectD')) {
        const [x, y, w, h] = (name === 'Geometry' ? ['x', 'y', 'width', 'height'] : ['X', 'Y', 'Width', 'Height']).map((a) => parseNumber(attr(c, a) ?? ''));
        if (x != null && y != null && w != null && h != null) {
          into.geometry = { x, y, width: w, height: h };
          found = true;
        }
      } else if (domain === 'node' && into.color === null && name === 'Fill') {
        // yEd: #RRGGBB or #RRGGBBAA
        const m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(attr(c, 'color') ?? '');
        if (m) {
          into.color = `#${m[1]!.toLowerCase()}`;
          found = true;
        }
      } else if (domain === 'node' && into.color === null && key.name === 'NodeStyle' && hasAttr(c, 'fill')) {
        // yFiles for HTML: #AARRGGBB or #RRGGBB
        const m = /^#(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(attr(c, 'fill') ?? '');
        if (m) {
          into.color = `#${m[1]!.toLowerCase()}`;
          found = true;
        }
      }
      walk(c);
    }
  };
  walk(d);
  if (!found) {
    log.tally(`graphics:${domain}:${key.name}`, locate(d), (n) =>
      `${domain} data ${JSON.stringify(key.name)} (yEd/yFiles graphics or structured data) is not imported (${plural(n, domain)})`);
  }
}

// ---------------------------------------------------------------- writing

const GRAPHML_TYPES = { string: 'string', integer: 'long', double: 'double', boolean: 'boolean' } as const;

function withoutKey(attributes: Attributes | undefined, key: string | null): Attributes | undefined {
  if (!attributes || key === null) return attributes;
  const rest = Object.create(null) as Attributes;
  for (const [k, v] of Object.entries(attributes)) if (k !== key) rest[k] = v;
  return rest;
}

function writeData(fields: OutField[], columnOf: (f: OutField) => Column, owner: () => string, out: string[]): void {
  for (const f of fields) out.push(`      <data key="${columnOf(f).id}">${xmlText(f.text, () => `${owner()} ${f.label}`)}</data>`);
}

/** The dataset as GraphML text. Throws an Error naming the actor or relation if a text holds a character XML cannot carry. */
export function writeGraphml(dataset: Dataset): string {
  const nodeRows = dataset.actors.map((actor) => ({
    actor,
    fields: [
      { name: 'label', kind: 'string' as const, text: actor.name, integer: false, label: 'name' },
      ...actorFields(actor, actor.attributes, (name) => name === 'label'),
    ],
  }));
  const edgeRows = dataset.relations.map((relation) => {
    const a = relation.attributes;
    const undirected = relation.type === 'partner' || a?.undirected === true;
    const native = a?.undirected === true && relation.type !== 'partner' ? 'undirected' : null;
    return { relation, undirected, fields: relationFields(relation, withoutKey(a, native), () => false) };
  });
  const nodeColumns = planColumns(nodeRows.map((r) => r.fields), 'v');
  const edgeColumns = planColumns(edgeRows.map((r) => r.fields), 'e');

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  );
  out.push('  <!-- Written by Actorscope. Attributes named actorscope:* hold what GraphML cannot say natively (kind, aliases, claims…). -->');
  out.push(`  <key id="g0" for="graph" attr.name="${OWN.meta}" attr.type="string"/>`);
  const keyLine = (domain: string, c: Column) =>
    `  <key id="${c.id}" for="${domain}" attr.name="${xmlAttr(c.name, () => `the attribute name ${JSON.stringify(c.name)}`)}" attr.type="${GRAPHML_TYPES[c.type]}"/>`;
  for (const c of nodeColumns.columns) out.push(keyLine('node', c));
  for (const c of edgeColumns.columns) out.push(keyLine('edge', c));
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(`    <data key="g0">${xmlText(JSON.stringify(dataset.meta), () => 'the dataset description (meta)')}</data>`);
  for (const { actor, fields } of nodeRows) {
    const who = () => `actor ${JSON.stringify(actor.id)}`;
    out.push(`    <node id="${xmlAttr(actor.id, () => `${who()} (its id)`)}">`);
    writeData(fields, nodeColumns.columnOf, who, out);
    out.push('    </node>');
  }
  for (const { relation, undirected, fields } of edgeRows) {
    const who = () => `relation ${JSON.stringify(relation.id)}`;
    out.push(
      `    <edge id="${xmlAttr(relation.id, () => `${who()} (its id)`)}" source="${xmlAttr(relation.source, () => `${who()} source`)}" target="${xmlAttr(relation.target, () => `${who()} target`)}"${undirected ? ' directed="false"' : ''}>`,
    );
    writeData(fields, edgeColumns.columnOf, who, out);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- the format

/** A GraphML root element near the start: after a BOM, the XML declaration, comments or processing instructions. */
export function sniffGraphml(text: string): boolean {
  return startsWithRoot(text, 'graphml');
}

export const graphmlFormat: FileFormat = {
  id: 'graphml',
  label: 'GraphML (yEd, Gephi, networkx, igraph)',
  extensions: ['graphml'],
  sniff: sniffGraphml,
  read(files) {
    const file = oneFile(files, 'graphml', 'GraphML');
    return 'ok' in file ? file : readGraphml(file.text, file.name);
  },
  write(dataset, baseName) {
    return [{ name: `${baseName}.graphml`, text: writeGraphml(dataset), mime: 'application/graphml+xml' }];
  },
};
