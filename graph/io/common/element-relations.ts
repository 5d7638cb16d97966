/**
 * The relation step of elements.ts: file edges → relations. Other tools'
 * files: an edge attribute named type / relation / kind / label → relation
 * type, normalised (relation-type.ts) and matched against our five names only;
 * anything else → `other`, with `attributes.originalType`. An undirected edge
 * is kept as written (source → target) with `attributes.undirected = true`
 * unless it is a partnership. Our own files: the `actorscope:` fields.
 */
import { RELATION_TYPES, type Attributes, type Relation, type RelationType } from '../../model/types';
import { describeValue } from '../../schema/problems';
import { applyNulls, fillAttributes, newAttributes, parseJsonField, takeValue, textOfValue } from './element-values';
import type { FileEdge, FileGraph, FileValue } from './elements';
import { OWN } from './own-names';
import type { ProblemLog } from './problem-log';
import { normaliseTypeName } from './relation-type';
import { parseNumber } from './value-typing';

export type RawRelation = Omit<Relation, 'id'> & { id?: string };

export interface RelationsRead {
  relations: RawRelation[];
  /** Where each relation's edge is in the file. */
  relationsAt: string[];
}

const TYPE_NAMES_BEFORE_KIND = ['type', 'relation', 'kind'];

type TypeValue = FileValue | { value: string; at: string } | undefined;

/** Our fields from a file Actorscope wrote; returns the type value. */
function ownRelationFields(edge: FileEdge, relation: RawRelation, values: FileValue[], attributes: Attributes, log: ProblemLog): TypeValue {
  const rawType = takeValue(values, [OWN.type], true);
  const notes = takeValue(values, [OWN.notes], true);
  if (notes) relation.notes = textOfValue(notes.value);
  const claims = takeValue(values, [OWN.claims], true);
  if (claims) {
    const list = parseJsonField(log, claims, 'list', 'claims');
    if (Array.isArray(list)) relation.claims = list as Relation['claims'];
  }
  applyNulls(log, attributes, takeValue(values, [OWN.nulls], true));
  if (edge.nativeKind) values.push({ name: 'kind', value: edge.nativeKind, at: edge.at });
  if (edge.nativeLabel) values.push({ name: 'label', value: edge.nativeLabel, at: edge.at });
  return rawType;
}

/** type > relation > kind (attribute, then GEXF's native kind) > label (attribute, then native); notes. Returns the type value. */
function foreignRelationFields(edge: FileEdge, relation: RawRelation, values: FileValue[]): TypeValue {
  let usedKind = false;
  let usedLabel = false;
  let rawType: TypeValue = takeValue(values, TYPE_NAMES_BEFORE_KIND);
  if (!rawType && edge.nativeKind) [rawType, usedKind] = [{ value: edge.nativeKind, at: edge.at }, true];
  if (!rawType) rawType = takeValue(values, ['label']);
  if (!rawType && edge.nativeLabel) [rawType, usedLabel] = [{ value: edge.nativeLabel, at: edge.at }, true];
  if (edge.nativeKind && !usedKind && !values.some((v) => v.name === 'kind')) values.push({ name: 'kind', value: edge.nativeKind, at: edge.at });
  if (edge.nativeLabel && !usedLabel && !values.some((v) => v.name === 'label')) values.push({ name: 'label', value: edge.nativeLabel, at: edge.at });
  const notes = takeValue(values, ['notes']);
  if (notes && textOfValue(notes.value) !== '') relation.notes = textOfValue(notes.value);
  return rawType;
}

/** The type value → one of ours, or `other` with `attributes.originalType` (tallied); null when the edge gives none. */
function relationType(rawType: TypeValue, own: boolean, attributes: Attributes, log: ProblemLog): RelationType | null {
  if (!rawType || textOfValue(rawType.value).trim() === '') return null;
  const raw = own ? textOfValue(rawType.value) : textOfValue(rawType.value).trim();
  const normalised = own ? raw : normaliseTypeName(raw);
  if ((RELATION_TYPES as readonly string[]).includes(normalised)) return normalised as RelationType;
  attributes.originalType = raw;
  log.tally(`type:${raw}`, rawType.at, (n) =>
    `${describeValue(raw)} is not a relation type (${RELATION_TYPES.join(', ')}): ${n === 1 ? 'one relation' : `${n} relations`} kept as "other" with attributes.originalType`);
  return 'other';
}

/** Edge ends that name no node are errors; an edge id used by several edges is dropped (a generated id), with a warning. */
function checkEdge(edge: FileEdge, relation: RawRelation, nodes: ReadonlyMap<string, string>, edgeIds: Map<string, number>, firstEdgeAt: Map<string, string>, log: ProblemLog): void {
  for (const end of ['source', 'target'] as const) {
    if (!nodes.has(edge[end])) {
      log.errorCapped('missing-node', edge.at, `edge ${edge.id !== null ? `${describeValue(edge.id)} ` : ''}points at the ${end} node ${describeValue(edge[end])}, which the file does not define`,
        (more) => `${more} more edge ends point at nodes the file does not define`);
    }
  }
  if (edge.id === null) return;
  if (edgeIds.get(edge.id) === 1) {
    relation.id = edge.id;
    return;
  }
  const first = firstEdgeAt.get(edge.id);
  if (first === undefined) firstEdgeAt.set(edge.id, edge.at);
  log.warnCapped('duplicate-edge', edge.at, `edge id ${describeValue(edge.id)} is used by ${edgeIds.get(edge.id)} edges${first ? ` (first at ${first})` : ''}; this relation gets a generated id`,
    (more) => `${more} more edges share an id; they get generated ids`);
}

/** File edges → relations. `nodes`: node id → where it is defined. */
export function readRelations(file: FileGraph, nodes: ReadonlyMap<string, string>, log: ProblemLog): RelationsRead {
  const out: RelationsRead = { relations: [], relationsAt: [] };
  const own = file.ownEdges;
  const edgeIds = new Map<string, number>();
  for (const edge of file.edges) if (edge.id !== null) edgeIds.set(edge.id, (edgeIds.get(edge.id) ?? 0) + 1);
  const firstEdgeAt = new Map<string, string>();
  const untyped = { count: 0, at: '' };
  const undirected = { count: 0, at: '' };
  for (const edge of file.edges) {
    const relation: RawRelation = { source: edge.source, target: edge.target, type: 'other', claims: [] };
    checkEdge(edge, relation, nodes, edgeIds, firstEdgeAt, log);
    const values = edge.values.slice();
    const attributes = newAttributes();
    const rawType = own ? ownRelationFields(edge, relation, values, attributes, log) : foreignRelationFields(edge, relation, values);
    const type = relationType(rawType, own, attributes, log);
    if (type === null && untyped.count++ === 0) untyped.at = edge.at;
    relation.type = type ?? 'other';
    fillAttributes(log, attributes, values, 'edge', own);
    if (!edge.directed && relation.type !== 'partner' && !Object.prototype.hasOwnProperty.call(attributes, 'undirected')) {
      attributes.undirected = true;
      if (!own && undirected.count++ === 0) undirected.at = edge.at;
    }
    if (Object.keys(attributes).length > 0) relation.attributes = attributes;
    out.relations.push(relation);
    out.relationsAt.push(edge.at);
  }
  warnRelations(file, out, untyped, undirected, log);
  return out;
}

/** The sums over all edges: untyped, undirected, text weights. */
function warnRelations(file: FileGraph, read: RelationsRead, untyped: { count: number; at: string }, undirected: { count: number; at: string }, log: ProblemLog): void {
  const { relations, relationsAt } = read;
  if (untyped.count > 0) {
    const names = file.ownEdges ? `"${OWN.type}"` : 'type, relation, kind or label';
    log.warn(untyped.at, untyped.count === relations.length
      ? `no edge attribute gives the relation type (${names}): ${relations.length === 1 ? 'the relation is' : `all ${relations.length} relations are`} read as "other"`
      : `${untyped.count} of ${relations.length} relations ${untyped.count === 1 ? 'has' : 'have'} no type (${names}): read as "other"`);
  }
  const n = undirected.count;
  if (n > 0) {
    log.warn(undirected.at, `${n === 1 ? 'one relation is' : `${n} relations are`} undirected in the file, which does not say which way ${n === 1 ? 'it points' : 'they point'}: kept as written (source → target), marked attributes.undirected = true`);
  }
  // Said of files from other tools (igraph's text weights), not of our own data coming back.
  const textWeights = file.ownEdges ? [] : relations.filter((r) => typeof r.attributes?.weight === 'string' && parseNumber(r.attributes.weight as string) === null);
  if (textWeights.length > 0) {
    const i = relations.indexOf(textWeights[0]!);
    log.warn(relationsAt[i]!, `the edge attribute "weight" holds text (${describeValue(textWeights[0]!.attributes!.weight)}${textWeights.length > 1 ? ` and ${textWeights.length - 1} more` : ''}), not numbers: kept as text; it cannot weight metrics`);
  }
}
