/**
 * Reading GEXF (1.1, 1.2draft, 1.3: Gephi, Gephi Lite, graphology) into file
 * records (common/records.ts) for common/elements.ts.
 *
 * Namespaces are matched loosely (`http://www.gexf.net/1.2draft`,
 * `http://gexf.net/1.3`, none at all), and viz elements are recognised by a
 * namespace or prefix containing "viz", so graphology's non-standard
 * `http:///www.gexf.net/1.1draft/viz` (three slashes) works (gexf-viz.ts).
 * `defaultedgetype` (GEXF's default: undirected) and per-edge `type` give
 * mixed graphs; `mutual` reads as undirected. The native edge `weight` →
 * attributes.weight. Declared attributes are typed (common/value-typing.ts);
 * `<default>` values apply where a node or edge has none. An attvalue for an
 * undeclared attribute is kept as text with a warning. Time (dynamic GEXF:
 * spells, start/end, dynamic attvalues) is read onto our calendar
 * (gexf-time.ts): another tool's edge gets one claim per span
 * (gexf-edge-claims.ts), a node's lifetime and values over time are kept in
 * attributes (gexf-timed-values.ts); in our own files the claims say when an
 * edge holds, so its spells and weights over time are not read again. Nested
 * nodes (hierarchical GEXF) are read as ordinary actors, with a warning.
 */
import type { AttributeValue } from '../../model/types';
import { buildImport } from '../common/elements';
import type { ActorRecord, FileValue, NameSource, RelationRecord } from '../common/records';
import { declaresOwn } from '../common/own-names';
import { ProblemLog } from '../common/problem-log';
import { typeOrKeep, valueTypeOf, type ValueType } from '../common/value-typing';
import type { FormatImportResult } from '../format';
import { ACTORSCOPE_NS, DERIVED_WEIGHT_ID } from './gexf-write';
import { claimWeights, edgeClaims, makeQuoter, type Quoter, type TimedWeight } from './gexf-edge-claims';
import { GexfClock, hasTime, type Span } from './gexf-time';
import { SPELLS_ATTRIBUTE, spellsText, timedValuesText, type TimedValue } from './gexf-timed-values';
import { readViz } from './gexf-viz';
import { parseGraphRoot } from './parse';
import { attr, children, firstChild, hasAttr, locate, textOf, type XmlElement } from './tree';

export type Owner = 'node' | 'edge';

interface AttributeDecl {
  id: string;
  name: string;
  declared: string;
  type: ValueType;
  default: AttributeValue | undefined;
}

/** One attvalue of an attribute on a node or edge, typed, with its span if it has one. */
interface GivenValue {
  value: AttributeValue;
  span: Span | null;
  el: XmlElement;
}

/** What the readers of nodes and edges share. */
export interface GexfContext {
  /** The GEXF namespace of the file (or null). */
  ns: string | null;
  log: ProblemLog;
  decls: Record<Owner, Map<string, AttributeDecl>>;
  withDefaults: Record<Owner, AttributeDecl[]>;
  clock: GexfClock;
  quoter: Quoter;
  fileName: string;
  /** Edges of a file Actorscope wrote: their time is in their claims. */
  ownEdges: boolean;
}

const fail = (path: string, message: string): FormatImportResult => ({ ok: false, format: 'gexf', problems: [{ severity: 'error', path, message }] });

/** The `<attributes>` blocks: node and edge declarations, with their typed defaults. */
function readDeclarations(graph: XmlElement, ns: string | null, log: ProblemLog): Record<Owner, Map<string, AttributeDecl>> {
  const decls: Record<Owner, Map<string, AttributeDecl>> = { node: new Map(), edge: new Map() };
  for (const block of children(graph, ns, 'attributes')) {
    const cls = attr(block, 'class');
    if (cls !== 'node' && cls !== 'edge') {
      log.warn(locate(block), `attributes of class ${JSON.stringify(cls ?? '')} are not imported (only node and edge)`);
      continue;
    }
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
  return decls;
}

/**
 * The attvalues of a node or edge, typed by their declarations; defaults added
 * where none is given. An attribute given once without time is a plain value;
 * given with a time or more than once, its values over time (JSON text,
 * gexf-timed-values.ts) — except another tool's edge weight over time, which
 * is returned as `weights` for its claims (gexf-edge-claims.ts).
 */
function readValues(el: XmlElement, owner: Owner, ctx: GexfContext): { values: FileValue[]; weights: TimedWeight[] } {
  const { ns, log } = ctx;
  const out: FileValue[] = [];
  const given = new Map<string, { name: string; at: string; list: GivenValue[] }>();
  const order: string[] = [];
  for (const block of children(el, ns, 'attvalues')) {
    for (const av of children(block, ns, 'attvalue')) {
      const at = locate(av);
      const ref = attr(av, 'for') ?? attr(av, 'id');
      if (ref === null) {
        log.tally(`attvalue-without-for:${owner}`, at, (n) => `${n === 1 ? 'an attvalue' : `${n} attvalues`} without "for" ignored`);
        continue;
      }
      // Our own weight over time, made from the claims: they say it.
      if (owner === 'edge' && ctx.ownEdges && ref === DERIVED_WEIGHT_ID) continue;
      const timed = hasTime(av, ns);
      const span = timed ? ctx.clock.spanOf(av) : null;
      if (span === 'bad') continue;
      const raw = attr(av, 'value') ?? '';
      const decl = ctx.decls[owner].get(ref);
      let entry = given.get(ref);
      if (!entry) {
        entry = { name: decl ? decl.name : ref, at, list: [] };
        given.set(ref, entry);
        order.push(ref);
      }
      if (!decl) {
        log.tally(`undeclared:${owner}:${ref}`, at, (n) =>
          `${owner} attribute ${JSON.stringify(ref)} is not declared (<attributes class="${owner}">): kept as text on ${n === 1 ? `one ${owner}` : `${n} ${owner}s`}`);
        entry.list.push({ value: raw, span, el: av });
        continue;
      }
      entry.list.push({ value: typeOrKeep(log, raw, decl.type, decl.declared, { at, owner, name: decl.name }), span, el: av });
    }
  }
  let weights: TimedWeight[] = [];
  for (const ref of order) {
    const { name, at, list } = given.get(ref)!;
    if (list.length === 1 && list[0]!.span === null) {
      out.push({ name, value: list[0]!.value, at });
      continue;
    }
    if (owner === 'edge' && !ctx.ownEdges && name.trim().toLowerCase() === 'weight' && weights.length === 0) {
      const timed = list.map((g) => ({ ...(g.span ?? {}), value: g.value, el: g.el }));
      if (claimWeights(timed)) {
        weights = timed;
        continue;
      }
      log.tally('weight-not-claim', at, (n) =>
        `an edge weight over time that is not a number 0 or more cannot be a claim's weight: kept as the attribute "weight" with its times (${n === 1 ? 'one edge' : `${n} edges`})`);
    }
    const values: TimedValue[] = list.map((g) => ({ value: g.value ?? '', ...(g.span ?? {}) }));
    out.push({ name, value: timedValuesText(values), at });
  }
  const defaults = ctx.withDefaults[owner];
  if (defaults.length > 0) {
    const at = locate(el);
    for (const decl of defaults) if (!given.has(decl.id)) out.push({ name: decl.name, value: decl.default!, at });
  }
  return { values: out, weights };
}

/** The nodes of a `<nodes>` block, and (hierarchical GEXF) those nested in them. */
function readNodes(container: XmlElement, nested: boolean, ownNodes: boolean, ctx: GexfContext, nodes: ActorRecord[]): void {
  const { ns, log } = ctx;
  for (const el of children(container, ns, 'node')) {
    const at = locate(el);
    if (nested) log.tally('nested', at, (n) => `hierarchical GEXF: ${n === 1 ? 'one nested node is' : `${n} nested nodes are`} read as ordinary actors (the hierarchy is not kept)`);
    if (hasAttr(el, 'pid')) log.tally('pid', at, (n) => `hierarchical GEXF: the parent ids (pid) of ${n === 1 ? 'one node are' : `${n} nodes are`} not kept`);
    const id = attr(el, 'id');
    if (id === null || id === '') {
      log.error(at, 'a <node> needs a non-empty id');
      continue;
    }
    const { values } = readValues(el, 'node', ctx);
    if (hasTime(el, ns)) {
      const spans = ctx.clock.spansOf(el, ns);
      if (spans.length > 0) values.unshift({ name: SPELLS_ATTRIBUTE, value: spellsText(spans), at });
    }
    readViz(el, 'node', values, ctx);
    const label = attr(el, 'label');
    const names: NameSource[] = ownNodes ? [{ text: label }] : [{ text: label }, { value: 'label' }, { value: 'name' }];
    nodes.push({ id, at, names, values });
    for (const inner of children(el, ns, 'nodes')) readNodes(inner, true, ownNodes, ctx, nodes);
  }
}

/** One `<edge>`: its ends, direction (per edge, else the graph's default), values, native weight and viz. */
function readEdge(el: XmlElement, defaultType: string, defaultDirected: boolean, ctx: GexfContext): RelationRecord | null {
  const { ns, log } = ctx;
  const at = locate(el);
  const source = attr(el, 'source');
  const target = attr(el, 'target');
  if (source === null || target === null) {
    log.error(at, `an <edge> needs a source and a target${source === null ? ' (no source)' : ' (no target)'}`);
    return null;
  }
  const type = attr(el, 'type');
  let directed = defaultDirected;
  if (type !== null) {
    if (type === 'directed') directed = true;
    else if (type === 'undirected' || type === 'mutual') directed = false;
    else log.tally('edge-type', at, (n) => `edge type ${JSON.stringify(type)} is not directed, undirected or mutual: ${n === 1 ? 'one edge' : `${n} edges`} read with the default (${defaultType})`);
  }
  const { values, weights } = readValues(el, 'edge', ctx);
  // Our own edges hold their time in their claims; another tool's edge gets claims from its time.
  const claims = ctx.ownEdges ? undefined : edgeClaims(hasTime(el, ns) ? ctx.clock.spansOf(el, ns) : [], weights, ctx.fileName, ctx.quoter);
  const weight = attr(el, 'weight');
  if (weight !== null) {
    if (values.some((v) => v.name === 'weight')) {
      log.tally('weight-twice', at, (n) => `the edge weight is given both natively and as an attribute on ${n === 1 ? 'one edge' : `${n} edges`}: the attribute is kept`);
    } else {
      values.push({ name: 'weight', value: typeOrKeep(log, weight, 'number', 'weight', { at, owner: 'edge', name: 'weight' }), at });
    }
  }
  readViz(el, 'edge', values, ctx);
  const record: RelationRecord = { id: attr(el, 'id'), source, target, at, directed, nativeKind: attr(el, 'kind'), nativeLabel: attr(el, 'label'), values };
  if (claims && claims.length > 0) record.claims = claims;
  return record;
}

function readEdges(graph: XmlElement, ctx: GexfContext): RelationRecord[] {
  const defaultType = attr(graph, 'defaultedgetype') ?? 'undirected';
  let defaultDirected = defaultType === 'directed';
  if (!['directed', 'undirected', 'mutual'].includes(defaultType)) {
    ctx.log.warn(locate(graph), `defaultedgetype ${JSON.stringify(defaultType)} is not directed, undirected or mutual: read as undirected (GEXF's default)`);
    defaultDirected = false;
  }
  const edges: RelationRecord[] = [];
  for (const container of children(graph, ctx.ns, 'edges')) {
    for (const el of children(container, ctx.ns, 'edge')) {
      const edge = readEdge(el, defaultType, defaultDirected, ctx);
      if (edge) edges.push(edge);
    }
  }
  return edges;
}

/** Reads GEXF text. `fileName` gives the title when the file has none. */
export function readGexf(text: string, fileName = 'graph.gexf'): FormatImportResult {
  const parsed = parseGraphRoot(text, 'gexf', 'GEXF');
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const ns = root.ns;
  const graph = firstChild(root, ns, 'graph');
  if (!graph) return fail(locate(root), 'the GEXF file has no <graph> element');

  const log = new ProblemLog();
  if (hasAttr(graph, 'start') || hasAttr(graph, 'end')) log.warn(locate(graph), "the graph's own start and end (the bounds of its timeline) are not kept: the nodes' and edges' times are");
  const metaEl = firstChild(root, ns, 'meta');
  const metaText = (name: string) => {
    const el = metaEl && firstChild(metaEl, ns, name);
    return el ? textOf(el) : null;
  };
  const ownMetaEl = metaEl && firstChild(metaEl, ACTORSCOPE_NS, 'meta');

  const decls = readDeclarations(graph, ns, log);
  const withDefaults = { node: [...decls.node.values()].filter((d) => d.default !== undefined), edge: [...decls.edge.values()].filter((d) => d.default !== undefined) };
  const ownNodes = declaresOwn([...decls.node.values()].map((d) => d.name));
  const ownEdges = declaresOwn([...decls.edge.values()].map((d) => d.name));
  // A U+FFFD in a file we wrote is data, not a sign of a wrong encoding.
  if (!ownNodes && !ownEdges) for (const w of parsed.warnings) log.warn(w.path, w.message);

  const ctx: GexfContext = { ns, log, decls, withDefaults, clock: new GexfClock(graph, log), quoter: makeQuoter(text), fileName: fileName.replace(/^.*[\\/]/, '') || 'graph.gexf', ownEdges };
  const nodes: ActorRecord[] = [];
  for (const container of children(graph, ns, 'nodes')) readNodes(container, false, ownNodes, ctx, nodes);
  if (nodes.length === 0 && !log.hasErrors) log.warn(locate(graph), 'the graph has no nodes');
  const edges = readEdges(graph, ctx);
  const ownMeta = ownMetaEl ? { text: textOf(ownMetaEl), at: locate(ownMetaEl) } : null;
  const ownSourcesEl = metaEl && firstChild(metaEl, ACTORSCOPE_NS, 'sources');
  const ownSources = ownSourcesEl ? { text: textOf(ownSourcesEl), at: locate(ownSourcesEl) } : null;
  return buildImport({ format: 'gexf', fileName, title: metaText('title'), description: metaText('description'), ownMeta, ownSources, ownNodes, ownEdges, nodes, edges }, log);
}
