/**
 * Writing GEXF 1.2draft, which Gephi reads as well as 1.3 and networkx 2.8
 * reads at all (it knows no 1.3), with `defaultedgetype="directed"` and every
 * edge directed, source → target as stored (networkx refuses an undirected
 * edge in a directed graph); a partner relation (or one marked `undirected`,
 * an attribute like any other) says so in `actorscope:mutual`, beside the
 * relation's evidence in flat typed attributes (fields.ts,
 * derivedRelationFields) that Gephi can filter and colour by. The actor
 * name is the node label; numeric x+y, size and "#rrggbb" colour go to viz
 * elements, a numeric weight to the edge's `weight`; everything else to
 * declared attributes (fields.ts; common/own-names.ts for the `actorscope:`
 * ones). The whole `meta` is kept as JSON in `<actorscope:meta>` inside
 * `<meta>`. A character XML cannot hold makes writeGexf() throw, naming the
 * actor/relation.
 *
 * Time: when a relation's claims are dated, or an attribute holds time
 * (gexf-timed-values.ts), the graph is `mode="dynamic"` with
 * `timeformat="date"`: each edge has the spells its claims hold and its
 * weight over time as a dynamic `weight` (gexf-timeline.ts), an actor's
 * `spells` attribute is its `<spells>`, and values over time are dynamic
 * attvalues. Otherwise the graph is static, as before.
 */
import type { Actor, Attributes, Dataset, Relation } from '../../model/types';
import { OWN, OWN_PREFIX } from '../common/own-names';
import { xmlAttr, xmlText } from './escape';
import { actorFields, derivedRelationFields, formatNumber, planColumns, relationFields, type Column, type OutField } from './fields';
import { relationSpells, relationWeightSpans, type DaySpan } from './gexf-timeline';
import type { Span } from './gexf-time';
import { SPELLS_ATTRIBUTE, spellsOf, timedValuesOf, type TimedValue } from './gexf-timed-values';

const GEXF_NS = 'http://www.gexf.net/1.2draft';
const VIZ_NS = 'http://www.gexf.net/1.2draft/viz';
/** Our namespace, for the `<actorscope:meta>` element. */
export const ACTORSCOPE_NS = 'urn:actorscope:1';
/** The id of the dynamic `weight` attribute we derive from the claims (our reader drops it: the claims say it). */
export const DERIVED_WEIGHT_ID = 'actorscope:weight';

const GEXF_TYPES = { string: 'string', integer: 'long', double: 'double', boolean: 'boolean' } as const;
const HEX_COLOR = /^#[0-9a-f]{6}$/;

function withoutKeys(attributes: Attributes | undefined, keys: string[]): Attributes | undefined {
  if (!attributes || keys.length === 0) return attributes;
  const rest = Object.create(null) as Attributes;
  for (const [k, v] of Object.entries(attributes)) if (!keys.includes(k)) rest[k] = v;
  return rest;
}

function writeAttributes(cls: 'node' | 'edge', columns: Column[], out: string[], mode: 'static' | 'dynamic' = 'static'): void {
  if (columns.length === 0) return;
  out.push(`    <attributes class="${cls}" mode="${mode}">`);
  for (const c of columns) {
    out.push(`      <attribute id="${xmlAttr(c.id, () => 'an attribute id')}" title="${xmlAttr(c.name, () => `the attribute name ${JSON.stringify(c.name)}`)}" type="${GEXF_TYPES[c.type]}"/>`);
  }
  out.push('    </attributes>');
}

/** An attribute whose value is a value over time, to write as dynamic attvalues. */
interface TimedField {
  name: string;
  kind: 'string' | 'number' | 'boolean';
  values: TimedValue[];
  label: string;
}

/** Takes the attributes holding values over time out (and an actor's `spells`); the rest stay. */
function takeTimed(attributes: Attributes | undefined, spellsToo: boolean): { rest: Attributes | undefined; timed: TimedField[]; spells: Span[] | null } {
  const timed: TimedField[] = [];
  let spells: Span[] | null = null;
  const taken: string[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (spellsToo && key === SPELLS_ATTRIBUTE && (spells = spellsOf(value))) {
      taken.push(key);
      continue;
    }
    const values = timedValuesOf(value);
    if (!values) continue;
    // Named as attributeFields names it: our prefix escaped.
    const name = key.startsWith(OWN_PREFIX) ? `${OWN.attr}${key}` : key;
    timed.push({ name, kind: typeof values[0]!.value as TimedField['kind'], values, label: `attribute ${JSON.stringify(key)}` });
    taken.push(key);
  }
  return { rest: withoutKeys(attributes, taken), timed, spells };
}

/** Dynamic columns: one per name and kind, in order of first use. */
function planTimedColumns(rows: TimedField[][], idPrefix: string): { columns: Column[]; columnOf: (f: TimedField) => Column } {
  const byKey = new Map<string, Column>();
  for (const row of rows) {
    for (const f of row) {
      const key = `${f.kind}\u0000${f.name}`;
      if (!byKey.has(key)) byKey.set(key, { id: `${idPrefix}${byKey.size}`, name: f.name, type: f.kind === 'number' ? 'double' : f.kind });
    }
  }
  return { columns: [...byKey.values()], columnOf: (f) => byKey.get(`${f.kind}\u0000${f.name}`)! };
}

const timeAttrs = (s: Span) => `${s.start !== undefined ? ` start="${s.start}"` : ''}${s.end !== undefined ? ` end="${s.end}"` : ''}`;
const daySpan = ([start, end]: DaySpan): Span => ({ ...(start !== null ? { start } : {}), ...(end !== null ? { end } : {}) });

/** An element's `<attvalue>`s over time: its values over time, and (edges) the weight over time. */
function timedLines(fields: TimedField[], columnOf: (f: TimedField) => Column, weights: Array<[DaySpan, number]>, owner: () => string): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const id = columnOf(f).id;
    for (const v of f.values) {
      const text = typeof v.value === 'number' ? formatNumber(v.value) : String(v.value);
      out.push(`          <attvalue for="${id}" value="${xmlAttr(text, () => `${owner()} ${f.label}`)}"${timeAttrs(v)}/>`);
    }
  }
  for (const [span, weight] of weights) out.push(`          <attvalue for="${DERIVED_WEIGHT_ID}" value="${formatNumber(weight)}"${timeAttrs(daySpan(span))}/>`);
  return out;
}

function spellLines(spans: Span[]): string[] {
  return ['        <spells>', ...spans.map((s) => `          <spell${timeAttrs(s)}/>`), '        </spells>'];
}

function writeValues(fields: OutField[], columnOf: (f: OutField) => Column, owner: () => string, out: string[], timed: string[] = []): void {
  if (fields.length === 0 && timed.length === 0) return;
  out.push('        <attvalues>');
  for (const f of fields) {
    out.push(`          <attvalue for="${columnOf(f).id}" value="${xmlAttr(f.text, () => `${owner()} ${f.label}`)}"/>`);
  }
  out.push(...timed);
  out.push('        </attvalues>');
}

const rgb = (hex: string) => `r="${parseInt(hex.slice(1, 3), 16)}" g="${parseInt(hex.slice(3, 5), 16)}" b="${parseInt(hex.slice(5, 7), 16)}"`;

/** An actor's viz elements (colour, position, size) and its other fields. */
function nodeRow(actor: Actor) {
  const { rest: a, timed, spells } = takeTimed(actor.attributes, true);
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
  return { actor, viz, timed, spells, fields: actorFields(actor, withoutKeys(a, taken), noneReserved) };
}

/** A relation's native weight, its viz colour, its other fields and the derived ones. */
function edgeRow(relation: Relation) {
  const { rest: a, timed } = takeTimed(relation.attributes, false);
  const taken: string[] = [];
  let extra = '';
  let viz = '';
  if (a && typeof a.weight === 'number') {
    extra += ` weight="${formatNumber(a.weight)}"`;
    taken.push('weight');
  }
  if (a && typeof a.color === 'string' && HEX_COLOR.test(a.color)) {
    viz = `<viz:color ${rgb(a.color)}/>`;
    taken.push('color');
  }
  const spells = relationSpells(relation);
  const weights = relationWeightSpans(relation);
  return { relation, extra, viz, timed, spells: spells && spells.map(daySpan), weights, fields: [...relationFields(relation, withoutKeys(a, taken), noneReserved), ...derivedRelationFields(relation)] };
}

const noneReserved = () => false;

/** The dataset as GEXF 1.2draft text. Throws an Error naming the actor or relation if a text holds a character XML cannot carry. */
export function writeGexf(dataset: Dataset): string {
  const describeActor = (a: Actor) => `actor ${JSON.stringify(a.id)}`;
  const describeRelation = (r: Relation) => `relation ${JSON.stringify(r.id)}`;
  const nodeRows = dataset.actors.map(nodeRow);
  const edgeRows = dataset.relations.map(edgeRow);
  const nodeColumns = planColumns(nodeRows.map((r) => r.fields), 'n');
  const edgeColumns = planColumns(edgeRows.map((r) => r.fields), 'e');
  const nodeTimed = planTimedColumns(nodeRows.map((r) => r.timed), 'nt');
  const edgeTimed = planTimedColumns(edgeRows.map((r) => r.timed), 'et');
  const weighted = edgeRows.some((r) => r.weights.length > 0);
  const dynamic = weighted || nodeTimed.columns.length > 0 || edgeTimed.columns.length > 0 || nodeRows.some((r) => r.spells) || edgeRows.some((r) => r.spells);

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<gexf xmlns="${GEXF_NS}" xmlns:viz="${VIZ_NS}" xmlns:actorscope="${ACTORSCOPE_NS}" version="1.2">`);
  out.push('  <meta>');
  out.push('    <creator>Actorscope</creator>');
  out.push(`    <title>${xmlText(dataset.meta.title, () => 'the dataset title')}</title>`);
  if (dataset.meta.description !== undefined) out.push(`    <description>${xmlText(dataset.meta.description, () => 'the dataset description')}</description>`);
  out.push(`    <actorscope:meta>${xmlText(JSON.stringify(dataset.meta), () => 'the dataset description (meta)')}</actorscope:meta>`);
  out.push(`    <actorscope:sources>${xmlText(JSON.stringify(dataset.sources), () => 'the sources (their titles or texts)')}</actorscope:sources>`);
  out.push('  </meta>');
  out.push(dynamic ? '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">' : '  <graph mode="static" defaultedgetype="directed">');
  writeAttributes('node', nodeColumns.columns, out);
  writeAttributes('node', nodeTimed.columns, out, 'dynamic');
  writeAttributes('edge', edgeColumns.columns, out);
  // "weight" is GEXF's reserved title for the edge weight over time (Gephi's timeline reads it).
  writeAttributes('edge', [...edgeTimed.columns, ...(weighted ? [{ id: DERIVED_WEIGHT_ID, name: 'weight', type: 'double' as const }] : [])], out, 'dynamic');
  out.push('    <nodes>');
  for (const { actor, viz, fields, timed, spells } of nodeRows) {
    const who = () => describeActor(actor);
    out.push(`      <node id="${xmlAttr(actor.id, () => `${who()} (its id)`)}" label="${xmlAttr(actor.name, () => `${who()} name`)}">`);
    writeValues(fields, nodeColumns.columnOf, who, out, timedLines(timed, nodeTimed.columnOf, [], who));
    if (spells) out.push(...spellLines(spells));
    for (const v of viz) out.push(`        ${v}`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const { relation, extra, viz, fields, timed, spells, weights } of edgeRows) {
    const who = () => describeRelation(relation);
    out.push(
      `      <edge id="${xmlAttr(relation.id, () => `${who()} (its id)`)}" source="${xmlAttr(relation.source, () => `${who()} source`)}" target="${xmlAttr(relation.target, () => `${who()} target`)}"${extra}>`,
    );
    writeValues(fields, edgeColumns.columnOf, who, out, timedLines(timed, edgeTimed.columnOf, weights, who));
    if (spells) out.push(...spellLines(spells));
    if (viz) out.push(`        ${viz}`);
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}
