/**
 * Writing GraphML: `edgedefault="directed"` and every edge directed, source →
 * target as stored, so that networkx (which refuses an undirected edge in a
 * directed graph) and igraph read it as it is; a partner relation (or one
 * marked `undirected`) says so in `actorscope:mutual`, beside the relation's
 * evidence in flat typed keys (fields.ts, derivedRelationFields) that Gephi and
 * yEd can filter by. The actor name in the `label`
 * key (Gephi reads it); our other fields and every attribute in declared keys
 * (fields.ts; common/own-names.ts); the whole `meta` as JSON in the graph key
 * `actorscope:meta`. A character XML cannot hold makes writeGraphml() throw,
 * naming the actor or relation.
 */
import type { Dataset } from '../../model/types';
import { OWN } from '../common/own-names';
import { xmlAttr, xmlText } from './escape';
import { actorFields, derivedRelationFields, planColumns, relationFields, type Column, type OutField } from './fields';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

const GRAPHML_TYPES = { string: 'string', integer: 'long', double: 'double', boolean: 'boolean' } as const;

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
  // `undirected`, when a relation has it, is an attribute like any other: written as a key, read back as one.
  const edgeRows = dataset.relations.map((relation) => ({
    relation,
    fields: [...relationFields(relation, relation.attributes, () => false), ...derivedRelationFields(relation)],
  }));
  const nodeColumns = planColumns(nodeRows.map((r) => r.fields), 'v');
  const edgeColumns = planColumns(edgeRows.map((r) => r.fields), 'e');

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  );
  out.push('  <!-- Written by Actorscope. Attributes named actorscope:* hold what GraphML cannot say natively (kind, aliases, claims…). -->');
  out.push(`  <key id="g0" for="graph" attr.name="${OWN.meta}" attr.type="string"/>`);
  out.push(`  <key id="g1" for="graph" attr.name="${OWN.sources}" attr.type="string"/>`);
  const keyLine = (domain: string, c: Column) =>
    `  <key id="${c.id}" for="${domain}" attr.name="${xmlAttr(c.name, () => `the attribute name ${JSON.stringify(c.name)}`)}" attr.type="${GRAPHML_TYPES[c.type]}"/>`;
  for (const c of nodeColumns.columns) out.push(keyLine('node', c));
  for (const c of edgeColumns.columns) out.push(keyLine('edge', c));
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(`    <data key="g0">${xmlText(JSON.stringify(dataset.meta), () => 'the dataset description (meta)')}</data>`);
  out.push(`    <data key="g1">${xmlText(JSON.stringify(dataset.sources), () => 'the sources (their titles or texts)')}</data>`);
  for (const { actor, fields } of nodeRows) {
    const who = () => `actor ${JSON.stringify(actor.id)}`;
    out.push(`    <node id="${xmlAttr(actor.id, () => `${who()} (its id)`)}">`);
    writeData(fields, nodeColumns.columnOf, who, out);
    out.push('    </node>');
  }
  for (const { relation, fields } of edgeRows) {
    const who = () => `relation ${JSON.stringify(relation.id)}`;
    out.push(
      `    <edge id="${xmlAttr(relation.id, () => `${who()} (its id)`)}" source="${xmlAttr(relation.source, () => `${who()} source`)}" target="${xmlAttr(relation.target, () => `${who()} target`)}">`,
    );
    writeData(fields, edgeColumns.columnOf, who, out);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
