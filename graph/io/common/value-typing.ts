/**
 * Typing the values of graph files by their declared types (GEXF
 * `<attribute type>`, GraphML `attr.type`): integer/long/float/double/boolean/
 * string honoured; GEXF liststring and other types stay text as written.
 * Booleans are trimmed and case-insensitive (`"  true  "`, `fAlSe`, `1`, `0`).
 * Our attributes hold finite numbers only, so `INF`/`-INF` keep their text,
 * with a warning; any value that cannot be typed keeps its text, with a
 * located warning. Never NaN.
 */
import type { AttributeValue } from '../../model/types';
import { describeValue } from '../../schema/problems';
import type { ProblemLog } from './problem-log';

/** What a declared file type means to us. */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean';

const INTEGER_TYPES = new Set(['int', 'integer', 'long', 'short', 'byte', 'biginteger']);
const NUMBER_TYPES = new Set(['float', 'double', 'bigdecimal']);

/** GEXF and GraphML type names → ours; unknown types (liststring, anyURI, date, vector_float …) are text. */
export function valueTypeOf(declared: string | null | undefined): ValueType {
  const t = (declared ?? 'string').trim().toLowerCase();
  if (INTEGER_TYPES.has(t)) return 'integer';
  if (NUMBER_TYPES.has(t)) return 'number';
  if (t === 'boolean') return 'boolean';
  return 'string';
}

export type TypedValue = { ok: true; value: AttributeValue } | { ok: false; infinite: boolean };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?(?:INF|inf|Infinity|infinity)$/;

/** A numeric text → finite number, or null. Leading and trailing whitespace is allowed (igraph writes `"  2.0"`). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function typeValue(text: string, type: ValueType): TypedValue {
  if (type === 'string') return { ok: true, value: text };
  const t = text.trim();
  if (type === 'boolean') {
    const lower = t.toLowerCase();
    if (lower === 'true' || lower === '1') return { ok: true, value: true };
    if (lower === 'false' || lower === '0') return { ok: true, value: false };
    return { ok: false, infinite: false };
  }
  if (INFINITE.test(t)) return { ok: false, infinite: true };
  if (!DECIMAL.test(t)) return { ok: false, infinite: false };
  const n = Number(t);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, infinite: true };
}

const TYPE_WORDS: Record<ValueType, [string, string]> = {
  string: ['text', 'text'],
  integer: ['an integer', 'integers'],
  number: ['a number', 'numbers'],
  boolean: ['true or false', 'true or false'],
};

/**
 * Types a value and, when it cannot be typed, keeps its text and records one
 * warning per attribute (located at the first such value, with a count).
 */
export function typeOrKeep(
  log: ProblemLog,
  text: string,
  type: ValueType,
  declared: string,
  where: { at: string; owner: 'node' | 'edge'; name: string },
): AttributeValue {
  const typed = typeValue(text, type);
  if (typed.ok) return typed.value;
  const label = `${where.owner} attribute ${JSON.stringify(where.name)} (${declared})`;
  if (typed.infinite) {
    log.tally(`infinite:${where.owner}:${where.name}`, where.at, (n, firstText) =>
      `${label}: ${firstText} is infinite; attributes hold finite numbers, so the text is kept${n > 1 ? ` (${n} values)` : ''}`, describeValue(text));
  } else {
    log.tally(`untyped:${where.owner}:${where.name}`, where.at, (n, firstText) =>
      `${label}: ${n === 1 ? `${firstText} is not ${TYPE_WORDS[type][0]}` : `${n} values (the first ${firstText}) are not ${TYPE_WORDS[type][1]}`}; kept as text`, describeValue(text));
  }
  return text;
}
