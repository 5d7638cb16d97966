/**
 * What the GEXF and GraphML writers put in declared attributes: our fields
 * the format cannot hold natively (common/own-names.ts), then the user attributes;
 * and the columns (GEXF `<attribute>`, GraphML `<key>`) they need.
 */
import type { Actor, Attributes, Relation } from '../../model/types';
import { derivedRelationValues } from '../common/derived-values';
import { DERIVED, OWN, OWN_PREFIX } from '../common/own-names';

/** One value to write: its name in the file, its kind and its text. */
export interface OutField {
  name: string;
  kind: 'string' | 'number' | 'boolean';
  text: string;
  /** A number that is a safe integer (for the column type). */
  integer: boolean;
  /** For the writer's error message: which attribute this is. */
  label: string;
}

/** Shortest text that reads back as the same number (`-0` kept). */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

const text = (name: string, value: string, label = name): OutField => ({ name, kind: 'string', text: value, integer: false, label });

function attributeFields(attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  if (!attributes) return [];
  const out: OutField[] = [];
  const nulls: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const name = reserved(key) || key.startsWith(OWN_PREFIX) ? `${OWN.attr}${key}` : key;
    const label = `attribute ${JSON.stringify(key)}`;
    if (value === null) nulls.push(key);
    else if (typeof value === 'string') out.push(text(name, value, label));
    else if (typeof value === 'boolean') out.push({ name, kind: 'boolean', text: String(value), integer: false, label });
    else out.push({ name, kind: 'number', text: formatNumber(value), integer: Number.isSafeInteger(value) && !Object.is(value, -0), label });
  }
  if (nulls.length > 0) out.push(text(OWN.nulls, JSON.stringify(nulls)));
  return out;
}

/**
 * The declared values for one actor: our fields the format cannot hold
 * natively, then its attributes (`attributes` is what is left after the
 * writer took out what it writes natively, such as GEXF viz data).
 */
export function actorFields(actor: Actor, attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  const out: OutField[] = [text(OWN.kind, actor.kind, 'kind')];
  if (actor.aliases.length > 0) out.push(text(OWN.aliases, JSON.stringify(actor.aliases), 'aliases'));
  if (actor.country !== undefined) out.push(text(OWN.country, actor.country, 'country'));
  if (actor.notes !== undefined) out.push(text(OWN.notes, actor.notes, 'notes'));
  return out.concat(attributeFields(attributes, reserved));
}

export function relationFields(relation: Relation, attributes: Attributes | undefined, reserved: (name: string) => boolean): OutField[] {
  const out: OutField[] = [text(OWN.type, relation.type, 'type')];
  if (relation.notes !== undefined) out.push(text(OWN.notes, relation.notes, 'notes'));
  if (relation.claims.length > 0) out.push(text(OWN.claims, JSON.stringify(relation.claims), 'claims'));
  return out.concat(attributeFields(attributes, reserved));
}

/**
 * The flat, typed values other tools filter and style by (common/own-names.ts,
 * DERIVED, computed in common/derived-values.ts): mutual, confidence, best
 * supporting grade, claims and disputing claims counted, first and last date.
 */
export function derivedRelationFields(relation: Relation): OutField[] {
  const labels: Record<string, string> = {
    [DERIVED.mutual]: 'mutual', [DERIVED.confidence]: 'confidence', [DERIVED.bestGrade]: 'best grade', [DERIVED.claims]: 'claim count',
    [DERIVED.disputes]: 'disputing claims', [DERIVED.firstDate]: 'first date', [DERIVED.lastDate]: 'last date',
  };
  return derivedRelationValues(relation).map(([name, value]): OutField => {
    const label = labels[name] ?? name;
    if (typeof value === 'boolean') return { name, kind: 'boolean', text: String(value), integer: false, label };
    if (typeof value === 'number') return { name, kind: 'number', text: formatNumber(value), integer: name !== DERIVED.confidence && Number.isSafeInteger(value), label };
    return text(name, value, label);
  });
}

export type ColumnType = 'string' | 'integer' | 'double' | 'boolean';

export interface Column {
  id: string;
  name: string;
  type: ColumnType;
}

/**
 * Declared attributes (GEXF `<attribute>`, GraphML `<key>`) for a set of rows,
 * in order of first use. A name whose values have different kinds (text on one
 * actor, a number on another) gets one column per kind, so each value reads
 * back with its own type. Numbers are `integer` when every value is one.
 */
export function planColumns(rows: OutField[][], idPrefix: string): { columns: Column[]; columnOf: (f: OutField) => Column } {
  const byKey = new Map<string, Column>();
  for (const row of rows) {
    for (const f of row) {
      const key = `${f.kind}\u0000${f.name}`;
      let column = byKey.get(key);
      if (!column) {
        column = { id: `${idPrefix}${byKey.size}`, name: f.name, type: f.kind === 'number' ? 'integer' : f.kind };
        byKey.set(key, column);
      }
      if (f.kind === 'number' && !f.integer) column.type = 'double';
      // A confidence of 1 or 0 is an integer, but the column holds shares: always double.
      if (f.name === DERIVED.confidence) column.type = 'double';
    }
  }
  return { columns: [...byKey.values()], columnOf: (f) => byKey.get(`${f.kind}\u0000${f.name}`)! };
}
