/** Taking fields out of a record's values, and what is left into attributes (records-to-dataset.ts). */
import type { AttributeValue, Attributes } from '../../model/types';
import { describeValue } from '../../schema/problems';
import type { ProblemLog } from './problem-log';
import type { Dialect, FieldRule } from './dialect';
import { hasOwn, isPlainObject, type Field, type FileValue } from './records';

/** Whether a file's name is the rule's name `wanted`. */
export const sameName = (name: string, wanted: string, match: Dialect['match']): boolean => (match === 'exact' ? name === wanted : name.trim().toLowerCase() === wanted);

/** Takes out the value tagged `field`, else the first named by the rule (in the order of its names) that it accepts. */
export function takeValue(values: FileValue[], field: Field, rule: FieldRule | null, match: Dialect['match']): FileValue | undefined {
  const tagged = values.findIndex((v) => v.field === field);
  if (tagged >= 0) return values.splice(tagged, 1)[0];
  for (const wanted of rule?.names ?? []) {
    const i = values.findIndex((v) => v.field === undefined && sameName(v.name, wanted, match) && (!rule!.usable || rule!.usable(v.value)));
    if (i >= 0) return values.splice(i, 1)[0];
  }
  return undefined;
}

export function textOfValue(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Our JSON text fields in graph files (`actorscope:aliases`, `actorscope:claims`, …); errors at the value. */
export function parseJsonField(log: ProblemLog, v: FileValue, expect: 'list' | 'object', what: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOfValue(v.value));
  } catch (err) {
    log.error(v.at, `${v.name} (${what}) is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (expect === 'list' ? !Array.isArray(parsed) : !isPlainObject(parsed)) {
    log.error(v.at, `${v.name} (${what}) must hold a JSON ${expect === 'list' ? 'list' : 'object'}, found ${describeValue(parsed)}`);
    return undefined;
  }
  return parsed;
}

export function newAttributes(): Attributes {
  // A null-prototype object, so that an attribute named __proto__ stays data.
  return Object.create(null) as Attributes;
}

/** The attributes our file says are null (a tagged `nulls` list), set before the others. */
export function applyNulls(attributes: Attributes, values: FileValue[], d: Dialect): void {
  const nulls = takeValue(values, 'nulls', null, d.match);
  if (!nulls || !Array.isArray(nulls.value)) return;
  for (const name of nulls.value) if (typeof name === 'string') attributes[name] = null;
}

/** Puts the remaining values into attributes: our escaped names unescaped, other tools' values made attribute values. */
export function fillAttributes(log: ProblemLog, attributes: Attributes, values: readonly FileValue[], owner: 'node' | 'edge', own: boolean, d: Dialect): void {
  for (const v of values) {
    let name = v.name;
    if (own && name.startsWith(d.ownPrefix)) name = name.slice(d.ownPrefix.length);
    if (d.repeatedAttribute && hasOwn(attributes, name)) {
      d.repeatedAttribute(log, owner, name, v.at);
      continue;
    }
    const value = !own && d.attributeValue ? d.attributeValue(v, log) : v.value;
    if (value !== undefined) attributes[name] = value as AttributeValue;
  }
}
