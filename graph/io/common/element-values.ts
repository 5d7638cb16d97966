/** Taking our fields out of an element's typed values, and what is left into attributes (elements.ts). */
import type { AttributeValue, Attributes } from '../../model/types';
import { describeValue } from '../../schema/problems';
import type { FileValue } from './elements';
import { OWN } from './own-names';
import type { ProblemLog } from './problem-log';
import { isPlainObject } from './records';

/** Takes out the first value whose name is one of `names` (lower case), in the order of `names`. */
export function takeValue(values: FileValue[], names: readonly string[], exact = false): FileValue | undefined {
  for (const wanted of names) {
    const i = values.findIndex((v) => (exact ? v.name === wanted : v.name.trim().toLowerCase() === wanted));
    if (i >= 0) return values.splice(i, 1)[0];
  }
  return undefined;
}

export function textOfValue(v: AttributeValue): string {
  return v === null ? '' : String(v);
}

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

/** Puts the remaining values into attributes; a second value of the same name is dropped with a warning. */
export function fillAttributes(log: ProblemLog, attributes: Attributes, values: FileValue[], owner: 'node' | 'edge', own: boolean): void {
  for (const v of values) {
    let name = v.name;
    if (own && name.startsWith(OWN.attr)) name = name.slice(OWN.attr.length);
    if (Object.prototype.hasOwnProperty.call(attributes, name)) {
      log.tally(`twice:${owner}:${name}`, v.at, (n) =>
        `${owner} attribute ${JSON.stringify(name)} is given twice on ${n === 1 ? 'one element' : `${n} elements`}; the first value is kept`);
      continue;
    }
    attributes[name] = v.value;
  }
}

export function applyNulls(log: ProblemLog, attributes: Attributes, v: FileValue | undefined): void {
  if (!v) return;
  const list = parseJsonField(log, v, 'list', 'names of null attributes');
  if (!Array.isArray(list)) return;
  for (const name of list) if (typeof name === 'string') attributes[name] = null;
}
