/** The small checks every part of restore() shares: is it an object, are these plain attribute values. */
import type { Attributes } from '../model/types';
import { describeValue, type ProblemList } from './problems';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function restoreAttributes(raw: unknown, path: string, problems: ProblemList): Attributes | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    problems.error(path, `expected an object, found ${describeValue(raw)}`);
    return undefined;
  }
  // A null-prototype object, so that keys such as __proto__ stay plain data.
  const out: Attributes = Object.create(null) as Attributes;
  for (const [key, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else problems.error(`${path}.${key}`, `${describeValue(v)} is not a plain value (text, number, true/false or null)`);
  }
  return out;
}
