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
 */
import type { Actor, Attributes, Dataset, Relation } from '../../model/types';
import { xmlAttr, xmlText } from './escape';
import { actorFields, derivedRelationFields, formatNumber, planColumns, relationFields, type Column, type OutField } from './fields';

const GEXF_NS = 'http://www.gexf.net/1.2draft';
const VIZ_NS = 'http://www.gexf.net/1.2draft/viz';
/** Our namespace, for the `<actorscope:meta>` element. */
export const ACTORSCOPE_NS = 'urn:actorscope:1';

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

/** An actor's viz elements (colour, position, size) and its other fields. */
function nodeRow(actor: Actor) {
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
}

/** A relation's native weight, its viz colour, its other fields and the derived ones. */
function edgeRow(relation: Relation) {
  const a = relation.attributes;
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
  return { relation, extra, viz, fields: [...relationFields(relation, withoutKeys(a, taken), noneReserved), ...derivedRelationFields(relation)] };
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
