/**
 * Time that our model has no field for, kept in attributes as JSON text so
 * that every format carries it and GEXF writes it back as time:
 *
 * - an actor's lifetime (a node's spells, or its start/end): the attribute
 *   `spells`, `[{"start":"2001-01-01","end":"2003-01-01"},{"start":"2005"}]`
 *   (an open end left out; `{}` holds always), as networkx names it;
 * - a value over time (a dynamic attribute of a node, or of an edge other than
 *   its weight): the attribute of that name, `[{"value":1.5,"start":"2001","end":"2002"},{"value":2.5,"start":"2002"}]`.
 *
 * The writer (gexf-write.ts) writes an attribute back as time only when its
 * text is exactly what `spellsText` / `timedValuesText` would make (and, for
 * values, not one value holding always, which GEXF says as a plain value), so
 * any other text stays the text it is.
 */
import type { AttributeValue } from '../../model/types';
import { dateBounds, isPartialDate } from '../../schema/dates';
import type { Span } from './gexf-time';

/** The attribute that holds an actor's lifetime. */
export const SPELLS_ATTRIBUTE = 'spells';

export interface TimedValue extends Span {
  value: string | number | boolean;
}

const spanPart = (s: Span): Span => {
  const out: Span = {};
  if (s.start !== undefined) out.start = s.start;
  if (s.end !== undefined) out.end = s.end;
  return out;
};

export const spellsText = (spans: readonly Span[]): string => JSON.stringify(spans.map(spanPart));

export const timedValuesText = (values: readonly TimedValue[]): string => JSON.stringify(values.map((v) => ({ value: v.value, ...spanPart(v) })));

const isSpan = (s: Span) =>
  (s.start === undefined || isPartialDate(s.start)) && (s.end === undefined || isPartialDate(s.end)) && (s.start === undefined || s.end === undefined || dateBounds(s.start)[0] <= dateBounds(s.end)[1]);

function parseList(text: AttributeValue | undefined): Record<string, unknown>[] | null {
  if (typeof text !== 'string' || !text.startsWith('[{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) ? (parsed as Record<string, unknown>[]) : null;
  } catch {
    return null;
  }
}

/** The spans an actor's `spells` attribute holds, or null when it is not exactly a list of spans. */
export function spellsOf(text: AttributeValue | undefined): Span[] | null {
  const list = parseList(text);
  if (!list) return null;
  const spans = list as Span[];
  return spans.every(isSpan) && spellsText(spans) === text ? spans : null;
}

/** The values over time an attribute holds, or null when it is not exactly such a list (of one kind of value: all numbers, texts or booleans). */
export function timedValuesOf(text: AttributeValue | undefined): TimedValue[] | null {
  const list = parseList(text);
  if (!list) return null;
  const values = list as unknown as TimedValue[];
  // One value that holds always is a plain value in GEXF, and would read back as one.
  if (values.length === 1 && values[0]!.start === undefined && values[0]!.end === undefined) return null;
  const kind = typeof values[0]!.value;
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return null;
  if (!values.every((v) => typeof v.value === kind && (kind !== 'number' || Number.isFinite(v.value)) && isSpan(v))) return null;
  return timedValuesText(values) === text ? values : null;
}
