/**
 * The relation step of records-to-dataset.ts: a relation record → a raw
 * relation for restore(). Other tools' files: the type from the values the
 * dialect names (or the format's native kind and label), normalised and
 * matched against our five names only (relation-type.ts); anything else →
 * `other`, with `attributes.originalType`. An undirected edge is kept as
 * written (source → target) with `attributes.undirected = true` unless it is
 * a partnership. Our own files: the fields the reader tagged.
 */
import { RELATION_TYPES, type Attributes, type RelationType } from '../../model/types';
import { describeValue } from '../../schema/problems';
import { applyNulls, fillAttributes, newAttributes, takeValue, textOfValue } from './record-values';
import type { MappingContext } from './dialect';
import { hasOwn, type Bag, type FileValue, type RelationRecord } from './records';
import { mapRelationType, type MappedType } from './relation-type';

type TypeValue = { value: unknown; at: string } | undefined;

/** The type value of another tool's record: the dialect's names, then the native kind, then `typeAfterNative`, then the native label. */
function foreignType(record: RelationRecord, values: FileValue[], m: MappingContext): TypeValue {
  const { dialect: d } = m;
  let usedKind = false;
  let usedLabel = false;
  let rawType: TypeValue = takeValue(values, 'type', d.relation.type, d.match);
  if (!rawType && record.nativeKind) [rawType, usedKind] = [{ value: record.nativeKind, at: record.at }, true];
  if (!rawType) rawType = takeValue(values, 'type', d.relation.typeAfterNative, d.match);
  if (!rawType && record.nativeLabel) [rawType, usedLabel] = [{ value: record.nativeLabel, at: record.at }, true];
  if (record.nativeKind && !usedKind && !values.some((v) => v.name === 'kind')) values.push({ name: 'kind', value: record.nativeKind, at: record.at });
  if (record.nativeLabel && !usedLabel && !values.some((v) => v.name === 'label')) values.push({ name: 'label', value: record.nativeLabel, at: record.at });
  return rawType;
}

/** The type value of one of our graph files; the native kind and label are attributes. */
function ownType(record: RelationRecord, values: FileValue[], m: MappingContext): TypeValue {
  const rawType = takeValue(values, 'type', null, m.dialect.match);
  if (record.nativeKind) values.push({ name: 'kind', value: record.nativeKind, at: record.at });
  if (record.nativeLabel) values.push({ name: 'label', value: record.nativeLabel, at: record.at });
  return rawType;
}

/** Our own graph files write our names exactly: anything else is kept as written. */
function ownRelationType(text: string): MappedType {
  return (RELATION_TYPES as readonly string[]).includes(text) ? { type: text as RelationType, known: true } : { type: 'other', known: false, originalType: text };
}

/** A type value → ours, or `other` with the original noted as the dialect words it; null when the record gives none. */
function relationType(rawType: TypeValue, own: boolean, m: MappingContext): MappedType | null {
  if (!rawType || textOfValue(rawType.value).trim() === '') return null;
  const text = textOfValue(rawType.value);
  const mapped = own ? ownRelationType(text) : mapRelationType(text);
  if (mapped.known) return mapped;
  const raw = mapped.originalType;
  if (m.dialect.unknownTypes === 'first-then-count') m.typeTally.note(raw, rawType.at);
  else {
    m.log.tally(`type:${raw}`, rawType.at, (n) =>
      `${describeValue(raw)} is not a relation type (${RELATION_TYPES.join(', ')}): ${n === 1 ? 'one relation' : `${n} relations`} kept as "other" with attributes.originalType`);
  }
  return mapped;
}

/** A file's own `originalType` attribute, when the unknown type needs the name: renamed `originalType_N`. */
function renameOriginalType(attributes: Attributes, values: readonly FileValue[], m: MappingContext): void {
  if (!hasOwn(attributes, 'originalType')) return;
  let n = 2;
  while (hasOwn(attributes, `originalType_${n}`)) n++;
  attributes[`originalType_${n}`] = attributes.originalType!;
  const at = values.find((v) => v.name === 'originalType')?.at ?? '';
  m.log.warn(at, `renamed originalType_${n}: originalType holds the unknown relation type`);
}

/** Tagged fields of our own files, as written. */
function copyOwnFields(relation: Bag, values: FileValue[], m: MappingContext): void {
  for (const field of ['type', 'claims', 'notes'] as const) {
    const v = takeValue(values, field, null, m.dialect.match);
    if (v) relation[field] = v.value;
  }
  if (!hasOwn(relation, 'claims')) relation.claims = [];
}

/**
 * The claims of a relation read from a file that gives none: one list for them all, which
 * restore() only reads (an edge list's 50,000 relations at 10k/50k); a reader that has
 * claims sets its own list.
 */
const NO_CLAIMS: readonly Bag[] = Object.freeze([]);

/** One relation record → a raw relation; `typed`: the record gave a type; `markedUndirected`: marked attributes.undirected. */
export function mapRelation(record: RelationRecord, m: MappingContext): { relation: Bag; typed: boolean; markedUndirected: boolean } {
  const { dialect: d, log } = m;
  const own = m.own.relations;
  const relation: Bag = {};
  if (record.id !== null) relation.id = record.id;
  relation.source = record.source;
  relation.target = record.target;
  const values = record.values.slice();
  // Other tools' files: made only when the relation has attributes (an edge list's have none).
  let attributes: Attributes | undefined;
  if (own) {
    attributes = newAttributes();
    applyNulls(attributes, values, d);
  }
  if (own && d.ownFields === 'as-written') {
    copyOwnFields(relation, values, m);
    fillAttributes(log, attributes!, values, 'edge', own, d);
    if (Object.keys(attributes!).length > 0) relation.attributes = attributes;
    return { relation, typed: true, markedUndirected: false };
  }
  relation.type = 'other';
  relation.claims = own ? [] : (record.claims ?? NO_CLAIMS);
  const rawType = own ? ownType(record, values, m) : foreignType(record, values, m);
  if (own) {
    const claims = takeValue(values, 'claims', null, d.match);
    if (claims) relation.claims = claims.value;
  }
  const notes = takeValue(values, 'notes', own ? null : d.relation.notes, d.match);
  if (notes && (own || textOfValue(notes.value) !== '')) relation.notes = textOfValue(notes.value);
  const mapped = relationType(rawType, own, m);
  if (mapped) relation.type = mapped.type;
  const originalType = mapped && !mapped.known ? mapped.originalType : null;
  // Nothing left to make attributes of: none (as the general path below would find).
  if (!own && values.length === 0 && originalType === null && record.directed) return { relation, typed: mapped !== null, markedUndirected: false };
  attributes ??= newAttributes();
  if (originalType !== null && d.originalType === 'first') attributes.originalType = originalType;
  fillAttributes(log, attributes, values, 'edge', own, d);
  if (originalType !== null && d.originalType === 'last') {
    renameOriginalType(attributes, values, m);
    attributes.originalType = originalType;
  }
  let markedUndirected = false;
  if (!record.directed && relation.type !== 'partner' && !hasOwn(attributes, 'undirected')) {
    attributes.undirected = true;
    markedUndirected = true;
  }
  if (Object.keys(attributes).length > 0) relation.attributes = attributes;
  return { relation, typed: mapped !== null, markedUndirected };
}
