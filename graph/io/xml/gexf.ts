/**
 * GEXF in (1.1, 1.2draft, 1.3: Gephi, Gephi Lite, graphology) and out (1.3).
 *
 * A small reader and writer of our own over graph/io/xml.ts, not
 * graphology-gexf: see xml.ts for what that package gets wrong (measured).
 *
 * Reading: namespaces are matched loosely (`http://www.gexf.net/1.2draft`,
 * `http://gexf.net/1.3`, none at all), and viz elements are recognised by a
 * namespace or prefix containing "viz", so graphology's non-standard
 * `http:///www.gexf.net/1.1draft/viz` (three slashes) works. `defaultedgetype`
 * (GEXF's default: undirected) and per-edge `type` give mixed graphs; `mutual`
 * reads as undirected. viz position/size/color → attributes x, y (z if not 0),
 * size, color ("#rrggbb"); edge viz color/thickness → color, thickness; the
 * native edge `weight` → attributes.weight. Declared attributes are typed
 * (see attribute-mapping.ts); `<default>` values apply where a node or edge
 * has none. An attvalue for an undeclared attribute is kept as text with a
 * warning. Time data (spells, start/end, dynamic attvalues) is not imported:
 * the first value of each attribute is kept, with a warning. Nested nodes
 * (hierarchical GEXF) are read as ordinary actors, with a warning.
 *
 * Writing: GEXF 1.3, `defaultedgetype="directed"`; partner relations (and
 * relations marked `undirected`) are written `type="undirected"`. The actor
 * name is the node label; numeric x+y, size and "#rrggbb" colour go to viz
 * elements, a numeric weight to the edge's `weight`; everything else to
 * declared attributes (see attribute-mapping.ts for the `actorscope:` ones).
 * The whole `meta` is kept as JSON in `<actorscope:meta>` inside `<meta>`.
 * A character XML cannot hold makes write() throw, naming the actor/relation.
 */
import { oneFile } from '../json/actorscope-json';
import type { Actor, AttributeValue, Attributes, Dataset, Relation } from '../../model/types';
import type { FileFormat, FormatImportResult } from '../format';
import {
  ImportLog,
  actorFields,
  buildImport,
  declaresOwn,
  formatNumber,
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
import { attr, childElements, children, describeRoot, firstChild, hasAttr, locate, parseXml, startsWithRoot, textOf, xmlAttr, xmlText, type XmlElement } from './xml';

const GEXF_NS = 'http://gexf.net/1.3';
const VIZ_NS = 'http://gexf.net/1.3/viz';
/** Our namespace, for the `<actorscope:meta>` element. */
export const ACTORSCOPE_NS = 'urn:actorscope:1';

type Owner = 'node' | 'edge';

interface AttributeDecl {
  id: string;
  name: string;
  declared: string;
  type: ValueType;
  default: AttributeValue | undefined;
}

const fail = (path: string, message: string): FormatImportResult => ({ ok: false, format: 'gexf', problems: [{ severity: 'error', path, message }] });

/** Reads GEXF text. `fileName` gives the title when the file has none. */
export function readGexf(text: string, fileName = 'graph.gexf'): FormatImportResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, format: 'gexf', problems: [parsed.problem] };
  const root = parsed.root;
  const ns = root.ns;
  if (root.localName !== 'gexf' || (ns !== null && !/gexf/i.test(ns))) {
    return fail(locate(root), `this is ${describeRoot(root)}, not a GEXF file`);
  }
  const graph = firstChild(root, ns, 'graph');
  if (!graph) return fail(locate(root), 'the GEXF file has no <graph> element');

  const log = new ImportLog();
  const dynamic = (at: string) =>
    log.tally('dynamic', at, (n) =>
      `time data (spells, start/end, dynamic attribute values) is not imported: the first value of each attribute is kept (${n === 1 ? 'one place' : `${n} places`})`);
  if (attr(graph, 'mode') === 'dynamic') dynamic(locate(graph));

  // ---- meta
  const metaEl = firstChild(root, ns, 'meta');
  const metaText = (name: string) => {
    const el = metaEl && firstChild(metaEl, ns, name);
    return el ? textOf(el) : null;
  };
  const ownMetaEl = metaEl && firstChild(metaEl, ACTORSCOPE_NS, 'meta');

  // ---- declared attributes
  const decls: Record<Owner, Map<string, AttributeDecl>> = { node: new Map(), edge: new Map() };
  for (const block of children(graph, ns, 'attributes')) {
    const cls = attr(block, 'class');
    if (cls !== 'node' && cls !== 'edge') {
      log.warn(locate(block), `attributes of class ${JSON.stringify(cls ?? '')} are not imported (only node and edge)`);
      continue;
    }
    if (attr(block, 'mode') === 'dynamic') dynamic(locate(block));
    for (const a of children(block, ns, 'attribute')) {
      const id = attr(a, 'id');
      if (id === null) {
        log.warn(locate(a), 'an <attribute> without an id is ignored');
        continue;
      }
      if (decls[cls].has(id)) {
        log.warn(locate(a), `${cls} attribute id ${JSON.stringify(id)} is declared twice; the first declaration is used`);
        continue;
      }
      const name = attr(a, 'title') ?? id;
      const declared = attr(a, 'type') ?? 'string';
      const type = valueTypeOf(declared);
      const defaultEl = firstChild(a, ns, 'default');
      const decl: AttributeDecl = { id, name, declared, type, default: undefined };
      if (defaultEl) decl.default = typeOrKeep(log, textOf(defaultEl), type, declared, { at: locate(defaultEl), owner: cls, name });
      decls[cls].set(id, decl);
    }
  }
  const withDefaults = { node: [...decls.node.values()].filter((d) => d.default !== undefined), edge: [...decls.edge.values()].filter((d) => d.default !== undefined) };
  const ownNodes = declaresOwn([...decls.node.values()].map((d) => d.name));
  const ownEdges = declaresOwn([...decls.edge.values()].map((d) => d.name));
  // A U+FFFD in a file we wrote is data, not a sign of a wrong encoding.
  if (!ownNodes && !ownEdges) for (const w of parsed.warnings) log.warn(w.path, w.message);

  const readValues = (el: XmlElement, owner: Owner): FileValue[] => {
    const out: FileValue[] = [];
    const given: string[] = [];
    for (const block of children(el, ns, 'attvalues')) {
      for (const av of children(block, ns, 'attvalue')) {
        const at = locate(av);
        const ref = attr(av, 'for') ?? attr(av, 'id');
        if (ref === null) {
          log.tally(`attvalue-without-for:${owner}`, at, (n) => `${n === 1 ? 'an attvalue' : `${n} attvalues`} without "for" ignored`);
          continue;
        }
        if (hasAttr(av, 'start') || hasAttr(av, 'end') || hasAttr(av, 'startopen') || hasAttr(av, 'endopen')) dynamic(at);
        if (given.includes(ref)) {
          dynamic(at);
          continue;
        }
        given.push(ref);
        const raw = attr(av, 'value') ?? '';
        const decl = decls[owner].get(ref);
        if (!decl) {
          log.tally(`undeclared:${owner}:${ref}`, at, (n) =>
            `${owner} attribute ${JSON.stringify(ref)} is not declared (<attributes class="${owner}">): kept as text on ${n === 1 ? `one ${owner}` : `${n} ${owner}s`}`);
          out.push({ name: ref, value: raw, at });
          continue;
        }
        out.push({ name: decl.name, value: typeOrKeep(log, raw, decl.type, decl.declared, { at, owner, name: decl.name }), at });
      }
    }
    const defaults = withDefaults[owner];
    if (defaults.length > 0) {
      const at = locate(el);
      for (const decl of defaults) if (!given.includes(decl.id)) out.push({ name: decl.name, value: decl.default!, at });
    }
    return out;
  };

  /** viz elements → values, unless a declared attribute of that name is there already. */
  const readViz = (el: XmlElement, owner: Owner, values: FileValue[]) => {
    const add = (name: string, value: AttributeValue, at: string) => {
      if (values.some((v) => v.name === name)) {
        log.tally(`viz-shadowed:${owner}:${name}`, at, (n) => `viz ${name} ignored on ${n === 1 ? `one ${owner}` : `${n} ${owner}s`}: a declared attribute "${name}" is kept instead`);
      } else values.push({ name, value, at });
    };
    const num = (v: XmlElement, name: string): number | null => {
      const raw = attr(v, name);
      if (raw === null) return null;
      const n = parseNumber(raw);
      if (n === null) log.tally(`viz-number:${owner}`, locate(v), (k) => `viz ${v.localName} ${name} ${JSON.stringify(raw)} is not a number; ignored${k > 1 ? ` (${k} values)` : ''}`);
      return n;
    };
    for (const v of childElements(el)) {
      if (v.ns === ns || !/viz/i.test(v.ns ?? v.prefix ?? '')) continue;
      const at = locate(v);
      switch (v.localName) {
        case 'position': {
          if (owner !== 'node') break;
          const x = num(v, 'x');
          const y = num(v, 'y');
          const z = num(v, 'z');
          if (x !== null) add('x', x, at);
          if (y !== null) add('y', y, at);
          if (z !== null && z !== 0) add('z', z, at);
          break;
        }
        case 'size':
        case 'thickness': {
          const n = num(v, 'value');
          if (n !== null) add(v.localName, n, at);
          break;
        }
        case 'color': {
          const color = vizColor(v);
          if (color) add('color', color, at);
          else log.tally(`viz-color:${owner}`, at, (k) => `viz color without valid r, g, b (0–255) or hex ignored${k > 1 ? ` (${k} elements)` : ''}`);
          break;
        }
        default:
          break; // shape: not kept
      }
    }
  };

  // ---- nodes
  const nodes: FileNode[] = [];
  const readNodes = (container: XmlElement, nested: boolean) => {
    for (const el of children(container, ns, 'node')) {
      const at = locate(el);
      if (nested) log.tally('nested', at, (n) => `hierarchical GEXF: ${n === 1 ? 'one nested node is' : `${n} nested nodes are`} read as ordinary actors (the hierarchy is not kept)`);
      if (hasAttr(el, 'start') || hasAttr(el, 'end') || hasAttr(el, 'pid') || firstChild(el, ns, 'spells')) dynamic(at);
      const id = attr(el, 'id');
      if (id === null || id === '') {
        log.error(at, 'a <node> needs a non-empty id');
        continue;
      }
      const values = readValues(el, 'node');
      readViz(el, 'node', values);
      const label = attr(el, 'label');
      const names: NameSource[] = ownNodes ? [{ text: label }] : [{ text: label }, { value: 'label' }, { value: 'name' }];
      nodes.push({ id, at, names, values });
      for (const inner of children(el, ns, 'nodes')) readNodes(inner, true);
    }
  };
  for (const container of children(graph, ns, 'nodes')) readNodes(container, false);
  if (nodes.length === 0 && !log.hasErrors) log.warn(locate(graph), 'the graph has no nodes');

  // ---- edges
  const defaultType = attr(graph, 'defaultedgetype') ?? 'undirected';
  let defaultDirected = defaultType === 'directed';
  if (!['directed', 'undirected', 'mutual'].includes(defaultType)) {
    log.warn(locate(graph), `defaultedgetype ${JSON.stringify(defaultType)} is not directed, undirected or mutual: read as undirected (GEXF's default)`);
    defaultDirected = false;
  }
  const edges: FileEdge[] = [];
  for (const container of children(graph, ns, 'edges')) {
    for (const el of children(container, ns, 'edge')) {
      const at = locate(el);
      const source = attr(el, 'source');
      const target = attr(el, 'target');
      if (source === null || target === null) {
        log.error(at, `an <edge> needs a source and a target${source === null ? ' (no source)' : ' (no target)'}`);
        continue;
      }
      if (hasAttr(el, 'start') || hasAttr(el, 'end') || firstChild(el, ns, 'spells')) dynamic(at);
      const type = attr(el, 'type');
      let directed = defaultDirected;
      if (type !== null) {
        if (type === 'directed') directed = true;
        else if (type === 'undirected' || type === 'mutual') directed = false;
        else log.tally('edge-type', at, (n) => `edge type ${JSON.stringify(type)} is not directed, undirected or mutual: ${n === 1 ? 'one edge' : `${n} edges`} read with the default (${defaultType})`);
      }
      const values = readValues(el, 'edge');
      const weight = attr(el, 'weight');
      if (weight !== null) {
        if (values.some((v) => v.name === 'weight')) {
          log.tally('weight-twice', at, (n) => `the edge weight is given both natively and as an attribute on ${n === 1 ? 'one edge' : `${n} edges`}: the attribute is kept`);
        } else {
          values.push({ name: 'weight', value: typeOrKeep(log, weight, 'number', 'weight', { at, owner: 'edge', name: 'weight' }), at });
        }
      }
      readViz(el, 'edge', values);
      edges.push({ id: attr(el, 'id'), source, target, at, directed, nativeKind: attr(el, 'kind'), nativeLabel: attr(el, 'label'), values });
    }
  }

  return buildImport(
    {
      format: 'gexf',
      fileName,
      title: metaText('title'),
      description: metaText('description'),
      ownMeta: ownMetaEl ? { text: textOf(ownMetaEl), at: locate(ownMetaEl) } : null,
      ownNodes,
      ownEdges,
      nodes,
      edges,
    },
    log,
  );
}

function vizColor(v: XmlElement): string | null {
  const hex = attr(v, 'hex');
  if (hex !== null) {
    const m = /^#?([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
    return m ? `#${m[1]!.toLowerCase()}` : null;
  }
  const parts = ['r', 'g', 'b'].map((c) => parseNumber(attr(v, c) ?? ''));
  if (parts.some((p) => p === null || p < 0 || p > 255 || !Number.isInteger(p))) return null;
  return `#${parts.map((p) => p!.toString(16).padStart(2, '0')).join('')}`;
}

// ---------------------------------------------------------------- writing

const GEXF_TYPES = { string: 'string', integer: 'long', double: 'double', boolean: 'boolean' } as const;
const HEX_COLOR = /^#[0-9a-f]{6}$/;

function withoutKeys(attributes: Attributes | undefined, keys: string[]): Attributes | undefined {
  if (!attributes || keys.length === 0) return attributes;
  const rest = Object.create(null) as Attributes;
  for (const [k, v] of Object.entries(attributes)) if (!keys.includes(k)) rest[k] = v;
  return rest;
}

function writeAttributes(cls: 'node' | 'edge', columns: Column[], out: string[]): void {
  if (columns.length === 0) return;
  out.push(`    <attributes class="${cls}" mode="static">`);
  for (const c of columns) {
    out.push(`      <attribute id="${c.id}" title="${xmlAttr(c.name, () => `the attribute name ${JSON.stringify(c.name)}`)}" type="${GEXF_TYPES[c.type]}"/>`);
  }
  out.push('    </attributes>');
}

function writeValues(fields: OutField[], columnOf: (f: OutField) => Column, owner: () => string, out: string[]): void {
  if (fields.length === 0) return;
  out.push('        <attvalues>');
  for (const f of fields) {
    out.push(`          <attvalue for="${columnOf(f).id}" value="${xmlAttr(f.text, () => `${owner()} ${f.label}`)}"/>`);
  }
  out.push('        </attvalues>');
}

const rgb = (hex: string) => `r="${parseInt(hex.slice(1, 3), 16)}" g="${parseInt(hex.slice(3, 5), 16)}" b="${parseInt(hex.slice(5, 7), 16)}"`;

/** The dataset as GEXF 1.3 text. Throws an Error naming the actor or relation if a text holds a character XML cannot carry. */
export function writeGexf(dataset: Dataset): string {
  const describeActor = (a: Actor) => `actor ${JSON.stringify(a.id)}`;
  const describeRelation = (r: Relation) => `relation ${JSON.stringify(r.id)}`;
  const noneReserved = () => false;

  const nodeRows = dataset.actors.map((actor) => {
    const a = actor.attributes;
    const viz: string[] = [];
    const taken: string[] = [];
    if (a && typeof a.color === 'string' && HEX_COLOR.test(a.color)) {
      viz.push(`<viz:color ${rgb(a.color)}/>`);
      taken.push('color');
    }
    if (a && typeof a.x === 'number' && typeof a.y === 'number') {
      viz.push(`<viz:position x="${formatNumber(a.x)}" y="${formatNumber(a.y)}"/>`);
      taken.push('x', 'y');
    }
    if (a && typeof a.size === 'number') {
      viz.push(`<viz:size value="${formatNumber(a.size)}"/>`);
      taken.push('size');
    }
    return { actor, viz, fields: actorFields(actor, withoutKeys(a, taken), noneReserved) };
  });
  const edgeRows = dataset.relations.map((relation) => {
    const a = relation.attributes;
    const taken: string[] = [];
    let extra = '';
    let viz = '';
    const undirected = relation.type === 'partner' || (a?.undirected === true);
    if (undirected) extra += ' type="undirected"';
    if (a?.undirected === true && relation.type !== 'partner') taken.push('undirected');
    if (a && typeof a.weight === 'number') {
      extra += ` weight="${formatNumber(a.weight)}"`;
      taken.push('weight');
    }
    if (a && typeof a.color === 'string' && HEX_COLOR.test(a.color)) {
      viz = `<viz:color ${rgb(a.color)}/>`;
      taken.push('color');
    }
    return { relation, extra, viz, fields: relationFields(relation, withoutKeys(a, taken), noneReserved) };
  });
  const nodeColumns = planColumns(nodeRows.map((r) => r.fields), 'n');
  const edgeColumns = planColumns(edgeRows.map((r) => r.fields), 'e');

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<gexf xmlns="${GEXF_NS}" xmlns:viz="${VIZ_NS}" xmlns:actorscope="${ACTORSCOPE_NS}" version="1.3">`);
  out.push('  <meta>');
  out.push('    <creator>Actorscope</creator>');
  out.push(`    <title>${xmlText(dataset.meta.title, () => 'the dataset title')}</title>`);
  if (dataset.meta.description !== undefined) out.push(`    <description>${xmlText(dataset.meta.description, () => 'the dataset description')}</description>`);
  out.push(`    <actorscope:meta>${xmlText(JSON.stringify(dataset.meta), () => 'the dataset description (meta)')}</actorscope:meta>`);
  out.push('  </meta>');
  out.push('  <graph mode="static" defaultedgetype="directed">');
  writeAttributes('node', nodeColumns.columns, out);
  writeAttributes('edge', edgeColumns.columns, out);
  out.push('    <nodes>');
  for (const { actor, viz, fields } of nodeRows) {
    const who = () => describeActor(actor);
    out.push(`      <node id="${xmlAttr(actor.id, () => `${who()} (its id)`)}" label="${xmlAttr(actor.name, () => `${who()} name`)}">`);
    writeValues(fields, nodeColumns.columnOf, who, out);
    for (const v of viz) out.push(`        ${v}`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const { relation, extra, viz, fields } of edgeRows) {
    const who = () => describeRelation(relation);
    out.push(
      `      <edge id="${xmlAttr(relation.id, () => `${who()} (its id)`)}" source="${xmlAttr(relation.source, () => `${who()} source`)}" target="${xmlAttr(relation.target, () => `${who()} target`)}"${extra}>`,
    );
    writeValues(fields, edgeColumns.columnOf, who, out);
    if (viz) out.push(`        ${viz}`);
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- the format

/** A GEXF root element near the start: after a BOM, the XML declaration, comments or processing instructions. */
export function sniffGexf(text: string): boolean {
  return startsWithRoot(text, 'gexf');
}

export const gexfFormat: FileFormat = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  extensions: ['gexf'],
  sniff: sniffGexf,
  read(files) {
    const file = oneFile(files, 'gexf', 'GEXF');
    return 'ok' in file ? file : readGexf(file.text, file.name);
  },
  write(dataset, baseName) {
    return [{ name: `${baseName}.gexf`, text: writeGexf(dataset), mime: 'application/gexf+xml' }];
  },
};

